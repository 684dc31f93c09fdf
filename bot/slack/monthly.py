"""The monthly summary in each organisation's privacy channel: last month's figures and chart.

The first round of the worker after a month ends posts, for every organisation with a privacy
channel, the month's summary (bot/desk/summary.py) as text with its chart (bot/desk/chart.py)
attached through Slack's file upload (`files_upload_v2`: files.getUploadURLExternal, the
upload, files.completeUploadExternal, which shares the file with the text as its comment).

A post is remembered per organisation and month: an event `monthly_summary_posted` (the audit
trail says when the figures went out, and in which channel) and a cursor named after the
organisation and month holding that event's id, which is what the next round reads. So a
restart, a second round or `privacybot report post` for the same month posts nothing more
(the command can post again on purpose). A month with nothing to report (no request received,
answered or overdue, no opt-out) is not posted, so a new installation does not open with an
empty summary. The post comes first and the record right after it:
only a crash between Slack's answer and that commit could repeat a post; Slack or the database
being away just means the next round tries again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.desk.summary import Summary, read_chart, read_summary
from bot.organisations import Organisation, Organisations
from bot.slack.figures_blocks import summary_text
from bot.slack.scheduled import ScheduledPost
from storage import Database

log = logging.getLogger(__name__)

POSTED = "monthly_summary_posted"
ACTOR = "privacybot"


def previous_month(now: datetime) -> date:
    """The first day of the month before `now`'s (UTC)."""
    day = now.astimezone(UTC).date()
    return date(day.year - (day.month == 1), (day.month - 2) % 12 + 1, 1)


def cursor_name(org_id: str, month: date) -> str:
    """Where the post of one organisation's month is remembered (the event's id, 0 if none)."""
    return f"monthly_summary:{org_id}:{month:%Y-%m}"


def worth_posting(summary: Summary) -> bool:
    """Whether the month has anything to report (the backlog is a figure of now, not of the
    month, so it alone does not make a post)."""
    return bool(summary.received or summary.responded or summary.overdue_now
                or summary.opt_outs_processed)


def chart_name(org: Organisation, month: date) -> str:
    return f"privacy-summary-{org.id}-{month:%Y-%m}.png"


class MonthlySummary(ScheduledPost):
    """`await post_due(now)` posts last month's summary where it is still due; `await run()`
    checks every `interval` seconds; `await post(org, month, now)` posts one (the CLI)."""

    def __init__(self, *, db: Database, orgs: Organisations, client: AsyncWebClient,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 interval: float = 900.0) -> None:
        super().__init__(db=db, orgs=orgs, client=client, clock=clock, interval=interval)

    async def due(self, now: datetime) -> list[str]:
        return await self.post_due(now)

    async def post_due(self, now: datetime) -> list[str]:
        """Post the previous month's summary to every channel that has not had it; the ids
        of the organisations posted to."""
        month = previous_month(now)
        posted: list[str] = []
        for org in self._orgs.items:
            if not org.slack_channel:
                continue
            try:
                if (await self.posted_at(org, month) is None
                        and await self.post(org, month, now, skip_empty=True)):
                    posted.append(org.id)
            except Exception:  # the database or Slack away: the next round tries again
                log.exception("slack monthly summary for %s failed; will retry", org.id)
        return posted

    async def posted_at(self, org: Organisation, month: date) -> int | None:
        """The id of the event that recorded the month's post, or None if not posted."""
        async with self._db.transaction(readonly=True) as tx:
            found = await tx.slack.get_cursor(cursor_name(org.id, month))
        return found or None

    async def post(self, org: Organisation, month: date, now: datetime, *,
                   skip_empty: bool = False) -> bool:
        """Post the month's summary and chart to the organisation's channel and remember it.
        False when there is no channel, nothing to report (`skip_empty`), or Slack refused
        (e.g. the bot is not in the channel: logged, and the next round tries again)."""
        if not org.slack_channel:
            return False
        summary = await read_summary(self._db, organisation=org.id, month=month, now=now)
        if skip_empty and not worth_posting(summary):
            return False
        chart = await read_chart(self._db, organisation=org.id, month=month, now=now)
        text = summary_text(summary, org.name)
        try:
            response = await self._client.files_upload_v2(
                channel=org.slack_channel, content=chart, filename=chart_name(org, month),
                title=f"{org.name}: privacy requests, {month:%B %Y}",
                alt_txt=f"Requests by right and days to respond, {month:%B %Y}",
                initial_comment=text)
        except SlackApiError as exc:
            log.error("slack monthly summary for %s refused: %s", org.id,
                      exc.response.get("error"))
            return False
        except SlackClientError as exc:  # the upload itself failed: nothing was shared
            log.error("slack monthly summary for %s: upload failed: %s", org.id, exc)
            return False
        file = response.get("file") or {}
        async with self._db.transaction() as tx:
            event = await tx.events.append(
                ticket_id=None, actor=ACTOR, channel="worker", kind=POSTED,
                organisation=org.id,
                data={"month": f"{month:%Y-%m}", "channel": org.slack_channel,
                      "file": str(file.get("id") or ""), "received": summary.received,
                      "responded": summary.responded, "overdue_now": summary.overdue_now})
            await tx.slack.set_cursor(cursor_name(org.id, month), event.id)
        return True
