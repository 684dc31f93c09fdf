"""What the register and the monthly summary read: tickets with their histories, in bulk.

The register is one row per ticket built from the ticket and its events (bot/desk/register.py);
reading the events of thousands of tickets one ticket at a time would cost a query each, so
these reads take the tickets of a period and all their events in two queries. Events that
never change a register row (mail received, codes tried, replies held back) are left in the
database. Nothing here writes.

    reads = accountability(tx)
    tickets = await reads.tickets(organisation="aimigos", received_from=..., received_before=...)
    history = await reads.histories(organisation="aimigos", received_from=..., ...)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, func, or_, select

from storage import tables as t
from storage.records import FINAL_STATES
from storage.repos.base import HasConnection, Repository

_t = t.tickets
_e = t.events
_m = t.messages

# Frequent events that never change a register row: not read. Every other kind is, so that a
# kind added later (a withdrawal, a merge) reaches the register without a change here.
QUIET_KINDS = ("reply_received", "verification_failed", "reply_withheld", "code_not_checked",
               "identity_proof", "verification_resent", "linked_ticket_opened")




class TicketFacts(NamedTuple):
    """A ticket as the register reads it: no personal field, and a tenth of the cost of a
    TicketRecord to build (a register reads every ticket of the period)."""

    id: int
    reference: str
    organisation: str
    state: str
    intents: list[str]
    received_at: datetime
    verified_at: datetime | None
    clock_started_at: datetime | None
    due_date: date | None
    extended: bool
    paused_days: int
    extension_reason: str | None
    rejection_reason: str | None
    assigned_to: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def is_open(self) -> bool:
        return self.state not in FINAL_STATES


_FACTS = [_t.c[name] for name in TicketFacts._fields]


class HistoryItem(NamedTuple):
    """One event as the register reads it: what an EventRecord has, at a tenth of the cost
    of building one (a register reads hundreds of thousands)."""

    ticket_id: int
    at: datetime
    actor: str
    channel: str
    kind: str
    data: dict[str, Any]




def _where(organisation: str | None, received_from: datetime | None,
           received_before: datetime | None, touched_since: datetime | None,
           ) -> list[ColumnElement[bool]]:
    """Tickets of the organisation received in [from, before); with `touched_since`, also
    tickets received earlier that were still open or changed since then (closed in the
    period a summary covers: closing writes updated_at, which only grows)."""
    found: list[ColumnElement[bool]] = []
    if organisation is not None:
        found.append(_t.c.organisation == organisation)
    if received_before is not None:
        found.append(_t.c.received_at < received_before)
    if received_from is not None:
        in_period = _t.c.received_at >= received_from
        if touched_since is not None:
            in_period = or_(in_period, _t.c.updated_at >= touched_since,
                            _t.c.state.not_in(sorted(FINAL_STATES)))
        found.append(in_period)
    return found


class AccountabilityRepository(Repository):
    """Bulk reads for the register and the summary (build it with `accountability(tx)`)."""

    async def tickets(self, *, organisation: str | None = None,
                      received_from: datetime | None = None,
                      received_before: datetime | None = None,
                      touched_since: datetime | None = None) -> list[TicketFacts]:
        """The tickets (see `_where`), oldest received first."""
        stmt = select(*_FACTS).where(*_where(organisation, received_from, received_before,
                                             touched_since)).order_by(_t.c.received_at, _t.c.id)
        return [TicketFacts._make(row) for row in await self._rows(stmt, "reading the register")]

    async def histories(self, *, organisation: str | None = None,
                        received_from: datetime | None = None,
                        received_before: datetime | None = None,
                        touched_since: datetime | None = None,
                        replies: Sequence[str] = ()) -> dict[int, list[HistoryItem]]:
        """The events of the same tickets, by ticket id, oldest first: QUIET_KINDS left out,
        and of the replies queued (`reply_queued`) only those of the kinds in `replies`."""
        chosen = select(_t.c.id).where(*_where(organisation, received_from, received_before,
                                               touched_since))
        wanted_reply = _e.c.data["reply"].as_string().in_(list(replies))
        stmt = (select(_e.c.ticket_id, _e.c.at, _e.c.actor, _e.c.channel, _e.c.kind, _e.c.data)
                .where(_e.c.ticket_id.in_(chosen), _e.c.kind.not_in(QUIET_KINDS),
                       or_(_e.c.kind != "reply_queued", wanted_reply))
                .order_by(_e.c.ticket_id, _e.c.id))
        found: dict[int, list[HistoryItem]] = defaultdict(list)
        for row in await self._rows(stmt, "reading the register"):
            item = HistoryItem._make(row)
            found[item.ticket_id].append(item)
        return dict(found)

    async def first_mail_at(self, *, organisation: str | None = None,
                            received_from: datetime | None = None,
                            received_before: datetime | None = None) -> dict[int, datetime]:
        """When the earliest inbound mail of each ticket received in the period arrived."""
        chosen = select(_t.c.id).where(*_where(organisation, received_from, received_before,
                                               None))
        stmt = (select(_m.c.ticket_id, func.min(_m.c.received_at))
                .where(_m.c.ticket_id.in_(chosen), _m.c.direction == "in")
                .group_by(_m.c.ticket_id))
        found: dict[int, datetime] = {}
        for row in await self._rows(stmt, "reading mail times"):
            ticket_id, first = tuple(row)
            if first is not None:
                found[int(ticket_id)] = _aware(first)
        return found

    async def suppressions_added(self, *, organisation: str | None, since: datetime,
                                 before: datetime) -> int:
        """Entries put on the suppression list in [since, before): opt-outs processed."""
        s = t.suppression
        stmt = select(func.count()).select_from(s).where(
            and_(s.c.added_at >= since, s.c.added_at < before))
        if organisation is not None:
            stmt = stmt.where(s.c.organisation == organisation)
        return int(await self._scalar(stmt, "counting the suppression list") or 0)


def _aware(value: Any) -> datetime:
    """An aggregate loses the column's type on SQLite (naive text back): make it UTC."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def accountability(tx: HasConnection) -> AccountabilityRepository:
    """The bulk reads on this transaction's connection."""
    return AccountabilityRepository(tx.connection)
