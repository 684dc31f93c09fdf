"""Following the ticket event log into Slack: post each new ticket, keep its message current.

The events table is append-only with growing ids, so the notifier remembers the last id it
has handled (a cursor in storage) and, per ticket, the last event its Slack message reflects
(`slack_posts.posted_event_id`). A crash between posting and remembering repeats at most that
ticket's last step; nothing is lost, whichever channel (mail, CLI, HTTP, Slack) made the change.
Run it in one process only: two notifiers would both post.

The card shows the systems checklist's progress (bot/desk/checklist.py); when identity is
confirmed and the ticket gets its checklist, the thread says which systems and mentions their
owners (bot/slack/checklist_blocks.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.desk import checklist
from bot.errors import UnknownOrganisationError
from bot.organisations import Organisations
from bot.slack.adapters import event_line, ticket_card
from bot.slack.cards import utc_today
from bot.slack.checklist_blocks import STARTS, owners_blocks, owners_text
from bot.slack.following import EventFollower
from bot.slack.history import event_text
from bot.slack.ticket_blocks import ticket_blocks, ticket_fallback_text
from storage import Database, EventRecord, SlackPostRecord

log = logging.getLogger(__name__)

CURSOR = "ticket_notifier"
# A ticket that was never posted and closed more than this long ago is not posted at all.
HISTORY = timedelta(hours=1)
MAX_THREAD_LINES = 20
GONE = frozenset({"message_not_found", "cant_update_message", "channel_not_found"})


class Notifier(EventFollower):
    """`await run_once()` handles what is new; `await run()` keeps doing so until cancelled."""

    name = "slack notifier"

    def __init__(self, *, db: Database, orgs: Organisations, client: AsyncWebClient,
                 today: Callable[[], date] = utc_today, batch: int = 200,
                 interval: float = 2.0, cursor: str = CURSOR,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._db = db
        self._orgs = orgs
        self._client = client
        self._today = today
        super().__init__(batch=batch, interval=interval)
        self._cursor = cursor
        self._now = now

    async def run_once(self) -> int:
        """Handle the events after the cursor; the number handled."""
        async with self._db.transaction(readonly=True) as tx:
            cursor = await tx.slack.get_cursor(self._cursor)
            events = await tx.events.after(cursor, limit=self._batch)
        if not events:
            return 0
        by_ticket: dict[int, list[EventRecord]] = {}
        for event in events:
            if event.ticket_id is not None:
                by_ticket.setdefault(event.ticket_id, []).append(event)
        for ticket_id, ticket_events in by_ticket.items():
            await self._sync(ticket_id, ticket_events)
        async with self._db.transaction() as tx:
            await tx.slack.set_cursor(self._cursor, events[-1].id)
        return len(events)

    async def _sync(self, ticket_id: int, events: list[EventRecord]) -> None:
        """Bring one ticket's Slack message (and thread) up to its latest event."""
        async with self._db.transaction(readonly=True) as tx:
            ticket = await tx.tickets.get(ticket_id)
            try:
                org = self._orgs.get(ticket.organisation)
            except UnknownOrganisationError:
                return
            post = await tx.slack.get_post(ticket_id)
            messages = await tx.messages.for_ticket(ticket_id)
            systems = await checklist.read(tx, org, ticket)
        done = (post.posted_event_id or 0) if post else 0
        new = [event for event in events if event.id > done]
        channel = post.channel if post else org.slack_channel
        if not new or not channel:
            return
        if post is None and not ticket.is_open and self._now() - new[-1].at > HISTORY:
            return  # closed long before Slack saw it (Slack set up late): history, not news
        card = ticket_card(ticket, org, messages, systems)
        blocks, text = ticket_blocks(card, self._today()), ticket_fallback_text(card)
        try:
            if post is not None:
                try:
                    await self._client.chat_update(channel=post.channel, ts=post.ts, text=text,
                                                   blocks=blocks)
                    lines = new
                except SlackApiError as exc:
                    if exc.response.get("error") not in GONE:
                        raise
                    post = None  # someone deleted the message: post it again
                    channel = org.slack_channel or channel
            if post is None:
                response = await self._client.chat_postMessage(
                    channel=channel, text=text, blocks=blocks, unfurl_links=False,
                    unfurl_media=False)
                post = await self._save(ticket_id, channel, str(response["ts"]), new[-1].id)
                lines = new[1:] if done == 0 else new  # a new ticket's first event is the card
            if lines:
                await self._thread(post, lines)
            if systems is not None and any(event.kind in STARTS for event in new):
                await self._client.chat_postMessage(
                    channel=post.channel, thread_ts=post.ts, text=owners_text(systems),
                    blocks=owners_blocks(ticket.reference, systems), unfurl_links=False,
                    unfurl_media=False)
        except SlackApiError as exc:  # Slack refused (no such channel, not a member...)
            log.error("slack notifier: %s for ticket %s: %s", exc.response.get("error"),
                      ticket.reference, exc)
        if post is not None:
            await self._save(ticket_id, post.channel, post.ts, new[-1].id)

    async def _thread(self, post: SlackPostRecord, events: list[EventRecord]) -> None:
        texts = [event_text(event_line(event)) for event in events]
        for start in range(0, len(texts), MAX_THREAD_LINES):
            await self._client.chat_postMessage(
                channel=post.channel, thread_ts=post.ts,
                text="\n".join(texts[start:start + MAX_THREAD_LINES]),
                unfurl_links=False, unfurl_media=False)

    async def _save(self, ticket_id: int, channel: str, ts: str,
                    event_id: int) -> SlackPostRecord:
        async with self._db.transaction() as tx:
            return await tx.slack.save_post(ticket_id=ticket_id, channel=channel, ts=ts,
                                            posted_event_id=event_id)
