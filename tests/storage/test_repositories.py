"""Each repository's contract, on each backend: what goes in comes out, filters filter."""

from __future__ import annotations

import inspect
from datetime import date, timedelta

import pytest

from storage import ConflictError, Database, InvalidValueError, NotFoundError, TicketUpdate
from storage.repos.events import EventRepository
from tests.storage.conftest import NOW, make_ticket


async def test_ticket_update_writes_only_the_fields_given(db: Database) -> None:
    async with db.transaction() as tx:
        ticket = await make_ticket(tx)
        await tx.tickets.update(ticket.id,
                                TicketUpdate(assigned_to="U1", due_date=date(2026, 4, 2)))
        later = NOW + timedelta(hours=1)
        changed = await tx.tickets.update(
            ticket.id, TicketUpdate(state="in_progress", assigned_to=None), now=later)
    assert changed.state == "in_progress"
    assert changed.assigned_to is None  # None given explicitly clears
    assert changed.due_date == date(2026, 4, 2)  # not given: kept
    assert changed.updated_at == later
    assert changed.created_at == NOW
    with pytest.raises(ValueError, match="extra"):
        TicketUpdate(colour="red")  # type: ignore[call-arg]
    async with db.transaction() as tx:
        with pytest.raises(NotFoundError):
            await tx.tickets.update(999, TicketUpdate(state="done"))


async def test_ticket_filters(db: Database) -> None:
    async with db.transaction() as tx:
        a = await make_ticket(tx, address="Ada@Example.org")
        b = await make_ticket(tx, org="imgn", address="bob@example.org")
        c = await make_ticket(tx, address="ada@example.org", state="done")
        await tx.tickets.update(a.id, TicketUpdate(due_date=date(2026, 4, 1)))
        await tx.tickets.update(b.id, TicketUpdate(due_date=date(2026, 3, 20)))
    async with db.transaction(readonly=True) as tx:
        assert [x.id for x in await tx.tickets.list()] == [b.id, a.id, c.id]  # by due date
        assert [x.id for x in await tx.tickets.list(open_only=True)] == [b.id, a.id]
        assert [x.id for x in await tx.tickets.list(organisation="aimigos")] == [a.id, c.id]
        assert [x.id for x in await tx.tickets.list(states=["done"])] == [c.id]
        assert [x.id for x in await tx.tickets.list(due_before=date(2026, 3, 31))] == [b.id]
        assert [x.id for x in await tx.tickets.list(limit=1)] == [b.id]
        mine = await tx.tickets.open_by_requester("aimigos", "ADA@example.org")
        assert [x.id for x in mine] == [a.id]
        assert await tx.tickets.open_by_requester("imgn", "ada@example.org") == []
        assert await tx.tickets.count(organisation="imgn") == 1


async def test_linked_ticket_must_exist(db: Database) -> None:
    async def link_to_nothing() -> None:
        async with db.transaction() as tx:
            ticket = await make_ticket(tx)
            await tx.tickets.update(ticket.id, TicketUpdate(linked_ticket_id=4242))

    with pytest.raises(ConflictError):
        await link_to_nothing()


async def test_threading_finds_the_ticket_of_a_sent_or_received_message(db: Database) -> None:
    async with db.transaction() as tx:
        ticket = await make_ticket(tx)
        other = await make_ticket(tx, address="eve@example.org")
        await tx.outbox.enqueue(organisation="aimigos", kind="ack", to_address="ada@example.org",
                                message_id="<ack.1@privacybot>", raw=b"m", ticket_id=ticket.id)
        await tx.messages.add_inbound(organisation="aimigos", message_id="<in.2@x>",
                                      from_address="eve@example.org", to_address="hello@a",
                                      received_at=NOW, raw=b"m", ticket_id=other.id)
    async with db.transaction(readonly=True) as tx:
        found = await tx.tickets.find_by_message_ids("aimigos", ["<nope@x>", "<ack.1@privacybot>"])
        assert found is not None
        assert found.id == ticket.id
        by_inbound = await tx.tickets.find_by_message_ids("aimigos", ["<in.2@x>"])
        assert by_inbound is not None
        assert by_inbound.id == other.id
        assert await tx.tickets.find_by_message_ids("imgn", ["<ack.1@privacybot>"]) is None
        assert await tx.tickets.find_by_message_ids("aimigos", []) is None


