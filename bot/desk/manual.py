"""The team's own hand on a ticket: internal notes, free-text replies, corrected intents, a
request that came by phone or letter, and closing a request whose identity never came.

Decisions (docs/tickets.md, "Correcting and adding"):
- a note is an event (`note_added`) and nothing else: it is never mailed;
- a reply is the team's own words in the `team_reply` text, queued in the outbox in the
  same transaction and threaded on the ticket's last received mail; to an address whose
  identity a right on the ticket needs and does not have yet, it still goes, with a warning
  to the team, and its event says `unverified_address: true`;
- intents are corrected with a reason; the event keeps before and after (and what the
  classifier had said, so corrections are data). Adding a right that needs identity to a
  ticket without it sends the ticket back to awaiting_identity and mails a verification
  request; removing the last such right from a ticket waiting for identity starts the clock
  from the day the request was received, as if it had never needed identity;
- a request recorded by hand counts from the day it was received (not the day it was typed
  in), which may not be in the future; verification goes to the address given.
Intent names are the classifier's rights (intents.RIGHTS_INTENTS), whatever they grow to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from typing import Any

from bot.desk.core import Unit, clean_text
from bot.desk.intake import _opt_out
from bot.desk.sweep import close_unverified
from bot.errors import IllegalTransitionError, WorkflowError
from bot.organisations import Organisation
from bot.workflow import deadlines
from bot.workflow.addresses import clean_address
from bot.workflow.references import format_reference
from bot.workflow.replies import ReplyKind, replies_for_new_ticket
from bot.workflow.states import FINAL, TicketState, transition
from bot.workflow.verification import needs_verification
from intents import RIGHTS_INTENTS
from storage import TicketRecord, TicketUpdate

S = TicketState
NOTE = "note_added"
REPLY = "team_reply_sent"
INTENTS_CHANGED = "intents_changed"
# How a request that did not come by mail reached the team (`tickets new --channel`).
CAME_BY = ("phone", "letter", "in_person", "other")
MAX_NOTE = 4000
MAX_REPLY = 20000
_SPLIT = re.compile(r"[\s,;]+")


# -- pure decisions -------------------------------------------------------------------------

def known_intents() -> tuple[str, ...]:
    """Every right a ticket can hold, in the classifier's order."""
    return tuple(RIGHTS_INTENTS)


def parse_intents(value: str | Iterable[str], *, allow_empty: bool = False) -> list[str]:
    """Intent names from "access, erasure" (or a list), canonical order; an unknown or (unless
    allowed) an empty list is a WorkflowError naming the known ones."""
    parts = _SPLIT.split(value) if isinstance(value, str) else list(value)
    names = [part.strip().lower().replace("-", "_") for part in parts if part.strip()]
    known = known_intents()
    unknown = [name for name in names if name not in known]
    if unknown:
        raise WorkflowError(f"unknown intent {unknown[0]!r} (known: {', '.join(known)})")
    if not names and not allow_empty:
        raise WorkflowError(f"give at least one intent (known: {', '.join(known)})")
    return [intent for intent in known if intent in names]


def changed_intents(before: Iterable[str], add: Iterable[str],
                    remove: Iterable[str]) -> list[str]:
    """The intents after adding and removing; refuses what changes nothing or leaves none."""
    current, adding, removing = list(before), list(add), list(remove)
    if set(adding) & set(removing):
        raise WorkflowError("an intent cannot be both added and removed")
    absent = [intent for intent in removing if intent not in current]
    if absent:
        raise WorkflowError(f"the ticket does not hold {absent[0]!r}")
    present = [intent for intent in adding if intent in current]
    if present:
        raise WorkflowError(f"the ticket already holds {present[0]!r}")
    if not adding and not removing:
        raise WorkflowError("nothing to change: give --add or --remove")
    wanted = (set(current) - set(removing)) | set(adding)
    after = [intent for intent in known_intents() if intent in wanted]
    after += [intent for intent in current if intent in wanted and intent not in after]
    if not after:
        raise WorkflowError("a ticket keeps at least one intent (close or reject it instead)")
    return after


def clock_for(intents: Iterable[str], received: date,
              org: Organisation) -> tuple[TicketState, date | None]:
    """Where a request with these intents starts, and its due date when its clock runs from
    `received`: the rules an automatic ticket follows (bot/desk/intake.py)."""
    wanted = set(intents)
    if needs_verification(wanted):
        return S.AWAITING_IDENTITY, None
    return (S.DONE if wanted == {"opt_out"} else S.IN_PROGRESS), due_for(wanted, received, org)


def due_for(intents: Iterable[str], start: date, org: Organisation, *,
            paused_days: int = 0) -> date:
    """The due date of a running clock: a complaint (with at most an opt-out) is acknowledged
    within 30 days; anything else is answered within the month."""
    if set(intents) <= {"opt_out", "complaint"} and set(intents) != {"opt_out"}:
        return deadlines.complaint_ack_due(start)
    return deadlines.due_date(start, org, paused_days=paused_days)


