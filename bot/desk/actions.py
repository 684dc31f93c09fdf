"""The team's decisions on a ticket: extend, ask for clarification, close, refuse, assign,
and record a manual identity check. Each writes its event and tells the requester.

Each function runs inside the Unit (one transaction) the Desk opened for it and returns the
ticket as it now is; the state machine refuses anything the law does not allow.
"""

from __future__ import annotations

from bot.desk.checklist import gate_done
from bot.desk.clock import pause_clock, recomputed_due, resume_clock
from bot.desk.core import Unit, clean_text
from bot.desk.identity import MANUAL, confirmed
from bot.errors import IllegalTransitionError, VerificationError, WorkflowError
from bot.organisations import Organisation
from bot.workflow import deadlines
from bot.workflow.replies import ReplyKind, closing_subject
from bot.workflow.states import TicketState, parse_rejection_reason, transition
from bot.workflow.verification import needs_verification
from storage import TicketRecord, TicketUpdate

S = TicketState
REASON_WITHHELD = "refusal_reason_withheld"


def _required(text: str, what: str) -> str:
    cleaned = " ".join(clean_text(text, 4000).split())
    if not cleaned:
        raise WorkflowError(f"{what} is required")
    return cleaned[:2000]


async def record_manual_check(unit: Unit, org: Organisation, ticket: TicketRecord,
                              method: str) -> TicketRecord:
    method = _required(method, "the check's method")
    if ticket.state != S.AWAITING_IDENTITY:
        raise VerificationError(
            f"ticket {ticket.reference} is {ticket.state}: identity is not awaited")
    return await confirmed(unit, org, ticket, f"{MANUAL}: {method}", unit.actor)


async def extend(unit: Unit, org: Organisation, ticket: TicketRecord,
                 reason: str) -> TicketRecord:
    reason = _required(reason, "a reason for the extension")
    if ticket.state == S.AWAITING_CLARIFICATION:
        raise IllegalTransitionError(
            f"ticket {ticket.reference} is awaiting_clarification: resume the clock first")
    target = transition(ticket.state, S.EXTENDED, reference=ticket.reference)
    if ticket.clock_started_at is None:
        raise WorkflowError(f"ticket {ticket.reference}: the clock has not started")
    if not deadlines.can_extend(ticket.clock_started_at.date(), unit.now.date(), org,
                                paused_days=ticket.paused_days):
        raise WorkflowError(
            f"ticket {ticket.reference}: an extension is only possible inside the first month"
            f" (it ended on {ticket.due_date})")
    due = recomputed_due(org, ticket, paused_days=ticket.paused_days, extended=True)
    updated = await unit.tx.tickets.update(ticket.id, TicketUpdate(
        state=target.value, extended=True, extension_reason=reason, due_date=due), now=unit.now)
    # Statutory notices are not automatic replies: the reply rules always let them through.
    unit.event("extended", updated, state_from=ticket.state, state_to=target.value,
               reason=reason, due_date=due.isoformat() if due else None,
               previous_due_date=ticket.due_date.isoformat() if ticket.due_date else None,
               requester_told=True)
    await unit.send(org, updated, [ReplyKind.EXTENSION_NOTICE], context={"reason": reason})
    return updated


async def request_clarification(unit: Unit, org: Organisation, ticket: TicketRecord,
                                question: str) -> TicketRecord:
    question = _required(question, "the question for the requester")
    updated = await pause_clock(unit, ticket, question)
    await unit.send(org, updated, [ReplyKind.CLARIFICATION_REQUEST],
                    context={"question": question})
    return updated


async def clarification_received(unit: Unit, org: Organisation, ticket: TicketRecord,
                                 note: str) -> TicketRecord:
    if ticket.state != S.AWAITING_CLARIFICATION:
        raise WorkflowError(
            f"ticket {ticket.reference} is {ticket.state}: no clarification is awaited")
    return await resume_clock(unit, org, ticket, note or "recorded by the team")


async def close_done(unit: Unit, org: Organisation, ticket: TicketRecord,
                     note: str, override: str = "") -> TicketRecord:
    note = clean_text(note, 4000).strip()
    target = transition(ticket.state, S.DONE, reference=ticket.reference)
    await gate_done(unit, org, ticket, override)  # the systems checklist, if it has one
    updated = await unit.tx.tickets.update(ticket.id, TicketUpdate(state=target.value),
                                           now=unit.now)
    unit.event("closed_done", updated, state_from=ticket.state, state_to=target.value,
               note=note)
    await unit.send(org, updated, [ReplyKind.DONE_NOTICE], context={
        "note": note, "about": closing_subject(ticket.intents)})
    return updated


async def reject(unit: Unit, org: Organisation, ticket: TicketRecord, reason: str,
                 ground: str) -> TicketRecord:
    """Refuse the request. The team's reason is told to the requester only at an address
    whose identity is known: a ticket still waiting for it gets a neutral notice (refused,
    no reason, how to reach us and the regulator), the team is warned and it is recorded."""
    why = parse_rejection_reason(ground)
    reason = _required(reason, "a reason for the refusal")
    target = transition(ticket.state, S.REJECTED, reference=ticket.reference)
    unverified = needs_verification(ticket.intents) and ticket.verified_at is None
    updated = await unit.tx.tickets.update(ticket.id, TicketUpdate(
        state=target.value, rejection_reason=f"{why.value}: {reason}"), now=unit.now)
    label = why.value.replace("_", " ")
    unit.event("rejected", updated, state_from=ticket.state, state_to=target.value,
               ground=why.value, reason=reason, requester_told_of_ico=True,
               reason_sent=not unverified)
    if unverified:
        warning = ("the reason was not sent: the requester's address is not verified, so the"
                   " notice says only that the request was refused")
        unit.warnings.append(warning)
        unit.event(REASON_WITHHELD, updated, reason="the requester's address is not verified")
    await unit.send(org, updated, [ReplyKind.REFUSAL], context={
        "reason": "" if unverified else reason, "reason_label": label,
        "reason_withheld": unverified})
    return updated


async def assign(unit: Unit, ticket: TicketRecord, assignee: str) -> TicketRecord:
    assignee = _required(assignee, "who the ticket is assigned to")
    updated = await unit.tx.tickets.update(ticket.id, TicketUpdate(assigned_to=assignee),
                                           now=unit.now)
    unit.event("assigned", updated, assigned_to=assignee, previous=ticket.assigned_to)
    return updated
