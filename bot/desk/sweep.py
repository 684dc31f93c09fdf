"""The periodic sweep: unverified requests get one reminder, then are closed, requester told.

After `unverified_reminder_days` without identity, the requester gets a reminder with a
fresh code and link (the first has usually expired by then); after `unverified_close_days`
the ticket is closed_unverified and the requester is told. A requester who confirmed the
address while the organisation's manual check is still to be recorded is neither reminded
nor closed: the team gets a note instead. A complaint needs no identity, so
it is never closed with them: before the closing, a complaint the ticket holds moves to a
ticket of its own (linked to the first, its 30-day acknowledgement date counted from the
original receipt), and the closing mail says the complaint goes on under that reference.
Each ticket is its own transaction, so one bad ticket does not hold back the others.
"""

from __future__ import annotations

from datetime import timedelta

from bot.desk.core import Unit
from bot.desk.identity import CODE, methods
from bot.organisations import Organisation
from bot.workflow import deadlines
from bot.workflow.attention import MANUAL_CHECK_NEEDED
from bot.workflow.references import format_reference
from bot.workflow.replies import ReplyKind
from bot.workflow.states import TicketState, transition
from storage import TicketRecord, TicketUpdate

REMINDED = "unverified_reminder"
COMPLAINT = "complaint"
SPLIT = "complaint_split"


async def sweep_ticket(unit: Unit, org: Organisation, ticket: TicketRecord) -> str | None:
    """'closed', 'reminded' or None for one awaiting_identity ticket."""
    if ticket.state != TicketState.AWAITING_IDENTITY:
        return None
    age = unit.now - ticket.received_at
    if CODE in methods(ticket):
        # The requester confirmed the address; only the team's own check is awaited (the
        # organisation asks for one). Asking them to confirm again, or closing the request
        # as unconfirmed, would be wrong: the team is told instead, once.
        if age.days >= org.unverified_reminder_days:
            history = await unit.tx.events.for_ticket(ticket.id)
            if not any(event.kind == MANUAL_CHECK_NEEDED for event in history):
                unit.event(MANUAL_CHECK_NEEDED, ticket, days_waited=age.days,
                           reason="the requester confirmed the address; the team's identity"
                                  " check is still to be recorded")
        return None
    if age.days >= org.unverified_close_days:
        await close_unverified(unit, org, ticket)
        return "closed"
    if age.days >= org.unverified_reminder_days:
        history = await unit.tx.events.for_ticket(ticket.id)
        if any(event.kind == REMINDED for event in history):
            return None
        close_on = ticket.received_at.date() + timedelta(days=org.unverified_close_days)
        unit.event(REMINDED, ticket, days_waited=age.days, close_on=close_on.isoformat())
        await unit.send(org, ticket, [ReplyKind.UNVERIFIED_REMINDER],
                        context={"close_date": close_on})
        return "reminded"
    return None


async def close_unverified(unit: Unit, org: Organisation,
                           ticket: TicketRecord) -> TicketRecord:
    """Close a request whose identity never came (the sweep, or the team deciding it earlier):
    a complaint it holds goes on as a ticket of its own, and the requester is told."""
    target = transition(ticket.state, TicketState.CLOSED_UNVERIFIED, reference=ticket.reference)
    complaint = await split_complaint(unit, org, ticket)
    update = TicketUpdate(state=target.value)
    if complaint is not None:
        update = TicketUpdate(state=target.value, intents=[
            intent for intent in ticket.intents if intent != COMPLAINT])
    updated = await unit.tx.tickets.update(ticket.id, update, now=unit.now)
    unit.event("closed_unverified", updated, state_from=ticket.state,
               state_to=target.value, days_waited=(unit.now - ticket.received_at).days,
               complaint_reference=complaint.reference if complaint else None)
    await unit.send(org, updated, [ReplyKind.CLOSED_UNVERIFIED], context={
        "complaint_reference": complaint.reference if complaint else ""})
    return updated


async def split_complaint(unit: Unit, org: Organisation,
                          ticket: TicketRecord) -> TicketRecord | None:
    """The complaint of a ticket whose other requests wait for identity, as a ticket of its
    own linked to it; None when the ticket holds no complaint (or nothing but one).

    The complaint was received with the rest: its reference takes the year of receipt and
    its acknowledgement date counts from that day, as it did on the first ticket."""
    if COMPLAINT not in ticket.intents or set(ticket.intents) == {COMPLAINT}:
        return None
    received = ticket.received_at
    state = transition(TicketState.RECEIVED, TicketState.IN_PROGRESS,
                       reference=ticket.reference)
    number = await unit.next_number(org, received.year)
    due = deadlines.complaint_ack_due(received.date())
    complaint = await unit.tx.tickets.create(
        reference=format_reference(org.reference_prefix, received.year, number),
        organisation=org.id, state=state.value, intents=[COMPLAINT],
        requester_address=ticket.requester_address, requester_name=ticket.requester_name,
        language=ticket.language, subject=ticket.subject, received_at=received,
        clock_started_at=received, due_date=due, linked_ticket_id=ticket.id, now=unit.now)
    unit.event("ticket_opened", complaint, state_from=None, state_to=state.value,
               intents=[COMPLAINT], requester=ticket.requester_address,
               due_date=due.isoformat(), linked_reference=ticket.reference,
               split_from=ticket.reference,
               note="the complaint needs no identity: it goes on when the rest is closed")
    unit.event(SPLIT, ticket, reference=complaint.reference, intents_before=ticket.intents,
               intents_after=[intent for intent in ticket.intents if intent != COMPLAINT])
    history = await unit.tx.events.for_ticket(ticket.id)
    acknowledged = any(event.kind == "reply_queued"
                       and event.data.get("reply") == ReplyKind.COMPLAINT_ACK.value
                       for event in history)
    if not acknowledged:
        # The acknowledgement was held back at intake: the team still owes it, on this ticket.
        unit.event("complaint_ack_needed", complaint, ack_due=due.isoformat(),
                   reason="not acknowledged before the request it came with was closed")
    return complaint