async def test_messages_keep_raw_bytes_out_of_records(db: Database) -> None:
    raw = b"Subject: =?utf-8?q?caf=C3=A9?=\r\n\r\n\xff\xfe binary-ish body"
    async with db.transaction() as tx:
        msg, new = await tx.messages.add_inbound(
            organisation="aimigos", message_id="<r@x>", from_address="a@b.c",
            to_address="hello@a", received_at=NOW, raw=raw, subject="café",
            references=["<a@x>", "<b@x>"], intents=["access"], scores={"access": 0.8},
            language="fr", auto_reply=False, excerpt="Bonjour")
        out, _ = await tx.messages.add_outbound(
            organisation="aimigos", message_id="<o@pb>", from_address="hello@a",
            to_address="a@b.c", sent_at=NOW, raw=b"reply", in_reply_to="<r@x>")
    assert new
    assert "raw" not in msg.model_dump()
    assert (msg.references, msg.scores, msg.subject) == (["<a@x>", "<b@x>"], {"access": 0.8},
                                                         "café")
    assert out.direction == "out"
    async with db.transaction(readonly=True) as tx:
        assert await tx.messages.get_raw(msg.id) == raw
        assert await tx.messages.get(msg.id) == msg
        with pytest.raises(NotFoundError):
            await tx.messages.get_raw(999)


async def test_events_are_append_only_and_followable(db: Database) -> None:
    public = {name for name, _ in inspect.getmembers(EventRepository, inspect.isfunction)
              if not name.startswith("_")}
    assert public == {"append", "for_ticket", "after", "last_id"}
    async with db.transaction() as tx:
        ticket = await make_ticket(tx)
        first = await tx.events.append(ticket_id=ticket.id, actor="smtp", channel="smtp",
                                       kind="created", data={"intents": ["access"]}, at=NOW)
        second = await tx.events.append(ticket_id=ticket.id, actor="U123", channel="slack",
                                        kind="assigned", data={"to": "U123"})
        await tx.events.append(ticket_id=None, actor="cli", channel="cli",
                               kind="suppression_removed", organisation="aimigos")
    assert first.id < second.id
    async with db.transaction(readonly=True) as tx:
        history = await tx.events.for_ticket(ticket.id)
        assert [(e.kind, e.actor, e.channel) for e in history] == [
            ("created", "smtp", "smtp"), ("assigned", "U123", "slack")]
        assert history[0].data == {"intents": ["access"]}
        assert [e.kind for e in await tx.events.after(first.id)] == [
            "assigned", "suppression_removed"]
        assert len(await tx.events.after(0, limit=2)) == 2
        assert await tx.events.last_id() == second.id + 1
    async with db.transaction() as tx:
        with pytest.raises(InvalidValueError, match="unknown channel"):
            await tx.events.append(ticket_id=None, actor="x", channel="pigeon", kind="k")


async def test_suppression_add_is_idempotent_and_keeps_the_first_entry(db: Database) -> None:
    async with db.transaction() as tx:
        ticket = await make_ticket(tx, intents=("opt_out",))
        first, added = await tx.suppression.add(organisation="aimigos", address="ada@example.org",
                                                source="opt_out", added_by="smtp",
                                                ticket_id=ticket.id, at=NOW)
        again, added_again = await tx.suppression.add(organisation="aimigos",
                                                      address="ada@example.org", source="cli",
                                                      added_by="someone")
        await tx.suppression.add(organisation="imgn", address="ada@example.org", source="cli",
                                 added_by="x")
    assert (added, added_again) == (True, False)
    assert again == first
    async with db.transaction() as tx:
        assert await tx.suppression.contains("aimigos", "ada@example.org")
        assert not await tx.suppression.contains("aimigos", "bob@example.org")
        assert [e.organisation for e in await tx.suppression.entries()] == ["aimigos", "imgn"]
        assert await tx.suppression.remove("aimigos", "ada@example.org")
        assert not await tx.suppression.remove("aimigos", "ada@example.org")
        assert [e.organisation for e in await tx.suppression.entries("aimigos")] == []


async def test_verification_attempts_expiry_and_single_use(db: Database) -> None:
    async with db.transaction() as tx:
        ticket = await make_ticket(tx)
        challenge = await tx.verifications.create(
            ticket_id=ticket.id, code_hash="c" * 64, token_hash="t" * 64,
            expires_at=NOW + timedelta(hours=24), max_attempts=2, now=NOW)
        assert await tx.verifications.active_for_ticket(ticket.id, NOW) == challenge
        assert await tx.verifications.active_for_ticket(ticket.id, NOW + timedelta(days=2)) is None
        tried = await tx.verifications.record_attempt(challenge.id)
        assert (tried.attempts, tried.attempts_left) == (1, 1)
        await tx.verifications.record_attempt(challenge.id)
        assert await tx.verifications.active_for_ticket(ticket.id, NOW) is None  # exhausted
        used = await tx.verifications.mark_used(challenge.id, NOW)
        reused = await tx.verifications.mark_used(challenge.id, NOW + timedelta(hours=1))
        assert used.used_at == reused.used_at == NOW  # first use wins
        assert await tx.verifications.by_token_hash("t" * 64) == used
        assert await tx.verifications.latest_for_ticket(ticket.id) == used
        with pytest.raises(NotFoundError):
            await tx.verifications.record_attempt(999)


