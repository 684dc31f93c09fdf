"""The worker's daily retention run in a process of its own.

A run over a large store rewrites hundreds of thousands of rows. In the service's process it
shares the event loop and the GIL with the SMTP intake: building its statements takes the
loop a few milliseconds at a time, and each SMTP session waits for those turns (measured on
100,000 tickets: the intake's median answer went from 12 to 40 ms, the 99th percentile from
33 to 218 ms). In a child process it shares only the database, whose writer lock it takes
one chunk of tickets at a time (bench/retention_intake.py; docs/evaluation.md).

The child is `python -m bot.desk.retention_process`, started with asyncio's subprocess
support: a fresh interpreter (nothing of the parent's event loop, threads or open connections
is inherited) that imports only what a run needs, about 700 modules in 0.8 s. Through
multiprocessing's `spawn` it imported the service's main module again, and with it the intake
and every language's rules: 2-2.5 s of CPU before the first chunk. It reads the job as JSON
on its stdin, opens its own connection to the same database, runs `run_retention` and writes
the report, or the error as text, as one line of JSON on its stdout. If the parent stops
meanwhile, the child is terminated: its open transaction rolls back, and the next run redoes
the chunk (the data is only kept a day longer).

    report = await run_retention_in_process(RetentionJob(
        database_url=url, organisations_file=path, secret=key, now=now))
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.desk.core import DeskConfig
from bot.desk.retention import CHUNK, RetentionReport, run_retention
from bot.errors import WorkflowError
from bot.organisations import load_organisations
from storage import open_database

# How long a terminated child may take to go before the parent kills it.
_STOP_SECONDS = 10.0
# What of the child's stderr an error message quotes, at most.
_STDERR_TAIL = 2_000


class RetentionJob(BaseModel):
    """What the child needs to run retention as the service would, sent to it as JSON (the
    key as base64: it need not be text)."""

    model_config = ConfigDict(frozen=True, ser_json_bytes="base64", val_json_bytes="base64")

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


def _outcome(job_json: bytes) -> dict[str, Any]:
    """Run the job read from the parent and say how it went, as the parent reads it."""
    try:
        report = asyncio.run(_run(RetentionJob.model_validate_json(job_json)))
    except Exception as exc:  # reported to the parent, which logs it
        return {"status": "error", "error": f"{type(exc).__name__}: {exc}"}
    return {"status": "ok", "report": report.model_dump(mode="json")}


def main() -> None:
    """The child's whole life: the job on stdin, one line of JSON on stdout."""
    outcome = _outcome(sys.stdin.buffer.read())
    sys.stdout.write(json.dumps(outcome) + "\n")
    sys.stdout.flush()


def _child_environment() -> dict[str, str]:
    """The parent's environment, with its import path, so that the child finds the same
    packages (a checkout on PYTHONPATH, a test's rootdir) as multiprocessing's children do."""
    paths = [path for path in sys.path if path]
    return dict(os.environ) | {"PYTHONPATH": os.pathsep.join(paths)}


def read_child_outcome(stdout: bytes, stderr: bytes, returncode: int | None) -> RetentionReport:
    try:
        outcome = json.loads(stdout.decode("utf-8", "replace").strip().splitlines()[-1])
        if outcome["status"] == "ok":
            return RetentionReport.model_validate(outcome["report"])
        error = str(outcome["error"])
    except (ValueError, IndexError, KeyError, TypeError, ValidationError):
        tail = stderr.decode("utf-8", "replace")[-_STDERR_TAIL:].strip()
        error = (f"the retention process ended without a report (exit status {returncode})"
                 + (f": {tail}" if tail else ""))
    raise WorkflowError(f"retention failed: {error}")


async def run_retention_in_process(job: RetentionJob) -> RetentionReport:
    """Run retention in a child process and return its report; WorkflowError if it failed
    (its error's text included). Cancelling this terminates the child."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-P", "-m", "bot.desk.retention_process",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE, env=_child_environment())
    try:
        stdout, stderr = await process.communicate(job.model_dump_json().encode())
    except BaseException:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), _STOP_SECONDS)
            except TimeoutError:
                process.kill()
                await process.wait()
        raise
    return read_child_outcome(stdout, stderr, process.returncode)


if __name__ == "__main__":
    main()
