"""Issue 16.1 through the desk: a forged request's real owner answers "it wasn't me". Their
reply (which quotes our mail, code and all) must stop the request and alert the team, never
verify it; a helpdesk that pastes our mail back verifies nothing either."""

from __future__ import annotations

import pytest

from bot.desk import Desk, IntakeResult
from bot.errors import VerificationError
from storage import OutboxRecord
from tests.desk.conftest import body, code_in, link_token_in, mail, outbox, parse, receive

OWNER = "bob@example.com"


def _quote(record: OutboxRecord) -> str:
    return "\n".join(f"> {line}" for line in body(record).splitlines())


async def _reply(desk: Desk, record: OutboxRecord, text: str, *, signed: bool = True,
                 quoted: str | None = None, intents: list[str] | None = None,
                 auto_reply: bool = False, language: str = "en") -> IntakeResult:
    """The owner's reply: In-Reply-To our Message-ID when `signed`, else only the reference
    in the subject (which anyone can forge)."""
    message = parse(record)
    raw, inbound, classification = mail(
        sender=OWNER, text=text, subject=f"Re: {message['Subject']}", intents=intents,
        in_reply_to=str(message["Message-ID"]) if signed else None, auto_reply=auto_reply,
        language=language)
    inbound = inbound.model_copy(update={"quoted": _quote(record) if quoted is None else quoted})
    return await desk.receive_mail("aimigos", raw, inbound, classification,
                                   envelope_from=OWNER)


async def _forged(desk: Desk, intents: list[str] | None = None) -> tuple[str, OutboxRecord]:
    """A request in the owner's name (anyone can write From: bob@...)."""
    opened = await receive(desk, sender=OWNER, intents=intents or ["erasure"],
                           text="Delete everything you have on me.")
    [verification] = await outbox(desk, opened.reference or "")
    return opened.reference or "", verification


async def test_the_owners_denial_stops_the_request_and_alerts_the_team(desk: Desk) -> None:
    reference, verification = await _forged(desk)
    result = await _reply(desk, verification, "I never sent this, do NOT do anything.")
    assert result.outcome == "joined"
    assert result.state == "closed_unverified"
    assert not result.verified
    assert result.replies == ["request_disputed"]  # "we have stopped it"; no acknowledgement
    view = await desk.get_ticket(reference)
    [disputed] = [e for e in view.events if e.kind == "request_disputed"]
    assert disputed.data["stopped"] is True
    assert "never sent this" in disputed.data["words"]
    assert not any(e.kind in ("identity_verified", "verification_failed") for e in view.events)
    assert any("did not make this request" in note for note in view.attention)
    told = view.outbox[-1]
    assert told.kind == "request_disputed"
    assert "stopped the request" in body(told)
    # Nothing can confirm it any more: neither the code nor the link.
    with pytest.raises(VerificationError, match="no longer open"):
        await desk.verify_code(reference, code_in(verification), "alice", "cli")
    with pytest.raises(VerificationError, match="no longer open"):
        await desk.verify_token(link_token_in(verification))


async def test_a_denial_in_spanish_stops_it_too(desk: Desk) -> None:
    _, verification = await _forged(desk)
    result = await _reply(desk, verification, "No he enviado esta solicitud. No hagan nada.",
                          language="es")
    assert result.state == "closed_unverified"


async def test_a_denial_that_names_another_right_opens_nothing(desk: Desk) -> None:
    # The classifier may read "access" in "I never asked for access to anything".
    reference, verification = await _forged(desk)
    result = await _reply(desk, verification, "I never asked for this. Not access, not "
                          "deletion, nothing.", intents=["access"])
    assert result.outcome == "joined"
    assert result.reference == reference
    assert result.state == "closed_unverified"
    assert len(await desk.list_tickets()) == 1


async def test_an_unproven_denial_is_flagged_not_acted_on(desk: Desk) -> None:
    # A subject reference and a From are easy to forge: a stranger must not be able to stop
    # someone's real request, so the team checks.
    reference, verification = await _forged(desk)
    result = await _reply(desk, verification, "This wasn't me.", signed=False)
    assert result.state == "awaiting_identity"
    view = await desk.get_ticket(reference)
    assert [e.kind for e in view.events].count("dispute_unconfirmed") == 1
    assert any("not a reply to ours" in note for note in view.attention)
    done = await _reply(desk, verification, f"Sorry, it was me after all: "
                        f"{code_in(verification)}", quoted="")
    assert done.verified


async def test_a_verified_request_is_flagged_for_the_team_not_closed(desk: Desk) -> None:
    reference, verification = await _forged(desk)
    verified = await _reply(desk, verification, f"My code is {code_in(verification)}", quoted="")
    assert verified.state == "in_progress"
    result = await _reply(desk, verification, "Actually this wasn't me.", quoted="")
    assert result.state == "in_progress"
    view = await desk.get_ticket(reference)
    [event] = [e for e in view.events if e.kind == "request_disputed"]
    assert event.data["stopped"] is False
    assert any(note.startswith("disputed:") for note in view.attention)


async def test_an_auto_reply_denies_nothing_and_verifies_nothing(desk: Desk) -> None:
    reference, verification = await _forged(desk)
    result = await _reply(desk, verification, "I am away. This wasn't me? "
                          f"{code_in(verification)}", auto_reply=True)
    assert result.state == "awaiting_identity"
    assert not result.verified
    kinds = [e.kind for e in (await desk.get_ticket(reference)).events]
    assert "request_disputed" not in kinds
    assert "verification_failed" not in kinds


async def test_a_helpdesk_pasting_our_mail_verifies_nothing(desk: Desk) -> None:
    # No Auto-Submitted header, and our mail pasted below its own text without quote marks.
    reference, verification = await _forged(desk)
    pasted = ("Thank you for contacting Example Corp support. Your message has been "
              "received and a ticket was created.\n\nYour message:\n\n" + body(verification))
    result = await _reply(desk, verification, pasted, quoted="")
    assert result.state == "awaiting_identity"
    assert not result.verified
    view = await desk.get_ticket(reference)
    assert not any(e.kind == "verification_failed" for e in view.events)  # no attempt used
    assert any(e.kind == "code_not_checked" for e in view.events)


async def test_the_verification_mail_says_what_will_be_done(desk: Desk) -> None:
    _, erasure = await _forged(desk, ["erasure"])
    text = " ".join(body(erasure).split())
    assert "delete the personal data Aimigos Studio holds about you" in text
    assert "If you did not ask for this" in text
    assert "send you a copy" not in text
    opened = await receive(desk, sender="cy@example.com", intents=["access"], language="de")
    [access] = await outbox(desk, opened.reference or "")
    text = " ".join(body(access).split())
    assert "eine Kopie der personenbezogenen Daten zu senden" in text
