"""The worker's retention run in a process of its own (bot/desk/retention_process.py), on
SQLite and PostgreSQL: it does what the same run does in the service's process, reports
back, says why when it fails, and is stopped with the service."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import pytest

from bot.desk import Desk
from bot.desk.register import read_register
from bot.desk.retention import RetentionReport, retention_loop, run_retention
from bot.desk.retention_process import RetentionJob, read_child_outcome, run_retention_in_process
from bot.errors import WorkflowError
from bot.workflow.retention import PSEUDONYM_PREFIX, pseudonym
from storage import Database
from tests.accountability.conftest import month_of_requests
from tests.accountability.test_retention import THREE_YEARS_ON, snapshot
from tests.conftest import DEFAULT_CONFIG
from tests.desk.conftest import SECRET, Clock


def job(database_url: str, **changes: object) -> RetentionJob:
    values: dict[str, object] = {"database_url": database_url,
                                 "organisations_file": DEFAULT_CONFIG, "secret": SECRET,
                                 "now": THREE_YEARS_ON}
    return RetentionJob.model_validate(values | changes)


async def test_the_child_process_does_what_the_run_does_here(
        desk: Desk, clock: Clock, db: Database, database_url: str) -> None:
    refs = await month_of_requests(desk, clock)
    register = await read_register(db, today=THREE_YEARS_ON.date())
    would = await run_retention(db, desk.config, now=THREE_YEARS_ON, dry_run=True)
    before = await snapshot(db)

    report = await run_retention_in_process(job(database_url))

    assert report.organisations == would.organisations  # counted alike, then done
    assert report.organisations[0].tickets_pseudonymised > 0
    after = await snapshot(db)
    late = next(row for row in after["tickets"] if row["reference"] == refs.late)
    address = next(row for row in before["tickets"]
                   if row["reference"] == refs.late)["requester_address"]
    # Masked with the service's key, so a later request from the address still matches.
    assert late["requester_address"] == pseudonym(SECRET, address)
    assert late["requester_address"].startswith(PSEUDONYM_PREFIX)
    assert all(not row["raw"] for row in after["messages"] if row["ticket_id"] == late["id"])
    assert await read_register(db, today=THREE_YEARS_ON.date()) == register
    again = await run_retention(db, desk.config, now=THREE_YEARS_ON, dry_run=True)
    assert again.organisations[0].tickets_pseudonymised == 0


async def test_a_failed_child_is_logged_by_the_worker_loop_and_changes_nothing(
        desk: Desk, clock: Clock, db: Database, database_url: str, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    await month_of_requests(desk, clock)
    before = await snapshot(db)
    ran: list[datetime] = []

    async def in_child(now: datetime) -> RetentionReport:
        ran.append(now)
        return await run_retention_in_process(job(
            database_url, organisations_file=tmp_path / "missing.toml"))

    stop = asyncio.Event()
    loop = asyncio.create_task(retention_loop(db, desk.config, stop, every_seconds=3600,
                                              first_after_seconds=0, run=in_child))
    for _ in range(400):
        if "retention failed" in caplog.text:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(loop, 10)
    assert len(ran) == 1
    assert "organisations file not found" in caplog.text  # logged; the loop went on
    assert await snapshot(db) == before


async def test_cancelling_the_run_stops_the_child_and_leaves_the_database_usable(
        desk: Desk, clock: Clock, db: Database, database_url: str) -> None:
    await month_of_requests(desk, clock)
    running = asyncio.create_task(run_retention_in_process(job(database_url)))
    await asyncio.sleep(0.3)  # the child is starting (or already at work)
    running.cancel()
    with pytest.raises(asyncio.CancelledError):
        await running
    # No lock is left behind: a write goes through, and a later run finishes the work.
    async with db.transaction() as tx:
        await tx.questions.add(user="U1", question="Still there?", answered=False,
                               confidence=0.1, organisation="aimigos", asked_at=THREE_YEARS_ON)
    report = await run_retention_in_process(job(database_url))
    assert report.organisations[0].organisation == "aimigos"
    left = await run_retention(db, desk.config, now=THREE_YEARS_ON, dry_run=True)
    assert left.organisations[0].raw_mail == 0


def test_a_key_that_is_not_text_reaches_the_child_unchanged() -> None:
    key = bytes(range(256))
    sent = job("sqlite+aiosqlite:///unused.db", secret=key).model_dump_json()
    assert RetentionJob.model_validate_json(sent).secret == key


@pytest.mark.parametrize(("stdout", "stderr", "said"), [
    (b"", b"Killed\n", "without a report (exit status -9): Killed"),
    (b"half a line", b"", "without a report (exit status -9)"),
    (b'{"status": "ok", "report": {"dry_run": "perhaps"}}\n', b"", "without a report"),
    (b'{"status": "error", "error": "StorageError: disk full"}\n', b"", "disk full"),
])
def test_a_child_that_ends_without_a_report_is_a_workflow_error_that_says_why(
        stdout: bytes, stderr: bytes, said: str) -> None:
    with pytest.raises(WorkflowError, match="retention failed") as failure:
        read_child_outcome(stdout, stderr, -9)
    assert said in str(failure.value)
