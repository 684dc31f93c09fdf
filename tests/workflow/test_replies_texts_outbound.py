"""Which replies go out, their texts in several languages, and the bytes on the wire."""

from __future__ import annotations

from datetime import UTC, date, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.workflow.addresses import InvalidAddressError
from bot.workflow.outbound import OutboundMail, build_message, thread_headers
from bot.workflow.replies import ReplyKind, plan, replies_for_new_ticket
from bot.workflow.texts import render

K = ReplyKind
REF = "AIM-2026-0042"
CONTEXT = {
    "org_name": "Aimigos Studio",
    "privacy_address": "hello@aimigos.studio",
    "due_date": "24 December 2026",
    "code": "123456",
    "verify_url": "http://127.0.0.1:3000/verify/tok",
    "ttl_hours": 72,
}


def test_new_ticket_replies_per_intent_mix() -> None:
    assert replies_for_new_ticket(["opt_out"]) == [K.OPT_OUT_CONFIRMATION]
    assert replies_for_new_ticket(["access", "opt_out"]) == [
        K.OPT_OUT_CONFIRMATION, K.VERIFICATION_REQUEST]
    assert replies_for_new_ticket(["complaint"]) == [K.COMPLAINT_ACK]
    assert replies_for_new_ticket(["erasure", "complaint"]) == [
        K.VERIFICATION_REQUEST, K.COMPLAINT_ACK]
    # Every right over a person's data needs identity; a consent withdrawal does not.
    assert replies_for_new_ticket(["objection"]) == [K.VERIFICATION_REQUEST]
    assert replies_for_new_ticket(["consent_withdrawal"]) == [K.ACKNOWLEDGEMENT]


def test_never_reply_to_auto_replies() -> None:
    result = plan([K.OPT_OUT_CONFIRMATION], auto_reply=True, suppressed=False,
                  sent_today=0, max_per_day=5)
    assert result.send == ()
    assert result.withheld[0].reason.startswith("auto-reply")


def test_suppression_never_holds_back_rights_request_correspondence() -> None:
    # The list is for marketing: an address once opted out can still verify by mail.
    wanted = [K.VERIFICATION_REQUEST, K.ACKNOWLEDGEMENT, K.UNVERIFIED_REMINDER,
              K.CLOSED_UNVERIFIED, K.COMPLAINT_ACK, K.OPT_OUT_CONFIRMATION, K.REFUSAL]
    result = plan(wanted, auto_reply=False, suppressed=True, sent_today=0, max_per_day=10)
    assert set(result.send) == set(wanted)
    assert result.withheld == ()
    # the daily limit and the never-answer-auto-replies rule still hold
    capped = plan(wanted, auto_reply=False, suppressed=True, sent_today=9, max_per_day=10)
    assert capped.send == (K.OPT_OUT_CONFIRMATION, K.REFUSAL)
    auto = plan(wanted, auto_reply=True, suppressed=True, sent_today=0, max_per_day=10)
    assert auto.send == ()


def test_daily_limit_keeps_the_most_important() -> None:
    result = plan([K.COMPLAINT_ACK, K.VERIFICATION_REQUEST, K.OPT_OUT_CONFIRMATION],
                  auto_reply=False, suppressed=False, sent_today=3, max_per_day=5)
    assert result.send == (K.OPT_OUT_CONFIRMATION, K.VERIFICATION_REQUEST)
    assert result.withheld[0].kind is K.COMPLAINT_ACK
    assert "daily limit of 5" in result.withheld[0].reason


@pytest.mark.parametrize(("lang", "word"), [
    ("en", "confirm"), ("es", "Confirme"), ("de", "bestätigen"), ("fr", "confirmer")])
def test_verification_request_in_four_languages(lang: str, word: str) -> None:
    text = render(K.VERIFICATION_REQUEST, language=lang, org_id="aimigos", reference=REF,
                  context=CONTEXT)
    assert text.language == lang
    assert f"[{REF}]" in text.subject
    assert word in text.subject
    assert "123456" in text.body
    assert str(CONTEXT["verify_url"]) in text.body


@pytest.mark.parametrize(("lang", "word"), [
    ("en", "complaint"), ("es", "reclamación"), ("de", "Beschwerde"), ("fr", "réclamation")])
def test_complaint_acknowledged_in_four_languages(lang: str, word: str) -> None:
    route = "Write to our Data Protection Lead first."
    texts = [render(K.COMPLAINT_ACK, language=lang, org_id="aimigos", reference=REF,
                    context={**CONTEXT, "authority": "Information Commissioner's Office (ICO)",
                             "authority_contact": "ICO, Wycliffe House", "complaint_route": r})
             for r in (route, "")]
    for text in texts:
        assert text.language == lang
        assert f"[{REF}]" in text.subject
        assert word in text.subject
        assert "ICO, Wycliffe House" in text.body  # the regulator is always named
    with_route, without = texts
    assert route in with_route.body
    # Without a route from the policy, its introduction goes too: nothing dangles.
    assert len(without.body) < len(with_route.body) - len(route) - 40


@pytest.mark.parametrize(("lang", "reminder", "closed", "month"), [
    ("en", "Reminder", "closed", "December"), ("es", "Recordatorio", "cerrada", "diciembre"),
    ("de", "Erinnerung", "geschlossen", "Dezember"), ("fr", "Rappel", "clôturée", "décembre")])
