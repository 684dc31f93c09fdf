"""The month's figures (bot.desk.summary.Summary) as Slack text: the monthly post in a privacy
channel and the figures on the App Home.

Pure: a Summary in, mrkdwn or blocks out. The words are the summary's own (`Summary.lines`,
the same as `privacybot report summary`), so the channel, the home tab and the command line
never disagree about what a figure is called. Organisation names come from the organisations
file but are escaped all the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.desk.summary import Summary
from bot.slack.escape import Block, escape, mrkdwn


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def by_right(summary: Summary) -> str:
    """ "access 3, erasure 1" (rights by their stored names, as in the register) """
    return ", ".join(f"{right} {count}" for right, count in sorted(summary.by_right.items())
                     ) or "none"


def summary_text(summary: Summary, organisation: str) -> str:
    """The monthly post: a heading, then every figure of `report summary`, one per line."""
    heading = (f":bar_chart: *Privacy requests at {escape(organisation)},"
               f" {escape(summary.month)}*")
    # The first line of `lines()` repeats month and organisation: the heading says them.
    figures = [f"\u2022 {escape(line)}" for line in summary.lines()[1:]]
    return "\n".join([heading, *figures,
                      "_Definitions: docs/accountability.md; the request-by-request record:"
                      " `privacybot report register`._"])


def home_figures_blocks(summaries: Sequence[tuple[str, Summary]]) -> list[Block]:
    """This month so far, per organisation: requests by right, the share answered on time,
    what is overdue now and the triage backlog."""
    if not summaries:
        return []
    blocks: list[Block] = [{"type": "header", "text": {
        "type": "plain_text", "text": f"This month ({summaries[0][1].month})"}}]
    for name, summary in summaries:
        on_time = (f"{summary.responded_on_time} of {summary.responded}"
                   f" ({_share(summary.on_time_share)})" if summary.responded else "none answered")
        blocks.append({"type": "section", "text": mrkdwn(f"*{escape(name)}*"), "fields": [
            mrkdwn(f"*Requests by right*\n{escape(by_right(summary))}"
                   f" ({summary.received} in all)"),
            mrkdwn(f"*Answered on time*\n{on_time}"),
            mrkdwn(f"*Overdue now*\n{summary.overdue_now}"
                   + (" :rotating_light:" if summary.overdue_now else "")),
            mrkdwn(f"*Triage backlog*\n{summary.triage_backlog}"),
        ]})
    blocks.append({"type": "divider"})
    return blocks
