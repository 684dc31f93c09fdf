"""Benchmark the register and retention over many tickets on SQLite.

Fills a fresh SQLite file with N closed tickets received over a year (each with the events
and mail a real one has: opened, verified, answered; a request, our two replies), then times
`report register` (all rows) and the month's summary, then a retention run with "now" moved
four years on (every ticket past every period), while a stream of mail is received through
the desk: the slowest intake during the run says whether retention blocks it.
Prints figures; asserts nothing.

Run: PYTHONPATH=. .venv/bin/python -P bench/accountability.py [--tickets N]
(-P: bench/storage.py must not hide the storage package.)
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.desk import Desk
from bot.desk.register import read_register
from bot.desk.retention import run_retention
from bot.desk.summary import read_summary
from bot.organisations import load_organisations
from intents.models import Classification, InboundMail
from storage import open_database
from storage import tables as t

ROOT = Path(__file__).resolve().parent.parent
START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
RAW = (b"From: Client <client@example.com>\r\nTo: hello@aimigos.studio\r\n"
       b"Subject: My request\r\n\r\n" + b"Please send me a copy of my data. " * 60)


async def fill(url: str, count: int) -> None:
    db = await open_database(url)
    try:
        for first in range(0, count, 2000):
            tickets, events, messages, outbox = [], [], [], []
            for number in range(first, min(count, first + 2000)):
                received = START + timedelta(minutes=5 * number)
                closed = received + timedelta(days=number % 40)
                ticket_id = number + 1
                address = f"client{number}@example.com"
                tickets.append(dict(
                    id=ticket_id, reference=f"AIM-{received.year}-{number + 1:06d}",
                    organisation="aimigos", state="done", intents=["access"],
                    requester_address=address, requester_name="Client", language="en",
                    subject="My request", received_at=received, clock_started_at=received,
                    due_date=(received + timedelta(days=31)).date(), paused_since=None,
                    paused_days=0, extended=False, extension_reason=None,
                    rejection_reason=None, verified_at=received,
                    verification_method="code", verified_by="requester",
                    manual_check_required=False, assigned_to=None, linked_ticket_id=None,
                    created_at=received, updated_at=closed))
                for kind, at, data in (
                        ("ticket_opened", received, {"state_to": "awaiting_identity",
                                                     "requester": address}),
                        ("reply_queued", received, {"reply": "verification_request"}),
                        ("reply_received", received, {"sender": address}),
                        ("identity_verified", received, {
                            "state_to": "in_progress",
                            "due_date": (received + timedelta(days=31)).date().isoformat()}),
                        ("reply_queued", received, {"reply": "acknowledgement"}),
                        ("closed_done", closed, {"state_to": "done", "note": "sent"})):
                    events.append(dict(organisation="aimigos", ticket_id=ticket_id, at=at,
                                       actor="alice", channel="smtp", kind=kind, data=data))
                messages.append(dict(
                    organisation="aimigos", ticket_id=ticket_id, direction="in",
                    message_id=f"<m{number}@example.com>", in_reply_to=None, references=[],
                    from_address=address, to_address="hello@aimigos.studio",
                    subject="My request", received_at=received, language="en",
                    intents=["access"], scores={}, auto_reply=False,
                    excerpt="Please send me a copy", raw=RAW))
                for reply in ("acknowledgement", "done_notice"):
                    outbox.append(dict(
                        organisation="aimigos", ticket_id=ticket_id, kind=reply,
                        to_address=address, message_id=f"<{reply}{number}@aimigos.studio>",
                        raw=RAW, status="sent", attempts=1, next_attempt_at=received,
                        claimed_by=None, claimed_until=None, created_at=received,
                        sent_at=received, last_error=None))
            async with db.transaction() as tx:
                conn = tx.connection
                await conn.execute(t.tickets.insert(), tickets)
                await conn.execute(t.events.insert(), events)
                await conn.execute(t.messages.insert(), messages)
                await conn.execute(t.outbox.insert(), outbox)
    finally:
        await db.close()


async def main(count: int) -> None:
    orgs = load_organisations(ROOT / "bot" / "defaults" / "organisations.toml")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        started = time.perf_counter()
        await fill(url, count)
        print(f"filled {count} tickets ({6 * count} events, {count} mails, {2 * count} outbox "
              f"copies) in {time.perf_counter() - started:.1f} s")
        db = await open_database(url)
        now = START + timedelta(days=4 * 366)
        desk = Desk(db, orgs, secret=b"bench-secret-0123456789abcdef0123", public_url="http://x",
                    clock=lambda: now)
        try:
            started, cpu = time.perf_counter(), time.process_time()
            rows = await read_register(db, today=now.date())
            print(f"register: {len(rows)} rows in {time.perf_counter() - started:.2f} s "
                  f"({time.process_time() - cpu:.2f} s of this process's CPU)")
            started, cpu = time.perf_counter(), time.process_time()
            await read_summary(db, organisation="aimigos", month=date(2025, 6, 1), now=now)
            print(f"summary of one month: {time.perf_counter() - started:.2f} s "
                  f"({time.process_time() - cpu:.2f} s CPU)")
            latencies: list[float] = []
            done = asyncio.Event()

            async def intake() -> None:
                number = 0
                while not done.is_set():
                    number += 1
                    mail = InboundMail(message_id=f"<live{number}@example.org>",
                                       subject="Hello", from_address="live@example.org",
                                       text="Do you sell gift cards?")
                    began = time.perf_counter()
                    await desk.receive_mail("aimigos", RAW, mail, Classification(intents=[]),
                                            envelope_from="live@example.org")
                    latencies.append(time.perf_counter() - began)
                    await asyncio.sleep(0.05)

            stream = asyncio.create_task(intake())
            started, cpu = time.perf_counter(), time.process_time()
            report = await run_retention(db, desk.config, now=now)
            took = time.perf_counter() - started
            print(f"retention CPU (this process, with the intake stream): "
                  f"{time.process_time() - cpu:.1f} s")
            done.set()
            await stream
            counts = report.organisations[0]
            print(f"retention: {took:.1f} s; raw mail {counts.raw_mail}, bodies "
                  f"{counts.message_bodies}, outbox {counts.outbox_copies}, tickets "
                  f"{counts.tickets_pseudonymised}, events {counts.events_scrubbed}")
            if latencies:
                print(f"intake during retention: {len(latencies)} mails, median "
                      f"{statistics.median(latencies) * 1000:.0f} ms, 99th percentile "
                      f"{sorted(latencies)[int(0.99 * (len(latencies) - 1))] * 1000:.0f} ms, "
                      f"slowest {max(latencies) * 1000:.0f} ms")
            started = time.perf_counter()
            rows_after = await read_register(db, today=now.date())
            print(f"register after retention: {len(rows_after)} rows, identical: "
                  f"{rows_after == rows}, {time.perf_counter() - started:.2f} s")
        finally:
            await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    asyncio.run(main(parser.parse_args().tickets))
