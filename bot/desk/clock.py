"""Pausing and resuming the statutory clock around a clarification the team asked for.

While paused the ticket is awaiting_clarification and `paused_since` says since when; on
resume the whole days paused are added to `paused_days` and the due date is recomputed from
the clock's start (with any extension), then the ticket returns to in_progress, or to
extended if it had been extended.
"""

from __future__ import annotations

from datetime import date

from bot.desk.core import Unit
from bot.organisations import Organisation
from bot.workflow import deadlines
from bot.workflow.deadlines import MAX_EXTENSION_MONTHS
from bot.workflow.states import TicketState, transition
from storage import TicketRecord, TicketUpdate


def recomputed_due(org: Organisation, ticket: TicketRecord, *, paused_days: int,
                   extended: bool) -> date | None:
    if ticket.clock_started_at is None:
        return ticket.due_date
    return deadlines.due_date(ticket.clock_started_at.date(), org,
                              extended_months=MAX_EXTENSION_MONTHS if extended else 0,
                              paused_days=paused_days)


async def pause_clock(unit: Unit, ticket: TicketRecord, question: str) -> TicketRecord:
    target = transition(ticket.state, TicketState.AWAITING_CLARIFICATION,
                        reference=ticket.reference)
    updated = await unit.tx.tickets.update(ticket.id, TicketUpdate(
        state=target.value, paused_since=unit.now), now=unit.now)
    unit.event("clarification_requested", updated, state_from=ticket.state,
               state_to=target.value, question=question)
    return updated


async def resume_clock(unit: Unit, org: Organisation, ticket: TicketRecord,
                       note: str) -> TicketRecord:
    target = TicketState.EXTENDED if ticket.extended else TicketState.IN_PROGRESS
    transition(ticket.state, target, reference=ticket.reference)
    since = ticket.paused_since or unit.now
    paused = ticket.paused_days + deadlines.paused_days_between(since.date(), unit.now.date())
    due = recomputed_due(org, ticket, paused_days=paused, extended=ticket.extended)
    updated = await unit.tx.tickets.update(ticket.id, TicketUpdate(
        state=target.value, paused_since=None, paused_days=paused, due_date=due), now=unit.now)
    unit.event("clarification_received", updated, state_from=ticket.state,
               state_to=target.value, paused_days=paused,
               due_date=due.isoformat() if due else None, note=note)
    return updated
