"""The sweep with the clock moved forward, through the desk's intake on a real database: what
it does to a complaint owed an acknowledgement, and to a requester who confirmed the address
while the organisation's own check is still awaited (issue 16.2, 16.15)."""

from __future__ import annotations

from typing import Any

from bot.desk import Desk
from bot.organisations import Organisations
from storage import Database
from tests.desk.conftest import PUBLIC_URL, SECRET, Clock, code_in, outbox, receive


def desk_with(db: Database, orgs: Organisations, clock: Clock, **changes: Any) -> Desk:
    changed = Organisations(items=tuple(org.model_copy(update=changes) for org in orgs.items))
    return Desk(db, changed, secret=SECRET, public_url=PUBLIC_URL, clock=clock)


async def test_an_unacknowledged_complaint_stays_owed_on_its_own_ticket(
        db: Database, orgs: Organisations, clock: Clock) -> None:
    desk = desk_with(db, orgs, clock, max_auto_replies_per_day=1)
    opened = await receive(desk, intents=["erasure", "complaint"])
    assert opened.replies == ["verification_request"]
    assert opened.withheld == ["complaint_ack"]
    reference = opened.reference or ""
    clock.advance(days=31)
    assert (await desk.sweep()).closed == [reference]
    first = await desk.get_ticket(reference)
    assert first.ticket.state == "closed_unverified"
    assert first.ticket.intents == ["erasure"]
    [split] = [event for event in first.events if event.kind == "complaint_split"]
    complaint = await desk.get_ticket(str(split.data["reference"]))
    assert complaint.ticket.intents == ["complaint"]
    assert complaint.ticket.state == "in_progress"
    assert complaint.ticket.received_at == first.ticket.received_at
    assert complaint.attention == [
        f"complaint acknowledgement not sent: acknowledge by {complaint.ticket.due_date}"]


async def test_a_request_without_a_complaint_closes_as_before(
        desk: Desk, clock: Clock) -> None:
    opened = await receive(desk, intents=["access"])
    clock.advance(days=31)
    assert (await desk.sweep()).closed == [opened.reference]
    view = await desk.get_ticket(opened.reference or "")
    assert "complaint_split" not in [event.kind for event in view.events]
    assert len(await desk.list_tickets()) == 1
    closing = view.outbox[-1]
    assert closing.kind == "closed_unverified"
    assert b"complaint" not in closing.raw


async def test_a_requester_who_confirmed_is_not_asked_again_while_the_team_checks(
        db: Database, orgs: Organisations, clock: Clock) -> None:
    desk = desk_with(db, orgs, clock, manual_identity_check=True)
    opened = await receive(desk, intents=["access"])
    reference = opened.reference or ""
    [verification] = await outbox(desk, reference)
    after = await desk.verify_code(reference, code_in(verification), "bob", "http")
    assert after.state == "awaiting_identity"  # the team's check is still to come
    for days in (8, 31, 60):
        clock.advance(days=days)
        swept = await desk.sweep()
        assert swept.reminded == []
        assert swept.closed == []
    view = await desk.get_ticket(reference)
    assert [mail.kind for mail in view.outbox] == ["verification_request"]
    assert view.ticket.state == "awaiting_identity"
    assert view.attention == ["identity must be checked by the team"]
    assert [event.kind for event in view.events].count("manual_check_needed") == 1
