"""Mail that must never be answered automatically (RFC 3834 and practice)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from intents import read_message
from tests.intents.mailmaker import mail


@pytest.mark.parametrize(("headers", "reason"), [
    ({"Auto_Submitted": "auto-replied"}, "Auto-Submitted: auto-replied"),
    ({"Precedence": "bulk"}, "Precedence: bulk"),
    ({"Precedence": "list"}, "Precedence: list"),
    ({"List_Id": "<news.example.org>"}, "List-Id"),
    ({"List_Unsubscribe": "<mailto:unsub@example.org>"}, "List-Unsubscribe"),
    ({"X_Autoreply": "yes"}, "X-Autoreply"),
    ({"Return_Path": "<>"}, "null return path"),
])
def test_header_signals(headers: dict[str, str], reason: str) -> None:
    got = mail("Please delete my data.", **headers)
    assert got.auto_reply
    assert reason in got.auto_reply_reasons


@pytest.mark.parametrize("subject", [
    "Out of Office: project", "Automatic reply: Storyboard review", "Abwesenheitsnotiz",
    "Respuesta automática: pedido", "Réponse automatique : devis", "Undeliverable: hello",
])
def test_subject_signals(subject: str) -> None:
    assert mail("I am away until Monday.", subject).auto_reply


def test_human_mail_is_answerable() -> None:
    got = mail("Please delete my data.", "Delete my account", Auto_Submitted="no")
    assert not got.auto_reply
    assert got.auto_reply_reasons == []


def test_delivery_status_notification() -> None:
    report = EmailMessage()
    report["From"] = "MAILER-DAEMON@mx.example.org"
    report["Subject"] = "Returned mail"
    report.set_content("The message could not be delivered.")
    report.add_attachment("Reporting-MTA: dns; mx.example.org\n", subtype="delivery-status")
    report.replace_header("Content-Type", report["Content-Type"].replace("mixed", "report"))
    got = read_message(bytes(report))
    assert got.auto_reply
    assert "delivery-status" in got.auto_reply_reasons
    assert "sender mailer-daemon" in got.auto_reply_reasons
