"""The register's one query (the database finds each row's facts) against the register built
the old way, in Python over every ticket's events (SQLite and PostgreSQL), including the
unusual histories the query must read as Python did; and the command line's streamed JSON
and CSV against the text printed whole."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from bot.cli import app
from bot.cli.common import run_cli
from bot.cli.terminal import json_text
from bot.desk import Desk
from bot.desk.register import (
    COMPLAINT_ACK,
    FIELDS,
    RegisterRow,
    day_start,
    read_register,
    register_row,
)
from bot.organisations import Organisations
from storage import Database, open_database
from storage import tables as t
from storage.repos import accountability as reads_module
from storage.repos.accountability import accountability
from tests.accountability.conftest import START, Month, month_of_requests
from tests.desk.conftest import PUBLIC_URL, SECRET, Clock


async def _reference(db: Database, today: date, organisation: str | None = None,
                     received_from: date | None = None,
                     received_to: date | None = None) -> list[RegisterRow]:
    """The register as it was built before the query: every event read, rows in Python."""
    since = day_start(received_from) if received_from else None
    before = day_start(received_to + timedelta(days=1)) if received_to else None
    async with db.transaction(readonly=True) as tx:
        reads = accountability(tx)
        tickets = await reads.tickets(organisation=organisation, received_from=since,
                                      received_before=before)
        histories = await reads.histories(organisation=organisation, received_from=since,
                                          received_before=before, replies=[COMPLAINT_ACK])
    return [register_row(ticket, histories.get(ticket.id, []), today) for ticket in tickets]


async def _ticket_id(db: Database, reference: str) -> int:
    async with db.transaction(readonly=True) as tx:
        return (await tx.tickets.get_by_reference(reference)).id


async def _unusual_histories(db: Database, refs: Month, clock: Clock) -> None:
    """Events the desk rarely or never writes, each read by one fact of a row."""
    later = clock.now + timedelta(days=1)

    async def add(reference: str, kind: str, data: dict[str, Any], actor: str = "alice",
                  channel: str = "cli") -> None:
        ticket_id = await _ticket_id(db, reference)
        async with db.transaction() as tx:
            await tx.events.append(ticket_id=ticket_id, actor=actor, channel=channel,
                                   kind=kind, data=data, at=later)

    # The last override's reason counts, whatever its JSON type.
    await add(refs.on_time, "checklist_overridden", {"reason": "CRM is gone"})
    await add(refs.on_time, "checklist_overridden", {"reason": 5})
    # A complaint split off a request: acknowledged by the team, earlier than the closing?
    # No, later: the closing (when the request was answered) is the earlier of the two.
    await add(refs.late, "complaint_split", {})
    await add(refs.late, "complaint_acknowledged", {})
    # Events that name the ticket's state but that the register never reads.
    await add(refs.late, "reply_received", {"state_to": "done"}, actor="mallory")
    await add(refs.late, "reply_queued", {"reply": "acknowledgement", "state_to": "done"},
              actor="mallory")
    # Due dates that are not dates: skipped; an extension naming no previous date: its own.
    await add(refs.unverified, "noted", {"due_date": ""})
    await add(refs.unverified, "noted", {"due_date": 20260101})
    await add(refs.unverified, "extended", {"previous_due_date": 7, "due_date": "2026-03-01"})
    await add(refs.unverified, "extended", {"previous_due_date": "2026-04-01"})
    # A complaint acknowledgement queued for a ticket holding no complaint: not shown.
    await add(refs.opt_out, "reply_queued", {"reply": COMPLAINT_ACK})
    # The opening event naming how the request came: the first string of the three keys.
    async with db.transaction() as tx:
        for reference, data in ((refs.overdue, {"request_channel": 5, "channel": " Phone "}),
                                (refs.extended, {"channel": "  ", "via": "Letter"}),
                                (refs.refused, {"via": ["post"]})):
            ticket_id = await _ticket_id(db, reference)
            opening = t.events.c
            old = (await tx.connection.execute(select(opening.data).where(
                opening.ticket_id == ticket_id, opening.kind == "ticket_opened"))).scalar_one()
            await tx.connection.execute(update(t.events).where(
                opening.ticket_id == ticket_id, opening.kind == "ticket_opened").values(
                data={**old, **data}))


async def test_the_query_gives_the_rows_of_the_events(desk: Desk, clock: Clock,
                                                      db: Database) -> None:
    refs = await month_of_requests(desk, clock)
    await _unusual_histories(db, refs, clock)
    today = clock.now.date()
    rows = await read_register(db, today=today)
    assert rows == await _reference(db, today)
    assert RegisterRow._fields == FIELDS  # the CSV header names the row's values in order
    by_reference = {row.reference: row for row in rows}
    # Each unusual history was read, and read as Python reads it.
    assert by_reference[refs.on_time].checklist_override == "5"
    late = by_reference[refs.late]
    assert late.handler == "bob-the-handler"
    assert late.complaint_acknowledged_at == late.closed_at
    assert by_reference[refs.unverified].first_due_date == date(2026, 3, 1)
    assert by_reference[refs.opt_out].complaint_acknowledged_at is None
    assert by_reference[refs.overdue].channel == "phone"
    assert by_reference[refs.extended].channel == "letter"
    assert by_reference[refs.refused].channel == "mail"
    # Filters and periods, and a ticket without a single event.
    for organisation, start, end in (("imgn", None, None), (None, START.date(), None),
                                     ("aimigos", START.date(), START.date()),
                                     (None, START.date() + timedelta(days=1), None)):
        assert await read_register(db, organisation=organisation, received_from=start,
                                   received_to=end, today=today) == await _reference(
            db, today, organisation, start, end)
    async with db.transaction() as tx:
        await tx.connection.execute(t.events.delete().where(
            t.events.c.ticket_id == await _ticket_id(db, refs.imgn)))
    [imgn] = await read_register(db, organisation="imgn", today=today)
    assert imgn == (await _reference(db, today, "imgn"))[0]
    assert imgn.channel == "unknown"


async def _seed(data_dir: Path, orgs: Organisations) -> list[RegisterRow]:
    db = await open_database(f"sqlite+aiosqlite:///{data_dir / 'privacybot.db'}", create=False)
    try:
        clock = Clock(now=START)
        desk = Desk(db, orgs, secret=SECRET, public_url=PUBLIC_URL, clock=clock)
        await month_of_requests(desk, clock)
        return await _reference(db, date.today())
    finally:
        await db.close()


def test_streamed_output_is_the_register_printed_whole(
        data_dir_database: Path, orgs: Organisations, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    rows = asyncio.run(_seed(data_dir_database, orgs))
    monkeypatch.setattr(reads_module, "REGISTER_BATCH", 2)  # five batches for nine rows
    base = ["--data-dir", str(data_dir_database)]
    capsys.readouterr()
    assert run_cli(app, ["report", "register", "--json", *base]) == 0
    assert capsys.readouterr().out == json_text([row.as_json() for row in rows], indent=2) + "\n"
    assert run_cli(app, ["report", "register", "--csv", *base]) == 0
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    writer.writerows(row.as_csv() for row in rows)
    assert capsys.readouterr().out == out.getvalue()
    assert run_cli(app, ["report", "register", "--from", "2030-01-01", "--json", *base]) == 0
    assert capsys.readouterr().out == "[]\n"
    assert run_cli(app, ["report", "register", "--from", "2030-01-01", "--csv", *base]) == 0
    assert capsys.readouterr().out == ",".join(FIELDS) + "\n"
    assert run_cli(app, ["report", "register", *base]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 + len(rows) + 1
    assert lines[-1] == f"{len(rows)} requests"
