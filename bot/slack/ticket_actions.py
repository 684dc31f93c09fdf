"""The team's buttons and modals on a ticket message, checked on the server every time.

A button's value (a reference) and a modal's private_metadata come back from the client and
are not trusted: before anything happens we check that the ticket exists, that the click came
from its organisation's privacy channel, and that the user is on that organisation's team.
Anyone else gets an ephemeral refusal and nothing changes.

The systems checklist goes through the same use cases as the command line
(bot/desk/checklist.py): "Tick a system" opens a modal whose submission is `checklist.tick`,
and "Mark done" on a ticket with systems left opens a modal asking for the override reason
instead of closing at once; the desk refuses "done" without one either way.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.desk import ActionResult, Desk, checklist
from bot.errors import BotError
from bot.organisations import Organisation, Organisations
from bot.slack import checklist_blocks, modals
from bot.slack.access import TeamAccess
from bot.slack.escape import escape
from bot.slack.ticket_blocks import ASSIGN, DONE, EXTEND, REJECT, TICK, VERIFY
from bot.workflow.references import InvalidReferenceError, normalise_reference
from storage import Database, StorageError, TicketRecord

log = logging.getLogger(__name__)

ACTOR_PREFIX = "slack:"
UNAVAILABLE = "The ticket records cannot be reached right now; nothing was changed. Try again soon."
_MODALS = {VERIFY: modals.verify_modal, EXTEND: modals.extend_modal,
           REJECT: modals.reject_modal}


class Refused(Exception):
    """The click may not act: the text says why, to that user only."""


class TicketActions:
    """What happens when a team member clicks a ticket button or submits its modal."""

    def __init__(self, *, db: Database, orgs: Organisations, desk: Desk, access: TeamAccess,
                 changed: Callable[[], None] = lambda: None) -> None:
        self._db = db
        self._orgs = orgs
        self._desk = desk
        self._access = access
        self.changed = changed  # wakes the notifier so the message updates at once

    async def authorise(self, reference: str, channel: str, user: str
                        ) -> tuple[TicketRecord, Organisation]:
        """The ticket and its organisation, or Refused saying why not."""
        try:
            wanted = normalise_reference(reference)
        except InvalidReferenceError:
            raise Refused("That is not a ticket reference.") from None
        async with self._db.transaction(readonly=True) as tx:
            ticket = await tx.tickets.find_by_reference(wanted)
        if ticket is None:
            raise Refused(f"There is no ticket {escape(wanted)}.")
        org = next((o for o in self._orgs.items if o.id == ticket.organisation), None)
        if org is None or not org.slack_channel or org.slack_channel != channel:
            raise Refused(f"Ticket {escape(wanted)} is not handled in this channel.")
        if not await self._access.may_act(org, user):
            raise Refused(f"Only members of {escape(org.name)}'s privacy team can act on "
                          "its tickets. Nothing was changed.")
        return ticket, org

    async def clicked(self, client: AsyncWebClient, *, action_id: str, reference: str,
                      channel: str, ts: str, user: str, trigger_id: str) -> None:
        """A ticket button: open the modal that asks why/how, or act at once."""
        try:
            ticket, _ = await self.authorise(reference, channel, user)
        except Refused as refusal:
            await self.tell(client, channel, user, str(refusal))
            return
        except StorageError as exc:
            log.warning("slack: cannot check %s for %s: %s", reference, user, exc)
            await self.tell(client, channel, user, UNAVAILABLE)
            return
        context = modals.ModalContext(reference=ticket.reference, channel=channel, ts=ts)
        if action_id in _MODALS:
            await client.views_open(trigger_id=trigger_id, view=_MODALS[action_id](context))
            return
        if action_id in (TICK, DONE):
            try:
                _, found = await checklist.status(self._db, self._desk.config, ticket.reference)
            except (BotError, StorageError) as exc:
                log.warning("slack: cannot read %s's checklist: %s", ticket.reference, exc)
                await self.tell(client, channel, user, UNAVAILABLE)
                return
            if found is not None and not found.complete:
                view = (checklist_blocks.tick_modal if action_id == TICK
                        else checklist_blocks.done_modal)(context, found)
                await client.views_open(trigger_id=trigger_id, view=view)
                return
            if action_id == TICK:
                await self.tell(client, channel, user, f"{escape(ticket.reference)} has no "
                                "systems left to tick." if found is not None else
                                f"{escape(ticket.reference)} has no checklist: it starts "
                                "when the requester's identity is confirmed.")
                return
        actor = ACTOR_PREFIX + user
        if action_id == DONE:
            await self.run(client, channel, user, "mark done", ticket.reference,
                            self._desk.close_done(ticket.reference, actor, "slack"))
        elif action_id == ASSIGN:
            await self.run(client, channel, user, "assign", ticket.reference,
                            self._desk.assign(ticket.reference, actor, "slack"))

    async def submitted(self, client: AsyncWebClient, *, callback_id: str, metadata: str,
                        values: dict[str, dict[str, dict[str, object]]], user: str) -> None:
        """A modal's submission: check again (the modal could be old), then record it."""
        context = modals.decode_context(metadata)
        if context is None:
            log.warning("slack: modal %s with unreadable metadata from %s", callback_id, user)
            return
        try:
            ticket, _ = await self.authorise(context.reference, context.channel, user)
        except Refused as refusal:
            await self.tell(client, context.channel, user, str(refusal))
            return
        except StorageError as exc:
            log.warning("slack: cannot check %s for %s: %s", context.reference, user, exc)
            await self.tell(client, context.channel, user, UNAVAILABLE)
            return
        actor, text, ref = ACTOR_PREFIX + user, modals.submitted_text(values), ticket.reference
        if callback_id == modals.VERIFY_MODAL:
            await self.run(client, context.channel, user, "record the check", ref,
                            self._desk.record_manual_check(ref, text, actor, "slack"))
        elif callback_id == modals.EXTEND_MODAL:
            await self.run(client, context.channel, user, "extend", ref,
                            self._desk.extend(ref, text, actor, "slack"))
        elif callback_id == modals.REJECT_MODAL:
            ground = modals.submitted_reason(values) or "manifestly_unfounded"
            await self.run(client, context.channel, user, "reject", ref,
                            self._desk.reject(ref, text, actor, "slack", ground=ground))
        elif callback_id == checklist_blocks.TICK_MODAL:
            system = checklist_blocks.submitted_system(values)
            await self.run(client, context.channel, user, "tick a system of", ref,
                            checklist.tick(self._db, self._desk.config, ref, system, text,
                                           actor, "slack"))
        elif callback_id == checklist_blocks.DONE_MODAL:
            await self.run(client, context.channel, user, "mark done", ref,
                            self._desk.close_done(ref, actor, "slack", override=text))

    async def run(self, client: AsyncWebClient, channel: str, user: str, what: str,
                   reference: str, action: Awaitable[object]) -> None:
        try:
            result = await action
        except (BotError, StorageError) as exc:
            await self.tell(client, channel, user,
                             f"Could not {what} {escape(reference)}: {escape(str(exc))}")
            return
        self.changed()
        if isinstance(result, ActionResult) and result.message:  # e.g. a reason not sent
            await self.tell(client, channel, user,
                             f":warning: {escape(reference)}: {escape(result.message)}")

    @staticmethod
    async def tell(client: AsyncWebClient, channel: str, user: str, text: str) -> None:
        try:
            await client.chat_postEphemeral(channel=channel, user=user, text=text)
        except SlackApiError as exc:  # e.g. a channel the bot is not in: nothing to show
            log.info("slack: cannot tell %s in %s: %s", user, channel,
                     exc.response.get("error"))