async def test_outbox_retry_failure_and_rate_count(db: Database) -> None:
    async with db.transaction() as tx:
        mail = await tx.outbox.enqueue(organisation="aimigos", kind="ack",
                                       to_address="Ada@Example.org", message_id="<1@pb>",
                                       raw=b"m", now=NOW)
        await tx.outbox.enqueue(organisation="aimigos", kind="ack", to_address="ada@example.org",
                                message_id="<2@pb>", raw=b"m", now=NOW)
        [claimed] = await tx.outbox.claim("w", NOW, limit=1)
        assert claimed.id == mail.id
        retry_at = NOW + timedelta(minutes=10)
        back = await tx.outbox.mark_retry(mail.id, retry_at, "451 try later", worker_id="w")
        assert (back.status, back.last_error, back.claimed_by) == ("pending", "451 try later",
                                                                   None)
        assert await tx.outbox.next_due_at() == NOW  # the second one is due now
        hour = timedelta(hours=1)
        assert [m.id for m in await tx.outbox.claim("w", NOW, lease=hour)] == [mail.id + 1]
        assert [m.id for m in await tx.outbox.claim("w", retry_at, lease=hour)] == [mail.id]
        failed = await tx.outbox.mark_failed(mail.id, "550 no such user")
        assert failed.status == "failed"
        count = await tx.outbox.count_to_address_since("aimigos", "ADA@example.org",
                                                       NOW - timedelta(days=1))
        assert count == 1  # the failed one does not count
        with pytest.raises(ConflictError, match="failed"):
            await tx.outbox.mark_sent(mail.id, NOW)


async def test_outbox_message_id_is_unique(db: Database) -> None:
    async def enqueue_twice() -> None:
        async with db.transaction() as tx:
            for _ in range(2):
                await tx.outbox.enqueue(organisation="aimigos", kind="ack", to_address="a@b.c",
                                        message_id="<dup@pb>", raw=b"m")

    with pytest.raises(ConflictError):
        await enqueue_twice()


async def test_slack_posts_cursor_and_seen_events(db: Database) -> None:
    async with db.transaction() as tx:
        ticket = await make_ticket(tx)
        assert await tx.slack.get_post(ticket.id) is None
        await tx.slack.save_post(ticket_id=ticket.id, channel="C1", ts="1.1", posted_event_id=3)
        moved = await tx.slack.save_post(ticket_id=ticket.id, channel="C1", ts="1.1",
                                         posted_event_id=7)
        assert (moved.posted_event_id, moved.ts) == (7, "1.1")
        assert await tx.slack.get_cursor("notifier") == 0
        await tx.slack.set_cursor("notifier", 5)
        await tx.slack.set_cursor("notifier", 3)  # never backwards
        assert await tx.slack.get_cursor("notifier") == 5
        await tx.slack.set_cursor("notifier", 9)
        assert await tx.slack.get_cursor("notifier") == 9
        assert await tx.slack.mark_seen("Ev1", at=NOW)
        assert not await tx.slack.mark_seen("Ev1")
        assert await tx.slack.forget_seen_before(NOW + timedelta(hours=1)) == 1
        assert await tx.slack.mark_seen("Ev1")  # forgotten: an old id counts as new again


async def test_questions_and_gaps(db: Database) -> None:
    async with db.transaction() as tx:
        kept = await tx.questions.add(user="U1", question="Do we sell data?", answered=True,
                                      confidence=0.9, organisation="aimigos", asked_at=NOW)
        unanswered = await tx.questions.add(user="U2", question="Cookie lifetime?",
                                            answered=False, confidence=0.1,
                                            asked_at=NOW + timedelta(minutes=1))
        disliked = await tx.questions.add(user="U3", question="DPO?", answered=True,
                                          confidence=0.6, asked_at=NOW + timedelta(minutes=2))
        await tx.questions.set_feedback(disliked.id, "unhelpful", by="U3")
        await tx.questions.set_feedback(kept.id, "helpful", by="U1")
        with pytest.raises(InvalidValueError):
            await tx.questions.set_feedback(kept.id, "meh", by="U1")
        with pytest.raises(NotFoundError):
            await tx.questions.set_feedback(999, "helpful", by="U1")
    async with db.transaction(readonly=True) as tx:
        assert [q.id for q in await tx.questions.gaps()] == [disliked.id, unanswered.id]
        assert await tx.questions.gaps(organisation="aimigos") == []
        assert (await tx.questions.get(kept.id)).feedback == "helpful"
        assert len(await tx.questions.recent()) == 3
