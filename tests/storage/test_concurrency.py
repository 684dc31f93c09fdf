"""Concurrent writers: idempotent intake, unique references, outbox claims that never overlap."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from storage import ConflictError, Database
from tests.storage.conftest import NOW, make_ticket

RAW = b"From: ada@example.org\r\nMessage-ID: <one@example.org>\r\n\r\nPlease erase my data.\r\n"


async def _intake(db: Database, message_id: str) -> bool:
    """What the SMTP use case does: store the mail once, and ticket it only if it was new."""
    async with db.transaction() as tx:
        message, new = await tx.messages.add_inbound(
            organisation="aimigos", message_id=message_id, from_address="ada@example.org",
            to_address="hello@aimigos.studio", received_at=NOW, raw=RAW,
            intents=["erasure"], scores={"erasure": 0.9},
        )
        if not new:
            assert message.ticket_id is not None  # the winner committed its ticket with it
            return False
        ticket = await make_ticket(tx, intents=("erasure",))
        await tx.messages.set_ticket(message.id, ticket.id)
        await tx.events.append(ticket_id=ticket.id, actor="smtp", channel="smtp",
                               kind="ticket_created", organisation="aimigos")
        return True


async def test_fifty_concurrent_deliveries_of_one_message_make_one_ticket(db: Database) -> None:
    results = await asyncio.gather(*(_intake(db, "<one@example.org>") for _ in range(50)))
    assert results.count(True) == 1
    async with db.transaction(readonly=True) as tx:
        assert await tx.tickets.count() == 1
        [ticket] = await tx.tickets.list()
        messages = await tx.messages.for_ticket(ticket.id)
        assert [m.message_id for m in messages] == ["<one@example.org>"]
        assert await tx.messages.get_raw(messages[0].id) == RAW
        assert len(await tx.events.for_ticket(ticket.id)) == 1
        assert await tx.references.current("aimigos", 2026) == 1


async def test_message_ids_are_unique_per_organisation_only(db: Database) -> None:
    async with db.transaction() as tx:
        for org in ("aimigos", "imgn", "aimigos"):
            await tx.messages.add_inbound(
                organisation=org, message_id="<same@x>", from_address="a@b.c",
                to_address="privacy@x", received_at=NOW, raw=b"x")
    async with db.transaction(readonly=True) as tx:
        assert await tx.messages.get_by_message_id("imgn", "<same@x>") is not None
        assert len(await tx.messages.unticketed()) == 2


async def test_concurrent_references_are_unique_and_gapless(db: Database) -> None:
    async def allocate(org: str) -> str:
        async with db.transaction() as tx:
            return (await make_ticket(tx, org=org)).reference

    refs = await asyncio.gather(*(allocate("aimigos" if i % 3 else "imgn") for i in range(40)))
    assert len(set(refs)) == 40
    aim = sorted(r for r in refs if r.startswith("AIM"))
    assert aim == [f"AIM-2026-{n:04d}" for n in range(1, len(aim) + 1)]
    async with db.transaction() as tx:
        assert await tx.references.next_number("aimigos", 2027) == 1


async def test_two_concurrent_claimers_never_claim_the_same_mail(db: Database) -> None:
    async with db.transaction() as tx:
        for i in range(60):
            await tx.outbox.enqueue(organisation="aimigos", kind="ack",
                                    to_address=f"p{i}@example.org",
                                    message_id=f"<out{i}@privacybot>", raw=b"mail", now=NOW)

    async def sender(worker: str) -> list[int]:
        claimed: list[int] = []
        while True:
            async with db.transaction() as tx:
                batch = await tx.outbox.claim(worker, NOW, limit=4)
                for item in batch:
                    await tx.outbox.mark_sent(item.id, NOW, worker_id=worker)
            if not batch:
                return claimed
            claimed.extend(item.id for item in batch)
            await asyncio.sleep(0)

    first, second, third = await asyncio.gather(sender("a"), sender("b"), sender("c"))
    everything = first + second + third
    assert len(everything) == len(set(everything)) == 60
    async with db.transaction(readonly=True) as tx:
        assert {m.status for m in await tx.outbox.by_status()} == {"sent"}


async def test_claims_in_open_transactions_skip_each_other(db: Database) -> None:
    """Two senders whose claim transactions overlap in time still get disjoint mail."""
    if db.dialect != "postgresql":
        return  # SQLite cannot overlap two write transactions: the single-writer lock
    async with db.transaction() as tx:
        for i in range(6):
            await tx.outbox.enqueue(organisation="aimigos", kind="ack", to_address="a@b.c",
                                    message_id=f"<o{i}@pb>", raw=b"m", now=NOW)
    held = asyncio.Event()
    release = asyncio.Event()

    async def slow() -> set[int]:
        async with db.transaction() as tx:
            got = {m.id for m in await tx.outbox.claim("slow", NOW, limit=3)}
            held.set()
            await release.wait()
            return got

    task = asyncio.create_task(slow())
    await held.wait()
    async with db.transaction() as tx:
        fast = {m.id for m in await tx.outbox.claim("fast", NOW, limit=10)}
    release.set()
    assert fast.isdisjoint(await task)
    assert len(fast) == 3


async def test_a_lost_lease_is_reclaimed_and_the_old_sender_cannot_finish(db: Database) -> None:
    async with db.transaction() as tx:
        queued = await tx.outbox.enqueue(organisation="aimigos", kind="ack", to_address="a@b.c",
                                         message_id="<lease@pb>", raw=b"m", now=NOW)
        [mine] = await tx.outbox.claim("dead", NOW, lease=timedelta(minutes=1))
        assert (mine.id, mine.attempts) == (queued.id, 1)
        assert await tx.outbox.claim("other", NOW) == []  # leased
    later = NOW + timedelta(minutes=2)
    async with db.transaction() as tx:
        [again] = await tx.outbox.claim("other", later)
        assert (again.claimed_by, again.attempts) == ("other", 2)

    async def finish_as_dead_sender() -> None:
        async with db.transaction() as tx:
            await tx.outbox.mark_sent(queued.id, later, worker_id="dead")

    with pytest.raises(ConflictError, match="claimed by other"):
        await finish_as_dead_sender()
    async with db.transaction(readonly=True) as tx:
        assert (await tx.outbox.get(queued.id)).status == "sending"


async def test_a_follower_of_the_event_log_never_misses_an_event(db: Database) -> None:
    """Ids are handed out before commit; a slow committer must not be skipped by `after`."""
    done = asyncio.Event()
    async with db.transaction() as tx:
        ticket = await make_ticket(tx)

    async def writer(delay: float) -> int:
        async with db.transaction() as tx:
            event = await tx.events.append(ticket_id=ticket.id, actor="t", channel="worker",
                                           kind="k")
            await asyncio.sleep(delay)  # commit late: later ids may commit first
        return event.id

    async def follower() -> list[int]:
        seen: list[int] = []
        cursor = 0
        while True:
            finished = done.is_set()
            async with db.transaction(readonly=True) as tx:
                batch = await tx.events.after(cursor)
            seen.extend(e.id for e in batch)
            cursor = seen[-1] if seen else 0
            if finished:
                return seen
            await asyncio.sleep(0.002)

    watching = asyncio.create_task(follower())
    ids = await asyncio.gather(*(writer(0.03 if i % 2 else 0.0) for i in range(12)))
    done.set()
    assert sorted(await watching) == sorted(ids)