def received_at(day: date, now: datetime) -> datetime:
    """The moment a request recorded by hand arrived: now when it is today, else the start of
    that day (UTC); a day still to come is refused."""
    if day > now.date():
        raise WorkflowError(f"the received date {day.isoformat()} is in the future")
    return now if day == now.date() else datetime.combine(day, time(0, 0), tzinfo=UTC)


def text_of(value: str, what: str, limit: int) -> str:
    """The team's text, kept as typed (line breaks too), or an error when there is none."""
    text = clean_text(value, limit + 1).strip()
    if not text:
        raise WorkflowError(f"{what} is required")
    if len(text) > limit:
        raise WorkflowError(f"{what} is longer than {limit} characters")
    return text


def _open_or_fail(ticket: TicketRecord, what: str) -> None:
    if TicketState(ticket.state) in FINAL:
        raise IllegalTransitionError(f"ticket {ticket.reference} is {ticket.state}: cannot {what}")


# -- use cases (each inside the Unit the Desk opened) -----------------------------------------

async def add_note(unit: Unit, ticket: TicketRecord, text: str, *,
                   source: str | None = None) -> TicketRecord:
    """An internal note: recorded on the ticket, never sent. `source` says where it was
    written (a Slack message's permalink id), so the thread shows it is that message."""
    note = text_of(text, "the note's text", MAX_NOTE)
    data: dict[str, Any] = {"text": note, "by": unit.actor}
    if source:
        data["source"] = source
    unit.event(NOTE, ticket, **data)
    return ticket


def unverified(ticket: TicketRecord) -> bool:
    """Whether a right on the ticket needs identity that has not been confirmed."""
    return needs_verification(ticket.intents) and ticket.verified_at is None


async def send_reply(unit: Unit, org: Organisation, ticket: TicketRecord,
                     text: str) -> TicketRecord:
    """The team's own words to the requester, through the outbox, threaded."""
    body = text_of(text, "the reply's text", MAX_REPLY)
    if ticket.state == S.MERGED:
        raise IllegalTransitionError(
            f"ticket {ticket.reference} was merged into another: reply there")
    to_unverified = unverified(ticket)
    if to_unverified:
        unit.warnings.append("the requester's identity is not verified yet: the reply went to"
                             " an address nobody has confirmed")
    await unit.send_now(org, ticket, ReplyKind.TEAM_REPLY, context={"text": body})
    unit.event(REPLY, ticket, by=unit.actor, text=body[:MAX_NOTE],
               unverified_address=to_unverified, to=ticket.requester_address)
    return ticket


async def change_intents(unit: Unit, org: Organisation, ticket: TicketRecord,
                         add: Iterable[str], remove: Iterable[str],
                         reason: str) -> TicketRecord:
    """Correct what the ticket asks for; see the module's docstring for the clock."""
    _open_or_fail(ticket, "change its intents")
    why = " ".join(clean_text(reason, 4000).split())[:2000]
    if not why:
        raise WorkflowError("a reason for the change is required")
    before = list(ticket.intents)
    after = changed_intents(before, add, remove)
    update, follows = retimed(ticket, after, org)
    updated = await unit.tx.tickets.update(ticket.id, TicketUpdate(**update), now=unit.now)
    moved = updated.state != ticket.state
    unit.event(INTENTS_CHANGED, updated, before=before, after=after, reason=why, by=unit.actor,
               classified=await _classified(unit, ticket),
               state_from=ticket.state if moved else None,
               state_to=updated.state if moved else None,
               due_date=updated.due_date.isoformat() if updated.due_date else None,
               verification_started=follows == VERIFY)
    await follow_up(unit, org, updated, follows,
                    added=[intent for intent in after if intent not in before])
    return updated


VERIFY, CLOCK = "verify", "clock"


def retimed(ticket: TicketRecord, after: list[str],
            org: Organisation) -> tuple[dict[str, Any], str | None]:
    """The fields that change when the ticket holds `after` instead of its intents, and what
    follows: VERIFY (identity is asked for now), CLOCK (its clock starts from the day it was
    received) or None. Pure; refuses adding identity to a paused, extended or fee ticket."""
    unverified_before = needs_verification(ticket.intents) and ticket.verified_at is None
    unverified_after = needs_verification(after) and ticket.verified_at is None
    update: dict[str, Any] = {"intents": after}
    if unverified_after and ticket.state != S.AWAITING_IDENTITY:
        if ticket.state not in (S.IN_PROGRESS, S.RECEIVED):
            raise IllegalTransitionError(
                f"ticket {ticket.reference} is {ticket.state}: a right that needs identity can"
                " be added while it is in progress or waiting for identity")
        target = transition(ticket.state, S.AWAITING_IDENTITY, reference=ticket.reference)
        return update | {"state": target.value, "clock_started_at": None, "due_date": None,
                         "manual_check_required": org.manual_identity_check}, VERIFY
    if unverified_before and not unverified_after and ticket.state == S.AWAITING_IDENTITY:
        state, due = clock_for(after, ticket.received_at.date(), org)
        target = transition(ticket.state, S.IN_PROGRESS if state == S.DONE else state,
                            reference=ticket.reference)
        return update | {"state": target.value, "clock_started_at": ticket.received_at,
                         "due_date": due, "manual_check_required": False}, CLOCK
    if ticket.state == S.IN_PROGRESS and ticket.clock_started_at and not ticket.extended:
        # A complaint's 30 days become a request's month, or back (see due_for).
        update["due_date"] = due_for(after, ticket.clock_started_at.date(), org,
                                     paused_days=ticket.paused_days)
    return update, None


