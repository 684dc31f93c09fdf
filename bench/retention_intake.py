"""SMTP answer latency while retention runs over many tickets, against none running.

Fills a SQLite data dir with N closed tickets (bench/accountability.py's `fill`: a stored
mail, six events and two delivered copies each), starts privacybot's SMTP intake (the real
Runtime's smtp part, so parse, classify, store, ticket and reply) in this process, and sends
a small request every 50 ms from a client thread with smtplib, timing each mail's whole
SMTP transaction (connect, EHLO, MAIL, RCPT, DATA, QUIT). First for --baseline seconds with
nothing else running; then while a retention run with "now" four years on goes through every
ticket of the same database, as the worker runs it: in a process of its own
(bot/desk/retention_process.py). `--in-process` runs it on the intake's own event loop
instead, as the service did before, for comparison.

Prints the p50, p99 and slowest answer of both phases, and the run's wall and CPU time and
counts; asserts nothing.

Run: PYTHONPATH=. .venv/bin/python -P bench/retention_intake.py [--tickets N]
(-P: bench/storage.py must not hide the storage package.)
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import smtplib
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

from pydantic import SecretStr

from bench.accountability import START, fill
from bench.intake import TO, mail
from bot.desk import retention
from bot.desk.retention import run_retention
from bot.desk.retention_process import RetentionJob, run_retention_in_process
from bot.runtime import Runtime, build_services
from bot.settings import Settings

INTERVAL = 0.05


class Client(threading.Thread):
    """Sends mail after mail, one SMTP session each, until stopped; times each one."""

    def __init__(self, port: int) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.stop = threading.Event()
        self.phase = "baseline"
        self.times: dict[str, list[float]] = {"baseline": [], "retention": []}
        self.failures = 0
        self.number = 0

    def run(self) -> None:
        while not self.stop.is_set():
            self.number += 1
            raw, phase = mail(self.number), self.phase
            began = time.perf_counter()
            try:
                with smtplib.SMTP("127.0.0.1", self.port, timeout=120) as client:
                    client.ehlo("bench.example.org")
                    client.sendmail(f"client{self.number}@example.org", [TO], raw)
                self.times[phase].append(time.perf_counter() - began)
            except (OSError, smtplib.SMTPException):
                self.failures += 1
            time.sleep(INTERVAL)


def _children_cpu() -> float:
    """CPU seconds of this process's children that have ended (the retention process)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def figures(times: list[float]) -> str:
    if not times:
        return "no mail answered"
    ordered = sorted(times)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000

    return (f"{len(ordered)} mails, p50 {at(0.5):.0f} ms, p99 {at(0.99):.0f} ms, "
            f"slowest {ordered[-1] * 1000:.0f} ms")


async def main(count: int, baseline: float, in_process: bool, chunk: int) -> None:
    with tempfile.TemporaryDirectory(prefix="pb-bench-retention-") as folder:
        data_dir = Path(folder)
        started = time.perf_counter()
        await fill(f"sqlite+aiosqlite:///{data_dir / 'privacybot.db'}", count)
        print(f"retention chunk: {chunk} tickets a transaction")
        print(f"filled {count} tickets in {time.perf_counter() - started:.0f} s")
        settings = Settings().with_overrides(
            data_dir=data_dir, smtp_host="127.0.0.1", smtp_port=0, public_url="http://x",
            secret_key=SecretStr("bench-secret-0123456789abcdef0123"))
        services = await build_services(settings, slack=False)
        runtime = Runtime(services, parts={"smtp"})
        await runtime.start()
        assert runtime.smtp is not None
        client = Client(runtime.smtp.address[1])
        try:
            client.start()
            await asyncio.sleep(baseline)
            client.phase = "retention"
            now = START + timedelta(days=4 * 366)
            started, cpu = time.perf_counter(), time.process_time()
            children = _children_cpu()
            if in_process:
                report = await run_retention(services.db, services.desk.config, now=now,
                                             chunk=chunk)
            else:
                report = await run_retention_in_process(RetentionJob(
                    database_url=settings.effective_database_url,
                    organisations_file=settings.config_path,
                    secret=services.desk.config.secret, now=now, chunk=chunk))
            took, used = time.perf_counter() - started, time.process_time() - cpu
            child = _children_cpu() - children
            client.stop.set()
            await asyncio.to_thread(client.join)
        finally:
            client.stop.set()
            await runtime.stop()
            await services.close()
        counts = report.organisations[0]
        where = "in the intake's process" if in_process else "in a process of its own"
        print(f"retention ({where}): {took:.1f} s wall, {used:.1f} s CPU of this process "
              f"(intake included); raw mail {counts.raw_mail}, bodies "
              f"{counts.message_bodies}, outbox {counts.outbox_copies}, tickets "
              f"{counts.tickets_pseudonymised}, events {counts.events_scrubbed}")
        if not in_process:  # on a busy machine a steadier figure than the wall time
            print(f"retention process's own CPU: {child:.1f} s")
        print(f"SMTP answer, nothing else running: {figures(client.times['baseline'])}")
        print(f"SMTP answer, retention running:    {figures(client.times['retention'])}")
        print(f"failed SMTP sessions: {client.failures}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--baseline", type=float, default=20.0,
                        help="seconds of intake alone before retention starts")
    parser.add_argument("--chunk", type=int, default=retention.CHUNK,
                        help="tickets a retention transaction (to weigh the trade-off)")
    parser.add_argument("--in-process", action="store_true",
                        help="run retention on the intake's event loop, not in a child")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.tickets, arguments.baseline, arguments.in_process,
                     arguments.chunk))
