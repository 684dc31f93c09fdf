"""Receiving one mail: store it, thread it, open or update a ticket, queue the replies.

Everything happens in the caller's single transaction, so the SMTP server can answer 250
only once it all committed. Decisions:
- the same Message-ID (per organisation) again is a duplicate: nothing new happens; a mail
  without one gets `<sha256-…@privacybot.invalid>` from its raw bytes;
- a mail joins a ticket when In-Reply-To/References carry one of our HMAC-signed Message-IDs,
  or when its subject names a reference AND its sender is that ticket's requester; a subject
  reference from anyone else opens a new ticket linked to the quoted one (never joins);
- a reply asking for what its ticket does not cover (a rights intent it lacks, or any when
  it is final) opens a full new ticket linked to it; the old one records the reply;
- auto-replies, bounces and bulk mail, and mail without a usable From address, are stored
  and open nothing; mail with no rights intent is stored for the team, no ticket, no reply;
- otherwise one ticket holds all the mail's intents: the opt-out part is done at once
  (suppression and confirmation) and a ticket that is only an opt-out closes as done;
  access/erasure wait for identity; a complaint is acknowledged at once with the
  organisation's complaint route.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.desk.clock import resume_clock
from bot.desk.core import Unit, address_key, clean_text
from bot.desk.identity import carry_identity, try_code
from bot.desk.results import IntakeResult
from bot.organisations import Organisation, Organisations
from bot.workflow import deadlines, tokens
from bot.workflow.addresses import InvalidAddressError, clean_address
from bot.workflow.outbound import invented_message_id, safe_message_id
from bot.workflow.references import find_references, format_reference
from bot.workflow.replies import ReplyKind, replies_for_new_ticket
from bot.workflow.states import FINAL, TicketState, transition
from bot.workflow.verification import codes_in_text, needs_verification
from intents.models import Classification, InboundMail
from storage import MessageRecord, TicketRecord

S = TicketState


def message_id_for(mail: InboundMail, raw: bytes) -> str:
    """The mail's own Message-ID when usable, else a stable one made from its bytes."""
    own = safe_message_id(mail.message_id)
    if own:
        return own
    return invented_message_id(raw)


def sender_of(mail: InboundMail, envelope_from: str | None) -> str | None:
    for candidate in (mail.from_address, envelope_from):
        if candidate:
            try:
                return clean_address(candidate)
            except InvalidAddressError:
                continue
    return None


def _language(mail: InboundMail, classification: Classification) -> str | None:
    for value in (classification.language, mail.language):
        if value and value != "und":
            return value[:2].lower()
    return None


def inbound_row(orgs: Organisations, org: Organisation, raw: bytes, mail: InboundMail,
                classification: Classification, envelope_from: str | None,
                now: datetime) -> dict[str, Any]:
    """What is stored of a received mail (`messages.add_inbound`'s arguments): pure."""
    sender = sender_of(mail, envelope_from)
    bounce = envelope_from is not None and envelope_from.strip() in ("", "<>")
    # Mail from any privacy address we serve is our own mail coming back: never answer it.
    ours = sender is not None and any(sender == other.privacy_address for other in orgs.items)
    return dict(
        organisation=org.id, message_id=message_id_for(mail, raw), from_address=sender or "",
        to_address=org.privacy_address, received_at=now, raw=raw,
        subject=clean_text(mail.subject, 998) or None,
        in_reply_to=safe_message_id(mail.in_reply_to),
        references=[ref for ref in map(safe_message_id, mail.references) if ref][-20:],
        language=_language(mail, classification), intents=list(classification.intents),
        scores=dict(classification.scores), auto_reply=mail.auto_reply or bounce or ours,
        excerpt=clean_text(mail.text, 500))


async def receive(unit: Unit, org: Organisation, raw: bytes, mail: InboundMail,
                  classification: Classification, envelope_from: str | None,
                  stored: tuple[MessageRecord, bool] | None = None) -> IntakeResult:
    """Do what a received mail asks; `stored` when the caller already stored it (a batch
    stores all its mails in one statement)."""
    if stored is None:
        stored = await unit.tx.messages.add_inbound(**inbound_row(
            unit.config.orgs, org, raw, mail, classification, envelope_from, unit.now))
    record, new = stored
    message_id, sender = record.message_id, sender_of(mail, envelope_from)
    intents, subject, auto = list(classification.intents), record.subject or "", record.auto_reply
    if not new:
        existing = (await unit.tx.tickets.get(record.ticket_id)) if record.ticket_id else None
        return IntakeResult(outcome="duplicate", message_id=message_id,
                            reference=existing.reference if existing else None,
                            state=existing.state if existing else None)

    thread = await _thread(unit, org, mail, sender)
    if thread is not None and (_proven(unit, mail, thread) or (
            sender is not None and _same(org, sender, thread.requester_address))):
        if unit.batch is not None:  # the ticket's history must be written before it is read
            await unit.batch.write(unit.tx)
        return await _join(unit, org, thread, record, mail, classification, sender, auto)
    if auto or sender is None:
        why = "auto-reply, bounce or bulk mail" if auto else "no usable sender address"
        unit.event("mail_ignored", None, org.id, message_id=message_id, reason=why,
                   intents=intents, sender=sender,
                   mentions_reference=thread.reference if thread else None)
        return IntakeResult(outcome="ignored", message_id=message_id, intents=intents)
    if not intents:
        unit.event("mail_without_intent", None, org.id, message_id=message_id,
                   sender=sender, subject=subject[:200], extras=classification.extras,
                   mentions_reference=thread.reference if thread else None)
        return IntakeResult(outcome="no_intent", message_id=message_id)
    ticket, result = await _open(unit, org, record, mail, classification, sender, thread)
    return result.model_copy(update={"message_id": message_id, "reference": ticket.reference})


