"""The team's own hand on tickets, through the Desk on real databases: notes stay inside,
replies go out threaded, intents are corrected with their before and after, requests that
came by phone are recorded from their day, and merge and split keep every event."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.desk import Desk
from bot.errors import IllegalTransitionError, WorkflowError
from bot.workflow.addresses import InvalidAddressError
from storage import Database, NotFoundError
from tests.desk.conftest import Clock, body, code_in, outbox, parse, receive


async def _counts(db: Database) -> tuple[int, int]:
    async with db.transaction(readonly=True) as tx:
        tickets = await tx.tickets.count()
        events = await tx.events.last_id()
    return tickets, events


async def test_a_note_never_reaches_the_outbox(desk: Desk) -> None:
    reference = (await receive(desk, intents=["erasure"])).reference or ""
    before = await outbox(desk, reference)
    result = await desk.add_note(reference, "Called her back,\nshe confirms", "alice", "cli")
    assert result.replies == []
    view = await desk.get_ticket(reference)
    assert len(view.outbox) == len(before) == 1
    [note] = [e for e in view.events if e.kind == "note_added"]
    assert note.data["text"] == "Called her back,\nshe confirms"
    assert note.actor == "alice"


async def test_a_note_with_the_same_source_id_is_recorded_once(desk: Desk) -> None:
    reference = (await receive(desk, intents=["complaint"])).reference or ""
    for _ in range(2):
        await desk.add_note(reference, "seen", "slack:U1", "slack", once="Ev123")
    view = await desk.get_ticket(reference)
    assert [e.kind for e in view.events].count("note_added") == 1


async def test_a_reply_goes_out_threaded_and_says_when_unverified(desk: Desk) -> None:
    result = await receive(desk, intents=["access"], message_id="<first@example.com>")
    reference = result.reference or ""
    second = await receive(desk, intents=[], subject=f"Re: [{reference}]",
                           message_id="<second@example.com>",
                           references=["<first@example.com>"])
    assert second.outcome == "joined"
    answer = await desk.reply(reference, "Dear Bob,\nwe are on it.", "alice", "cli")
    assert answer.replies == ["team_reply"]
    assert "not verified" in answer.message
    mail = (await outbox(desk, reference))[-1]
    assert mail.kind == "team_reply"
    message = parse(mail)
    assert message["In-Reply-To"] == "<second@example.com>"
    assert "<first@example.com>" in str(message["References"])
    assert "<second@example.com>" in str(message["References"])
    assert "Dear Bob,\nwe are on it." in body(mail).replace("\r\n", "\n")
    assert f"[{reference}]" in str(message["Subject"])
    view = await desk.get_ticket(reference)
    [event] = [e for e in view.events if e.kind == "team_reply_sent"]
    assert event.data["unverified_address"] is True


async def test_a_reply_to_a_verified_requester_has_no_warning(desk: Desk) -> None:
    reference = (await receive(desk, intents=["access"])).reference or ""
    [mail] = await outbox(desk, reference)
    await desk.verify_code(reference, code_in(mail), "alice", "cli")
    answer = await desk.reply(reference, "Here is your data.", "alice", "cli")
    assert answer.message == ""
    view = await desk.get_ticket(reference)
    [event] = [e for e in view.events if e.kind == "team_reply_sent"]
    assert event.data["unverified_address"] is False


async def test_adding_access_to_a_complaint_starts_verification(desk: Desk) -> None:
    reference = (await receive(desk, intents=["complaint"])).reference or ""
    assert (await desk.get_ticket(reference)).ticket.state == "in_progress"
    result = await desk.change_intents(reference, add="access", reason="she asked on the phone",
                                       actor="alice", channel="cli")
    assert result.state == "awaiting_identity"
    assert result.due_date is None
    assert "verification_request" in result.replies
    view = await desk.get_ticket(reference)
    assert view.ticket.intents == ["access", "complaint"]
    [event] = [e for e in view.events if e.kind == "intents_changed"]
    assert event.data["before"] == ["complaint"]
    assert event.data["after"] == ["access", "complaint"]
    assert event.data["reason"] == "she asked on the phone"
    assert event.data["by"] == "alice"
    assert event.data["verification_started"] is True
    assert view.outbox[-1].kind == "verification_request"
    # The code in that mail verifies the ticket as usual.
    await desk.verify_code(reference, code_in(view.outbox[-1]), "alice", "cli")
    assert (await desk.get_ticket(reference)).ticket.state == "in_progress"


async def test_removing_access_starts_the_clock_from_receipt(desk: Desk, clock: Clock) -> None:
    result = await receive(desk, intents=["access", "complaint"])
    reference = result.reference or ""
    received = clock.now.date()
    clock.advance(days=3)
    changed = await desk.change_intents(reference, remove="access", reason="misread: only a"
                                        " complaint", actor="alice", channel="cli")
    assert changed.state == "in_progress"
    assert changed.due_date == received + timedelta(days=30)


@pytest.mark.parametrize(("add", "remove", "message"), [
    ("", "", "nothing to change"),
    ("acces", "", "unknown intent 'acces'"),
    ("", "erasure", "does not hold 'erasure'"),
    ("complaint", "", "already holds 'complaint'"),
    ("", "complaint", "at least one intent"),
])
async def test_bad_intent_changes_change_nothing(desk: Desk, db: Database, add: str,
                                                 remove: str, message: str) -> None:
    reference = (await receive(desk, intents=["complaint"])).reference or ""
    before = await _counts(db)
    with pytest.raises(WorkflowError, match=message):
        await desk.change_intents(reference, add=add, remove=remove, reason="why",
                                  actor="alice", channel="cli")
    assert await _counts(db) == before


async def test_a_phone_request_counts_from_its_day(desk: Desk, clock: Clock) -> None:
    day = clock.now.date() - timedelta(days=10)
    result = await desk.open_manual("aimigos", requester="Carol@Example.org",
                                    intents="erasure", came_by="phone", received=day,
                                    actor="alice", channel="cli", note="called at 9")
    assert result.state == "awaiting_identity"
    view = await desk.get_ticket(result.reference)
    assert view.ticket.received_at.date() == day
    assert view.ticket.requester_address == "carol@example.org"
    [mail] = view.outbox
    assert mail.kind == "verification_request"
    assert mail.to_address == "carol@example.org"
    opened = view.events[0]
    assert opened.kind == "ticket_opened"
    assert opened.data["came_by"] == "phone"
    assert [e.data["text"] for e in view.events if e.kind == "note_added"] == ["called at 9"]
    complaint = await desk.open_manual("aimigos", requester="dan@example.org",
                                       intents=["complaint"], came_by="letter", received=day,
                                       actor="alice", channel="cli")
    assert complaint.state == "in_progress"
    assert complaint.due_date == day + timedelta(days=30)


@pytest.mark.parametrize(("changes", "error", "message"), [
    ({"received": date(2026, 11, 25)}, WorkflowError, "in the future"),
    ({"intents": ""}, WorkflowError, "at least one intent"),
    ({"intents": "access,fishing"}, WorkflowError, "unknown intent 'fishing'"),
    ({"came_by": "pigeon"}, WorkflowError, "--channel must be one of"),
    ({"requester": "not an address"}, InvalidAddressError, "address"),
])
async def test_a_bad_manual_request_opens_nothing(desk: Desk, db: Database,
                                                  changes: dict[str, object],
                                                  error: type[Exception], message: str) -> None:
    values: dict[str, object] = dict(requester="carol@example.org", intents="access",
                                     came_by="letter", received=date(2026, 11, 20))
    values.update(changes)
    before = await _counts(db)
    with pytest.raises(error, match=message):
        await desk.open_manual("aimigos", actor="alice", channel="cli",
                               **values)  # type: ignore[arg-type]
    assert await _counts(db) == before


async def test_merge_keeps_every_event_of_both(desk: Desk, clock: Clock) -> None:
    first = (await receive(desk, intents=["access"], sender="bob@example.com")).reference or ""
    clock.advance(days=2)
    second = (await receive(desk, intents=["erasure"], sender="Bob <bob@example.com>",
                            subject="again")).reference or ""
    await desk.add_note(second, "same person as the first", "alice", "cli")
    kept_before = await desk.get_ticket(first)
    other_before = await desk.get_ticket(second)
    result = await desk.merge(first, second, "alice", "cli")
    assert result.reference == first
    view = await desk.get_ticket(first)
    ids = {e.id for e in view.events}
    assert {e.id for e in kept_before.events} <= ids
    assert {e.id for e in other_before.events} <= ids
    assert view.ticket.intents == ["access", "erasure"]
    assert view.ticket.received_at == kept_before.ticket.received_at
    assert len(view.outbox) == 2  # both verification requests
    mail = await desk.ticket_mail(first)
    assert [letter.subject for letter in mail if letter.direction == "in"] == ["Request", "again"]
    closed = (await desk.get_ticket(second)).ticket
    assert closed.state == "merged"
    assert closed.linked_ticket_id == view.ticket.id
    assert not closed.is_open


async def test_merge_refuses_other_requesters_and_itself(desk: Desk, db: Database) -> None:
    first = (await receive(desk, intents=["access"], sender="bob@example.com")).reference or ""
    other = (await receive(desk, intents=["access"], sender="eve@example.com")).reference or ""
    before = await _counts(db)
    with pytest.raises(WorkflowError, match="same requester"):
        await desk.merge(first, other, "alice", "cli")
    with pytest.raises(WorkflowError, match="itself"):
        await desk.merge(first, first, "alice", "cli")
    with pytest.raises(NotFoundError):
        await desk.merge(first, "AIM-2026-9999", "alice", "cli")
    assert await _counts(db) == before


async def test_split_moves_a_second_request_out(desk: Desk, clock: Clock) -> None:
    reference = (await receive(desk, intents=["access", "complaint"])).reference or ""
    mail = (await outbox(desk, reference))[0]
    received = clock.now.date()
    clock.advance(days=1)
    await desk.verify_code(reference, code_in(mail), "alice", "cli")
    new = await desk.split(reference, "complaint", "alice", "cli")
    assert new.reference != reference
    assert new.state == "in_progress"
    assert new.verified
    assert new.due_date == received + timedelta(days=30)
    first = await desk.get_ticket(reference)
    assert first.ticket.intents == ["access"]
    assert any(e.kind == "ticket_split" and e.data["reference"] == new.reference
               for e in first.events)
    second = await desk.get_ticket(new.reference)
    assert second.ticket.intents == ["complaint"]
    assert second.linked_reference == reference
    with pytest.raises(WorkflowError, match="at least one intent"):
        await desk.split(reference, "access", "alice", "cli")


async def test_close_unverified_by_the_team(desk: Desk) -> None:
    reference = (await receive(desk, intents=["erasure"])).reference or ""
    result = await desk.close_unverified(reference, "alice", "cli")
    assert result.state == "closed_unverified"
    assert result.replies == ["closed_unverified"]
    with pytest.raises(IllegalTransitionError):
        await desk.close_unverified(reference, "alice", "cli")


async def test_merge_never_skips_a_verification(desk: Desk, db: Database) -> None:
    complaint = (await receive(desk, intents=["complaint"])).reference or ""
    access = (await receive(desk, intents=["access"], subject="data")).reference or ""
    before = await _counts(db)
    with pytest.raises(WorkflowError, match=f"merge {complaint} into {access} instead"):
        await desk.merge(complaint, access, "alice", "cli")
    assert await _counts(db) == before
    merged = await desk.merge(access, complaint, "alice", "cli")
    assert merged.state == "awaiting_identity"


async def test_splitting_out_the_right_that_needed_identity_starts_the_rest(
        desk: Desk, clock: Clock) -> None:
    reference = (await receive(desk, intents=["access", "complaint"])).reference or ""
    received = clock.now.date()
    clock.advance(days=2)
    new = await desk.split(reference, "access", "alice", "cli")
    assert new.state == "awaiting_identity"
    assert new.replies == ["verification_request"]
    rest = (await desk.get_ticket(reference)).ticket
    assert rest.state == "in_progress"
    assert rest.clock_started_at is not None
    assert rest.clock_started_at.date() == received
    assert rest.due_date == received + timedelta(days=30)


async def test_adding_a_complaint_acknowledges_it(desk: Desk) -> None:
    reference = (await receive(desk, intents=["erasure"])).reference or ""
    result = await desk.change_intents(reference, add="complaint", reason="unhappy on the phone",
                                       actor="alice", channel="cli")
    assert result.state == "awaiting_identity"
    assert result.replies == ["complaint_ack"]
