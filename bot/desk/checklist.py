"""The fulfilment checklist as use cases: read it, tick an item, and the gate on "done".

The rules are bot.workflow.checklist's; here they meet the ticket's history. Ticking is an
event (`checklist_ticked`: system, note, by), so the audit trail says who searched or erased
what and when. `gate_done` runs inside `close_done`: with items left, closing as done is
refused unless the team gives an override reason (event `checklist_overridden`).
"""

from __future__ import annotations

from bot.desk.core import DeskConfig, Unit, acting, clean_text
from bot.errors import WorkflowError
from bot.organisations import Organisation
from bot.workflow import checklist as rules
from bot.workflow.references import normalise_reference
from storage import Database, TicketRecord, Transaction


async def read(tx: Transaction, org: Organisation, ticket: TicketRecord
               ) -> rules.Checklist | None:
    """The ticket's checklist, or None when it has none (bot.workflow.checklist.applies)."""
    if not rules.applies(ticket.intents, ticket.verified_at is not None, org.systems):
        return None
    history = await tx.events.for_ticket(ticket.id)
    return rules.build(org.systems, ticket.intents,
                       ((event.kind, event.data) for event in history))


async def status(db: Database, config: DeskConfig, reference: str
                 ) -> tuple[TicketRecord, rules.Checklist | None]:
    async with db.transaction(readonly=True) as tx:
        ticket = await tx.tickets.get_by_reference(normalise_reference(reference))
        return ticket, await read(tx, config.org(ticket.organisation), ticket)


async def tick(db: Database, config: DeskConfig, reference: str, system: str, note: str,
               actor: str, channel: str) -> rules.Checklist:
    """Tick one system off with a note of what was found or erased there."""
    note = " ".join(clean_text(note, 2000).split())
    if not note:
        raise WorkflowError("a note of what was found or erased is required")
    actor = acting(actor)
    async with db.transaction() as tx:
        ticket = await tx.tickets.get_by_reference(normalise_reference(reference),
                                                   for_update=True)
        org = config.org(ticket.organisation)
        if not ticket.is_open:
            raise WorkflowError(f"ticket {ticket.reference} is {ticket.state}: nothing to tick")
        found = rules.find_system(org.systems, system)
        current = await read(tx, org, ticket)
        if current is None:
            raise WorkflowError(f"ticket {ticket.reference} has no checklist yet: it starts "
                                "when the requester's identity is confirmed")
        item = next(item for item in current.items if item.system == found.name)
        if item.done:
            raise WorkflowError(f"{found.name} was already ticked by {item.by}: {item.note}")
        unit = Unit(config, tx, actor=actor, channel=channel, now=config.clock())
        unit.event(rules.TICKED, ticket, system=found.name, note=note, by=actor)
        await unit.flush()
        after = await read(tx, org, ticket)
    assert after is not None
    return after


async def gate_done(unit: Unit, org: Organisation, ticket: TicketRecord,
                    override: str) -> None:
    """Refuse "done" while systems are left, unless overridden with a reason (recorded)."""
    current = await read(unit.tx, org, ticket)
    if current is None or current.complete:
        return
    reason = " ".join(clean_text(override, 2000).split())
    if not reason:
        rules.refuse_incomplete(ticket.reference, current)
    unit.event(rules.OVERRIDDEN, ticket, reason=reason, missing=current.missing,
               progress=current.progress)
