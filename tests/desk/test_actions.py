"""Team and requester actions: verification, extension, clarification, close, refuse, sweep,
suppression, and the clear errors for what is not allowed."""

from __future__ import annotations

from datetime import date

import pytest

from bot.desk import Desk
from bot.errors import IllegalTransitionError, VerificationError, WorkflowError
from bot.organisations import Organisations
from bot.workflow.references import InvalidReferenceError
from bot.workflow.tokens import TokenError
from storage import Database, NotFoundError
from tests.desk.conftest import (
    PUBLIC_URL,
    SECRET,
    Clock,
    body,
    code_in,
    link_token_in,
    outbox,
    parse,
    receive,
)


async def verified_ticket(desk: Desk) -> str:
    result = await receive(desk, intents=["access"])
    reference = result.reference or ""
    [mail] = await outbox(desk, reference)
    await desk.verify_code(reference, code_in(mail), "alice", "cli")
    return reference


async def test_wrong_codes_count_and_lock(desk: Desk) -> None:
    result = await receive(desk, intents=["erasure"])
    reference = result.reference or ""
    [mail] = await outbox(desk, reference)
    good = code_in(mail)
    bad = "000000" if good != "000000" else "111111"
    with pytest.raises(VerificationError, match="4 attempts left"):
        await desk.verify_code(reference, bad, "alice", "cli")
    for _ in range(3):
        with pytest.raises(VerificationError, match="wrong verification code"):
            await desk.verify_code(reference, bad, "alice", "cli")
    with pytest.raises(VerificationError, match="0 attempts left"):
        await desk.verify_code(reference, bad, "alice", "cli")
    with pytest.raises(VerificationError, match="too many wrong codes"):
        await desk.verify_code(reference, good, "alice", "cli")
    view = await desk.get_ticket(reference)
    assert view.ticket.state == "awaiting_identity"
    assert [e.kind for e in view.events].count("verification_failed") == 6


async def test_expired_code(desk: Desk, clock: Clock) -> None:
    result = await receive(desk, intents=["access"])
    [mail] = await outbox(desk, result.reference or "")
    clock.advance(hours=73)
    with pytest.raises(VerificationError, match="expired"):
        await desk.verify_code(result.reference or "", code_in(mail), "alice", "cli")


async def test_verification_link(desk: Desk, clock: Clock) -> None:
    result = await receive(desk, intents=["access"])
    [mail] = await outbox(desk, result.reference or "")
    token = link_token_in(mail)
    assert f"{PUBLIC_URL}/verify/{token}" in body(mail)
    done = await desk.verify_token(token)
    assert done.verified
    assert done.state == "in_progress"
    assert done.due_date == date(2026, 12, 24)
    again = await desk.verify_token(token)  # a second click is harmless
    assert again.state == "in_progress"
    with pytest.raises(TokenError):
        await desk.verify_token(token[:-3] + "xyz")


async def test_manual_check_also_required(db: Database, orgs: Organisations,
                                          clock: Clock) -> None:
    strict = Organisations(items=tuple(
        org.model_copy(update={"manual_identity_check": True}) for org in orgs.items))
    desk = Desk(db, strict, secret=SECRET, public_url=PUBLIC_URL, clock=clock)
    result = await receive(desk, intents=["access"])
    reference = result.reference or ""
    [mail] = await outbox(desk, reference)
    after_code = await desk.verify_code(reference, code_in(mail), "bob", "cli")
    assert after_code.state == "awaiting_identity"
    assert not after_code.verified
    clock.advance(days=3)
    done = await desk.record_manual_check(reference, "utility bill", "alice", "slack")
    assert done.state == "in_progress"
    assert done.due_date == date(2026, 12, 29)  # from 27 Nov, the day of the manual check
    view = await desk.get_ticket(reference)
    assert view.ticket.verification_method == "code; manual: utility bill"
    assert view.ticket.verified_by == "requester, alice"
    with pytest.raises(VerificationError, match="identity is not awaited"):
        await desk.record_manual_check(reference, "again", "alice", "slack")


