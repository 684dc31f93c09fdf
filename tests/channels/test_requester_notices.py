"""What a requester is told, driven as the tester did: mail in over SMTP, the team's CLI, the
sweep with the clock moved forward, and the mail the relay received (issue 16.2, 16.13, 16.15).

- a complaint sent with an access request keeps its own 30-day date and goes on, in a ticket
  of its own, when the access part is closed for want of identity;
- a refusal of a request whose sender never proved the address does not carry the team's
  reason, and the team is warned;
- a reply to a mail that had no Message-ID names no made-up parent;
- a chaser from a verified requester is not asked to verify again;
- the complaint acknowledgement names the regulator once; a complaint closes as a complaint.
"""

from __future__ import annotations

import asyncio
import json
import re
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from bot.cli import app
from bot.cli.common import run_cli
from tests.channels.harness import AIM, Harness, make_mail
from tests.channels.relay_stub import Captured

ALICE = "alice@example.org"
SECRET = "harness-secret-key-0123456789abcdef"
ACCESS_AND_COMPLAINT = ("Please send me a copy of all the personal data you hold about me. I"
                        " also want to make a complaint: your staff shared my details without"
                        " asking.")


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, database_url: str) -> None:
    """The CLI on the service's own database and key."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("PRIVACYBOT_SECRET_KEY", SECRET)


async def cli(capsys: pytest.CaptureFixture[str], data_dir: Path,
              *argv: str) -> tuple[int, str, str]:
    code = await asyncio.to_thread(run_cli, app, [*argv, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    return code, out, err


async def listed(capsys: pytest.CaptureFixture[str], data_dir: Path,
                 state: str) -> list[dict[str, Any]]:
    code, out, err = await cli(capsys, data_dir, "tickets", "list", "--json", "--state", state)
    assert code == 0, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def text_of(mail: Captured) -> str:
    part = mail.message.get_body()
    assert part is not None
    return str(part.get_content())


async def only_ticket(service: Harness) -> str:
    [ticket] = await service.tickets()
    return ticket.reference


async def test_a_complaint_goes_on_when_the_request_it_came_with_is_closed_unverified(
        service: Harness, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        cli_env: None) -> None:
    code, _ = await service.send(make_mail(ACCESS_AND_COMPLAINT, subject="My data"))
    assert code == 250
    reference = await only_ticket(service)
    first = await service.mails_to(ALICE, 2)  # verification request, complaint acknowledgement
    assert all(f"[{reference}]" in m.message["Subject"] for m in first)

    # Before anything is closed, the complaint's own date shows beside the waiting request.
    [row] = await listed(capsys, tmp_path, "awaiting_identity")
    [ticket] = await service.tickets()
    received = ticket.received_at.date()
    assert row["due_date"] is None  # the access clock waits for identity
    assert row["complaint_due"] == (received + timedelta(days=30)).isoformat()
    code, out, _ = await cli(capsys, tmp_path, "tickets", "list", "--state", "awaiting_identity")
    assert f"complaint due {row['complaint_due']}" in out

    later = ticket.received_at + timedelta(days=31)
    swept = await service.services.desk.sweep(now=later)
    assert swept.closed == [reference]

    [closed] = await listed(capsys, tmp_path, "closed_unverified")
    assert closed["reference"] == reference
    assert closed["intents"] == ["access"]
    assert closed["complaint_due"] is None
    [complaint] = await listed(capsys, tmp_path, "in_progress")
    assert complaint["reference"] != reference
    assert complaint["intents"] == ["complaint"]
    assert complaint["requester"] == ALICE
    # Its own 30 days, counted from the day the complaint arrived, not from the sweep.
    assert complaint["due_date"] == complaint["complaint_due"] == row["complaint_due"]
    view = await service.services.desk.get_ticket(complaint["reference"])
    assert view.linked_reference == reference
    assert view.attention == []  # it was acknowledged at once: nothing owed

    # Queued for the moved clock's time, so read from the outbox (the worker runs on ours).
    queued = (await service.services.desk.get_ticket(reference)).outbox[-1]
    assert queued.kind == "closed_unverified"
    closing_mail = Captured(mail_from=AIM, rcpt_tos=[ALICE], data=queued.raw)
    closing = text_of(closing_mail)
    assert f"[{reference}]" in closing_mail.message["Subject"]
    assert "complaint" in closing
    assert complaint["reference"] in closing
    assert "goes on" in closing

    # The complaint has its own life: the team closes it, and the mail speaks of a complaint.
    code, out, err = await cli(capsys, tmp_path, "tickets", "close", complaint["reference"],
                               "--by", "ann")
    assert code == 0, err
    done = (await service.mails_to(ALICE, 3))[-1]
    assert "complaint" in done.message["Subject"].lower()
    assert "completed your request" not in text_of(done)
    assert "your complaint" in text_of(done)


async def test_a_refusal_to_an_unverified_address_keeps_the_reason_back(
        service: Harness, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        cli_env: None) -> None:
    await service.send(make_mail("Please delete all my personal data and close my account."))
    reference = await only_ticket(service)
    await service.mails_to(ALICE, 1)
    reason = "Bob Example at 12 High Street says this is the fourth such request"
    code, out, err = await cli(capsys, tmp_path, "tickets", "reject", reference,
                               "--reason", reason, "--by", "ann")
    assert code == 0, err
    assert "now rejected" in out
    assert err.startswith("warning: ")
    assert "not verified" in err
    [_, refusal] = await service.mails_to(ALICE, 2)
    body = text_of(refusal)
    assert "High Street" not in body
    assert "fourth" not in body
    assert "unfounded" not in body  # the ground is part of the reason
    assert "Information Commissioner's Office" in body
    view = await service.services.desk.get_ticket(reference)
    kinds = [event.kind for event in view.events]
    assert "refusal_reason_withheld" in kinds
    [rejected] = [event for event in view.events if event.kind == "rejected"]
    assert rejected.data["reason_sent"] is False
    assert rejected.data["reason"] == reason  # the team's record keeps it


async def test_a_reply_to_a_mail_without_message_id_names_no_parent(service: Harness) -> None:
    message = EmailMessage()
    message["From"] = f"Alice <{ALICE}>"
    message["To"] = AIM
    message["Subject"] = "Complaint"
    message["References"] = "<earlier-thread@example.org>"
    message.set_content("I want to make a formal complaint about how you handled my data.")
    raw = bytes(message)
    assert b"Message-ID" not in raw
    code, _ = await service.send(raw)
    assert code == 250
    [ack] = await service.mails_to(ALICE, 1)
    assert ack.message["In-Reply-To"] is None
    references = str(ack.message["References"] or "")
    assert "privacybot.invalid" not in references
    assert references == "<earlier-thread@example.org>"  # the client's own thread is kept


async def test_a_chaser_from_a_verified_requester_is_not_asked_to_verify_again(
        service: Harness) -> None:
    await service.send(make_mail("Please send me a copy of the personal data you hold about me."))
    reference = await only_ticket(service)
    [verification] = await service.mails_to(ALICE, 1)
    code = re.search(r"code (\d{6})", text_of(verification))
    assert code is not None
    await service.send(make_mail(f"Here is my code: {code.group(1)}",
                                 subject=f"Re: {verification.message['Subject']}",
                                 headers={"In-Reply-To": verification.message["Message-ID"]}))
    [_, ack] = await service.mails_to(ALICE, 2)
    assert "We have your request" in ack.message["Subject"]

    chaser = "Just chasing my request to delete my data - any news?"
    await service.send(make_mail(chaser, subject=f"Re: {ack.message['Subject']}",
                                 headers={"In-Reply-To": ack.message["Message-ID"]}))
    mails = await service.mails_to(ALICE, 3)
    await asyncio.sleep(0.3)  # nothing else may follow
    answers = service.relay.to(ALICE)[2:]
    assert len(answers) == 1
    assert "confirm" not in answers[0].message["Subject"].lower()
    assert not re.search(r"\b\d{6}\b", text_of(mails[-1]))
    tickets = {t.reference: t for t in await service.tickets()}
    [new] = [t for t in tickets.values() if t.reference != reference]
    assert new.state == "in_progress"
    assert new.verified_at is not None
    assert new.due_date is not None
    assert f"[{new.reference}]" in answers[0].message["Subject"]


async def test_a_stranger_naming_a_verified_ticket_is_still_asked_to_verify(
        service: Harness) -> None:
    await service.send(make_mail("Please send me a copy of the personal data you hold about me."))
    reference = await only_ticket(service)
    [verification] = await service.mails_to(ALICE, 1)
    code = re.search(r"code (\d{6})", text_of(verification))
    assert code is not None
    await service.send(make_mail(f"Here is my code: {code.group(1)}",
                                 subject=f"Re: {verification.message['Subject']}",
                                 headers={"In-Reply-To": verification.message["Message-ID"]}))
    await service.mails_to(ALICE, 2)
    # The same From and the reference in the subject, but not a reply to our mail: forgeable.
    await service.send(make_mail("Please delete all my personal data too.",
                                 subject=f"Re: [{reference}]"))
    mails = await service.mails_to(ALICE, 3)
    assert "confirm" in mails[-1].message["Subject"].lower()


async def test_the_complaint_acknowledgement_names_the_regulator_once(
        service: Harness) -> None:
    await service.send(make_mail(
        "I want to make a formal complaint about how you handled my data."))
    [ack] = await service.mails_to(ALICE, 1)
    body = text_of(ack)
    assert body.count("Wycliffe House") == 1
    assert body.count("Information Commissioner") == 1
