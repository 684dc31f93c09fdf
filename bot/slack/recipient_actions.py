"""The "Tell processors" click (bot/slack/recipient_blocks.py): the team's confirmation that
the notices of an erasure, restriction or rectification go to the processors (GDPR Art. 19).

Checked like every ticket button (`TicketActions.authorise`: the ticket exists, the click
came from its organisation's privacy channel, the user is on its team); then the desk queues
the notices still unsent (bot.desk.recipients.confirm) and the user alone is told who was
mailed, or why nothing was.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.desk import Desk, recipients
from bot.errors import BotError
from bot.slack.adapters import acting_user
from bot.slack.escape import escape
from bot.slack.recipient_blocks import TELL
from bot.slack.ticket_actions import ACTOR_PREFIX, UNAVAILABLE, Refused, TicketActions
from storage import StorageError

log = logging.getLogger(__name__)


class RecipientActions:
    """What happens when a team member clicks "Tell processors" on a ticket card."""

    def __init__(self, *, desk: Desk, tickets: TicketActions) -> None:
        self._desk = desk
        self._tickets = tickets

    async def clicked(self, client: AsyncWebClient, *, reference: str, channel: str,
                      user: str) -> None:
        try:
            ticket, _ = await self._tickets.authorise(reference, channel, user)
        except Refused as refusal:
            await self._tickets.tell(client, channel, user, str(refusal))
            return
        except StorageError as exc:
            log.warning("slack: cannot check %s for %s: %s", reference, user, exc)
            await self._tickets.tell(client, channel, user, UNAVAILABLE)
            return
        try:
            result = await recipients.confirm(self._desk.db, self._desk.config,
                                              ticket.reference, ACTOR_PREFIX + user, "slack")
        except (BotError, StorageError) as exc:
            await self._tickets.tell(client, channel, user, f"Could not tell processors of "
                                     f"{escape(ticket.reference)}: {escape(str(exc))}")
            return
        if result.notices:
            self._tickets.changed()  # the thread shows the new events
        await self._tickets.tell(client, channel, user,
                                 escape(recipients.summary(result, confirmed=True)))


def install(app: AsyncApp, actions: RecipientActions) -> None:
    """Route the button's clicks to `actions` (acknowledged first, as every button is)."""

    @app.action(TELL)
    async def on_tell(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any],
                      client: AsyncWebClient) -> None:
        await ack()
        container = body.get("container") or {}
        await actions.clicked(
            client, reference=str(action.get("value", "")),
            channel=str((body.get("channel") or {}).get("id") or container.get("channel_id", "")),
            user=acting_user(body))
