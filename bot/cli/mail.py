"""`privacybot mail`: the team's corrections as labelled mail, and re-reading the triage queue.

    privacybot mail corrections [--since YYYY-MM-DD] --jsonl
    privacybot mail reclassify [--since YYYY-MM-DD] [--dry-run]

`corrections` writes one JSON line per decided mail in the shape of the mail evaluation
sets (`{"id", "mailbox", "from", "subject", "body", "labels", ...}`), the team's decision as
the labels. `reclassify` runs today's classifier over mail awaiting triage and marks what it
now reads as a request, for the team to confirm; it opens nothing. See docs/triage.md.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from bot.cli.common import DataDir, JsonFlag, fail, with_desk
from bot.cli.due_date import parse_day
from bot.cli.terminal import clean, echo, json_text
from bot.desk import Desk
from bot.desk.corrections import corrections
from bot.desk.triage import Triage

Since = Annotated[str | None, typer.Option(
    "--since", help="Only from this day on (YYYY-MM-DD, UTC).")]

mail_app = typer.Typer(help="The team's corrections as data; re-reading the triage queue.",
                       no_args_is_help=True)


def _since(value: str | None) -> datetime | None:
    if value is None:
        return None
    day = parse_day(value)
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


@mail_app.command("corrections")
def corrections_command(
    since: Since = None,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="One JSON object a line (the only format there is).")] = False,
    data_dir: DataDir = None,
) -> None:
    """Triage decisions and intent corrections as labelled mail (JSON lines)."""
    if not jsonl:
        fail("say --jsonl: the export is JSON lines, one mail a line")
    start = _since(since)

    async def collect(desk: Desk) -> list[str]:
        return [json_text(line) async for line in corrections(desk.db, since=start)]

    for line in with_desk(data_dir, collect):
        echo(line)


@mail_app.command("reclassify")
def reclassify_command(
    since: Since = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Say what would be marked; mark nothing.")] = False,
    as_json: JsonFlag = False,
    data_dir: DataDir = None,
) -> None:
    """Run today's classifier over mail awaiting triage; mark what it reads as requests."""
    start = _since(since)
    found = with_desk(data_dir, lambda desk: Triage(desk).reclassify(
        since=start, dry_run=dry_run, actor="cli:reclassify", channel="cli"))
    if as_json:
        echo(json_text([{"message": item.message.id, "organisation": item.message.organisation,
                         "intents": item.intents} for item in found]))
        return
    for item in found:
        echo(f"{item.message.id:>6} {clean(item.message.organisation):<10} "
             f"{clean(item.message.from_address)}: now reads as {', '.join(item.intents)}")
    what = "would be marked" if dry_run else "marked for the team to confirm"
    echo(f"{len(found)} awaiting triage {what}; nothing was opened")


def register(app: typer.Typer) -> None:
    app.add_typer(mail_app, name="mail")
