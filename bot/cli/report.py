"""`privacybot report`: the register of requests and the monthly summary, for an audit.

    privacybot report register [--org ORG] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv|--json]
    privacybot report summary --month YYYY-MM [--org ORG] [--json] [--png FILE]

The register has one row per request received in the period (both days included, UTC); the
columns are bot.desk.register.FIELDS. Text output is a table for a person; `--csv` and
`--json` give every column (docs/accountability.md says what each means).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Protocol

import typer

from bot.cli.common import DataDir, JsonFlag, fail, with_desk
from bot.cli.due_date import parse_day
from bot.cli.terminal import clean, echo, json_text
from bot.desk import Desk
from bot.desk.register import FIELDS, RegisterRow, stream_register
from bot.desk.summary import Summary, parse_month, read_chart, read_summary

OrgFilter = Annotated[str | None, typer.Option("--org", help="Only this organisation.")]

report_app = typer.Typer(help="The register of requests and monthly figures.",
                         no_args_is_help=True)


def _today() -> date:
    return datetime.now(UTC).date()


@report_app.command("register")
def register_command(
    org: OrgFilter = None,
    start: Annotated[str | None, typer.Option(
        "--from", help="Requests received on or after this day (YYYY-MM-DD).")] = None,
    end: Annotated[str | None, typer.Option(
        "--to", help="Requests received on or before this day (YYYY-MM-DD).")] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with every column.")] = False,
    as_json: JsonFlag = False,
    data_dir: DataDir = None,
) -> None:
    """One row per request: dates, due dates, outcome, on time or late, and why."""
    if as_csv and as_json:
        fail("give at most one of --csv and --json")
    first = parse_day(start, "--from") if start is not None else None
    last = parse_day(end, "--to") if end is not None else None
    if first is not None and last is not None and last < first:
        fail(f"--to {last.isoformat()} is before --from {first.isoformat()}")

    async def work(desk: Desk) -> None:
        if org is not None:
            desk.config.org(org)
        writer: _Writer = _JsonWriter() if as_json else _CsvWriter() if as_csv else _TableWriter()
        async for rows in stream_register(desk.db, organisation=org, received_from=first,
                                          received_to=last, today=_today()):
            writer.write(rows)
        writer.close()

    with_desk(data_dir, work)


# The register streams out batch by batch (bot.desk.register.stream_register): a register of
# 100,000 requests is written as it is read, never held whole as rows or as text.
class _Writer(Protocol):
    def write(self, rows: list[RegisterRow]) -> None: ...

    def close(self) -> None: ...


class _JsonWriter:
    """What `json_text(rows, indent=2)` would print, a batch at a time."""

    def __init__(self) -> None:
        self.count = 0

    def write(self, rows: list[RegisterRow]) -> None:
        parts = []
        for row in rows:
            text = json_text(row.as_json(), indent=2).replace("\n", "\n  ")
            parts.append(("[\n  " if self.count == 0 else ",\n  ") + text)
            self.count += 1
        if parts:
            echo("".join(parts), nl=False)

    def close(self) -> None:
        echo("\n]" if self.count else "[]")


class _CsvWriter:
    def __init__(self) -> None:
        self.out = io.StringIO()
        self.writer = csv.writer(self.out, lineterminator="\n")
        self.writer.writerow(FIELDS)

    def write(self, rows: list[RegisterRow]) -> None:
        self.writer.writerows(row.as_csv() for row in rows)
        echo(self.out.getvalue(), nl=False)
        self.out.seek(0)
        self.out.truncate()

    def close(self) -> None:
        echo(self.out.getvalue(), nl=False)


class _TableWriter:
    def __init__(self) -> None:
        self.count = 0
        echo(f"{'REFERENCE':<16} {'ORG':<10} {'CHANNEL':<8} {'RIGHTS':<22} {'RECEIVED':<10} "
             f"{'DUE':<10} {'CLOSED':<10} {'OUTCOME':<18} ON TIME")

    def write(self, rows: list[RegisterRow]) -> None:
        self.count += len(rows)
        for row in rows:
            echo(f"{clean(row.reference):<16} {clean(row.organisation):<10} "
                 f"{clean(row.channel):<8} {clean(','.join(row.rights)):<22} "
                 f"{row.received_at:%Y-%m-%d} "
                 f"{row.due_date.isoformat() if row.due_date else '-':<10} "
                 f"{f'{row.closed_at:%Y-%m-%d}' if row.closed_at else '-':<10} "
                 f"{clean(row.outcome):<18} {_late(row)}")

    def close(self) -> None:
        echo(f"{self.count} request{'' if self.count == 1 else 's'}")


def _late(row: RegisterRow) -> str:
    if row.on_time is None:
        return "-"
    return "on time" if row.on_time else f"{row.days_late} days late"


@report_app.command("summary")
def summary_command(
    month: Annotated[str, typer.Option("--month", help="The month (YYYY-MM).")],
    org: OrgFilter = None,
    png: Annotated[Path | None, typer.Option(
        "--png", help="Also write the month's chart to this PNG file.")] = None,
    as_json: JsonFlag = False,
    data_dir: DataDir = None,
) -> None:
    """A month's figures: volume, on time, days to respond, overdue, backlog."""
    period = parse_month(month)

    async def work(desk: Desk) -> tuple[Summary, bytes | None]:
        if org is not None:
            desk.config.org(org)
        now = datetime.now(UTC)
        figures = await read_summary(desk.db, organisation=org, month=period, now=now)
        chart = None if png is None else await read_chart(
            desk.db, organisation=org, month=period, now=now)
        return figures, chart

    result, chart = with_desk(data_dir, work)
    if png is not None and chart is not None:
        try:
            png.write_bytes(chart)
        except OSError as exc:
            fail(f"cannot write {png}: {exc.strerror or exc}")
        echo(f"chart written to {png}", err=True)
    if as_json:
        echo(json_text(result.model_dump(mode="json"), indent=2))
    else:
        for line in result.lines():
            echo(line)


def register(app: typer.Typer) -> None:
    """Add `report` to the root app."""
    app.add_typer(report_app, name="report")
