"""The worker's retention run in a process of its own (bot/desk/retention_process.py), on
SQLite and PostgreSQL: it does what the same run does in the service's process, reports
back, says why when it fails, and is stopped with the service."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from bot.desk import Desk
from bot.desk.register import read_register
from bot.desk.retention import RetentionReport, retention_loop, run_retention
from bot.desk.retention_process import (
    RetentionJob,
    _child_environment,
    _outcome,
    read_child_outcome,
    run_retention_in_process,
)
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


@pytest.mark.parametrize(("stdout", "said"), [
    (b"", "without a report (exit status -9)"),
    (b"half a line", "without a report (exit status -9)"),
    (b'{"status": "ok", "report": {"dry_run": "perhaps"}}\n', "without a report"),
    (b'{"status": "error", "error": "StorageError: disk full"}\n', "disk full"),
])
def test_a_child_that_ends_without_a_report_is_a_workflow_error_that_says_why(
        stdout: bytes, said: str) -> None:
    with pytest.raises(WorkflowError, match="retention failed") as failure:
        read_child_outcome(stdout, -9)
    assert said in str(failure.value)


def test_what_a_library_prints_in_the_child_does_not_spoil_its_report(
        desk: Desk, database_url: str, tmp_path: Path) -> None:
    # A print at exit, after the report: it goes to stderr, the report stays the last line.
    (tmp_path / "sitecustomize.py").write_text(
        "import atexit\natexit.register(print, 'goodbye from a library')\n")
    env = _child_environment()
    env["PYTHONPATH"] = f"{tmp_path}{os.pathsep}{env['PYTHONPATH']}"
    done = subprocess.run([sys.executable, "-P", "-m", "bot.desk.retention_process"],
                          input=job(database_url, dry_run=True).model_dump_json().encode(),
                          env=env, check=False, capture_output=True, timeout=120)
    assert b"goodbye from a library" in done.stderr
    report = read_child_outcome(done.stdout, done.returncode)
    assert report.dry_run


def test_an_invalid_job_is_reported_without_quoting_it() -> None:
    sent = job("sqlite+aiosqlite:///unused.db", secret=b"very-secret-key").model_dump_json()
    outcome = _outcome(sent.replace('"now"', '"when"').encode())
    assert outcome["status"] == "error"
    assert "now" in outcome["error"]
    assert "dmVyeS1zZWNyZXQta2V5" not in outcome["error"]  # the key, as base64


async def test_a_run_past_its_time_is_stopped_and_the_database_stays_usable(
        desk: Desk, clock: Clock, db: Database, database_url: str) -> None:
    await month_of_requests(desk, clock)
    with pytest.raises(WorkflowError, match="still running after"):
        await run_retention_in_process(job(database_url, timeout_seconds=0.05))
    report = await run_retention_in_process(job(database_url))
    assert report.organisations[0].organisation == "aimigos"


async def test_stopping_the_worker_cancels_a_run_under_way(desk: Desk, db: Database) -> None:
    started, cancelled = asyncio.Event(), asyncio.Event()

    async def endless(now: datetime) -> RetentionReport:
        started.set()
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise
        raise AssertionError("not reached")

    stop = asyncio.Event()
    loop = asyncio.create_task(retention_loop(db, desk.config, stop, every_seconds=3600,
                                              first_after_seconds=0, run=endless))
    await asyncio.wait_for(started.wait(), 10)
    stop.set()
    await asyncio.wait_for(loop, 10)  # returns without waiting out the run
    assert cancelled.is_set()


def test_the_child_is_given_the_current_directory_and_only_paths_it_can_use(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", ["", "/opt/lib", f"/odd{os.pathsep}path", Path("/x")])
    paths = _child_environment()["PYTHONPATH"].split(os.pathsep)
    assert paths == [str(tmp_path), "/opt/lib"]


def test_the_child_does_not_import_the_intake() -> None:
    # What the child imports is its start-up time: the desk, the intake and every language's
    # rules (about 1,000 modules) are not needed to run retention.
    code = ("import sys, bot.desk.retention_process; "
            "print(sorted(m for m in ('bot.desk.desk', 'intents.rules', 'bot.channels') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-P", "-c", code], check=True, capture_output=True,
                          env=_child_environment(), timeout=120, text=True)
    assert done.stdout.strip() == "[]"