def test_unverified_reminder_and_closing_in_four_languages(
        lang: str, reminder: str, closed: str, month: str) -> None:
    context = {**CONTEXT, "close_date": date(2026, 12, 24)}
    first = render(K.UNVERIFIED_REMINDER, language=lang, org_id="aimigos", reference=REF,
                   context=context)
    last = render(K.CLOSED_UNVERIFIED, language=lang, org_id="aimigos", reference=REF,
                  context=context)
    assert (first.language, last.language) == (lang, lang)
    assert reminder in first.subject
    assert closed in last.subject
    assert "123456" in first.body
    assert str(CONTEXT["verify_url"]) in first.body
    assert month in first.body
    assert "2026" in first.body


def test_unknown_language_falls_back_to_english() -> None:
    text = render(K.OPT_OUT_CONFIRMATION, language="pt", org_id="aimigos", reference=REF,
                  context=CONTEXT)
    assert text.language == "en"
    assert "unsubscribed" in text.subject


def test_org_override_and_reference_forced_into_subject(tmp_path: Path) -> None:
    override = tmp_path / "orgs" / "aimigos" / "en"
    override.mkdir(parents=True)
    (override / "acknowledgement.txt.j2").write_text("Subject: Cheers\n\nHi from {{ org_name }}\n")
    text = render(K.ACKNOWLEDGEMENT, language="en", org_id="aimigos", reference=REF,
                  context=CONTEXT, root=tmp_path)
    assert text.subject == f"[{REF}] Cheers"
    assert text.body == "Hi from Aimigos Studio\n"
    with pytest.raises(ConfigError, match="no reply template for refusal"):
        render(K.REFUSAL, language="en", org_id="aimigos", reference=REF, context=CONTEXT,
               root=tmp_path)


def test_missing_variable_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="failed"):
        render(K.VERIFICATION_REQUEST, language="en", org_id="aimigos", reference=REF,
               context={"org_name": "x"})


def test_every_english_template_renders() -> None:
    context = {**CONTEXT, "complaint_route": "Write to the DPO.", "authority": "ICO",
               "authority_contact": "ico.org.uk",
               "reason": "Many systems", "reason_label": "manifestly excessive",
               "question": "Which account?", "note": "", "close_date": "1 Jan 2027",
               "fee": "10.00 GBP", "identity_awaited": False}
    for kind in ReplyKind:
        text = render(kind, language="en", org_id="aimigos", reference=REF, context=context)
        assert f"[{REF}]" in text.subject
        assert text.body.strip()


def test_outbound_bytes() -> None:
    parent, refs = thread_headers("<client-1@example.com>", ["<older@example.com>", "junk\r\nX: 1"])
    mail = OutboundMail(
        from_name="Aimigos Studio", from_address="hello@aimigos.studio",
        to="Bob+Shop@Example.com", subject=f"Réponse\r\nBcc: evil@x.com [{REF}]",
        body="Héllo Bob\n", message_id=f"<pb.{REF}.x@aimigos.studio>",
        date=datetime(2026, 11, 24, 12, 0, tzinfo=UTC), in_reply_to=parent, references=refs,
        unsubscribe_url="http://127.0.0.1:3000/unsubscribe/abc.def",
    )
    raw = build_message(mail)
    assert b"\r\n" in raw
    assert raw.isascii()
    assert f"[{REF}]".encode() in raw  # readable in the raw header, not inside encoded words
    parsed = message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    assert parsed["To"] == "bob+shop@example.com"
    assert str(parsed["From"]) == "Aimigos Studio <hello@aimigos.studio>"
    assert parsed["Subject"] == f"Réponse Bcc: evil@x.com [{REF}]"
    assert parsed["Bcc"] is None
    assert parsed["X"] is None
    assert parsed["In-Reply-To"] == "<client-1@example.com>"
    assert parsed["References"] == "<older@example.com> <client-1@example.com>"
    assert parsed["Auto-Submitted"] == "auto-replied"
    assert parsed["X-Auto-Response-Suppress"] == "All"
    assert parsed["List-Unsubscribe"] == "<http://127.0.0.1:3000/unsubscribe/abc.def>"
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    body = parsed.get_body()
    assert body is not None
    assert body.get_content().replace("\r\n", "\n") == "Héllo Bob\n"


def test_outbound_refuses_injected_recipient() -> None:
    mail = OutboundMail(
        from_name="A", from_address="hello@aimigos.studio", to="a@b.co\r\nBcc: c@d.co",
        subject="s", body="b", message_id="<m@x.y>", date=datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(InvalidAddressError, match="line break"):
        build_message(mail)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "24 December 2026"), ("es", "24 de diciembre de 2026"), ("de", "24. Dezember 2026"),
    ("fr", "24 décembre 2026"), ("pt", "24 December 2026")])
def test_due_date_written_in_the_texts_language(lang: str, expected: str) -> None:
    text = render(K.ACKNOWLEDGEMENT, language=lang, org_id="aimigos", reference=REF,
                  context={**CONTEXT, "due_date": date(2026, 12, 24)})
    assert expected in text.body
