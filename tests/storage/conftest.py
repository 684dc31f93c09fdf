"""Fixtures for the storage suite: an upgraded Database on each backend, and sample rows."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from storage import Database, TicketRecord, Transaction

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = await Database.connect(database_url)
    await database.upgrade()
    try:
        yield database
    finally:
        await database.close()


async def make_ticket(
    tx: Transaction, org: str = "aimigos", address: str = "ada@example.org",
    state: str = "received", intents: tuple[str, ...] = ("access",),
) -> TicketRecord:
    """A ticket with the next reference of its organisation, as the workflow would make it."""
    number = await tx.references.next_number(org, 2026)
    return await tx.tickets.create(
        reference=f"{org[:3].upper()}-2026-{number:04d}", organisation=org, state=state,
        intents=list(intents), requester_address=address, received_at=NOW, now=NOW,
    )
