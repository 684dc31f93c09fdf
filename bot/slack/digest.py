"""The daily digest: each organisation's channel hears what is overdue or due within 7 days.

Once a day, at or after DIGEST_HOUR (UTC), per organisation with a channel. The day last sent
is kept as a cursor in storage (its ordinal), so a restart does not send it twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.organisations import Organisation, Organisations
from bot.slack.adapters import ticket_card
from bot.slack.escape import escape, mrkdwn
from bot.slack.list_blocks import digest_blocks
from bot.slack.scheduled import ScheduledPost
from bot.slack.triage_blocks import BacklogLine, backlog_blocks
from storage import Database

log = logging.getLogger(__name__)

DIGEST_HOUR = 8
HORIZON_DAYS = 7


def digest_cursor(org: Organisation) -> str:
    return f"digest:{org.id}"


def digest_due(now: datetime, last_sent: int, hour: int = DIGEST_HOUR) -> bool:
    """Pure: whether today's digest is still to be sent."""
    return now.hour >= hour and last_sent < now.date().toordinal()


class Digest(ScheduledPost):
    """`await send_due(now)` sends what is due; `await run()` checks every few minutes."""

    def __init__(self, *, db: Database, orgs: Organisations, client: AsyncWebClient,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 hour: int = DIGEST_HOUR, interval: float = 300.0) -> None:
        super().__init__(db=db, orgs=orgs, client=client, clock=clock, interval=interval)
        self._hour = hour

    async def due(self, now: datetime) -> list[str]:
        return await self.send_due(now)

    async def send_due(self, now: datetime) -> list[str]:
        """Send today's digest to every channel that has not had it; the org ids sent to."""
        sent: list[str] = []
        for org in self._orgs.items:
            if not org.slack_channel:
                continue
            try:
                if await self._send(org, now):
                    sent.append(org.id)
            except Exception:  # the database or Slack away: the next tick tries again
                log.exception("slack digest for %s failed; will retry", org.id)
        return sent

    async def _send(self, org: Organisation, now: datetime) -> bool:
        async with self._db.transaction(readonly=True) as tx:
            if not digest_due(now, await tx.slack.get_cursor(digest_cursor(org)), self._hour):
                return False
            tickets = await tx.tickets.list(organisation=org.id, open_only=True)
            waiting = await tx.triage.count_awaiting(organisation=org.id)
            oldest = await tx.triage.awaiting(organisation=org.id, limit=1)
        today = now.date()
        blocks = digest_blocks(org.name, [ticket_card(t, org) for t in tickets], today,
                               HORIZON_DAYS)
        if waiting:  # mail awaiting triage is news even when no ticket is due
            blocks = blocks or [{"type": "section", "text": mrkdwn(
                f":calendar: *Privacy desk digest for {escape(org.name)}, {today.isoformat()}*")}]
            blocks.extend(backlog_blocks([BacklogLine(
                organisation=org.name, count=waiting,
                oldest=oldest[0].received_at if oldest else None)], now))
        if blocks is not None:
            try:
                await self._client.chat_postMessage(
                    channel=org.slack_channel, blocks=blocks, unfurl_links=False,
                    text=f"Privacy desk digest for {org.name}, {today.isoformat()}")
            except SlackApiError as exc:  # refused for good (no such channel): skip the day
                log.error("slack digest for %s refused: %s", org.id, exc.response.get("error"))
        async with self._db.transaction() as tx:
            await tx.slack.set_cursor(digest_cursor(org), today.toordinal())
        return blocks is not None
