"""The same mail delivered many times at once makes one ticket and one reply."""

from __future__ import annotations

import asyncio

from bot.desk import Desk
from storage import Database
from tests.desk.conftest import mail


async def test_fifty_concurrent_deliveries_make_one_ticket(desk: Desk, db: Database) -> None:
    raw, inbound, classification = mail(intents=["erasure"], message_id="<dup-50@example.com>")
    results = await asyncio.gather(*(
        desk.receive_mail("aimigos", raw, inbound, classification,
                          envelope_from="bob@example.com")
        for _ in range(50)))
    outcomes = sorted(result.outcome for result in results)
    assert outcomes.count("created") == 1
    assert outcomes.count("duplicate") == 49
    assert {result.reference for result in results} == {"AIM-2026-0001"}
    async with db.transaction() as tx:
        assert await tx.tickets.count() == 1
        assert len(await tx.outbox.for_ticket(1)) == 1
        assert await tx.verifications.active_for_ticket(1, desk.config.clock()) is not None


async def test_concurrent_different_mails_get_distinct_references(desk: Desk,
                                                                  db: Database) -> None:
    batch = [mail(intents=["access"], sender=f"user{n}@example.com") for n in range(20)]
    results = await asyncio.gather(*(
        desk.receive_mail("aimigos", raw, inbound, classification, envelope_from=None)
        for raw, inbound, classification in batch))
    references = {result.reference for result in results}
    assert len(references) == 20
    assert references == {f"AIM-2026-{n:04d}" for n in range(1, 21)}
