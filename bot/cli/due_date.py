"""`privacybot due-date`: when a request whose clock starts on a given day must be answered."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from bot.cli.common import DataDir, JsonFlag, fail, load_orgs, load_settings
from bot.cli.terminal import clean, echo, json_text
from bot.workflow.deadlines import MAX_EXTENSION_MONTHS, due_date


def parse_day(text: str, what: str = "date") -> date:
    """A YYYY-MM-DD date, or a one-line error."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        fail(f"{what} must be YYYY-MM-DD, got {clean(repr(text))}")


def register(app: typer.Typer) -> None:
    """Add `due-date` to the root app."""

    @app.command("due-date")
    def due_date_command(
        start: Annotated[str, typer.Argument(help="The day the clock starts (YYYY-MM-DD).")],
        org: Annotated[str, typer.Option("--org", help="Organisation id (its bank holidays).")],
        extended: Annotated[
            bool, typer.Option("--extended", help="With the two-month extension.")
        ] = False,
        as_json: JsonFlag = False,
        data_dir: DataDir = None,
    ) -> None:
        """The statutory due date: one calendar month on, rolled to a working day."""
        day = parse_day(start, "the start day")
        organisation = load_orgs(load_settings(data_dir)).get(org)
        try:
            result = due_date(day, organisation,
                              extended_months=MAX_EXTENSION_MONTHS if extended else 0)
        except (ValueError, OverflowError):  # the calendar ends with the year 9999
            fail(f"a clock starting on {day.isoformat()} would end after the year 9999: "
                 "give an earlier start day")
        if as_json:
            echo(json_text({"due_date": result.isoformat()}))
        else:
            echo(f"{result.isoformat()} ({result:%A %d %B %Y})")
