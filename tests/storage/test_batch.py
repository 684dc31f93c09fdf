"""The batch methods group commit uses, on each backend: blocks of reference numbers (given
back when unused), bulk events, links, challenges, and one-query lookups for many addresses."""

from __future__ import annotations

from datetime import timedelta

import pytest

from storage import ConflictError, Database, InvalidValueError
from storage.repos.events import append_many
from tests.storage.conftest import NOW, make_ticket


async def test_a_block_of_reference_numbers_and_giving_back_the_unused(db: Database) -> None:
    async with db.transaction() as tx:
        assert await tx.references.next_number("aimigos", 2026, count=5) == 5  # 1..5
        await tx.references.give_back("aimigos", 2026, 3, last=5)  # only 1 and 2 were used
        assert await tx.references.current("aimigos", 2026) == 2
        assert await tx.references.next_number("aimigos", 2026) == 3
        assert await tx.references.next_number("aimigos", 2026, count=2) == 5
        with pytest.raises(ConflictError):  # the counter is not where the caller thinks
            await tx.references.give_back("aimigos", 2026, 1, last=9)
        with pytest.raises(ValueError, match="at least 1"):
            await tx.references.next_number("aimigos", 2026, count=0)
    async with db.transaction(readonly=True) as tx:
        assert await tx.references.current("aimigos", 2026) == 5
        assert await tx.references.current("imgn", 2026) == 0


async def _take_a_block_and_fail(db: Database) -> None:
    async with db.transaction() as tx:
        await tx.references.next_number("imgn", 2026, count=10)
        raise RuntimeError("the batch failed")


async def test_a_rolled_back_block_is_given_back_whole(db: Database) -> None:
    with pytest.raises(RuntimeError, match="the batch failed"):
        await _take_a_block_and_fail(db)
    async with db.transaction() as tx:
        assert await tx.references.next_number("imgn", 2026) == 1


async def test_bulk_events_keep_their_order_and_refuse_unknown_channels(db: Database) -> None:
    async with db.transaction() as tx:
        ticket = await make_ticket(tx)
        await append_many(tx.events, [
            {"ticket_id": ticket.id, "organisation": "aimigos", "actor": "requester",
             "channel": "smtp", "kind": kind, "data": {"n": n}, "at": NOW}
            for n, kind in enumerate(("ticket_opened", "reply_queued", "closed_done"))])
        await append_many(tx.events, [])  # nothing to do is fine
        with pytest.raises(InvalidValueError):
            await append_many(tx.events, [{"ticket_id": None, "actor": "x",
                                           "channel": "pigeon", "kind": "x"}])
    async with db.transaction(readonly=True) as tx:
        events = await tx.events.for_ticket(ticket.id)
    assert [(e.kind, e.data) for e in events] == [
        ("ticket_opened", {"n": 0}), ("reply_queued", {"n": 1}), ("closed_done", {"n": 2})]
    assert [e.id for e in events] == sorted(e.id for e in events)
    assert all(e.at == NOW and e.channel == "smtp" for e in events)


async def test_bulk_links_and_challenges(db: Database) -> None:
    async with db.transaction() as tx:
        ticket = await make_ticket(tx)
        stored = [(await tx.messages.add_inbound(
            organisation="aimigos", message_id=f"<m{n}@example.org>", from_address="a@b.org",
            to_address="hello@aimigos.studio", received_at=NOW, raw=b"x"))[0] for n in range(3)]
        await tx.messages.set_tickets([(message.id, ticket.id) for message in stored[:2]])
        await tx.verifications.create_many([
            {"ticket_id": ticket.id, "code_hash": "c", "token_hash": f"t{n}",
             "expires_at": NOW + timedelta(days=n + 1), "max_attempts": 5, "now": NOW}
            for n in range(2)])
    async with db.transaction(readonly=True) as tx:
        attached = await tx.messages.for_ticket(ticket.id)
        latest = await tx.verifications.latest_for_ticket(ticket.id)
        found = await tx.verifications.by_token_hash("t0")
    assert sorted(m.message_id for m in attached) == ["<m0@example.org>", "<m1@example.org>"]
    assert latest is not None
    assert (latest.token_hash, latest.attempts_left) == ("t1", 5)
    assert found is not None
    assert found.expires_at == NOW + timedelta(days=1)


