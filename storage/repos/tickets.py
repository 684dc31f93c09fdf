"""Tickets: create, read, filter and change them; the workflow decides what the state means.

State changes are written by the use cases with `update` together with an event
(`tx.events.append`) in the same transaction, so the audit trail and the ticket never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, func, select, union, update

from storage import tables as t
from storage.errors import NotFoundError
from storage.records import FINAL_STATES, TicketRecord, TicketUpdate
from storage.repos.base import Repository, utcnow


def _record(row: Row[Any]) -> TicketRecord:
    return TicketRecord.model_validate(dict(row._mapping))


class TicketRepository(Repository):
    """`tx.tickets`."""

    async def create(
        self,
        *,
        reference: str,
        organisation: str,
        state: str,
        intents: Sequence[str],
        requester_address: str,
        received_at: datetime,
        requester_name: str | None = None,
        language: str | None = None,
        subject: str | None = None,
        clock_started_at: datetime | None = None,
        due_date: date | None = None,
        manual_check_required: bool = False,
        linked_ticket_id: int | None = None,
        now: datetime | None = None,
    ) -> TicketRecord:
        """Insert a ticket; a reference already used raises ConflictError."""
        at = now or utcnow()
        values = dict(
            reference=reference.strip().upper(), organisation=organisation, state=state,
            intents=list(intents), requester_address=requester_address,
            requester_name=requester_name, language=language, subject=subject,
            received_at=received_at, clock_started_at=clock_started_at, due_date=due_date,
            paused_since=None, paused_days=0, extended=False, extension_reason=None,
            rejection_reason=None, verified_at=None, verification_method=None,
            verified_by=None, manual_check_required=manual_check_required, assigned_to=None,
            linked_ticket_id=linked_ticket_id, created_at=at, updated_at=at,
        )
        stmt = self._statement("create_ticket",
                               lambda: t.tickets.insert().returning(*t.tickets.c))
        row = await self._row(stmt, f"creating ticket {reference}", values)
        assert row is not None  # INSERT ... RETURNING always returns the row
        return _record(row)

    async def get(self, ticket_id: int, *, for_update: bool = False) -> TicketRecord:
        """The ticket with this id, or NotFoundError.

        `for_update=True` locks the row until the transaction ends (PostgreSQL; on SQLite the
        write transaction already excludes other writers): use it before a state change.
        """
        stmt = select(t.tickets).where(t.tickets.c.id == ticket_id)
        if for_update:
            stmt = stmt.with_for_update()
        row = await self._row(stmt, "reading ticket")
        if row is None:
            raise NotFoundError(f"no ticket with id {ticket_id}")
        return _record(row)

    async def get_by_reference(self, reference: str, *, for_update: bool = False) -> TicketRecord:
        """The ticket with this reference (exact, case-insensitive), or NotFoundError."""
        stmt = select(t.tickets).where(t.tickets.c.reference == reference.strip().upper())
        if for_update:
            stmt = stmt.with_for_update()
        row = await self._row(stmt, "reading ticket")
        if row is None:
            raise NotFoundError(f"no ticket with reference {reference.strip()!r}")
        return _record(row)

    async def find_by_reference(self, reference: str) -> TicketRecord | None:
        """Like get_by_reference, but None for an unknown reference."""
        row = await self._row(
            select(t.tickets).where(t.tickets.c.reference == reference.strip().upper()),
            "reading ticket",
        )
        return None if row is None else _record(row)

    async def open_by_requester(self, organisation: str, address: str) -> list[TicketRecord]:
        """Open tickets of this organisation from this address (any case), newest first."""
        c = t.tickets.c
        stmt = (
            select(t.tickets)
            .where(c.organisation == organisation,
                   func.lower(c.requester_address) == address.lower(),
                   c.state.not_in(sorted(FINAL_STATES)))
            .order_by(c.id.desc())
        )
        return [_record(row) for row in await self._rows(stmt, "finding tickets")]

    async def find_by_message_ids(
        self, organisation: str, message_ids: Iterable[str]
    ) -> TicketRecord | None:
        """The ticket a mail threads onto: one whose stored or sent mail has one of these ids.

        Looks in inbound/outbound messages and in the outbox; the most recent ticket wins.
        Whether the sender may join that ticket is the caller's decision
        (docs/tickets.md, Intake).
        """
        ids = [mid for mid in message_ids if mid]
        if not ids:
            return None
        from_messages = select(t.messages.c.ticket_id.label("ticket_id")).where(
            t.messages.c.organisation == organisation, t.messages.c.message_id.in_(ids),
            t.messages.c.ticket_id.is_not(None))
        from_outbox = select(t.outbox.c.ticket_id.label("ticket_id")).where(
            t.outbox.c.organisation == organisation, t.outbox.c.message_id.in_(ids),
            t.outbox.c.ticket_id.is_not(None))
        found = union(from_messages, from_outbox).subquery()
        stmt = (
            select(t.tickets)
            .where(t.tickets.c.id.in_(select(found.c.ticket_id)))
            .order_by(t.tickets.c.id.desc())
            .limit(1)
        )
        row = await self._row(stmt, "threading a message")
        return None if row is None else _record(row)

    async def update(
        self, ticket_id: int, changes: TicketUpdate, *, now: datetime | None = None
    ) -> TicketRecord:
        """Write the fields given in `changes` (and updated_at); the new ticket, or NotFound."""
        values = changes.values()
        values["updated_at"] = now or utcnow()
        stmt = (
            update(t.tickets)
            .where(t.tickets.c.id == ticket_id)
            .values(**values)
            .returning(*t.tickets.c)
        )
        row = await self._row(stmt, "updating ticket")
        if row is None:
            raise NotFoundError(f"no ticket with id {ticket_id}")
        return _record(row)

    async def count(self, *, organisation: str | None = None) -> int:
        stmt = select(func.count()).select_from(t.tickets)
        if organisation is not None:
            stmt = stmt.where(t.tickets.c.organisation == organisation)
        return int(await self._scalar(stmt, "counting tickets") or 0)

    async def count_matching(
        self,
        *,
        organisation: str | None = None,
        states: Iterable[str] | None = None,
        open_only: bool = False,
        due_before: date | None = None,
        requester_address: str | None = None,
    ) -> int:
        """How many tickets `list` with the same filters would give without a limit."""
        stmt = select(func.count()).select_from(t.tickets).where(*_filters(
            organisation, states, open_only, due_before, requester_address))
        return int(await self._scalar(stmt, "counting tickets") or 0)

    # Last in the class so that `list` in the annotations above means the builtin.
    async def list(
        self,
        *,
        organisation: str | None = None,
        states: Iterable[str] | None = None,
        open_only: bool = False,
        due_before: date | None = None,
        requester_address: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[TicketRecord]:
        """Tickets matching every filter given, by due date (none last), then by id.

        `due_before` keeps tickets due on or before that day; `open_only` drops the
        FINAL_STATES; `requester_address` matches case-insensitively. `limit` and `offset`
        page through them (`count_matching` says how many there are in all).
        """
        c = t.tickets.c
        stmt = select(t.tickets).where(*_filters(
            organisation, states, open_only, due_before, requester_address))
        stmt = stmt.order_by(c.due_date.is_(None), c.due_date, c.id)
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        return [_record(row) for row in await self._rows(stmt, "listing tickets")]


def _filters(organisation: str | None, states: Iterable[str] | None, open_only: bool,
             due_before: date | None, requester_address: str | None) -> list[ColumnElement[bool]]:
    """The WHERE clauses of `list` and `count_matching`, so the two always agree."""
    c = t.tickets.c
    found: list[ColumnElement[bool]] = []
    if organisation is not None:
        found.append(c.organisation == organisation)
    if states is not None:
        found.append(c.state.in_(list(states)))
    if open_only:
        found.append(c.state.not_in(sorted(FINAL_STATES)))
    if due_before is not None:
        found.append(c.due_date <= due_before)
    if requester_address is not None:
        found.append(func.lower(c.requester_address) == requester_address.lower())
    return found