async def test_extension_inside_the_first_month_only(desk: Desk, clock: Clock) -> None:
    reference = await verified_ticket(desk)
    clock.advance(days=10)
    extended = await desk.extend(reference, "Records in six systems", "alice", "slack")
    assert extended.state == "extended"
    assert extended.due_date == date(2027, 2, 24)
    assert extended.replies == ["extension_notice"]
    notice = (await outbox(desk, reference))[-1]
    assert "Records in six systems" in body(notice)
    assert "24 February 2027" in body(notice)
    with pytest.raises(IllegalTransitionError, match="is extended: cannot move to extended"):
        await desk.extend(reference, "again", "alice", "slack")

    late = await verified_ticket(desk)
    clock.advance(days=40)
    with pytest.raises(WorkflowError, match="only possible inside the first month"):
        await desk.extend(late, "too late", "alice", "slack")
    with pytest.raises(WorkflowError, match="reason for the extension is required"):
        await desk.extend(late, "  ", "alice", "slack")
    view = await desk.get_ticket(late)
    assert "extended" not in [e.kind for e in view.events]  # nothing half-written


async def test_clarification_pauses_the_clock(desk: Desk, clock: Clock) -> None:
    reference = await verified_ticket(desk)
    asked = await desk.request_clarification(reference, "Which of your accounts?", "alice",
                                             "slack")
    assert asked.state == "awaiting_clarification"
    question = (await outbox(desk, reference))[-1]
    assert "Which of your accounts?" in body(question)
    clock.advance(days=5)
    reply = await receive(desk, sender="bob@example.com", text="The shop one.",
                          in_reply_to=parse(question)["Message-ID"])
    assert reply.outcome == "joined"
    assert reply.state == "in_progress"
    view = await desk.get_ticket(reference)
    assert view.ticket.paused_days == 5
    assert view.ticket.due_date == date(2026, 12, 29)  # 24 Dec + 5 = 29 Dec (Tue)
    with pytest.raises(WorkflowError, match="no clarification is awaited"):
        await desk.clarification_received(reference, "alice", "cli")


async def test_close_and_reject(desk: Desk) -> None:
    reference = await verified_ticket(desk)
    closed = await desk.close_done(reference, "alice", "cli", note="Your data is attached.")
    assert closed.state == "done"
    assert "Your data is attached." in body((await outbox(desk, reference))[-1])
    with pytest.raises(IllegalTransitionError, match="final"):
        await desk.reject(reference, "no", "alice", "cli")

    other = await verified_ticket(desk)
    with pytest.raises(IllegalTransitionError, match="a refusal must be"):
        await desk.reject(other, "no", "alice", "cli", ground="because")
    refused = await desk.reject(other, "Fifth identical request this week", "alice", "cli",
                                ground="manifestly excessive")
    assert refused.state == "rejected"
    refusal = body((await outbox(desk, other))[-1])
    assert "manifestly excessive" in refusal
    assert "Information Commissioner" in refusal
    view = await desk.get_ticket(other)
    assert view.ticket.rejection_reason == (
        "manifestly_excessive: Fifth identical request this week")
    event = view.events[-2]
    assert (event.kind, event.actor, event.channel) == ("rejected", "alice", "cli")


async def test_unverified_cannot_be_closed_done(desk: Desk) -> None:
    result = await receive(desk, intents=["access"])
    with pytest.raises(IllegalTransitionError, match="awaiting_identity: cannot move to done"):
        await desk.close_done(result.reference or "", "alice", "cli")


async def test_unknown_and_malformed_references(desk: Desk) -> None:
    with pytest.raises(NotFoundError, match="AIM-2026-0999"):
        await desk.close_done("AIM-2026-0999", "alice", "cli")
    with pytest.raises(InvalidReferenceError, match="not a ticket reference"):
        await desk.get_ticket("0042")


async def test_assign(desk: Desk) -> None:
    reference = await verified_ticket(desk)
    result = await desk.assign(reference, "U123", "slack")
    assert result.reference == reference
    assert (await desk.get_ticket(reference)).ticket.assigned_to == "U123"