async def test_one_query_for_many_addresses(db: Database) -> None:
    async with db.transaction() as tx:
        ticket = await make_ticket(tx)
        await tx.suppression.add(organisation="aimigos", address="ada@example.org",
                                 source="mail", added_by="requester")
        await tx.suppression.add(organisation="imgn", address="bob@example.org",
                                 source="mail", added_by="requester")
        for n, (kind, address) in enumerate([("acknowledgement", "Ada@Example.org"),
                                             ("acknowledgement", "ada@example.org"),
                                             ("notice", "ada@example.org"),
                                             ("acknowledgement", "bob@example.org")]):
            await tx.outbox.enqueue(organisation="aimigos", kind=kind, to_address=address,
                                    message_id=f"<o{n}@x.org>", raw=b"x", ticket_id=ticket.id,
                                    now=NOW)
    async with db.transaction(readonly=True) as tx:
        assert await tx.suppression.contained(
            "aimigos", ["ada@example.org", "bob@example.org", "cy@example.org"]) == {
                "ada@example.org"}
        assert await tx.suppression.contained("aimigos", []) == set()
        counts = await tx.outbox.counts_to_addresses_since(
            "aimigos", ["ADA@example.org", "bob@example.org", "cy@example.org"],
            NOW - timedelta(days=1), kinds=("acknowledgement",))
        later = await tx.outbox.counts_to_addresses_since(
            "aimigos", ["ada@example.org"], NOW + timedelta(minutes=1))
        # The statement is built once and reused: other kinds and addresses are parameters.
        notices = await tx.outbox.counts_to_addresses_since(
            "aimigos", ["ada@example.org", "bob@example.org"], NOW - timedelta(days=1),
            kinds=("notice", "refusal"))
        one = await tx.outbox.count_to_address_since(
            "aimigos", "ada@example.org", NOW - timedelta(days=1), kinds=("acknowledgement",))
    assert counts == {"ada@example.org": 2, "bob@example.org": 1, "cy@example.org": 0}
    assert counts["ada@example.org"] == one  # the same count as the one-address query
    assert later == {"ada@example.org": 0}
    assert notices == {"ada@example.org": 1, "bob@example.org": 0}


async def test_bulk_outbox_rows_come_back_with_their_ids_in_order(db: Database) -> None:
    async with db.transaction() as tx:
        ticket = await make_ticket(tx)
        ids = await tx.outbox.enqueue_many([
            {"organisation": "aimigos", "kind": f"k{n}", "to_address": f"p{n}@example.org",
             "message_id": f"<bulk{n}@x.org>", "raw": f"mail {n}".encode(),
             "ticket_id": ticket.id, "now": NOW} for n in range(5)])
        assert await tx.outbox.enqueue_many([]) == []
    async with db.transaction(readonly=True) as tx:
        rows = [await tx.outbox.get(outbox_id) for outbox_id in ids]
    assert [(r.kind, r.raw, r.status, r.next_attempt_at) for r in rows] == [
        (f"k{n}", f"mail {n}".encode(), "pending", NOW) for n in range(5)]
    with pytest.raises(ConflictError):  # a Message-ID used before, as with enqueue
        async with db.transaction() as tx:
            await tx.outbox.enqueue_many([{"organisation": "aimigos", "kind": "k",
                                           "to_address": "p@example.org",
                                           "message_id": "<bulk0@x.org>", "raw": b"x"}])


async def test_many_mails_stored_in_one_statement_once_each(db: Database) -> None:
    def mail(n: int) -> dict[str, object]:
        return {"organisation": "aimigos", "message_id": f"<in{n}@example.org>",
                "from_address": f"p{n}@example.org", "to_address": "hello@aimigos.studio",
                "received_at": NOW, "raw": f"raw {n}".encode(), "intents": ["access"]}

    async with db.transaction() as tx:
        first, _ = await tx.messages.add_inbound(**mail(1))  # type: ignore[arg-type]
        stored = await tx.messages.add_inbound_many([mail(0), mail(1), mail(2)])
        with pytest.raises(ValueError, match="twice"):
            await tx.messages.add_inbound_many([mail(3), mail(3)])
        assert await tx.messages.add_inbound_many([]) == []
    assert [(m.message_id, new) for m, new in stored] == [
        ("<in0@example.org>", True), ("<in1@example.org>", False), ("<in2@example.org>", True)]
    assert stored[1][0] == first  # the existing row, as add_inbound gives it
    async with db.transaction(readonly=True) as tx:
        assert await tx.messages.get_raw(stored[2][0].id) == b"raw 2"
        assert stored[0][0].intents == ["access"]
        assert await tx.messages.get_by_message_id("aimigos", "<in3@example.org>") is None
