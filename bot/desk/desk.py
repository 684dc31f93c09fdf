"""The Desk: every use case of the rights workflow, each one database transaction.

    desk = Desk(db, orgs, secret=resolve_secret_key(settings),
                public_url=settings.effective_public_url,
                complaint_routes={"aimigos": "…the policy's words…"},
                clock=lambda: datetime.now(UTC))
    result = await desk.receive_mail("aimigos", raw, mail, classification,
                                     envelope_from="bob@example.com")

Channels (SMTP, HTTP, Slack, CLI) check who may act and call these; the Desk records the
actor and channel on every event ("smtp", "http", "slack", "cli", "worker"). Errors: unknown
references are storage's NotFoundError, malformed ones InvalidReferenceError, refused moves
IllegalTransitionError, failed identity checks VerificationError (raised after the attempt
is committed, so attempts are counted), malformed addresses InvalidAddressError.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from datetime import date, datetime
from decimal import Decimal

from bot.desk import actions, fees, intake, merging, suppression
from bot.desk.core import DeskConfig, Unit, acting
from bot.desk.correspondence import Letter, letters
from bot.desk.export import ExportCases
from bot.desk.identity import PendingRequest, pending_request, resend_code, try_code, try_link
from bot.desk.manual_cases import ManualCases, TicketStep
from bot.desk.results import (
    ActionResult,
    IntakeResult,
    Page,
    SuppressionCheck,
    SweepResult,
    TicketView,
    UnsubscribeResult,
)
from bot.desk.sweep import sweep_ticket
from bot.organisations import Organisation, Organisations
from bot.workflow import tokens
from bot.workflow.attention import attention
from bot.workflow.fees import parse_fee
from bot.workflow.references import normalise_reference
from bot.workflow.states import TicketState, parse_state
from bot.workflow.verification import Outcome, outcome_error
from intents.models import Classification, InboundMail
from storage import Database, MessageRecord, SuppressionRecord, TicketRecord


class Desk(ManualCases, ExportCases):
    """The rights workflow's use cases over one database."""

    def __init__(
        self,
        db: Database,
        orgs: Organisations,
        *,
        secret: bytes,
        public_url: str,
        complaint_routes: Mapping[str, str] | None = None,
        clock: Callable[[], datetime],
        pack_link_days: int = 7,
    ) -> None:
        self.db = db
        self.config = DeskConfig(orgs=orgs, secret=secret, public_url=public_url,
                                 complaint_routes=dict(complaint_routes or {}), clock=clock,
                                 pack_link_days=pack_link_days)

    @asynccontextmanager
    async def _unit(self, actor: str, channel: str) -> AsyncIterator[Unit]:
        async with self.db.transaction() as tx:
            unit = Unit(self.config, tx, actor=actor, channel=channel, now=self.config.clock())
            yield unit
            await unit.flush()

    # -- mail -------------------------------------------------------------------------------

    async def receive_mail(self, org_id: str, raw: bytes, mail: InboundMail,
                           classification: Classification, *, envelope_from: str | None,
                           channel: str = "smtp") -> IntakeResult:
        """Store one received mail and do what it asks, in one transaction (see intake)."""
        org = self.config.org(org_id)
        async with self._unit("requester", channel) as unit:
            return await intake.receive(unit, org, raw, mail, classification, envelope_from)

    # -- identity ---------------------------------------------------------------------------

    async def verify_code(self, reference: str, code: str, actor: str,
                          channel: str) -> ActionResult:
        """A code the requester gave (to the team, by phone or Slack); wrong ones count."""
        async with self._unit(actor, channel) as unit:
            ticket, org = await self._load(unit, reference)
            ticket, outcome, left = await try_code(unit, org, ticket, [code])
            result = self._result(unit, ticket)
        if outcome is not Outcome.VERIFIED:
            raise outcome_error(outcome, left)
        return result

    async def verify_token(self, token: str, channel: str = "http") -> ActionResult:
        """The link in the verification mail."""
        reference = tokens.read_token(self.config.secret, tokens.PURPOSE_VERIFY, token,
                                      now=self.config.clock())
        async with self._unit("requester", channel) as unit:
            ticket, org = await self._load(unit, reference)
            ticket, outcome = await try_link(unit, org, ticket, token)
            result = self._result(unit, ticket)
        if outcome not in (Outcome.VERIFIED, Outcome.ALREADY):
            raise outcome_error(outcome, 0)
        return result

    async def pending_request(self, token: str) -> PendingRequest:
        """What the verification link asks its reader to confirm (read only: a GET page)."""
        reference = tokens.read_token(self.config.secret, tokens.PURPOSE_VERIFY, token,
                                      now=self.config.clock())
        async with self.db.transaction(readonly=True) as tx:
            ticket = await tx.tickets.get_by_reference(normalise_reference(reference))
        return pending_request(self.config.org(ticket.organisation), ticket)

    async def resend_code(self, reference: str, actor: str, channel: str) -> ActionResult:
        """A fresh code and link to the requester (earlier ones void), e.g. after the code
        attempts were used up; refused once identity is settled or the ticket closed."""
        return await self._act(reference, actor, channel,
                               lambda u, o, t: resend_code(u, o, t))

    async def record_manual_check(self, reference: str, method: str, actor: str,
                                  channel: str) -> ActionResult:
        return await self._act(reference, actor, channel,
                               lambda u, o, t: actions.record_manual_check(u, o, t, method))

    # -- team decisions ---------------------------------------------------------------------

    async def extend(self, reference: str, reason: str, actor: str,
                     channel: str) -> ActionResult:
        return await self._act(reference, actor, channel,
                               lambda u, o, t: actions.extend(u, o, t, reason))

    async def request_clarification(self, reference: str, question: str, actor: str,
                                    channel: str) -> ActionResult:
        return await self._act(reference, actor, channel,
                               lambda u, o, t: actions.request_clarification(u, o, t, question))

    async def clarification_received(self, reference: str, actor: str, channel: str,
                                     note: str = "") -> ActionResult:
        return await self._act(reference, actor, channel,
                               lambda u, o, t: actions.clarification_received(u, o, t, note))

    async def close_done(self, reference: str, actor: str, channel: str,
                         note: str = "", override: str = "") -> ActionResult:
        """`override`: the reason to close with systems of the checklist left unticked."""
        return await self._act(reference, actor, channel,
                               lambda u, o, t: actions.close_done(u, o, t, note, override))

    async def reject(self, reference: str, reason: str, actor: str, channel: str, *,
                     ground: str = "manifestly_unfounded") -> ActionResult:
        return await self._act(reference, actor, channel,
                               lambda u, o, t: actions.reject(u, o, t, reason, ground))

    async def request_fee(self, reference: str, amount: str | Decimal, reason: str, actor: str,
                          channel: str, *, currency: str = "GBP") -> ActionResult:
        """Ask for a fee (reasons: bot.workflow.fees.FeeReason); the clock stops until paid."""
        fee = parse_fee(amount, reason, currency)
        return await self._act(reference, actor, channel,
                               lambda u, o, t: fees.request_fee(u, o, t, fee))

    async def fee_received(self, reference: str, actor: str, channel: str) -> ActionResult:
        """The fee arrived: the clock starts today (or when identity arrives, if later)."""
        return await self._act(reference, actor, channel, fees.fee_received)

    async def assign(self, reference: str, actor: str, channel: str = "slack", *,
                     to: str | None = None) -> ActionResult:
        return await self._act(reference, actor, channel,
                               lambda u, o, t: actions.assign(u, t, to or actor))

    # -- suppression ------------------------------------------------------------------------

    async def unsubscribe_token(self, token: str, channel: str = "http") -> UnsubscribeResult:
        """RFC 8058 one-click: the signed token names the organisation and address."""
        subject = tokens.read_token(self.config.secret, tokens.PURPOSE_UNSUBSCRIBE, token,
                                    now=self.config.clock())
        org_id, _, address = subject.partition(":")
        org = self.config.org(org_id)
        async with self._unit("requester", channel) as unit:
            return await suppression.add(unit, org, address, "one-click")

    async def suppression_add(self, org_id: str, address: str, actor: str, channel: str,
                              source: str = "manual") -> UnsubscribeResult:
        org = self.config.org(org_id)
        async with self._unit(actor, channel) as unit:
            return await suppression.add(unit, org, address, source)

    async def suppression_remove(self, org_id: str, address: str, actor: str,
                                 channel: str) -> bool:
        org = self.config.org(org_id)
        async with self._unit(actor, channel) as unit:
            return await suppression.remove(unit, org, address)

    async def suppression_check(self, org_id: str, address: str) -> SuppressionCheck:
        org = self.config.org(org_id)
        async with self.db.transaction(readonly=True) as tx:
            return await suppression.check(tx, org, address)

    async def suppression_list(self, org_id: str | None = None) -> list[SuppressionRecord]:
        if org_id is not None:
            self.config.org(org_id)
        async with self.db.transaction(readonly=True) as tx:
            return await tx.suppression.entries(org_id)

    async def suppression_export(self, org_id: str | None = None) -> str:
        """CSV for the marketing tools: organisation,address,added_at,source."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["organisation", "address", "added_at", "source"])
        for entry in await self.suppression_list(org_id):
            writer.writerow([entry.organisation, entry.address, entry.added_at.isoformat(),
                             entry.source])
        return out.getvalue()

    # -- housekeeping -----------------------------------------------------------------------

    async def sweep(self, now: datetime | None = None) -> SweepResult:
        """Remind, then close, unverified requests; one transaction per ticket."""
        async with self.db.transaction(readonly=True) as tx:
            waiting = await tx.tickets.list(states=[TicketState.AWAITING_IDENTITY.value])
        reminded: list[str] = []
        closed: list[str] = []
        known = {org.id for org in self.config.orgs.items}
        at = now or self.config.clock()
        for ticket in waiting:
            if ticket.organisation not in known:  # an organisation since removed from config
                continue
            org = self.config.org(ticket.organisation)
            if (at - ticket.received_at).days < min(org.unverified_reminder_days,
                                                     org.unverified_close_days):
                continue  # nothing due yet: no write transaction for it
            async with self.db.transaction() as tx:
                unit = Unit(self.config, tx, actor="privacybot", channel="worker", now=at)
                current = await tx.tickets.get(ticket.id, for_update=True)
                done = await sweep_ticket(unit, org, current)
                await unit.flush()
            if done == "closed":
                closed.append(ticket.reference)
            elif done == "reminded":
                reminded.append(ticket.reference)
        return SweepResult(reminded=reminded, closed=closed)

    # -- read models ------------------------------------------------------------------------

    async def get_ticket(self, reference: str) -> TicketView:
        async with self.db.transaction(readonly=True) as tx:
            ticket = await tx.tickets.get_by_reference(normalise_reference(reference))
            linked = (await tx.tickets.get(ticket.linked_ticket_id)
                      if ticket.linked_ticket_id else None)
            events = await merging.merged_history(tx, ticket)
            outbox = []
            for ticket_id in dict.fromkeys(e.ticket_id for e in events if e.ticket_id):
                outbox.extend(await tx.outbox.for_ticket(ticket_id))
            return TicketView(ticket=ticket, events=events,
                              outbox=sorted(outbox, key=lambda mail: mail.id),
                              linked_reference=linked.reference if linked else None)

    async def list_tickets(self, *, state: str | None = None, org_id: str | None = None,
                           due_before: date | None = None,
                           open_only: bool = False) -> list[TicketRecord]:
        states = [parse_state(state).value] if state else None
        if org_id is not None:
            self.config.org(org_id)
        async with self.db.transaction(readonly=True) as tx:
            return await tx.tickets.list(organisation=org_id, states=states,
                                         due_before=due_before, open_only=open_only)

    async def ticket_page(self, *, state: str | None = None, org_id: str | None = None,
                          due_before: date | None = None, open_only: bool = False,
                          limit: int | None = None, offset: int = 0) -> Page[TicketRecord]:
        """`list_tickets`, a page at a time, with how many match in all."""
        states = [parse_state(state).value] if state else None
        if org_id is not None:
            self.config.org(org_id)
        async with self.db.transaction(readonly=True) as tx:
            items = await tx.tickets.list(organisation=org_id, states=states,
                                          due_before=due_before, open_only=open_only,
                                          limit=limit, offset=offset)
            total = await tx.tickets.count_matching(organisation=org_id, states=states,
                                                    due_before=due_before, open_only=open_only)
        return Page(items=items, total=total, offset=offset)

    async def ticket_mail(self, reference: str) -> list[Letter]:
        """The ticket's mail, both ways, oldest first, with its text (bot/desk/correspondence)."""
        async with self.db.transaction(readonly=True) as tx:
            ticket = await tx.tickets.get_by_reference(normalise_reference(reference))
            return await letters(tx, ticket)

    async def attention(self, tickets: list[TicketRecord]) -> dict[str, list[str]]:
        """What waits for the team on each open ticket (bot.workflow.attention), by reference;
        one history read per open ticket."""
        notes: dict[str, list[str]] = {}
        async with self.db.transaction(readonly=True) as tx:
            for ticket in tickets:
                if ticket.is_open:
                    history = await tx.events.for_ticket(ticket.id)
                    notes[ticket.reference] = attention(
                        ticket.state, ((e.kind, e.at, e.data) for e in history))
        return notes

    async def unticketed(self, org_id: str | None = None,
                         limit: int = 100) -> list[MessageRecord]:
        """Mail that opened no ticket (no rights intent, auto-replies), newest first."""
        if org_id is not None:
            self.config.org(org_id)
        async with self.db.transaction(readonly=True) as tx:
            return await tx.messages.unticketed(organisation=org_id, limit=limit)

    async def unticketed_page(self, org_id: str | None = None, *, limit: int = 100,
                              offset: int = 0) -> Page[MessageRecord]:
        """`unticketed`, a page at a time, with how many there are in all."""
        if org_id is not None:
            self.config.org(org_id)
        async with self.db.transaction(readonly=True) as tx:
            items = await tx.messages.unticketed(organisation=org_id, limit=limit, offset=offset)
            total = await tx.messages.count_unticketed(organisation=org_id)
        return Page(items=items, total=total, offset=offset)

    async def suppression_page(self, org_id: str | None = None, *, limit: int | None = None,
                               offset: int = 0) -> Page[SuppressionRecord]:
        """`suppression_list`, a page at a time, with how many there are in all."""
        if org_id is not None:
            self.config.org(org_id)
        async with self.db.transaction(readonly=True) as tx:
            items = await tx.suppression.entries(org_id, limit=limit, offset=offset)
            total = await tx.suppression.count(org_id)
        return Page(items=items, total=total, offset=offset)

    # -- plumbing ---------------------------------------------------------------------------

    async def _load(self, unit: Unit, reference: str) -> tuple[TicketRecord, Organisation]:
        ticket = await unit.tx.tickets.get_by_reference(normalise_reference(reference),
                                                        for_update=True)
        return ticket, self.config.org(ticket.organisation)

    async def _act(self, reference: str, actor: str, channel: str,
                   step: TicketStep) -> ActionResult:
        actor = acting(actor)
        async with self._unit(actor, channel) as unit:
            ticket, org = await self._load(unit, reference)
            ticket = await step(unit, org, ticket)
            return self._result(unit, ticket)

    @staticmethod
    def _result(unit: Unit, ticket: TicketRecord) -> ActionResult:
        return ActionResult(reference=ticket.reference, state=ticket.state,
                            due_date=ticket.due_date, verified=ticket.verified_at is not None,
                            replies=list(unit.replies), withheld=list(unit.withheld),
                            message="; ".join(unit.warnings))
