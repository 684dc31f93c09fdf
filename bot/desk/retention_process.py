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
RUN_TIMEOUT_SECONDS = 6 * 3600.0


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
    # A run over 100,000 tickets takes under a minute; one still going after hours is stuck
    # (a lock never released), and would hold the worker's retention loop.
    timeout_seconds: float = RUN_TIMEOUT_SECONDS


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


def _error_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):  # its text would quote the input: the job, key and all
        where = "; ".join(f"{'.'.join(map(str, error['loc']))}: {error['msg']}"
                          for error in exc.errors(include_input=False))
        return f"ValidationError: {where}"
    return f"{type(exc).__name__}: {exc}"


def _outcome(job_json: bytes) -> dict[str, Any]:
    """Run the job read from the parent and say how it went, as the parent reads it."""
    try:
        report = asyncio.run(_run(RetentionJob.model_validate_json(job_json)))
    except Exception as exc:  # reported to the parent, which logs it
        return {"status": "error", "error": _error_text(exc)}
    return {"status": "ok", "report": report.model_dump(mode="json")}


def main() -> None:
    """The child's whole life: the job on stdin, one line of JSON on stdout. Whatever else
    is written to stdout meanwhile (a library's print) goes to stderr, with the logs, so
    that the report is the only line the parent reads."""
    report_to = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    outcome = _outcome(sys.stdin.buffer.read())
    report_to.write(json.dumps(outcome).encode("utf-8") + b"\n")
    report_to.close()


def _child_environment() -> dict[str, str]:
    """The parent's environment, with its import path, so that the child finds the same
    packages (a checkout on PYTHONPATH, a test's rootdir) as multiprocessing's children do.
    The current directory ('') is named, since `-P` keeps the child's own out; an entry that
    is not text, or holds the separator, cannot be passed and is left out."""
    paths = [os.getcwd() if path == "" else path for path in sys.path
             if isinstance(path, str) and os.pathsep not in path]
    return dict(os.environ) | {"PYTHONPATH": os.pathsep.join(paths)}


def read_child_outcome(stdout: bytes, returncode: int | None) -> RetentionReport:
    """The report the child wrote; WorkflowError with its error, or with its exit status if
    it wrote none (killed, out of memory; its stderr is the service's, so the cause is in
    the service's log)."""
    try:
        outcome = json.loads(stdout.decode("utf-8", "replace").strip().splitlines()[-1])
        if outcome["status"] == "ok":
            return RetentionReport.model_validate(outcome["report"])
        error = str(outcome["error"])
    except (ValueError, IndexError, KeyError, TypeError, ValidationError):
        error = f"the retention process ended without a report (exit status {returncode})"
    raise WorkflowError(f"retention failed: {error}")


async def _stop(process: asyncio.subprocess.Process) -> None:
    """Terminate the child and wait for it; killed if it does not go in _STOP_SECONDS, or if
    this wait is itself cancelled."""
    if process.returncode is not None:
        return
    process.terminate()
    try:
        await asyncio.wait_for(process.wait(), _STOP_SECONDS)
    except TimeoutError:
        pass
    finally:
        if process.returncode is None:
            process.kill()


async def run_retention_in_process(job: RetentionJob) -> RetentionReport:
    """Run retention in a child process and return its report; WorkflowError if it failed
    (its error's text included) or ran past `job.timeout_seconds` (then it is stopped, its
    chunk rolls back, and the next run goes on). Cancelling this terminates the child."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-P", "-m", "bot.desk.retention_process",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=None,
        env=_child_environment())
    try:
        async with asyncio.timeout(job.timeout_seconds):
            stdout, _ = await process.communicate(job.model_dump_json().encode())
    except TimeoutError:
        await _stop(process)
        raise WorkflowError(f"retention failed: still running after {job.timeout_seconds:g} s,"
                            " stopped") from None
    except BaseException:
        await _stop(process)
        raise
    return read_child_outcome(stdout, process.returncode)


if __name__ == "__main__":
    main()
