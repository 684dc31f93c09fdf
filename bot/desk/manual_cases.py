"""The Desk's use cases for the team's own hand: notes, replies, corrected rights, requests
recorded by hand, merge, split and closing unverified (rules: bot/desk/manual.py and
bot/desk/merging.py). Mixed into `Desk`, which supplies the transaction plumbing declared here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from datetime import date

from bot.desk import manual, merging
from bot.desk.core import DeskConfig, Unit, acting
from bot.desk.results import ActionResult
from bot.organisations import Organisation
from bot.workflow.references import normalise_reference
from storage import TicketRecord

TicketStep = Callable[[Unit, Organisation, TicketRecord], Awaitable[TicketRecord]]


class ManualCases:
    """What `Desk` adds for the team's own hand; see bot/desk/desk.py for the plumbing."""

    config: DeskConfig

    def _unit(self, actor: str, channel: str) -> AbstractAsyncContextManager[Unit]:
        raise NotImplementedError  # Desk's

    async def _load(self, unit: Unit, reference: str) -> tuple[TicketRecord, Organisation]:
        raise NotImplementedError  # Desk's

    async def _act(self, reference: str, actor: str, channel: str,
                   step: TicketStep) -> ActionResult:
        raise NotImplementedError  # Desk's

    @staticmethod
    def _result(unit: Unit, ticket: TicketRecord) -> ActionResult:
        raise NotImplementedError  # Desk's

    async def add_note(self, reference: str, text: str, actor: str, channel: str, *,
                       source: str | None = None, once: str | None = None) -> ActionResult:
        """An internal note on the ticket, never sent; `once` is an id (a Slack event's) whose
        second delivery records nothing."""
        async def step(unit: Unit, org: Organisation, ticket: TicketRecord) -> TicketRecord:
            if once is not None and not await unit.tx.slack.mark_seen(once, unit.now):
                return ticket
            return await manual.add_note(unit, ticket, text, source=source)
        return await self._act(reference, actor, channel, step)

    async def reply(self, reference: str, text: str, actor: str, channel: str) -> ActionResult:
        """The team's own words to the requester, through the outbox, threaded."""
        return await self._act(reference, actor, channel,
                               lambda u, o, t: manual.send_reply(u, o, t, text))

    async def change_intents(self, reference: str, *, add: str | list[str] = "",
                             remove: str | list[str] = "", reason: str, actor: str,
                             channel: str) -> ActionResult:
        """Add or remove rights (names: intents.RIGHTS_INTENTS), with a reason."""
        adding = manual.parse_intents(add, allow_empty=True)
        removing = manual.parse_intents(remove, allow_empty=True)
        return await self._act(reference, actor, channel, lambda u, o, t: manual.change_intents(
            u, o, t, adding, removing, reason))

    async def open_manual(self, org_id: str, *, requester: str, intents: str | list[str],
                          came_by: str, received: date, actor: str, channel: str,
                          note: str = "", name: str | None = None,
                          language: str | None = None) -> ActionResult:
        """A request that came by phone, letter, in person...: a ticket counted from
        `received` (never a day to come)."""
        org = self.config.org(org_id)
        wanted = manual.parse_intents(intents)
        actor = acting(actor)
        async with self._unit(actor, channel) as unit:
            ticket = await manual.open_manual(unit, org, requester=requester, intents=wanted,
                                              came_by=came_by, received=received, note=note,
                                              name=name, language=language)
            return self._result(unit, ticket)

    async def merge(self, keep: str, other: str, actor: str, channel: str) -> ActionResult:
        """`other`'s mail and history join `keep`, whose clock stands; `other` is merged."""
        async def step(unit: Unit, org: Organisation, ticket: TicketRecord) -> TicketRecord:
            second = await unit.tx.tickets.get_by_reference(normalise_reference(other),
                                                            for_update=True)
            return await merging.merge(unit, org, ticket, second)
        return await self._act(keep, actor, channel, step)

    async def split(self, reference: str, intents: str | list[str], actor: str,
                    channel: str) -> ActionResult:
        """The named intents leave the ticket for a new one linked to it (its result)."""
        leaving = manual.parse_intents(intents)
        actor = acting(actor)
        async with self._unit(actor, channel) as unit:
            ticket, org = await self._load(unit, reference)
            _, new = await merging.split(unit, org, ticket, leaving)
            return self._result(unit, new)

    async def close_unverified(self, reference: str, actor: str,
                               channel: str) -> ActionResult:
        """Close a request still waiting for identity now (the sweep would, later)."""
        return await self._act(reference, actor, channel, manual.close_unverified_now)