def _same(org: Organisation, first: str, second: str) -> bool:
    try:
        return address_key(first, org.plus_addressing) == address_key(
            second, org.plus_addressing)
    except InvalidAddressError:
        return False


def _proven(unit: Unit, mail: InboundMail, ticket: TicketRecord) -> bool:
    refs = tokens.refs_from_headers(unit.config.secret, mail.in_reply_to, *mail.references)
    return ticket.reference in refs


async def _thread(unit: Unit, org: Organisation, mail: InboundMail,
                  sender: str | None) -> TicketRecord | None:
    """The ticket this mail is about: proven by our Message-ID, else named in the subject
    (the sender's own ticket first when the subject names several)."""
    proven = tokens.refs_from_headers(unit.config.secret, mail.in_reply_to, *mail.references)
    for reference in reversed(proven):
        ticket = await unit.tx.tickets.find_by_reference(reference)
        if ticket is not None and ticket.organisation == org.id:
            return ticket
    named = find_references(mail.subject, frozenset({org.reference_prefix}))
    found = [ticket for ticket in [await unit.tx.tickets.find_by_reference(ref) for ref in named]
             if ticket is not None and ticket.organisation == org.id]
    own = [ticket for ticket in found
           if sender is not None and _same(org, sender, ticket.requester_address)]
    candidates = own or found
    return candidates[0] if candidates else None


def new_request_in_reply(ticket: TicketRecord, intents: list[str]) -> list[str]:
    """The rights intents of a reply that its ticket does not cover, so they need a ticket of
    their own: all of them when the ticket is final; else those the ticket does not have (an
    opt-out alone is still done on the ticket itself, as it needs no clock). Pure."""
    if TicketState(ticket.state) in FINAL:
        return list(intents)
    new = [intent for intent in intents if intent not in ticket.intents]
    return new if set(new) - {"opt_out"} else []


async def _join(unit: Unit, org: Organisation, ticket: TicketRecord, stored: MessageRecord,
                mail: InboundMail, classification: Classification, sender: str | None,
                auto: bool) -> IntakeResult:
    message_id = stored.message_id
    from_requester = sender is not None and _same(org, sender, ticket.requester_address)
    fresh = [] if auto or sender is None else new_request_in_reply(
        ticket, list(classification.intents))
    unit.event("reply_received", ticket, message_id=message_id, sender=sender,
               intents=classification.intents, auto_reply=auto, from_requester=from_requester,
               new_request=bool(fresh))
    if fresh and sender is not None:
        # A new request sent as a reply gets everything a new ticket gets (verification,
        # clock, acknowledgement), linked to the ticket it answered; it never hides there.
        if from_requester and ticket.state == S.AWAITING_IDENTITY:
            ticket = await _codes(unit, org, ticket, mail)
        # A verified requester whose reply proves it answers our mail keeps their identity.
        known = (from_requester and ticket.verified_at is not None
                 and _proven(unit, mail, ticket))
        opened, result = await _open(
            unit, org, stored, mail, classification.model_copy(update={"intents": fresh}),
            sender, ticket, note="a reply to this ticket asked for something new",
            identity_from=ticket if known else None)
        return result.model_copy(update={"message_id": message_id,
                                         "reference": opened.reference})
    await unit.attach(stored.id, ticket)
    unit.parents[ticket.id] = (stored.message_id, stored.references)
    if from_requester and not auto:
        if ticket.state == S.AWAITING_IDENTITY:
            ticket = await _codes(unit, org, ticket, mail)
        elif ticket.state == S.AWAITING_CLARIFICATION:
            ticket = await resume_clock(unit, org, ticket, "reply from the requester")
        if "opt_out" in classification.intents and sender is not None:
            await _opt_out(unit, org, ticket, sender, already=False)
    return IntakeResult(
        outcome="joined", message_id=message_id, reference=ticket.reference,
        state=ticket.state, intents=list(classification.intents),
        verified=ticket.verified_at is not None, replies=list(unit.replies),
        withheld=list(unit.withheld))


