"""Telling recipients (GDPR Art. 19) as use cases: the drafts, and sending them once confirmed.

The rules are bot.workflow.recipients'; here they meet the ticket, its history and the outbox.
`drafts` only reads: it renders the notice each processor would get, in the organisation's
language (`language` in the organisations file; English where there is no text), and
changes nothing. `confirm` is the team's decision: in one transaction, with the ticket
locked, it renders the notices still unsent, queues each in the outbox to its processor and
records it as an event (`recipient_notified`: system, processor, rights, outbox_id), so a
second confirmation, or two at once, never sends one twice.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.desk.core import DeskConfig, Unit, acting, clean_text
from bot.organisations import Organisation
from bot.workflow import recipients as rules
from bot.workflow import tokens
from bot.workflow.addresses import domain_of
from bot.workflow.outbound import OutboundMail, build_message
from bot.workflow.references import normalise_reference
from bot.workflow.texts import render
from storage import Database, TicketRecord, Transaction

MAX_NOTE = 2000


class Notice(BaseModel):
    """One notice as the processor reads it (a draft, or one just queued)."""

    model_config = ConfigDict(frozen=True)

    system: str
    processor: str
    rights: tuple[str, ...]
    language: str
    subject: str
    body: str
    outbox_id: int | None = None


class Recipients(BaseModel):
    """A ticket's notices: still to send (or just queued, after `confirm`), and sent before."""

    model_config = ConfigDict(frozen=True)

    reference: str
    rights: tuple[str, ...]
    verified: bool
    notices: tuple[Notice, ...] = ()
    sent_before: tuple[rules.Recipient, ...] = ()


def _render(org: Organisation, ticket: TicketRecord, recipient: rules.Recipient,
            note: str) -> Notice:
    text = render(rules.TEMPLATE, language=org.language, org_id=org.id,
                  reference=ticket.reference, context={
                      "org_name": org.name, "privacy_address": org.privacy_address,
                      "rights": list(recipient.rights), "system": recipient.system,
                      "processor": recipient.processor,
                      "subject_name": ticket.requester_name or "",
                      "subject_address": ticket.requester_address, "note": note})
    return Notice(system=recipient.system, processor=recipient.processor,
                  rights=recipient.rights, language=text.language, subject=text.subject,
                  body=text.body)


async def _plan(tx: Transaction, org: Organisation, ticket: TicketRecord,
                system: str | None) -> rules.Plan:
    history = await tx.events.for_ticket(ticket.id)
    return rules.plan(org.systems, ticket.intents,
                      ((event.kind, event.data) for event in history), only=system)


def _note(note: str) -> str:
    return " ".join(clean_text(note, MAX_NOTE).split())


async def drafts(db: Database, config: DeskConfig, reference: str, *,
                 system: str | None = None, note: str = "") -> Recipients:
    """What each processor not yet told would be sent; nothing is written."""
    async with db.transaction(readonly=True) as tx:
        ticket = await tx.tickets.get_by_reference(normalise_reference(reference))
        org = config.org(ticket.organisation)
        found = await _plan(tx, org, ticket, system)
    return Recipients(reference=ticket.reference, rights=found.rights,
                      verified=ticket.verified_at is not None,
                      notices=tuple(_render(org, ticket, each, _note(note))
                                    for each in found.to_send),
                      sent_before=found.sent)


async def confirm(db: Database, config: DeskConfig, reference: str, actor: str,
                  channel: str, *, system: str | None = None, note: str = "") -> Recipients:
    """Queue the notices still unsent (to one system's processor with `system`), each an
    event on the ticket; what was sent before is left alone. Refused for a ticket that asks
    for none of the rights, whose identity is unconfirmed, or that ended without being
    carried out (bot.workflow.recipients.refuse_confirmation)."""
    actor = acting(actor)
    async with db.transaction() as tx:
        ticket = await tx.tickets.get_by_reference(normalise_reference(reference),
                                                   for_update=True)
        org = config.org(ticket.organisation)
        found = await _plan(tx, org, ticket, system)
        rules.refuse_confirmation(ticket.reference, ticket.state, ticket.verified_at is not None,
                                  found.rights)
        unit = Unit(config, tx, actor=actor, channel=channel, now=config.clock())
        queued = [await _queue(unit, org, ticket, _render(org, ticket, each, _note(note)))
                  for each in found.to_send]
        await unit.flush()
    return Recipients(reference=ticket.reference, rights=found.rights, verified=True,
                      notices=tuple(queued), sent_before=found.sent)


async def _queue(unit: Unit, org: Organisation, ticket: TicketRecord, notice: Notice) -> Notice:
    """The notice into the outbox, from the organisation's privacy address to the processor,
    and its event."""
    message_id = tokens.make_message_id(unit.config.secret, ticket.reference,
                                        domain_of(org.privacy_address))
    raw = build_message(OutboundMail(
        from_name=org.name, from_address=org.privacy_address, to=notice.processor,
        subject=notice.subject, body=notice.body, message_id=message_id, date=unit.now,
        auto_submitted=False))
    record = await unit.tx.outbox.enqueue(
        organisation=org.id, kind=rules.TEMPLATE, to_address=notice.processor,
        message_id=message_id, raw=raw, ticket_id=ticket.id, now=unit.now)
    unit.event(rules.NOTIFIED, ticket, system=notice.system, processor=notice.processor,
               rights=list(notice.rights), outbox_id=record.id, message_id=message_id,
               language=notice.language, subject=notice.subject)
    return notice.model_copy(update={"outbox_id": record.id})


def summary(result: Recipients, confirmed: bool) -> str:
    """One line for the team: what was queued (or is drafted), and what was sent before."""
    ref = result.reference
    if not result.rights:
        return f"{ref}: no erasure, restriction or rectification: nobody to tell"
    if not result.notices and not result.sent_before:
        return f"{ref}: no processor is listed for the organisation's systems: nobody to tell"
    names = [f"{n.system} ({n.processor})" for n in result.notices]
    if confirmed:
        line = f"{ref}: told {', '.join(names)}" if names else f"{ref}: nothing left to send"
    else:
        count = f"{len(names)} notice{'s' if len(names) != 1 else ''}"
        line = (f"{ref}: {count} to confirm: {', '.join(names)}" if names
                else f"{ref}: nothing left to send")
    before = ", ".join(f"{r.system} ({r.processor})" for r in result.sent_before)
    return line + (f"; told before: {before}" if before else "")
