"""What the register and the monthly summary read: tickets with their histories, in bulk.

The register is one row per ticket built from the ticket and its events (bot/desk/register.py);
reading the events of thousands of tickets one ticket at a time would cost a query each, so
these reads take the tickets of a period and all their events in two queries (the summary),
or the tickets with the few facts of their events a row reads, found by the database in one
streamed query (`register`: 100,000 tickets in seconds). Events that never change a register
row (mail received, codes tried, replies held back) are left out. Nothing here writes.

    reads = accountability(tx)
    tickets = await reads.tickets(organisation="aimigos", received_from=..., received_before=...)
    history = await reads.histories(organisation="aimigos", received_from=..., ...)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, case, func, or_, select, type_coerce
from sqlalchemy.types import UserDefinedType

from storage import tables as t
from storage.boundary import TRANSLATED, translate
from storage.records import FINAL_STATES
from storage.repos.base import HasConnection, Repository

_t = t.tickets
_e = t.events
_m = t.messages

# Frequent events that never change a register row: not read. Every other kind is, so that a
# kind added later (a withdrawal, a merge) reaches the register without a change here.
QUIET_KINDS = ("reply_received", "verification_failed", "reply_withheld", "code_not_checked",
               "identity_proof", "verification_resent", "linked_ticket_opened")
# Rows fetched from the database at a time while the register streams out.
REGISTER_BATCH = 5000


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


class _Moment(UserDefinedType[datetime]):
    """A UTC timestamp read for the register: what UTCDateTime gives back, in one call a value
    (SQLite's text through `datetime.fromisoformat`) instead of a parser and a decorator;
    a register reads 700,000 of them. Only ever used to read (`type_coerce`)."""

    cache_ok = True

    def get_col_spec(self, **_: Any) -> str:
        raise NotImplementedError("a read-only type")

    def result_processor(self, dialect: Any, coltype: Any) -> Callable[[Any], Any]:
        if dialect.name == "sqlite":
            def from_text(value: Any) -> datetime | None:
                return None if value is None else datetime.fromisoformat(value).replace(
                    tzinfo=UTC)
            return from_text
        return _aware_or_none


def _aware_or_none(value: Any) -> datetime | None:
    return None if value is None else _aware(value)


def _moment(column: Any) -> Any:
    return type_coerce(column, _Moment())


_MOMENTS = frozenset({"received_at", "verified_at", "clock_started_at", "created_at",
                      "updated_at"})
_FAST_FACTS = [_moment(_t.c[name]).label(name) if name in _MOMENTS else _t.c[name]
               for name in TicketFacts._fields]


class HistoryItem(NamedTuple):
    """One event as the register reads it: what an EventRecord has, at a tenth of the cost
    of building one (a register reads hundreds of thousands)."""

    ticket_id: int
    at: datetime
    actor: str
    channel: str
    kind: str
    data: dict[str, Any]


class HistoryFacts(NamedTuple):
    """What a register row reads of a ticket's events (the ones `histories` would give),
    found by the database in one pass instead of by Python over every event: the opening
    event's channel and its request channel keys (JSON values, as stored); when and by whom
    the last event moving the ticket into its current state was made; the first due date
    the history names (an ISO day); the earliest complaint acknowledgement; whether a
    complaint was split off it; the reason of the last checklist override (JSON value)."""

    opened: bool
    opening_channel: str | None
    opening_named: tuple[Any, Any, Any]  # data's request_channel, channel, via
    closing_at: datetime | None
    closing_actor: str | None
    first_due: str | None
    acknowledged_at: datetime | None
    complaint_split: bool
    overridden: bool
    override_reason: Any


class RegisterFacts(NamedTuple):
    """One ticket of the register with the facts of its history."""

    ticket: TicketFacts
    history: HistoryFacts


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

    def _is_text(self, data: Any, key: str) -> ColumnElement[bool]:
        """The JSON value under `key` is a string (what `isinstance(value, str)` asks)."""
        if self.is_postgresql:
            return func.json_typeof(data[key]) == "string"
        return func.json_type(data, f'$."{key}"') == "text"

    async def register(self, *, organisation: str | None = None,
                       received_from: datetime | None = None,
                       received_before: datetime | None = None,
                       replies: Sequence[str] = (), acknowledging_kinds: Sequence[str] = (),
                       split_kind: str, override_kind: str,
                       ) -> AsyncIterator[list[RegisterFacts]]:
        """The tickets of `tickets` with the facts of the events `histories` would give
        them, batch by batch, oldest received first: one query whose aggregates the
        database computes, streamed (a register of 100,000 tickets never sits in memory,
        and the event loop gets a turn between batches)."""
        where = _where(organisation, received_from, received_before, None)
        e = _e
        kept = and_(e.c.kind.not_in(QUIET_KINDS),
                    or_(e.c.kind != "reply_queued",
                        e.c.data["reply"].as_string().in_(list(replies))))
        due = or_(and_(e.c.kind == "extended", self._is_text(e.c.data, "previous_due_date")),
                  and_(self._is_text(e.c.data, "due_date"),
                       e.c.data["due_date"].as_string() != ""))
        acknowledged = or_(and_(e.c.kind == "reply_queued",
                                e.c.data["reply"].as_string().in_(list(replies))),
                           e.c.kind.in_(list(acknowledging_kinds)))
        facts = (select(
            e.c.ticket_id.label("ticket_id"),
            func.min(case((e.c.kind == "ticket_opened", e.c.id))).label("opening"),
            func.max(case((e.c.data["state_to"].as_string() == _t.c.state, e.c.id))
                     ).label("closing"),
            func.min(case((due, e.c.id))).label("due"),
            _moment(func.min(case((acknowledged, e.c.at)))).label("ack"),
            func.max(case((e.c.kind == split_kind, 1), else_=0)).label("split"),
            func.max(case((e.c.kind == override_kind, e.c.id))).label("override"))
            .select_from(e.join(_t, e.c.ticket_id == _t.c.id))
            .where(*where, kept).group_by(e.c.ticket_id).subquery("facts"))
        opening, closing, first_due, override = (
            e.alias(name) for name in ("opening", "closing", "first_due", "override"))
        due_value = case(
            (and_(first_due.c.kind == "extended",
                  self._is_text(first_due.c.data, "previous_due_date")),
             first_due.c.data["previous_due_date"].as_string()),
            else_=first_due.c.data["due_date"].as_string())
        # Strings as strings and anything else as nothing (what a row reads of them): no
        # JSON to decode for each of 100,000 rows. A reason is rare, and read as it is.
        named = [case((self._is_text(opening.c.data, key), opening.c.data[key].as_string()))
                 for key in ("request_channel", "channel", "via")]
        reason = case((facts.c.override.is_not(None), override.c.data["reason"]))
        stmt = (select(
            *_FAST_FACTS, facts.c.opening, opening.c.channel, *named, _moment(closing.c.at),
            closing.c.actor, due_value, facts.c.ack, facts.c.split, facts.c.override, reason)
            .select_from(
                _t.outerjoin(facts, facts.c.ticket_id == _t.c.id)
                .outerjoin(opening, opening.c.id == facts.c.opening)
                .outerjoin(closing, closing.c.id == facts.c.closing)
                .outerjoin(first_due, first_due.c.id == facts.c.due)
                .outerjoin(override, override.c.id == facts.c.override))
            .where(*where).order_by(_t.c.received_at, _t.c.id))
        width = len(_FACTS)
        try:
            result = await self._conn.stream(stmt)
            async for batch in result.partitions(REGISTER_BATCH):
                found = []
                for row in batch:
                    (opened, channel, requested, named, via, closed_at, actor, due_day, ack,
                     split, overridden, reason) = row[width:]
                    found.append(RegisterFacts(TicketFacts._make(row[:width]), HistoryFacts(
                        opened is not None, channel, (requested, named, via), closed_at,
                        actor, due_day, ack, bool(split), overridden is not None, reason)))
                yield found
        except TRANSLATED as exc:
            raise translate(exc, "reading the register") from exc

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
