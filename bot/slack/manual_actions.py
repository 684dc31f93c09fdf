"""The team's own hand on a ticket in Slack: Reply (with canned replies), Change rights,
clarify, resume, fee, fee received, new code, close unverified, merge, split, notes written in
a ticket's thread, and the shortcut that records a request that came another way.

Every click and submission goes through `TicketActions.authorise` (the ticket exists, the click
came from its organisation's privacy channel, the user is on its team), exactly as the older
buttons do; anyone else gets a message only they see and nothing changes. A thread message
from anyone but the team is ignored.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.desk import Desk
from bot.desk.manual import known_intents, unverified
from bot.errors import BotError
from bot.organisations import Organisation, Organisations
from bot.slack import manual_modals as mm
from bot.slack.access import TeamAccess
from bot.slack.canned import canned_replies, canned_text
from bot.slack.escape import Block, escape, mrkdwn, plain
from bot.slack.modals import ModalContext, decode_context, encode_context, submitted_text
from bot.slack.ticket_actions import ACTOR_PREFIX, UNAVAILABLE, Refused, TicketActions
from bot.slack.ticket_blocks import (
    CLARIFY,
    CLOSE_UNVERIFIED,
    FEE,
    FEE_PAID,
    INTENTS,
    MERGE,
    MORE,
    REPLY,
    RESEND,
    RESUME,
    SEND_PACK,
    SPLIT,
)
from storage import Database, StorageError, TicketRecord

log = logging.getLogger(__name__)

CLOSE_MODAL = "ticket_close_unverified_modal"
SUBMISSIONS = (*mm.MODALS, CLOSE_MODAL)
BUTTONS = (REPLY, RESUME, FEE_PAID, MORE)
_VERSION = re.compile(rf"^{mm.REPLY_TEXT}_(\d+)$")


def unescape(text: str) -> str:
    """Slack's message text with its three entities undone (mentions stay as they are)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def close_modal(context: ModalContext) -> Block:
    return {"type": "modal", "callback_id": CLOSE_MODAL,
            "private_metadata": encode_context(context), "title": plain("Close unverified"),
            "submit": plain("Close"), "close": plain("Cancel"), "blocks": [
                {"type": "section", "text": mrkdwn(
                    f"Close *{escape(context.reference)}* because identity never came? The"
                    " requester is told; a complaint in it goes on as its own ticket.")}]}


