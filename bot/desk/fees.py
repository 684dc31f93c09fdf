"""Fees: the team asks for one (the clock stops) and records its arrival (the clock starts).

A ticket whose clock runs (in_progress) moves to awaiting_fee: its due date is cleared, since
no time limit runs until the fee arrives. A ticket still awaiting identity stays
awaiting_identity; the fee is recorded in its history, and when identity completes the
ticket moves to awaiting_fee instead of starting the clock (bot/desk/identity.py). When the
fee arrives the clock starts that day, or stays stopped until identity arrives: the later of
the two starts it. Each step is one transaction, with its event and the requester's notice
(generic: amount, reason, reference; nothing about the data subject's data).
"""

from __future__ import annotations

from bot.desk.core import Unit
from bot.errors import IllegalTransitionError, WorkflowError
from bot.organisations import Organisation
from bot.workflow import deadlines
from bot.workflow.fees import (
    FEE_RECEIVED,
    FEE_REQUESTED,
    FeeRequest,
    FeeStatus,
    chargeable,
    fee_status,
)
from bot.workflow.replies import ReplyKind
from bot.workflow.states import TicketState, transition
from storage import TicketRecord, TicketUpdate

S = TicketState


async def current_fee(unit: Unit, ticket: TicketRecord) -> FeeStatus:
    history = await unit.tx.events.for_ticket(ticket.id)
    return fee_status((event.kind, event.at, event.data) for event in history)


async def request_fee(unit: Unit, org: Organisation, ticket: TicketRecord,
                      fee: FeeRequest) -> TicketRecord:
    if not chargeable(ticket.intents):
        raise WorkflowError(
            f"ticket {ticket.reference} is {', '.join(ticket.intents) or 'no request'}:"
            " a fee can only be charged for a rights request (access, erasure, ...)")
    if ticket.state == S.AWAITING_IDENTITY:
        if (await current_fee(unit, ticket)).outstanding:
            raise IllegalTransitionError(
                f"ticket {ticket.reference}: a fee is already awaited")
        updated, stopped = ticket, False
    else:
        target = transition(ticket.state, S.AWAITING_FEE, reference=ticket.reference)
        if ticket.clock_started_at is not None and not deadlines.can_extend(
                ticket.clock_started_at.date(), unit.now.date(), org,
                paused_days=ticket.paused_days):
            raise WorkflowError(
                f"ticket {ticket.reference}: a fee must be asked inside the first month"
                f" (it ended on {ticket.due_date})")
        updated = await unit.tx.tickets.update(ticket.id, TicketUpdate(
            state=target.value, due_date=None, clock_started_at=None, paused_days=0,
            paused_since=None), now=unit.now)
        stopped = True
    unit.event(FEE_REQUESTED, updated, state_from=ticket.state, state_to=updated.state,
               amount=str(fee.amount), currency=fee.currency, reason=fee.reason.value,
               clock_stopped=stopped,
               previous_due_date=ticket.due_date.isoformat() if ticket.due_date else None,
               requester_told=True)
    await unit.send(org, updated, [ReplyKind.FEE_REQUEST], context={
        "fee": fee.display, "reason_label": fee.label,
        "identity_awaited": ticket.state == S.AWAITING_IDENTITY})
    return updated


async def fee_received(unit: Unit, org: Organisation, ticket: TicketRecord) -> TicketRecord:
    status = await current_fee(unit, ticket)
    if not status.outstanding or status.fee is None or ticket.state not in (
            S.AWAITING_FEE, S.AWAITING_IDENTITY):
        raise IllegalTransitionError(
            f"ticket {ticket.reference} is {ticket.state}: no fee is awaited")
    if ticket.state == S.AWAITING_IDENTITY:
        # Identity still outstanding: the clock starts when it arrives (the later day).
        updated, start, due = ticket, None, None
    else:
        target = transition(ticket.state, S.IN_PROGRESS, reference=ticket.reference)
        start = unit.now.date()
        due = deadlines.due_date(start, org)
        updated = await unit.tx.tickets.update(ticket.id, TicketUpdate(
            state=target.value, clock_started_at=unit.now, due_date=due, paused_days=0,
            paused_since=None), now=unit.now)
    unit.event(FEE_RECEIVED, updated, state_from=ticket.state, state_to=updated.state,
               amount=str(status.fee.amount), currency=status.fee.currency,
               clock_started=start.isoformat() if start else None,
               due_date=due.isoformat() if due else None,
               waiting_for=None if start else "identity")
    await unit.send(org, updated, [ReplyKind.FEE_RECEIVED], context={"fee": status.fee.display})
    return updated