async def test_sweep_reminds_then_closes(desk: Desk, clock: Clock) -> None:
    result = await receive(desk, intents=["access"])
    reference = result.reference or ""
    await verified_ticket(desk)  # a verified ticket is left alone
    clock.advance(days=7)
    first = await desk.sweep()
    assert first.reminded == [reference]
    assert first.closed == []
    reminder = (await outbox(desk, reference))[-1]
    assert reminder.kind == "unverified_reminder"
    assert "24 December 2026" in body(reminder)
    assert (await desk.sweep()).reminded == []  # only one reminder
    # the reminder's fresh code works
    done = await desk.verify_code(reference, code_in(reminder), "bob", "cli")
    assert done.state == "in_progress"

    late = await receive(desk, intents=["erasure"], sender="carol@example.com")
    clock.advance(days=30)
    swept = await desk.sweep()
    assert swept.closed == [late.reference]
    view = await desk.get_ticket(late.reference or "")
    assert view.ticket.state == "closed_unverified"
    assert view.outbox[-1].kind == "closed_unverified"
    assert view.events[-1].channel == "worker"


async def test_one_click_unsubscribe(desk: Desk) -> None:
    result = await receive(desk, intents=["complaint"], sender="Dan+promo@Example.com")
    [ack] = await outbox(desk, result.reference or "")
    header = parse(ack)["List-Unsubscribe"]
    assert parse(ack)["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = header.strip("<>").rsplit("/", 1)[1]
    first = await desk.unsubscribe_token(token)
    assert first.added
    assert first.address == "dan@example.com"
    assert not (await desk.unsubscribe_token(token)).added
    with pytest.raises(TokenError):
        await desk.unsubscribe_token("forged.token")


async def test_suppression_list_management(desk: Desk) -> None:
    added = await desk.suppression_add("aimigos", "Eve+x@Example.com", "alice", "cli")
    assert added.address == "eve@example.com"
    await desk.suppression_add("imgn", "eve@example.com", "alice", "cli")
    assert [e.address for e in await desk.suppression_list("aimigos")] == ["eve@example.com"]
    csv_text = await desk.suppression_export()
    lines = csv_text.splitlines()
    assert lines[0] == "organisation,address,added_at,source"
    assert [line.split(",")[:2] for line in lines[1:]] == [
        ["aimigos", "eve@example.com"], ["imgn", "eve@example.com"]]
    assert await desk.suppression_remove("aimigos", "EVE@example.com", "alice", "cli")
    assert not await desk.suppression_remove("aimigos", "eve@example.com", "alice", "cli")
    assert not (await desk.suppression_check("aimigos", "eve@example.com")).suppressed


async def test_list_tickets_filters(desk: Desk, clock: Clock) -> None:
    waiting = await receive(desk, intents=["access"])
    done = await receive(desk, intents=["opt_out"], sender="f@example.com")
    clock.advance(days=20)
    complaint = await receive(desk, intents=["complaint"], sender="g@example.com")
    assert [t.reference for t in await desk.list_tickets(state="awaiting_identity")] == [
        waiting.reference]
    due_soon = await desk.list_tickets(due_before=date(2026, 12, 31))
    assert [t.reference for t in due_soon] == [done.reference]
    assert len(await desk.list_tickets(org_id="aimigos")) == 3
    assert complaint.reference in [t.reference for t in await desk.list_tickets(open_only=True)]
    with pytest.raises(IllegalTransitionError, match="unknown state"):
        await desk.list_tickets(state="limbo")


async def test_no_extension_while_paused_and_no_verifying_a_closed_ticket(
        desk: Desk, clock: Clock) -> None:
    reference = await verified_ticket(desk)
    await desk.request_clarification(reference, "Which account?", "alice", "slack")
    with pytest.raises(IllegalTransitionError, match="resume the clock first"):
        await desk.extend(reference, "complex", "alice", "slack")
    resumed = await desk.clarification_received(reference, "alice", "cli", "by phone")
    assert resumed.state == "in_progress"

    result = await receive(desk, intents=["access"], sender="late@example.com")
    [mail] = await outbox(desk, result.reference or "")
    clock.advance(days=31)
    assert (await desk.sweep()).closed == [result.reference]
    with pytest.raises(VerificationError, match="no longer open"):
        await desk.verify_code(result.reference or "", code_in(mail), "alice", "cli")
