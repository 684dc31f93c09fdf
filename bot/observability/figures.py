"""How things stand, read from the store for the metrics endpoint: backlog, outbox, overdue.

`awaiting_triage` counts the mail that waits for the team's decision by the triage rule
(storage's `tx.triage.awaiting`: inbound, no ticket, not automatic, not yet decided).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict

from storage import Database, Transaction


class StoreFigures(BaseModel):
    """The gauges of one scrape (ages in seconds, 0 when nothing is waiting)."""

    model_config = ConfigDict(frozen=True)

    triage_backlog: int = 0
    triage_oldest_age: float = 0.0
    outbox_depth: int = 0
    outbox_oldest_age: float = 0.0
    outbox_failed: int = 0
    tickets_overdue: int = 0


async def awaiting_triage(tx: Transaction) -> tuple[int, datetime | None]:
    """How many mails await triage, and when the oldest of them arrived."""
    count = await tx.triage.count_awaiting()
    oldest = await tx.triage.awaiting(limit=1) if count else []  # oldest first
    return count, oldest[0].received_at if oldest else None


def age(since: datetime | None, now: datetime) -> float:
    """Seconds from `since` to `now`; 0 for nothing, or a clock that went backwards."""
    return max(0.0, (now - since).total_seconds()) if since is not None else 0.0


async def read_store_figures(db: Database, now: datetime) -> StoreFigures:
    """One read-only transaction; StorageError when the database cannot be read, or is no
    longer the file the service stores into (a removed SQLite file still reads, stale)."""
    db.check_file()
    async with db.transaction(readonly=True) as tx:
        backlog, oldest_mail = await awaiting_triage(tx)
        counts, oldest_unsent = await tx.outbox.queue_figures()
        # Due on a day means answered by the end of it: overdue from the day after.
        overdue = await tx.tickets.count_matching(
            open_only=True, due_before=now.date() - timedelta(days=1))
    return StoreFigures(
        triage_backlog=backlog, triage_oldest_age=age(oldest_mail, now),
        outbox_depth=counts["pending"] + counts["sending"],
        outbox_oldest_age=age(oldest_unsent, now), outbox_failed=counts["failed"],
        tickets_overdue=overdue)