async def follow_up(unit: Unit, org: Organisation, ticket: TicketRecord, follows: str | None,
                    *, added: list[str]) -> None:
    """The mail a change of rights calls for: the verification request, the acknowledgement
    of a request whose clock now runs, a complaint's acknowledgement, an opt-out done."""
    if follows == VERIFY:
        await unit.send_now(org, ticket, ReplyKind.VERIFICATION_REQUEST)
    elif follows == CLOCK and set(ticket.intents) - {"opt_out", "complaint"}:
        await unit.send(org, ticket, [ReplyKind.ACKNOWLEDGEMENT])
    if "complaint" in added:
        await unit.send(org, ticket, [ReplyKind.COMPLAINT_ACK])
    if "opt_out" in added:
        await _opt_out(unit, org, ticket, ticket.requester_address, already=False)


async def _classified(unit: Unit, ticket: TicketRecord) -> dict[str, Any]:
    """What the classifier said of the mail that opened the ticket (none for a ticket
    recorded by hand): kept with every correction."""
    first = next((m for m in await unit.tx.messages.for_ticket(ticket.id)
                  if m.direction == "in"), None)
    if first is None:
        return {}
    return {"message_id": first.message_id, "intents": list(first.intents),
            "scores": dict(first.scores)}


async def open_manual(unit: Unit, org: Organisation, *, requester: str, intents: list[str],
                      came_by: str, received: date, note: str = "",
                      name: str | None = None, language: str | None = None) -> TicketRecord:
    """A request that came another way (phone, letter, in person...), as a ticket whose clock
    follows the automatic rules from `received`."""
    address = clean_address(requester)
    wanted = parse_intents(intents)
    how = came_by.strip().lower().replace("-", "_").replace(" ", "_")
    if how not in CAME_BY:
        raise WorkflowError(f"--channel must be one of {', '.join(CAME_BY)}, not {came_by!r}")
    arrived = received_at(received, unit.now)
    state, due = clock_for(wanted, arrived.date(), org)
    start = None if state == S.AWAITING_IDENTITY else arrived
    reference = format_reference(org.reference_prefix, arrived.year,
                                 await unit.next_number(org, arrived.year))
    transition(S.RECEIVED, state, reference=reference)
    verify = state == S.AWAITING_IDENTITY
    ticket = await unit.tx.tickets.create(
        reference=reference, organisation=org.id, state=state.value, intents=wanted,
        requester_address=address, requester_name=clean_text(name, 200).strip() or None,
        language=(language or "").strip().lower()[:2] or None,
        subject=f"Request by {how.replace('_', ' ')}", received_at=arrived,
        clock_started_at=start, due_date=due,
        manual_check_required=org.manual_identity_check and verify, now=unit.now)
    unit.event("ticket_opened", ticket, state_from=None, state_to=state.value, intents=wanted,
               requester=address, due_date=due.isoformat() if due else None, came_by=how,
               received=arrived.date().isoformat(), opened_by=unit.actor, by_hand=True)
    if note.strip():
        await add_note(unit, ticket, note)
    if "opt_out" in wanted:
        await _opt_out(unit, org, ticket, address,
                       already=await unit.is_suppressed(org, address))
    kinds = [kind for kind in replies_for_new_ticket(wanted)
             if kind is not ReplyKind.OPT_OUT_CONFIRMATION]
    for kind in kinds:  # a person recorded it: no daily limit holds these back
        await unit.send_now(org, ticket, kind)
    if state == S.DONE:
        unit.event("closed_done", ticket, state_from=S.RECEIVED.value, state_to=S.DONE.value,
                   note="opt-out processed at once")
    return ticket


async def close_unverified_now(unit: Unit, org: Organisation,
                               ticket: TicketRecord) -> TicketRecord:
    """The team closes a request whose identity never came, before the sweep would."""
    if ticket.state != S.AWAITING_IDENTITY:
        raise IllegalTransitionError(
            f"ticket {ticket.reference} is {ticket.state}: only a ticket waiting for identity"
            " closes as unverified")
    return await close_unverified(unit, org, ticket)