class ManualActions:
    """Handlers the bolt app calls (bot/slack/app.py) for the team's own hand."""

    def __init__(self, *, db: Database, orgs: Organisations, desk: Desk, access: TeamAccess,
                 tickets: TicketActions, today: Callable[[], date] = lambda: datetime.now(
                     UTC).date()) -> None:
        self._db = db
        self._orgs = orgs
        self._desk = desk
        self._access = access
        self._tickets = tickets
        self._today = today

    # -- buttons and the More menu ---------------------------------------------------------

    async def clicked(self, client: AsyncWebClient, *, action_id: str, value: str,
                      channel: str, ts: str, user: str, trigger_id: str) -> None:
        if action_id == MORE:  # the menu's value is "<action>|<reference>"
            action_id, _, value = value.partition("|")
        checked = await self._authorise(client, value, channel, user)
        if checked is None:
            return
        ticket, org = checked
        context = ModalContext(reference=ticket.reference, channel=channel, ts=ts)
        ref, actor = ticket.reference, ACTOR_PREFIX + user
        run = self._tickets.run
        view: Block | None = None
        if action_id == REPLY:
            view = mm.reply_modal(context, unverified=unverified(ticket), canned=canned_replies(
                org.id, ticket.language, reference=ref, organisation=org.name))
        elif action_id == INTENTS:
            view = mm.intents_modal(context, list(known_intents()), list(ticket.intents))
        elif action_id == CLARIFY:
            view = mm.clarify_modal(context)
        elif action_id == FEE:
            view = mm.fee_modal(context)
        elif action_id == MERGE:
            view = mm.merge_modal(context)
        elif action_id == SPLIT:
            view = mm.split_modal(context, list(ticket.intents))
        elif action_id == CLOSE_UNVERIFIED:
            view = close_modal(context)
        elif action_id == RESUME:
            await run(client, channel, user, "resume the clock of", ref,
                      self._desk.clarification_received(ref, actor, "slack",
                                                        "recorded in Slack"))
        elif action_id == FEE_PAID:
            await run(client, channel, user, "record the fee of", ref,
                      self._desk.fee_received(ref, actor, "slack"))
        elif action_id == RESEND:
            await run(client, channel, user, "send a new code for", ref,
                      self._desk.resend_code(ref, actor, "slack"))
        elif action_id == SEND_PACK:
            await run(client, channel, user, "send the access pack of", ref,
                      self._desk.send_pack_link(ref, actor, "slack"))
        if view is not None:
            await client.views_open(trigger_id=trigger_id, view=view)

    async def canned_chosen(self, client: AsyncWebClient, *, view: dict[str, Any],
                            name: str, user: str) -> None:
        """A canned reply picked in the Reply modal: the modal shows its text to edit."""
        context = decode_context(str(view.get("private_metadata", "")))
        if context is None:
            return
        checked = await self._authorise(client, context.reference, context.channel, user)
        if checked is None:
            return
        ticket, org = checked
        text = canned_text(org.id, ticket.language, name, reference=ticket.reference,
                           organisation=org.name)
        if text is None:
            return
        version = max([int(m.group(1)) for b in view.get("blocks") or []
                       if (m := _VERSION.match(str(b.get("block_id", ""))))] or [0])
        updated = mm.reply_modal(context, unverified=unverified(ticket), text=text,
                                 version=version + 1, canned=canned_replies(
                                     org.id, ticket.language, reference=ticket.reference,
                                     organisation=org.name))
        try:
            await client.views_update(view_id=str(view.get("id", "")),
                                      hash=str(view.get("hash", "")) or None, view=updated)
        except SlackApiError as exc:  # the modal changed meanwhile: leave it as it is
            log.info("slack: cannot update the reply modal: %s", exc.response.get("error"))

    # -- modal submissions -----------------------------------------------------------------

    async def submitted(self, client: AsyncWebClient, *, callback_id: str, metadata: str,
                        values: mm.Values, user: str) -> None:
        context = decode_context(metadata)
        if context is None:
            log.warning("slack: modal %s with unreadable metadata from %s", callback_id, user)
            return
        checked = await self._authorise(client, context.reference, context.channel, user)
        if checked is None:
            return
        ticket, _ = checked
        ref, actor, channel = ticket.reference, ACTOR_PREFIX + user, context.channel
        run, desk = self._tickets.run, self._desk
        if callback_id == mm.REPLY_MODAL:
            await run(client, channel, user, "send the reply on", ref,
                      desk.reply(ref, mm.reply_text(values), actor, "slack"))
        elif callback_id == mm.INTENTS_MODAL:
            wanted = mm.chosen(values)
            await run(client, channel, user, "change the rights of", ref, desk.change_intents(
                ref, add=[i for i in wanted if i not in ticket.intents],
                remove=[i for i in ticket.intents if i not in wanted],
                reason=submitted_text(values), actor=actor, channel="slack"))
        elif callback_id == mm.CLARIFY_MODAL:
            await run(client, channel, user, "ask for clarification on", ref,
                      desk.request_clarification(ref, submitted_text(values), actor, "slack"))
        elif callback_id == mm.FEE_MODAL:
            await run(client, channel, user, "ask for a fee on", ref, desk.request_fee(
                ref, mm.text_value(values, mm.AMOUNT_BLOCK),
                mm.selected(values, mm.FEE_REASON_BLOCK), actor, "slack",
                currency=mm.text_value(values, mm.CURRENCY_BLOCK) or "GBP"))
        elif callback_id == mm.MERGE_MODAL:
            await run(client, channel, user, "merge into", ref, desk.merge(
                ref, mm.text_value(values, mm.OTHER_BLOCK), actor, "slack"))
        elif callback_id == mm.SPLIT_MODAL:
            await run(client, channel, user, "split", ref,
                      desk.split(ref, mm.chosen(values), actor, "slack"))
        elif callback_id == CLOSE_MODAL:
            await run(client, channel, user, "close", ref,
                      desk.close_unverified(ref, actor, "slack"))

    # -- a request that came another way (global shortcut) ---------------------------------

    async def new_request_form(self, client: AsyncWebClient, *, user: str,
                               trigger_id: str) -> None:
        teams = await self._teams(user)
        if not teams:
            await self._dm(client, user, "Only members of a privacy team can record requests."
                                         " Nothing was changed.")
            return
        await client.views_open(trigger_id=trigger_id, view=mm.new_request_modal(
            [(org.id, org.name) for org in teams], list(known_intents()), self._today()))

    async def check_new_request(self, values: mm.Values,
                                user: str) -> mm.NewRequest | dict[str, str]:
        """Read before Slack's acknowledgement, so a mistake is shown next to its field."""
        allowed = {org.id for org in await self._teams(user)}
        return mm.read_new_request(values, self._today(), allowed)

    async def open_new_request(self, client: AsyncWebClient, request: mm.NewRequest,
                               user: str) -> None:
        try:
            result = await self._desk.open_manual(
                request.org_id, requester=request.requester, intents=request.intents,
                came_by=request.came_by, received=request.received, note=request.note,
                name=request.name, actor=ACTOR_PREFIX + user, channel="slack")
        except (BotError, StorageError) as exc:
            await self._dm(client, user, f"Could not record the request: {escape(str(exc))}")
            return
        self._tickets.changed()
        await self._dm(client, user, f"Opened {escape(result.reference)}; it is posted to the"
                                     " organisation's privacy channel.")

    # -- notes from a ticket's thread ------------------------------------------------------

    async def note_from_thread(self, event: dict[str, Any], event_id: str | None) -> None:
        """A team member's reply under a ticket message becomes an internal note."""
        channel, ts = str(event.get("channel", "")), str(event.get("ts", ""))
        parent, user = str(event.get("thread_ts") or ""), str(event.get("user") or "")
        if (not parent or parent == ts or not user or event.get("bot_id")
                or event.get("subtype") not in (None, "thread_broadcast")):
            return
        text = unescape(str(event.get("text") or "")).strip()
        if not text:
            return
        try:
            async with self._db.transaction(readonly=True) as tx:
                post = await tx.slack.find_post(channel, parent)
                ticket = await tx.tickets.get(post.ticket_id) if post else None
            org = self._org(ticket)
            if ticket is None or org is None or not await self._access.may_act(org, user):
                return
            await self._desk.add_note(ticket.reference, text, ACTOR_PREFIX + user, "slack",
                                      source=f"slack:{channel}:{ts}",
                                      once=event_id or f"note:{channel}:{ts}")
        except (BotError, StorageError) as exc:
            log.warning("slack: note in %s at %s not recorded: %s", channel, ts, exc)
            return
        self._tickets.changed()

    # -- plumbing --------------------------------------------------------------------------

    def _org(self, ticket: TicketRecord | None) -> Organisation | None:
        if ticket is None:
            return None
        return next((o for o in self._orgs.items if o.id == ticket.organisation), None)

    async def _teams(self, user: str) -> list[Organisation]:
        return [org for org in await self._access.teams_of(user) if org.slack_channel]

    async def _authorise(self, client: AsyncWebClient, reference: str, channel: str,
                         user: str) -> tuple[TicketRecord, Organisation] | None:
        try:
            return await self._tickets.authorise(reference, channel, user)
        except Refused as refusal:
            await self._tickets.tell(client, channel, user, str(refusal))
        except StorageError as exc:
            log.warning("slack: cannot check %s for %s: %s", reference, user, exc)
            await self._tickets.tell(client, channel, user, UNAVAILABLE)
        return None

    @staticmethod
    async def _dm(client: AsyncWebClient, user: str, text: str) -> None:
        try:
            await client.chat_postMessage(channel=user, text=text)
        except SlackApiError as exc:
            log.info("slack: cannot write to %s: %s", user, exc.response.get("error"))
