"""Fees on real tickets (SQLite, and PostgreSQL when configured): the clock stops when a fee
is asked and starts on the day it arrives, or on identity's day when that is later; the
requester is told; moves the law does not allow are refused and write nothing. Also the flag
a withheld complaint acknowledgement leaves for the team."""

from __future__ import annotations

from datetime import date

import pytest

from bot.desk import Desk
from bot.errors import IllegalTransitionError, WorkflowError
from tests.desk.conftest import Clock, body, code_in, outbox, receive


async def _verified(desk: Desk) -> str:
    result = await receive(desk, intents=["access"])
    reference = result.reference or ""
    [mail] = await outbox(desk, reference)
    await desk.verify_code(reference, code_in(mail), "alice", "cli")
    return reference


async def test_fee_stops_the_clock_and_restarts_it_on_the_fee_day(desk: Desk,
                                                                   clock: Clock) -> None:
    reference = await _verified(desk)  # 24 Nov: due 24 Dec
    clock.advance(days=2)
    asked = await desk.request_fee(reference, "10.00", "excessive", "alice", "cli")
    assert asked.state == "awaiting_fee"
    assert asked.due_date is None
    assert asked.replies == ["fee_request"]
    view = await desk.get_ticket(reference)
    assert view.ticket.clock_started_at is None
    event = view.events[-2]  # the fee, then the notice queued
    assert event.kind == "fee_requested"
    assert event.actor == "alice"
    assert event.data["amount"] == "10.00"
    assert event.data["reason"] == "excessive"
    assert event.data["clock_stopped"] is True
    assert event.data["previous_due_date"] == "2026-12-24"
    notice = view.outbox[-1]
    assert notice.kind == "fee_request"
    text = body(notice)
    assert "10.00 GBP" in text
    assert "excessive" in text
    assert reference in text
    assert view.attention == ["fee of 10.00 GBP awaited"]
    clock.advance(days=8)  # 4 Dec (a Friday)
    paid = await desk.fee_received(reference, "bob", "cli")
    assert paid.state == "in_progress"
    assert paid.due_date == date(2027, 1, 4)  # one month from the fee's day, not receipt's
    view = await desk.get_ticket(reference)
    assert view.ticket.clock_started_at is not None
    assert view.ticket.clock_started_at.date() == date(2026, 12, 4)
    received = next(e for e in view.events if e.kind == "fee_received")
    assert received.data["clock_started"] == "2026-12-04"
    assert received.data["due_date"] == "2027-01-04"
    assert view.outbox[-1].kind == "fee_received"
    assert "4 January 2027" in body(view.outbox[-1])
    assert view.attention == []
    assert view.fee.paid_at is not None
    # The new clock's first month governs an extension from here on.
    extended = await desk.extend(reference, "Many systems", "alice", "cli")
    assert extended.due_date == date(2027, 3, 4)


async def test_fee_before_identity_identity_later(desk: Desk, clock: Clock) -> None:
    result = await receive(desk, intents=["access"])
    reference = result.reference or ""
    asked = await desk.request_fee(reference, "25", "further_copies", "alice", "cli")
    assert asked.state == "awaiting_identity"  # identity still comes first
    assert asked.due_date is None
    notice = (await outbox(desk, reference))[-1]
    assert notice.kind == "fee_request"
    text = body(notice)
    assert "25.00 GBP" in text
    assert "confirm that the request came from you" in text
    clock.advance(days=1)
    paid = await desk.fee_received(reference, "bob", "cli")
    assert paid.state == "awaiting_identity"  # the clock waits for identity
    assert paid.due_date is None
    assert "still need you to confirm" in body((await outbox(desk, reference))[-1])
    clock.advance(days=9)  # 4 Dec: identity by a manual check, after the fee
    done = await desk.record_manual_check(reference, "passport seen", "carol", "cli")
    assert done.state == "in_progress"
    assert done.due_date == date(2027, 1, 4)  # identity's day: the later of the two
    with pytest.raises(IllegalTransitionError, match="no fee is awaited"):
        await desk.fee_received(reference, "bob", "cli")


