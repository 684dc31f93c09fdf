"""The inline SQLite driver: statements on the loop, waits (BEGIN, COMMIT) off it.

What must hold: a writer queued behind another process's lock never freezes the event loop;
statements inside a transaction run on the loop's own thread (no hop per statement); commits
and rollbacks keep their meaning; a closed connection stays closed.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from storage import open_database
from storage.errors import UnavailableError
from storage.sqlite_file import create_empty
from storage.sqlite_inline import BIG_VALUE, InlineConnection, connect


async def _fresh(path: Path) -> InlineConnection:
    create_empty(str(path))  # the driver opens existing files only, never makes one
    return await connect(str(path), busy_timeout=1.0)


async def test_statements_run_on_the_loop_thread_and_commit_off_it(tmp_path: Path) -> None:
    conn = await _fresh(tmp_path / "t.db")
    threads: list[int] = []
    conn.conn.create_function("thread_of_call", 0,
                              lambda: threads.append(threading.get_ident()) or 1)
    try:
        cursor = await conn.cursor()
        await cursor.execute("BEGIN IMMEDIATE")
        await cursor.execute("CREATE TABLE t (x)")
        await cursor.execute("INSERT INTO t VALUES (thread_of_call())")
        await conn.commit()
        assert threads == [threading.get_ident()]
        await cursor.execute("SELECT x FROM t")
        assert await cursor.fetchall() == [(1,)]
    finally:
        await conn.close()
        await conn.close()  # closing twice is harmless


async def test_a_writer_waiting_for_the_lock_does_not_freeze_the_loop(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    db = await open_database(f"sqlite+aiosqlite:///{path}", busy_timeout=0.6)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    task = asyncio.create_task(ticker())
    try:
        started = time.monotonic()
        with pytest.raises(UnavailableError, match="locked"):
            async with db.transaction() as tx:
                await tx.connection.execute(text("SELECT 1"))
        waited = time.monotonic() - started
        # The loop kept turning while BEGIN waited out the busy timeout on its thread.
        assert waited >= 0.5
        assert ticks >= 10
    finally:
        task.cancel()
        holder.execute("ROLLBACK")
        holder.close()
        await db.close()


async def test_rollback_and_commit_keep_their_meaning(tmp_path: Path) -> None:
    db = await open_database(f"sqlite+aiosqlite:///{tmp_path / 'r.db'}")
    try:
        async with db.transaction() as tx:
            await tx.connection.execute(text("CREATE TABLE t (x INTEGER)"))

        async def insert_then_fail() -> None:
            async with db.transaction() as tx:
                await tx.connection.execute(text("INSERT INTO t VALUES (1)"))
                raise RuntimeError("the caller failed")

        with pytest.raises(RuntimeError):
            await insert_then_fail()
        async with db.transaction() as tx:
            await tx.connection.execute(text("INSERT INTO t VALUES (2)"))
        async with db.transaction(readonly=True) as tx:
            rows = (await tx.connection.execute(text("SELECT x FROM t"))).all()
        assert [tuple(row) for row in rows] == [(2,)]
    finally:
        await db.close()
    # What was committed is on disk for any other reader.
    with sqlite3.connect(tmp_path / "r.db") as other:
        assert other.execute("SELECT x FROM t").fetchall() == [(2,)]


async def test_a_bad_statement_is_an_error_and_the_connection_goes_on(tmp_path: Path) -> None:
    conn = await _fresh(tmp_path / "e.db")
    try:
        cursor = await conn.cursor()
        with pytest.raises(sqlite3.OperationalError):
            await cursor.execute("SELECT * FROM missing_table")
        await cursor.execute("SELECT 41 + 1")
        assert await cursor.fetchone() == (42,)
    finally:
        await conn.close()
    with pytest.raises(sqlite3.ProgrammingError):
        conn.conn.execute("SELECT 1")  # closed means closed


async def test_a_forced_close_is_queued_behind_work_in_hand(tmp_path: Path) -> None:
    conn = await _fresh(tmp_path / "s.db")
    release = threading.Event()
    in_hand = conn._thread.submit(release.wait, 10)  # a BEGIN or COMMIT still running there
    conn.stop()  # SQLAlchemy's terminate
    conn.stop()  # a second one is harmless
    # Not closed under the work in hand: the connection still answers.
    assert conn.conn.execute("SELECT 1").fetchone() == (1,)
    release.set()
    in_hand.result(timeout=10)
    conn._thread.shutdown(wait=True)
    with pytest.raises(sqlite3.ProgrammingError):
        conn.conn.execute("SELECT 1")


async def test_big_values_and_the_first_read_after_a_deferred_begin_run_off_the_loop(
        tmp_path: Path) -> None:
    conn = await _fresh(tmp_path / "b.db")
    threads: list[int] = []
    conn.conn.create_function("thread_of_call", 0,
                              lambda: threads.append(threading.get_ident()) or 1)
    loop_thread = threading.get_ident()
    try:
        cursor = await conn.cursor()
        await cursor.execute("BEGIN IMMEDIATE")
        await cursor.execute("CREATE TABLE t (x, raw BLOB)")
        await cursor.execute("INSERT INTO t VALUES (thread_of_call(), ?)", (b"m" * 100,))
        await cursor.execute("INSERT INTO t VALUES (thread_of_call(), ?)",
                             (b"m" * (BIG_VALUE + 1),))
        await cursor.executemany("INSERT INTO t VALUES (thread_of_call(), ?)",
                                 [(b"m" * (BIG_VALUE // 2 + 1),)] * 2)
        await conn.commit()
        assert threads[0] == loop_thread  # a small value: inline
        assert all(thread != loop_thread for thread in threads[1:4])  # big ones: the thread
        threads.clear()
        await cursor.execute("BEGIN")  # deferred: the next statement takes the read lock
        await cursor.execute("SELECT thread_of_call()")
        await cursor.execute("SELECT thread_of_call()")
        await conn.commit()
        assert threads[0] != loop_thread
        assert threads[1] == loop_thread  # the snapshot is held: later reads are inline
    finally:
        await conn.close()


async def test_a_writer_cancelled_while_begin_waits_gives_its_connection_back(
        tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    db = await open_database(f"sqlite+aiosqlite:///{path}", busy_timeout=0.5)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")

    async def write() -> None:
        async with db.transaction() as tx:
            await tx.connection.execute(text("SELECT 1"))

    try:
        task = asyncio.create_task(write())
        await asyncio.sleep(0.1)  # BEGIN is waiting for the lock on the connection's thread
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        holder.execute("ROLLBACK")
        pool = db.engine.sync_engine.pool
        assert pool.checkedout() == 0  # type: ignore[attr-defined]
        async with db.transaction() as tx:  # and the next writer goes through
            await tx.connection.execute(text("SELECT 1"))
    finally:
        holder.close()
        await db.close()


async def test_the_driver_never_creates_a_file(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        await connect(str(tmp_path / "missing.db"), busy_timeout=1.0)
    assert not await asyncio.to_thread(lambda: list(tmp_path.iterdir()))


async def test_a_background_transaction_runs_off_the_loop_and_leaves_the_connection_as_it_was(
        tmp_path: Path) -> None:
    db = await open_database(f"sqlite+aiosqlite:///{tmp_path / 'bg.db'}", upgrade=False)
    threads: list[int] = []

    def thread_of_call() -> int:
        threads.append(threading.get_ident())
        return 1

    async def one(background: bool, fail: bool = False) -> tuple[int, int]:
        async with db.transaction(background=background) as tx:
            raw = await tx.connection.get_raw_connection()
            driver = raw.driver_connection
            assert isinstance(driver, InlineConnection)
            driver.conn.create_function("thread_of_call", 0, thread_of_call)
            await tx.connection.execute(text("CREATE TABLE IF NOT EXISTS t (x)"))
            await tx.connection.execute(text("INSERT INTO t VALUES (thread_of_call())"))
            sync = (await tx.connection.execute(text("PRAGMA synchronous"))).scalar_one()
            if fail:
                raise RuntimeError("the job's own error")
        async with db.transaction() as tx:
            after = (await tx.connection.execute(text("PRAGMA synchronous"))).scalar_one()
        return int(sync), int(after)

    try:
        # 1 is NORMAL (not synced at each commit), 2 FULL: back to FULL once it ended.
        assert await one(background=True) == (1, 2)
        assert threads[-1] != threading.get_ident()
        assert await one(background=False) == (2, 2)
        assert threads[-1] == threading.get_ident()
        with pytest.raises(RuntimeError, match="own error"):
            await one(background=True, fail=True)
        async with db.transaction() as tx:
            assert (await tx.connection.execute(text("PRAGMA synchronous"))).scalar_one() == 2
            assert (await tx.connection.execute(text("SELECT count(*) FROM t"))).scalar_one() == 2
    finally:
        await db.close()


async def test_a_writer_gets_in_as_soon_as_another_process_lets_go_of_the_lock(
        tmp_path: Path) -> None:
    path = tmp_path / "poll.db"
    db = await open_database(f"sqlite+aiosqlite:///{path}", upgrade=False)
    async with db.transaction() as tx:
        await tx.connection.execute(text("CREATE TABLE t (who TEXT)"))
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process (the worker's retention) writes
    holder.execute("INSERT INTO t VALUES ('other process')")
    release = threading.Timer(0.2, lambda: holder.execute("COMMIT"))
    try:
        release.start()
        async with db.transaction() as tx:  # waits, trying again, then goes in
            await tx.connection.execute(text("INSERT INTO t VALUES ('service')"))
        async with db.transaction(readonly=True) as tx:
            rows = (await tx.connection.execute(text("SELECT who FROM t ORDER BY rowid"))).all()
        assert [row[0] for row in rows] == ["other process", "service"]
        # The busy timeout is put back once the lock is taken.
        async with db.transaction() as tx:
            timeout = (await tx.connection.execute(text("PRAGMA busy_timeout"))).scalar_one()
        assert timeout == 5000
    finally:
        release.join()
        holder.close()
        await db.close()


async def test_a_background_transaction_checkpoints_after_its_turn(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    db = await open_database(f"sqlite+aiosqlite:///{path}", upgrade=False)
    try:
        async with db.transaction() as tx:
            await tx.connection.execute(text("CREATE TABLE t (x BLOB)"))
        async with db.transaction(background=True) as tx:
            automatic = (await tx.connection.execute(
                text("PRAGMA wal_autocheckpoint"))).scalar_one()
            for _ in range(50):  # about 200 pages: below SQLite's threshold of 1,000
                await tx.connection.execute(text("INSERT INTO t VALUES (zeroblob(16000))"))
        assert automatic == 0  # the commit itself copies nothing back
        # The rows are in the database file itself, not only in its WAL: copied back after
        # the transaction's turn (before it, the file held the empty table alone).
        assert path.stat().st_size >= 50 * 16000
        async with db.transaction() as tx:
            automatic = (await tx.connection.execute(
                text("PRAGMA wal_autocheckpoint"))).scalar_one()
        assert automatic == 1000  # other transactions keep SQLite's default
    finally:
        await db.close()
