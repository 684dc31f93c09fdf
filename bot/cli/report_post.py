"""`privacybot report post`: a month's summary and chart to the privacy channels in Slack.

    privacybot report post --month YYYY-MM [--org ORG] [--again]

The worker posts the previous month's summary by itself once the month is over
(bot/slack/monthly.py); this posts it now, e.g. for a month the worker missed or after
inviting the bot to a channel. A month already posted to a channel is not posted again unless
`--again` is given. Needs SLACK_BOT_TOKEN (and SLACK_API_URL where Slack is not slack.com).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from bot.cli.common import DataDir, fail, load_settings, with_desk
from bot.cli.report import OrgFilter, report_app
from bot.cli.terminal import clean, echo
from bot.desk import Desk
from bot.desk.summary import parse_month
from bot.slack.monthly import MonthlySummary
from bot.slack.service import web_client


@report_app.command("post")
def post_command(
    month: Annotated[str, typer.Option("--month", help="The month (YYYY-MM).")],
    org: OrgFilter = None,
    again: Annotated[bool, typer.Option(
        "--again", help="Post even if this month was posted to the channel before.")] = False,
    data_dir: DataDir = None,
) -> None:
    """Post a month's summary and chart to each organisation's privacy channel in Slack."""
    period = parse_month(month)
    settings = load_settings(data_dir)
    if settings.slack_bot_token is None:
        fail("Slack is not configured: set SLACK_BOT_TOKEN")

    async def work(desk: Desk) -> list[str]:
        orgs = [desk.config.org(org)] if org is not None else list(desk.config.orgs.items)
        if org is not None and not orgs[0].slack_channel:
            fail(f"organisation {org!r} has no slack_channel")
        client = web_client(settings)
        poster = MonthlySummary(db=desk.db, orgs=desk.config.orgs, client=client)
        lines = []
        for each in orgs:
            if not each.slack_channel:
                continue
            if not again and await poster.posted_at(each, period) is not None:
                lines.append(f"{each.id}: {period:%Y-%m} was posted already (--again to repost)")
            elif await poster.post(each, period, datetime.now(UTC)):
                lines.append(f"{each.id}: {period:%Y-%m} posted to {each.slack_channel}")
            else:
                lines.append(f"{each.id}: Slack refused the post (see the log)")
        return lines

    lines = with_desk(data_dir, work)
    for line in lines:
        echo(clean(line))
    if not lines:
        echo("no organisation has a slack_channel: nothing posted")
    if any("refused" in line for line in lines):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """The command joins the `report` group when this module is imported."""
