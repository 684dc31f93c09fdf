"""Where a retention run's writes go on SQLite: pages a chunk dirties, by table and index.

Fills a SQLite file with N closed tickets (bench/accountability.py's `fill`; kept in
--cache to be reused), copies it, migrates the copy to this code's schema, and runs
retention on it as the worker's child does (a `batch` database, chunks of --chunk tickets).
After each write transaction, before its checkpoint, the WAL's frames are read: each names
the database page it holds, and SQLite's dbstat table says which table or index owns it.
Prints the pages written by owner (per ticket), and the run's time with the time spent in
write transactions (checkpoints included) and in checkpoints. No intake runs beside it.

Run: PYTHONPATH=. .venv/bin/python -P bench/retention_pages.py [--tickets N] [--chunk N]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import functools
import shutil
import sqlite3
import struct
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from bench.accountability import START, fill
from bot.desk import retention
from bot.desk.core import DeskConfig
from bot.desk.retention import run_retention
from bot.organisations import load_organisations
from storage import open_database, sqlite_inline

ROOT = Path(__file__).resolve().parent.parent
SECRET = b"bench-secret-0123456789abcdef0123"


class WalReader:
    """Counts the pages of the WAL's current frames (those whose salts match its header)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pages: collections.Counter[int] = collections.Counter()
        self.frames = 0
        self.checkpoints = 0
        self.checkpoint_seconds = 0.0

    def read(self) -> None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        if len(data) < 32:
            return
        page_size = struct.unpack(">I", data[8:12])[0]
        salts = data[16:24]
        offset = 32
        while offset + 24 + page_size <= len(data):
            header = data[offset:offset + 24]
            if header[8:16] != salts:
                break
            self.pages[struct.unpack(">I", header[:4])[0]] += 1
            self.frames += 1
            offset += 24 + page_size


async def main(count: int, chunk: int, cache: Path, sql: str) -> None:
    source = cache / f"retention-{count}.db"
    if not await asyncio.to_thread(source.exists):
        await asyncio.to_thread(functools.partial(cache.mkdir, parents=True, exist_ok=True))
        started = time.perf_counter()
        await fill(f"sqlite+aiosqlite:///{source}", count)
        with sqlite3.connect(source) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"filled {count} tickets in {time.perf_counter() - started:.0f} s")
    with tempfile.TemporaryDirectory(prefix="pb-pages-") as folder:
        path = Path(folder) / "privacybot.db"
        shutil.copy(source, path)
        if sql:  # a schema change to weigh before making it a migration
            with sqlite3.connect(path) as conn:
                conn.executescript(sql)
        wal = WalReader(Path(f"{path}-wal"))
        original = sqlite_inline.InlineConnection.checkpoint

        async def checkpoint(self: sqlite_inline.InlineConnection) -> None:
            await asyncio.to_thread(wal.read)
            began = time.perf_counter()
            await original(self)
            wal.checkpoints += 1
            wal.checkpoint_seconds += time.perf_counter() - began

        sqlite_inline.InlineConnection.checkpoint = checkpoint  # type: ignore[method-assign]
        # The cached fill may be at an older schema: the copy is migrated to this code's head.
        await (await open_database(f"sqlite+aiosqlite:///{path}", create=False)).close()
        db = await open_database(f"sqlite+aiosqlite:///{path}", upgrade=False, create=False,
                                 batch=True)
        orgs = load_organisations(ROOT / "bot" / "defaults" / "organisations.toml")
        now = START + timedelta(days=4 * 366)
        config = DeskConfig(orgs=orgs, secret=SECRET, public_url="", complaint_routes={},
                            clock=lambda: now)
        held = 0.0
        transaction = db.transaction

        def timed(*args: Any, **kwargs: Any) -> Any:
            context = transaction(*args, **kwargs)

            class Timed:
                async def __aenter__(self) -> Any:
                    self.began = time.perf_counter()
                    return await context.__aenter__()

                async def __aexit__(self, *exc: Any) -> Any:
                    nonlocal held
                    try:
                        return await context.__aexit__(*exc)
                    finally:
                        if not kwargs.get("readonly"):
                            held += time.perf_counter() - self.began

            return Timed()

        db.transaction = timed  # type: ignore[method-assign]
        started, cpu = time.perf_counter(), time.process_time()
        try:
            report = await run_retention(db, config, now=now, chunk=chunk)
        finally:
            took, used = time.perf_counter() - started, time.process_time() - cpu
            await db.close()
        counts = report.organisations[0]
        print(f"retention over {count} tickets, chunks of {chunk}: {took:.1f} s wall, "
              f"{used:.1f} s CPU; in write transactions (checkpoint included) {held:.1f} s, "
              f"of which checkpoints {wal.checkpoint_seconds:.1f} s ({wal.checkpoints})")
        print(f"  tickets {counts.tickets_pseudonymised}, raw mail {counts.raw_mail}, "
              f"outbox {counts.outbox_copies}, events {counts.events_scrubbed}")
        with sqlite3.connect(path) as conn:
            owner = dict(conn.execute("SELECT pageno, name FROM dbstat"))
        by_owner: collections.Counter[str] = collections.Counter()
        for page, times in wal.pages.items():
            by_owner[owner.get(page, "(freed or new)")] += times
        print(f"pages written to the WAL: {wal.frames} ({wal.frames * 4096 / 1e9:.2f} GB), "
              f"{wal.frames / count:.2f} a ticket; by owner (pages a ticket):")
        for name, frames in by_owner.most_common():
            print(f"  {name:40s} {frames:9d}  {frames / count:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=retention.CHUNK)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "pb-bench")
    parser.add_argument("--sql", default="", help="run on the copy before retention")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.tickets, arguments.chunk, arguments.cache, arguments.sql))
