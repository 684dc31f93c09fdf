"""The periodic sweep: unverified requests get one reminder, then are closed, requester told.

After `unverified_reminder_days` without identity, the requester gets a reminder with a
fresh code and link (the first has usually expired by then); after `unverified_close_days`
the ticket is closed_unverified and the requester is told. Each ticket is its own
transaction, so one bad ticket does not hold back the others.
"""

from __future__ import annotations

from datetime import timedelta

from bot.desk.core import Unit
from bot.organisations import Organisation
from bot.workflow.replies import ReplyKind
from bot.workflow.states import TicketState, transition
from storage import TicketRecord, TicketUpdate

REMINDED = "unverified_reminder"


async def sweep_ticket(unit: Unit, org: Organisation, ticket: TicketRecord) -> str | None:
    """'closed', 'reminded' or None for one awaiting_identity ticket."""
    if ticket.state != TicketState.AWAITING_IDENTITY:
        return None
    age = unit.now - ticket.received_at
    if age.days >= org.unverified_close_days:
        target = transition(ticket.state, TicketState.CLOSED_UNVERIFIED,
                            reference=ticket.reference)
        updated = await unit.tx.tickets.update(ticket.id, TicketUpdate(state=target.value),
                                               now=unit.now)
        unit.event("closed_unverified", updated, state_from=ticket.state,
                   state_to=target.value, days_waited=age.days)
        await unit.send(org, updated, [ReplyKind.CLOSED_UNVERIFIED])
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
