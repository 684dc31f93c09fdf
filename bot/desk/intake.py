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
- in a reply only the sender's own words count: not an auto-reply, not the quoted copy of our
  mail, not lines copied from a mail we sent. A code counts only there, and only in a reply
  carrying our signed Message-ID; a reply whose own words deny the request ("this wasn't
  me": intents.find_denial) stops it or flags it (bot/desk/disputes.py) and opens nothing;
- a reply resumes a clock paused for a clarification only when it carries our signed
  Message-ID; from the requester's address otherwise, it is flagged for the team;
- auto-replies, bounces and bulk mail, and mail without a usable From address, are stored
  and open nothing; mail with no rights intent is stored for the team, no ticket, no reply;
- otherwise one ticket holds all the mail's intents: the opt-out part is done at once
  (suppression and confirmation) and a ticket that is only an opt-out closes as done;
  access/erasure wait for identity; a complaint is acknowledged at once with the
  organisation's complaint route.
"""

from __future__ import annotations

from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from bot.desk.clock import resume_clock
from bot.desk.core import Unit, address_key, clean_text
from bot.desk.disputes import disputed
from bot.desk.identity import carry_identity, try_code
from bot.desk.results import IntakeResult
from bot.organisations import Organisation, Organisations
from bot.workflow import deadlines, tokens
from bot.workflow.addresses import InvalidAddressError, clean_address
from bot.workflow.attention import CLARIFICATION_UNCONFIRMED
from bot.workflow.outbound import invented_message_id, safe_message_id
from bot.workflow.references import find_references, format_reference
from bot.workflow.replies import ReplyKind, replies_for_new_ticket
from bot.workflow.states import FINAL, TicketState, transition
from bot.workflow.verification import codes_in_text, needs_verification, own_words
from intents import find_denial
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
    proven = _proven(unit, mail, ticket)
    # Only a person's own words are read: never an auto-reply, never the quoted copy of our
    # mail (which says "if you did not send this request" and holds the code).
    speaks = not auto and sender is not None and (from_requester or proven)
    own = await _own_words(unit, ticket, mail) if speaks else ""
    denial = find_denial(own) if speaks else None
    fresh = [] if auto or sender is None or denial is not None else new_request_in_reply(
        ticket, list(classification.intents))
    unit.event("reply_received", ticket, message_id=message_id, sender=sender,
               intents=classification.intents, auto_reply=auto, from_requester=from_requester,
               new_request=bool(fresh), denies_request=denial is not None)
    if fresh and sender is not None:
        # A new request sent as a reply gets everything a new ticket gets (verification,
        # clock, acknowledgement), linked to the ticket it answered; it never hides there.
        if from_requester and ticket.state == S.AWAITING_IDENTITY:
            ticket = await _codes(unit, org, ticket, mail, own)
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
    if denial is not None:
        ticket = await disputed(unit, org, ticket, denial, proven=proven and from_requester,
                                message_id=message_id)
    elif from_requester and not auto:
        if ticket.state == S.AWAITING_IDENTITY:
            ticket = await _codes(unit, org, ticket, mail, own)
        elif ticket.state == S.AWAITING_CLARIFICATION:
            ticket = await _clarification(unit, org, ticket, proven, message_id)
    if from_requester and not auto and "opt_out" in classification.intents and sender:
        await _opt_out(unit, org, ticket, sender, already=False)
    return IntakeResult(
        outcome="joined", message_id=message_id, reference=ticket.reference,
        state=ticket.state, intents=list(classification.intents),
        verified=ticket.verified_at is not None, replies=list(unit.replies),
        withheld=list(unit.withheld))


async def _clarification(unit: Unit, org: Organisation, ticket: TicketRecord, proven: bool,
                         message_id: str) -> TicketRecord:
    """The requester wrote while the clock waits for their answer. Only a reply to one of
    our mails (signed Message-ID) restarts it: From and a reference in the subject are easy
    to forge, so anything else is flagged for the team, who resume with `tickets resume`."""
    if proven:
        return await resume_clock(unit, org, ticket, "reply from the requester")
    unit.event(CLARIFICATION_UNCONFIRMED, ticket, message_id=message_id,
               reason="not a reply to our mail: its sender and subject may be forged")
    return ticket


async def _own_words(unit: Unit, ticket: TicketRecord, mail: InboundMail) -> str:
    """The reply's own text without the lines copied from a mail we sent on this ticket (a
    helpdesk's acknowledgement may paste ours without quote marks). Our mails are read only
    when the text holds something that matters: a code or a denial."""
    text = mail.text
    if not (codes_in_text(text) or find_denial(text)):
        return text
    ours: list[str] = []
    for sent in await unit.tx.outbox.for_ticket(ticket.id):
        ours.append(_body_text(sent.raw))
    return own_words(text, ours)


def _body_text(raw: bytes) -> str:
    """The plain-text body of a mail we built (bot.workflow.outbound), read defensively."""
    try:
        message = message_from_bytes(raw, policy=policy.default)
        part = message.get_body(preferencelist=("plain",)) if isinstance(
            message, EmailMessage) else None
        return str(part.get_content()) if part is not None else ""
    except (LookupError, ValueError, TypeError, AttributeError):
        return ""


async def _codes(unit: Unit, org: Organisation, ticket: TicketRecord,
                 mail: InboundMail, own: str) -> TicketRecord:
    """Try the codes a reply from the requester holds, as ONE counted attempt (however many
    numbers it holds). Only a reply carrying our signed Message-ID counts: From and a
    reference in the subject are easy to forge, and a stranger's guesses must not use up
    the requester's attempts. Only codes in the requester's own words count: a code in the
    quoted copy of our mail proves nothing (the owner who answers "this wasn't me" quotes it
    too, and so do some helpdesks' automatic acknowledgements)."""
    codes = codes_in_text(f"{mail.subject}\n{own}")
    if not _proven(unit, mail, ticket):
        if codes:
            unit.event("code_not_checked", ticket,
                       reason="a code in a mail that is not a reply to ours")
        return ticket
    if codes:
        ticket, _, _ = await try_code(unit, org, ticket, codes)
    elif codes_in_text(f"{mail.text}\n{mail.quoted}"):
        unit.event("code_not_checked", ticket,
                   reason="the code was only in the copy of our mail, not in the reply's words")
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
                received_at: datetime | None = None,
                ) -> tuple[TicketRecord, IntakeResult]:
    intents = list(classification.intents)
    # A forwarded request ("a colleague forwards a client's mail") is its writer's: they are
    # the requester, verified as any other; the forwarder is only noted.
    forwarded_by = None
    try:
        forwarded = clean_address(classification.forwarded_from or "")
    except InvalidAddressError:
        forwarded = sender
    if forwarded != sender:
        forwarded_by, sender = sender, forwarded
    name = classification.forwarded_from_name if forwarded_by else mail.from_name
    # A mail opened later (triage) counts from the day it arrived, not the day it was opened.
    received: datetime = received_at or unit.now
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
        requester_address=sender, requester_name=clean_text(name, 200) or None,
        language=_language(mail, classification), subject=clean_text(mail.subject, 300) or None,
        received_at=received, clock_started_at=start, due_date=due,
        manual_check_required=org.manual_identity_check and verify,
        linked_ticket_id=linked.id if linked else None, now=unit.now)
    await unit.attach(stored.id, ticket)
    unit.parents[ticket.id] = (stored.message_id, stored.references)
    unit.event("ticket_opened", ticket, state_from=None, state_to=state.value, intents=intents,
               extras=classification.extras, requester=sender,
               **({"forwarded_by": forwarded_by} if forwarded_by else {}),
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
