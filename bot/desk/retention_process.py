"""The worker's daily retention run in a process of its own.

A run over a large store rewrites hundreds of thousands of rows. In the service's process it
shares the event loop and the GIL with the SMTP intake: building its statements takes the
loop a few milliseconds at a time, and each SMTP session waits for those turns (measured on
100,000 tickets: the intake's median answer went from 12 to 40 ms, the 99th percentile from
33 to 218 ms). In a child process it shares only the database, whose writer lock it takes
one chunk of tickets at a time (bench/retention_intake.py; docs/evaluation.md).

The child is started with `spawn` (a fresh interpreter: nothing of the parent's event loop,
threads or open connections is inherited), opens its own connection to the same database,
runs `run_retention` and sends back the report, or the error as text. If the parent stops
meanwhile, the child is terminated: its open transaction rolls back, and the next run redoes
the chunk (the data is only kept a day longer).

    report = await run_retention_in_process(RetentionJob(
        database_url=url, organisations_file=path, secret=key, now=now))
"""

from __future__ import annotations

import asyncio
import multiprocessing
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.desk.core import DeskConfig
from bot.desk.retention import CHUNK, RetentionReport, run_retention
from bot.errors import WorkflowError
from bot.organisations import load_organisations
from storage import open_database

# How long a terminated child may take to go before the parent stops waiting for it.
_JOIN_SECONDS = 10.0


class RetentionJob(BaseModel):
    """What the child needs to run retention as the service would: all of it picklable."""

    model_config = ConfigDict(frozen=True)

    database_url: str
    organisations_file: Path
    secret: bytes
    now: datetime
    dry_run: bool = False
    chunk: int = CHUNK


async def _run(job: RetentionJob) -> RetentionReport:
    orgs = load_organisations(job.organisations_file)
    db = await open_database(job.database_url, upgrade=False, create=False, batch=True)
    try:
        config = DeskConfig(orgs=orgs, secret=job.secret, public_url="",
                            complaint_routes={}, clock=lambda: job.now)
        return await run_retention(db, config, now=job.now, dry_run=job.dry_run,
                                   chunk=job.chunk)
    finally:
        await db.close()


def _child(job: dict[str, Any], results: Connection) -> None:
    """The child process's whole life: run, send ("ok", report) or ("error", text)."""
    try:
        report = asyncio.run(_run(RetentionJob.model_validate(job)))
        results.send(("ok", report.model_dump(mode="json")))
    except BaseException as exc:  # reported to the parent, which logs it
        results.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        results.close()


def _receive(results: Connection) -> tuple[str, Any]:
    try:
        outcome: tuple[str, Any] = results.recv()
        return outcome
    except EOFError:  # the child died without a word (killed, out of memory)
        return ("error", "the retention process ended without a report")


async def run_retention_in_process(job: RetentionJob) -> RetentionReport:
    """Run retention in a child process and return its report; WorkflowError if it failed
    (its error's text included). Cancelling this terminates the child."""
    context = multiprocessing.get_context("spawn")
    results, child_end = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(job.model_dump(), child_end),
                              name="privacybot-retention", daemon=True)
    process.start()
    child_end.close()  # the parent's copy: EOF reaches us when the child's goes
    try:
        status, value = await asyncio.to_thread(_receive, results)
    except BaseException:
        # Terminated, the child's end closes and the thread still reading gets EOF.
        process.terminate()
        await asyncio.to_thread(process.join, _JOIN_SECONDS)
        raise
    results.close()
    await asyncio.to_thread(process.join, _JOIN_SECONDS)
    if status != "ok":
        raise WorkflowError(f"retention failed: {value}")
    return RetentionReport.model_validate(value)
