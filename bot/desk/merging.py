"""Merging two tickets of one requester, and splitting a second request out of a ticket.

Merge: the requester wrote twice about the same request. The second ticket's mail moves to
the first, the first takes the intents of both, and its clock stands (the earlier request
set it); the second closes as `merged`, linked to the first. The event log is append-only,
so events do not move: the first ticket records `ticket_merged` naming the second, and its
history (`Desk.get_ticket`) reads the events of every ticket merged into it, in order.

Split: one ticket holds two requests that must go their own ways. The intents named leave
the ticket for a new one linked to it, received when the first was (its reference takes the
year of receipt). Where the requester's identity is already confirmed it carries over and the
new clock is the first one's; where it is still awaited and the new request needs it, the
new ticket sends its own verification request; a request that needs no identity runs from
the day it was received.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.desk.core import Unit, address_key
from bot.desk.manual import due_for, follow_up, parse_intents, retimed
from bot.errors import IllegalTransitionError, WorkflowError
from bot.organisations import Organisation
from bot.workflow.references import format_reference
from bot.workflow.replies import ReplyKind
from bot.workflow.states import FINAL, TicketState, transition
from bot.workflow.verification import needs_verification
from storage import EventRecord, TicketRecord, TicketUpdate, Transaction

S = TicketState
MERGED_IN = "ticket_merged"
MERGED_INTO = "merged_into"
SPLIT_OUT = "ticket_split"


async def merge(unit: Unit, org: Organisation, keep: TicketRecord,
                other: TicketRecord) -> TicketRecord:
    """Join `other` into `keep` (both of `org`, one requester, `keep` still open)."""
    if keep.id == other.id:
        raise WorkflowError("a ticket cannot be merged into itself")
    if other.organisation != keep.organisation:
        raise WorkflowError(f"{other.reference} belongs to another organisation")
    if address_key(keep.requester_address, org.plus_addressing) != address_key(
            other.requester_address, org.plus_addressing):
        raise WorkflowError(f"{keep.reference} and {other.reference} are not from the same"
                            " requester")
    for ticket in (keep, other):
        if TicketState(ticket.state) in FINAL:
            raise IllegalTransitionError(f"ticket {ticket.reference} is {ticket.state}:"
                                         " only open tickets are merged")
    intents = parse_intents([*keep.intents, *other.intents])
    if (needs_verification(intents) and keep.verified_at is None
            and keep.state != S.AWAITING_IDENTITY):
        # Merging must never skip a verification the other request still needs.
        raise WorkflowError(f"{other.reference} needs the requester's identity, which"
                            f" {keep.reference} never asked for: merge {keep.reference} into"
                            f" {other.reference} instead")
    moved = await unit.tx.messages.for_ticket(other.id)
    for message in moved:
        await unit.tx.messages.set_ticket(message.id, keep.id)
    target = transition(other.state, S.MERGED, reference=other.reference)
    closed = await unit.tx.tickets.update(other.id, TicketUpdate(
        state=target.value, linked_ticket_id=keep.id), now=unit.now)
    kept = keep
    if intents != list(keep.intents):
        kept = await unit.tx.tickets.update(keep.id, TicketUpdate(intents=intents),
                                            now=unit.now)
    unit.event(MERGED_INTO, closed, state_from=other.state, state_to=target.value,
               reference=keep.reference, by=unit.actor)
    unit.event(MERGED_IN, kept, reference=other.reference, ticket_id=other.id,
               intents_before=list(keep.intents), intents_after=intents,
               messages=[m.message_id for m in moved], by=unit.actor)
    return kept


async def merged_history(tx: Transaction, ticket: TicketRecord) -> list[EventRecord]:
    """The ticket's events and those of every ticket merged into it (and into those), by id."""
    seen: set[int] = set()
    found: list[EventRecord] = []
    pending = [ticket.id]
    while pending:
        ticket_id = pending.pop()
        if ticket_id in seen:
            continue
        seen.add(ticket_id)
        events = await tx.events.for_ticket(ticket_id)
        found.extend(events)
        pending.extend(int(e.data["ticket_id"]) for e in events
                       if e.kind == MERGED_IN and isinstance(e.data.get("ticket_id"), int))
    return sorted(found, key=lambda event: event.id)


async def split(unit: Unit, org: Organisation, ticket: TicketRecord,
                intents: Iterable[str]) -> tuple[TicketRecord, TicketRecord]:
    """(the ticket as it now is, the new one holding `intents`)."""
    if TicketState(ticket.state) in FINAL:
        raise IllegalTransitionError(f"ticket {ticket.reference} is {ticket.state}: cannot"
                                     " split it")
    leaving = parse_intents(list(intents))
    missing = [intent for intent in leaving if intent not in ticket.intents]
    if missing:
        raise WorkflowError(f"ticket {ticket.reference} does not hold {missing[0]!r}")
    staying = [intent for intent in ticket.intents if intent not in leaving]
    if not staying:
        raise WorkflowError("a split leaves at least one intent on the ticket")
    received = ticket.received_at
    verified = ticket.verified_at is not None
    if needs_verification(leaving) and not verified:
        state, start, due = S.AWAITING_IDENTITY, None, None
    else:
        # Identity proven for the first request holds for this one, from the same day; a
        # request that needs none runs from the day it was received.
        start = ticket.clock_started_at if (
            needs_verification(leaving) and ticket.clock_started_at) else received
        state = S.IN_PROGRESS
        due = due_for(leaving, start.date(), org)
    transition(S.RECEIVED, state, reference=ticket.reference)
    number = await unit.next_number(org, received.year)
    new = await unit.tx.tickets.create(
        reference=format_reference(org.reference_prefix, received.year, number),
        organisation=org.id, state=state.value, intents=leaving,
        requester_address=ticket.requester_address, requester_name=ticket.requester_name,
        language=ticket.language, subject=ticket.subject, received_at=received,
        clock_started_at=start, due_date=due,
        manual_check_required=ticket.manual_check_required and state == S.AWAITING_IDENTITY,
        linked_ticket_id=ticket.id, now=unit.now)
    if verified:
        new = await unit.tx.tickets.update(new.id, TicketUpdate(
            verified_at=ticket.verified_at, verification_method=ticket.verification_method,
            verified_by=ticket.verified_by), now=unit.now)
    update, follows = retimed(ticket, staying, org)  # never VERIFY: rights only leave
    rest = await unit.tx.tickets.update(ticket.id, TicketUpdate(**update), now=unit.now)
    unit.event("ticket_opened", new, state_from=None, state_to=state.value, intents=leaving,
               requester=ticket.requester_address, due_date=due.isoformat() if due else None,
               linked_reference=ticket.reference, split_from=ticket.reference,
               opened_by=unit.actor)
    unit.event(SPLIT_OUT, rest, reference=new.reference, intents_before=list(ticket.intents),
               intents_after=staying, by=unit.actor,
               state_from=ticket.state if rest.state != ticket.state else None,
               state_to=rest.state if rest.state != ticket.state else None,
               due_date=rest.due_date.isoformat() if rest.due_date else None)
    await follow_up(unit, org, rest, follows, added=[])
    # The new ticket answers on the first one's thread: the requester wrote there.
    inbound = [m for m in await unit.tx.messages.for_ticket(ticket.id) if m.direction == "in"]
    if inbound:
        unit.parents[new.id] = (inbound[-1].message_id, inbound[-1].references)
    if state == S.AWAITING_IDENTITY:
        await unit.send_now(org, new, ReplyKind.VERIFICATION_REQUEST)
    return rest, new
