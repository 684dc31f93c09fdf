"""The append-only audit log: who did what to which ticket, when, and through which channel.

There is deliberately no update or delete here. Ids only grow, and a follower (the Slack
notifier) reads `after(last_id)` and never misses an event: on PostgreSQL, where ids are
handed out before commit, `append` takes a transaction-scoped advisory lock so that events
become visible in id order (a later id never commits before an earlier one). Append events
after your other writes in a use case, so the lock is held only until the commit that follows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, select, text

from storage import tables as t
from storage.errors import InvalidValueError
from storage.records import EventRecord
from storage.repos.base import Repository, utcnow

_e = t.events
# An arbitrary constant naming privacybot's "events are appended in id order" lock.
_EVENT_ORDER_LOCK = 0x70726976  # "priv"
CHANNELS = frozenset({"smtp", "http", "slack", "cli", "worker"})


def _record(row: Row[Any]) -> EventRecord:
    return EventRecord.model_validate(dict(row._mapping))


class EventRepository(Repository):
    """`tx.events`."""

    async def append(
        self,
        *,
        ticket_id: int | None,
        actor: str,
        channel: str,
        kind: str,
        data: Mapping[str, Any] | None = None,
        organisation: str | None = None,
        at: datetime | None = None,
    ) -> EventRecord:
        """Add one event. `data` must be JSON-serialisable; `channel` one of CHANNELS."""
        if channel not in CHANNELS:
            raise InvalidValueError(
                f"unknown channel {channel!r}; expected one of {sorted(CHANNELS)}")
        await self._order_lock()
        values = dict(organisation=organisation, ticket_id=ticket_id, at=at or utcnow(),
                      actor=actor, channel=channel, kind=kind, data=dict(data or {}))
        stmt = self._statement("append_event", lambda: _e.insert().returning(*_e.c))
        row = await self._row(stmt, "appending an event", values)
        assert row is not None
        return _record(row)

    async def _order_lock(self) -> None:
        if self.is_postgresql:
            await self._rows(text(f"SELECT pg_advisory_xact_lock({_EVENT_ORDER_LOCK})"),
                             "ordering an event")

    async def for_ticket(self, ticket_id: int) -> list[EventRecord]:
        """The ticket's whole history, oldest first."""
        stmt = select(_e).where(_e.c.ticket_id == ticket_id).order_by(_e.c.id)
        return [_record(row) for row in await self._rows(stmt, "reading events")]

    async def after(self, event_id: int, *, limit: int = 100) -> list[EventRecord]:
        """Events with an id above `event_id`, oldest first: what a follower has not seen."""
        stmt = select(_e).where(_e.c.id > event_id).order_by(_e.c.id).limit(limit)
        return [_record(row) for row in await self._rows(stmt, "reading events")]

    async def last_id(self) -> int:
        """The highest event id so far (0 when the log is empty)."""
        return int(await self._scalar(select(func.max(_e.c.id)), "reading events") or 0)


async def append_many(log: EventRepository, events: Sequence[Mapping[str, Any]]) -> None:
    """Add several events in one statement, in the order given (a batch of intake).

    Each item has the keyword arguments of `EventRepository.append` (`ticket_id`, `actor`,
    `channel`, `kind`, optionally `data`, `organisation`, `at`). Nothing is returned: skipping
    RETURNING lets the driver run one executemany. (A function rather than a method: the
    repository's own methods are pinned by a test to append and reads.)
    """
    rows: list[dict[str, Any]] = []
    for item in events:
        if item["channel"] not in CHANNELS:
            raise InvalidValueError(
                f"unknown channel {item['channel']!r}; expected one of {sorted(CHANNELS)}")
        rows.append(dict(organisation=item.get("organisation"), ticket_id=item.get("ticket_id"),
                         at=item.get("at") or utcnow(), actor=item["actor"],
                         channel=item["channel"], kind=item["kind"],
                         data=dict(item.get("data") or {})))
    if not rows:
        return
    await log._order_lock()
    await log._many(log._statement("append_events", _e.insert), "appending events", rows)