async def test_fee_before_identity_fee_later(desk: Desk, clock: Clock) -> None:
    result = await receive(desk, intents=["erasure"])
    reference = result.reference or ""
    [verification] = await outbox(desk, reference)
    await desk.request_fee(reference, "10", "manifestly_unfounded", "alice", "cli")
    clock.advance(days=1)
    verified = await desk.verify_code(reference, code_in(verification), "requester", "http")
    assert verified.state == "awaiting_fee"  # identity done, fee not: no clock, no ack
    assert verified.verified
    assert verified.due_date is None
    assert verified.replies == []
    view = await desk.get_ticket(reference)
    assert "identity_verified_fee_awaited" in [e.kind for e in view.events]
    assert "acknowledgement" not in [m.kind for m in view.outbox]
    clock.advance(days=12)  # 7 Dec
    paid = await desk.fee_received(reference, "bob", "cli")
    assert paid.state == "in_progress"
    assert paid.due_date == date(2027, 1, 7)  # the fee's day: the later of the two


async def test_moves_the_law_does_not_allow(desk: Desk, clock: Clock) -> None:
    reference = await _verified(desk)
    with pytest.raises(IllegalTransitionError, match="is in_progress: no fee is awaited"):
        await desk.fee_received(reference, "bob", "cli")
    for amount, reason, message in [("abc", "excessive", "must be a number"),
                                     ("10", "greed", "a fee's reason must be")]:
        with pytest.raises(WorkflowError, match=message):
            await desk.request_fee(reference, amount, reason, "alice", "cli")
    before = await desk.get_ticket(reference)
    await desk.request_fee(reference, "10", "excessive", "alice", "cli")
    with pytest.raises(IllegalTransitionError,
                       match="is awaiting_fee: cannot move to awaiting_fee"):
        await desk.request_fee(reference, "10", "excessive", "alice", "cli")
    with pytest.raises(IllegalTransitionError, match="awaiting_fee: cannot move to extended"):
        await desk.extend(reference, "More time", "alice", "cli")
    closed = await desk.close_done(reference, "alice", "cli", note="Fee never paid")
    assert closed.state == "done"
    with pytest.raises(IllegalTransitionError, match="is done: cannot move to awaiting_fee"):
        await desk.request_fee(reference, "10", "excessive", "alice", "cli")
    with pytest.raises(IllegalTransitionError, match="is done: no fee is awaited"):
        await desk.fee_received(reference, "bob", "cli")
    after = await desk.get_ticket(reference)
    kinds = [e.kind for e in after.events[len(before.events):]]
    assert kinds.count("fee_requested") == 1  # refused attempts wrote nothing
    # Twice while identity is awaited; a fee after the first month; a complaint.
    pending = (await receive(desk, intents=["access"])).reference or ""
    await desk.request_fee(pending, "10", "excessive", "alice", "cli")
    with pytest.raises(IllegalTransitionError, match="a fee is already awaited"):
        await desk.request_fee(pending, "10", "excessive", "alice", "cli")
    late = await _verified(desk)
    clock.advance(days=40)
    with pytest.raises(WorkflowError, match="inside the first month"):
        await desk.request_fee(late, "10", "excessive", "alice", "cli")
    complaint = (await receive(desk, intents=["complaint"])).reference or ""
    with pytest.raises(WorkflowError, match="only be charged for a rights request"):
        await desk.request_fee(complaint, "10", "excessive", "alice", "cli")


async def test_withheld_complaint_ack_is_flagged_for_the_team(desk: Desk) -> None:
    for _ in range(5):  # the daily limit of automatic replies to bob is used up
        await receive(desk, intents=["complaint"])
    result = await receive(desk, intents=["complaint"])
    reference = result.reference or ""
    assert result.withheld == ["complaint_ack"]
    view = await desk.get_ticket(reference)
    flag = next(e for e in view.events if e.kind == "complaint_ack_needed")
    assert flag.data["ack_due"] == "2026-12-24"
    assert "daily limit" in flag.data["reason"]
    assert view.attention == ["complaint acknowledgement not sent: acknowledge by 2026-12-24"]
    tickets = await desk.list_tickets()
    assert (await desk.attention(tickets))[reference] == view.attention
    sent = await receive(desk, intents=["complaint"], sender="ann@example.com")
    assert (await desk.get_ticket(sent.reference or "")).attention == []
    await desk.close_done(reference, "alice", "cli", note="Acknowledged by phone")
    assert (await desk.get_ticket(reference)).attention == []