async def _codes(unit: Unit, org: Organisation, ticket: TicketRecord,
                 mail: InboundMail) -> TicketRecord:
    """Try the codes a reply from the requester holds, as ONE counted attempt (however many
    numbers it holds). Only a reply carrying our signed Message-ID counts: From and a
    reference in the subject are easy to forge, and a stranger's guesses must not use up
    the requester's attempts."""
    codes = codes_in_text(f"{mail.subject}\n{mail.text}")
    if not _proven(unit, mail, ticket):
        if codes:
            unit.event("code_not_checked", ticket,
                       reason="a code in a mail that is not a reply to ours")
        return ticket
    # "Reply to this email": a bare reply that quotes our mail carries the code too.
    codes = codes or codes_in_text(mail.quoted)
    if codes:
        ticket, _, _ = await try_code(unit, org, ticket, codes)
    return ticket


async def _opt_out(unit: Unit, org: Organisation, ticket: TicketRecord, sender: str,
                   *, already: bool) -> None:
    key = address_key(sender, org.plus_addressing)
    _, added = await unit.tx.suppression.add(organisation=org.id, address=key, source="mail",
                                             added_by=unit.actor, ticket_id=ticket.id,
                                             at=unit.now)
    unit.suppressed_now(org, key)
    unit.event("suppression_added" if added else "suppression_confirmed", ticket, address=key)
    # The confirmation is the one mail a suppressed address still gets.
    await unit.send(org, ticket, [ReplyKind.OPT_OUT_CONFIRMATION], suppressed=already)


async def _open(unit: Unit, org: Organisation, stored: MessageRecord, mail: InboundMail,
                classification: Classification, sender: str,
                linked: TicketRecord | None, *,
                note: str = "a different sender quoted this ticket's reference",
                identity_from: TicketRecord | None = None,
                ) -> tuple[TicketRecord, IntakeResult]:
    intents = list(classification.intents)
    received: datetime = unit.now
    year = received.year
    number = await unit.next_number(org, year)
    reference = format_reference(org.reference_prefix, year, number)
    verify = needs_verification(intents)
    only_opt_out = set(intents) == {"opt_out"}
    if verify:
        state, start, due = S.AWAITING_IDENTITY, None, None
    elif only_opt_out:
        state, start, due = S.DONE, received, deadlines.due_date(received.date(), org)
    elif set(intents) <= {"opt_out", "complaint"}:
        state, start, due = S.IN_PROGRESS, received, deadlines.complaint_ack_due(received.date())
    else:
        state, start, due = S.IN_PROGRESS, received, deadlines.due_date(received.date(), org)
    transition(S.RECEIVED, state, reference=reference)
    suppressed_before = await unit.is_suppressed(org, sender)
    ticket = await unit.tx.tickets.create(
        reference=reference, organisation=org.id, state=state.value, intents=intents,
        requester_address=sender, requester_name=clean_text(mail.from_name, 200) or None,
        language=_language(mail, classification), subject=clean_text(mail.subject, 300) or None,
        received_at=received, clock_started_at=start, due_date=due,
        manual_check_required=org.manual_identity_check and verify,
        linked_ticket_id=linked.id if linked else None, now=unit.now)
    await unit.attach(stored.id, ticket)
    unit.parents[ticket.id] = (stored.message_id, stored.references)
    unit.event("ticket_opened", ticket, state_from=None, state_to=state.value, intents=intents,
               extras=classification.extras, requester=sender,
               due_date=due.isoformat() if due else None,
               evidence=[clean_text(e.text, 200) for e in classification.evidence][:6],
               linked_reference=linked.reference if linked else None)
    if linked is not None:
        unit.event("linked_ticket_opened", linked, reference=reference, sender=sender,
                   note=note)
    carried = identity_from if verify else None
    wanted = [kind for kind in replies_for_new_ticket(intents, identity_known=bool(carried))
              if kind is not ReplyKind.OPT_OUT_CONFIRMATION]
    if "opt_out" in intents:
        await _opt_out(unit, org, ticket, sender, already=suppressed_before)
    await unit.send(org, ticket, wanted, suppressed=suppressed_before)
    if carried is not None:
        ticket = await carry_identity(unit, org, ticket, carried)
    if verify and ReplyKind.VERIFICATION_REQUEST.value in unit.withheld:
        unit.event("manual_check_needed", ticket,
                   reason="the verification request could not be sent")
    if ReplyKind.COMPLAINT_ACK.value in unit.withheld:
        # The law's 30 days still run: the team must acknowledge the complaint itself.
        unit.event("complaint_ack_needed", ticket, ack_due=due.isoformat() if due else None,
                   reason=_withheld_reason(unit, ReplyKind.COMPLAINT_ACK))
    if only_opt_out:
        unit.event("closed_done", ticket, state_from=S.RECEIVED.value, state_to=S.DONE.value,
                   note="opt-out processed automatically")
    result = IntakeResult(
        outcome="linked" if linked else "created", message_id="", state=ticket.state,
        intents=intents, linked_reference=linked.reference if linked else None,
        replies=list(unit.replies), withheld=list(unit.withheld),
        suppressed="opt_out" in intents)
    return ticket, result


def _withheld_reason(unit: Unit, kind: ReplyKind) -> str:
    for event in reversed(unit.events):
        if event["kind"] == "reply_withheld" and event["data"].get("reply") == kind.value:
            return str(event["data"].get("reason") or "")
    return ""
