"""A reply that denies the request ("I never sent this"): stop it, tell the owner, alert the team.

Anyone can send a request in someone else's name; the verification mail then reaches the real
owner of the address, who may answer that it was not them (intents.find_denial reads the
reply's own words, never the quoted copy of our mail). Decisions:
- a denial in a reply that carries our signed Message-ID AND comes from the requester's
  address is the address's owner speaking. A ticket still awaiting identity is closed
  (closed_unverified, event `request_disputed`, `stopped: true`), so no code or link can
  confirm it any more, and the owner is told it was stopped (`request_disputed` mail);
- a ticket whose identity was already confirmed is not closed by a mail: the event
  `request_disputed` (`stopped: false`) flags it and the team decides (reject, close);
- a denial that cannot be proven to come from the address's owner (no signed Message-ID:
  From and a subject reference are easy to forge, so a stranger could stop someone's real
  request) changes nothing: the event `dispute_unconfirmed` asks the team to check with
  the requester.
The team sees these as notes in `tickets list/show` (bot.workflow.attention) and as lines in
the ticket's Slack thread.
"""

from __future__ import annotations

from bot.desk.core import Unit, clean_text
from bot.organisations import Organisation
from bot.workflow.attention import DISPUTE_UNCONFIRMED, REQUEST_DISPUTED
from bot.workflow.replies import ReplyKind
from bot.workflow.states import TicketState, transition
from intents import Denial
from storage import TicketRecord, TicketUpdate


async def disputed(unit: Unit, org: Organisation, ticket: TicketRecord, denial: Denial, *,
                   proven: bool, message_id: str) -> TicketRecord:
    """Act on a reply to `ticket` that denies the request; the ticket as it now is."""
    words = clean_text(denial.words, 200)
    if not proven:
        unit.event(DISPUTE_UNCONFIRMED, ticket, words=words, language=denial.language,
                   message_id=message_id,
                   reason="not a reply to our mail: its sender and subject may be forged")
        return ticket
    if ticket.state != TicketState.AWAITING_IDENTITY:
        unit.event(REQUEST_DISPUTED, ticket, words=words, language=denial.language,
                   message_id=message_id, stopped=False,
                   note=f"the ticket is {ticket.state}: the team decides")
        return ticket
    target = transition(ticket.state, TicketState.CLOSED_UNVERIFIED, reference=ticket.reference)
    updated = await unit.tx.tickets.update(ticket.id, TicketUpdate(state=target.value),
                                           now=unit.now)
    unit.event(REQUEST_DISPUTED, updated, state_from=ticket.state, state_to=target.value,
               words=words, language=denial.language, message_id=message_id, stopped=True)
    await unit.send(org, updated, [ReplyKind.REQUEST_DISPUTED])
    return updated
