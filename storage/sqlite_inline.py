"""A SQLite driver for SQLAlchemy's aiosqlite dialect that runs statements on the event loop.

aiosqlite runs every call on its own thread and hands the result back through the event
loop: a cursor, an execute, a fetch and a close are four round trips between threads for one
statement. The intake writes a batch of mails in about a dozen statements, and those round
trips (two thread wake-ups each, plus the GIL changing hands) cost more CPU than the SQL.

This driver keeps aiosqlite's surface, which SQLAlchemy's dialect talks to, but executes
statements inline: statements inside a transaction take microseconds, because the
transaction already holds SQLite's write lock (BEGIN IMMEDIATE) or its WAL read snapshot.
What can wait goes to a thread, one at a time per connection: opening, BEGIN (it may queue
behind another process's writer for the busy timeout), the first statement after a deferred
BEGIN (it takes the read lock), statements carrying a value over 64 KB (a raw mail: SQLite
spills pages to the WAL), COMMIT (it fsyncs the WAL), ROLLBACK, PRAGMA, DDL and closing.
Not covered: a SELECT that returns a large value reads it inline (a 25 MB raw mail, tens of
milliseconds; only the team's tools read raw mail back).

Used through `create_async_engine(..., async_creator=...)` (storage/database.py).
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from storage import sqlite_file

# Statements that may block on a lock or on the disk, so they run off the loop (RELEASE of
# the outermost savepoint commits; DDL only runs in migrations, before anything listens).
_SLOW_PREFIXES = ("BEGIN", "COMMIT", "END", "ROLLBACK", "PRAGMA", "VACUUM", "SAVEPOINT",
                  "RELEASE", "ANALYZE", "REINDEX", "CREATE", "ALTER", "DROP")
# Values this large (a raw mail of up to 25 MB) make SQLite spill pages to the WAL with
# write() calls: tens of milliseconds, so such statements go to the thread as well.
BIG_VALUE = 64 * 1024
# SQLite's own default: a commit that takes the WAL past 1,000 pages checkpoints it.
DEFAULT_AUTOCHECKPOINT = 1000
# How often a writer tries again for the lock another process holds.
_POLL_SECONDS = 0.001


def _is_slow(sql: str) -> bool:
    return sql.lstrip()[:10].upper().startswith(_SLOW_PREFIXES)


def _opens_deferred(sql: str) -> bool:
    """A BEGIN that takes no lock yet: the first statement after it takes the read lock,
    which can wait (another process recovering the WAL, an exclusive lock)."""
    words = sql.upper().split()
    return bool(words) and words[0] == "BEGIN" and not (
        len(words) > 1 and words[1] in ("IMMEDIATE", "EXCLUSIVE"))


def _takes_write_lock(sql: str) -> bool:
    words = sql.upper().split()
    return len(words) > 1 and words[0] == "BEGIN" and words[1] in ("IMMEDIATE", "EXCLUSIVE")


def _size(parameters: Iterable[Any]) -> int:
    return sum(len(value) for value in parameters
               if isinstance(value, (bytes, bytearray, memoryview, str)))


class InlineCursor:
    """aiosqlite's Cursor surface over a sqlite3 cursor."""

    def __init__(self, owner: InlineConnection, cursor: sqlite3.Cursor) -> None:
        self._owner = owner
        self._cursor = cursor

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *_: object) -> None:
        self._cursor.close()

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        args = () if parameters is None else parameters
        owner = self._owner
        if (owner.background or _is_slow(sql) or owner.read_lock_pending
                or _size(args) > BIG_VALUE):
            owner.read_lock_pending = _opens_deferred(sql)
            if _takes_write_lock(sql):
                await owner.off_loop(owner.begin_writing, self._cursor, sql)
            else:
                await owner.off_loop(self._cursor.execute, sql, args)
        else:
            self._cursor.execute(sql, args)
        return self

    async def executemany(self, sql: str,
                          seq_of_parameters: Iterable[Sequence[Any]]) -> InlineCursor:
        rows = list(seq_of_parameters)
        owner = self._owner
        if owner.background or owner.read_lock_pending or sum(map(_size, rows)) > BIG_VALUE:
            owner.read_lock_pending = False
            await owner.off_loop(self._cursor.executemany, sql, rows)
        else:
            self._cursor.executemany(sql, rows)
        return self

    async def fetchall(self) -> list[Any]:
        if self._owner.background:
            return list(await self._owner.off_loop(self._cursor.fetchall))
        return self._cursor.fetchall()

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(self._cursor.arraysize if size is None else size)

    async def close(self) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class _CursorFactory:
    """What `connection.cursor()` returns in aiosqlite: awaitable, and an async context."""

    def __init__(self, owner: InlineConnection) -> None:
        self._owner = owner

    def __await__(self) -> Any:
        return self.__aenter__().__await__()

    async def __aenter__(self) -> InlineCursor:
        return InlineCursor(self._owner, self._owner.conn.cursor())

    async def __aexit__(self, *_: object) -> None:
        return None


class _InlineQueue:
    """SQLAlchemy sets isolation_level by putting (future, function) on aiosqlite's queue."""

    def __init__(self, owner: InlineConnection) -> None:
        self._owner = owner

    def put_nowait(self, item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            result = function()
        except Exception as exc:
            future.set_exception(exc)
        else:
            future.set_result(result)


class InlineConnection:
    """aiosqlite's Connection surface; see the module docstring for what runs where."""

    def __init__(self, conn: sqlite3.Connection, busy_timeout: float = 5.0) -> None:
        self.conn = conn
        self.busy_timeout = busy_timeout
        # Names SQLAlchemy's aiosqlite adapter reads: `_connection` (is it open), `_conn`
        # (the sqlite3 connection) and `_tx` (its request queue).
        self._connection: sqlite3.Connection | None = conn
        self._conn = conn
        self._tx = _InlineQueue(self)
        # Set by a deferred BEGIN: the next statement takes the read lock, on the thread.
        self.read_lock_pending = False
        # Set for a background job's transaction (`start_background`): every statement and
        # fetch runs on the thread, so a long batch of writes leaves the loop free for the
        # intake (sqlite3 releases the GIL while SQLite works).
        self.background = False
        # Its own thread: a slow step must not queue behind other work on the loop's
        # default executor (a 25 MB mail being parsed, say).
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")

    def begin_writing(self, cursor: sqlite3.Cursor, sql: str) -> None:
        """BEGIN IMMEDIATE, waiting for another process's writer (the worker's retention,
        the command line) by trying again every millisecond, up to the busy timeout.
        SQLite's own busy handler sleeps in growing steps (1, 2, 5, 10, 15, 20, 25 ms...),
        so a writer that held the lock for 20 ms made the next one wait 40; polling lets it
        in as soon as the lock is free. On the connection's thread."""
        deadline = time.monotonic() + self.busy_timeout
        cursor.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    cursor.execute(sql)
                    return
                except sqlite3.OperationalError as exc:
                    if (exc.sqlite_errorcode & 0xFF) != sqlite3.SQLITE_BUSY or (
                            time.monotonic() >= deadline):
                        raise
                time.sleep(_POLL_SECONDS)
        finally:
            cursor.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")

    async def off_loop(self, function: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._thread, function, *args)

    async def start_background(self) -> None:
        """Before a background job's transaction begins: its statements run on the thread,
        and its commit is not synced to disk on its own (synchronous NORMAL, which SQLite
        lets change only between transactions). On power loss the job's last steps may be
        lost, and are redone by its next run; the next FULL commit (the intake's, or the
        job's own last record) syncs them with it. Saves an fsync per chunk of a long run."""
        await self.off_loop(self.conn.execute, "PRAGMA synchronous = NORMAL")
        # Nor does its commit copy the WAL back into the database (the checkpoint SQLite
        # runs on the commit that takes the WAL past its threshold): that copy is most of a
        # chunk's cost, and while the commit runs this process's other writers wait for
        # their turn. The job checkpoints after its turn instead (`checkpoint`).
        await self.off_loop(self.conn.execute, "PRAGMA wal_autocheckpoint = 0")
        self.background = True

    async def end_background(self) -> None:
        """After the transaction ended (committed or rolled back): back to the default."""
        self.background = False
        await self.off_loop(self.conn.execute, "PRAGMA synchronous = FULL")
        await self.off_loop(self.conn.execute,
                            f"PRAGMA wal_autocheckpoint = {DEFAULT_AUTOCHECKPOINT}")

    async def checkpoint(self) -> None:
        """Copy what the WAL holds back into the database without waiting for anyone: a
        PASSIVE checkpoint, which other connections may write beside (what a reader still
        uses stays in the WAL for a later checkpoint)."""
        await self.off_loop(self.conn.execute, "PRAGMA wal_checkpoint(PASSIVE)")

    def cursor(self) -> _CursorFactory:
        return _CursorFactory(self)

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        cursor = InlineCursor(self, self.conn.cursor())
        return await cursor.execute(sql, parameters)

    @property
    def isolation_level(self) -> str | None:
        return self.conn.isolation_level

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    async def commit(self) -> None:
        self.read_lock_pending = False
        await self.off_loop(self.conn.commit)

    async def rollback(self) -> None:
        self.read_lock_pending = False
        await self.off_loop(self.conn.rollback)

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self.conn.create_function(*args, **kwargs)

    async def close(self) -> None:
        if self._connection is None:
            return
        self._connection = None
        try:
            await self.off_loop(self.conn.close)
        finally:
            self._thread.shutdown(wait=False)

    def stop(self) -> None:
        """Forced close (SQLAlchemy's terminate), without waiting: the close is queued on
        the connection's thread, behind a BEGIN or COMMIT that may still be running there,
        so the sqlite3 connection is never used by two threads at once."""
        if self._connection is None:
            return
        self._connection = None
        self._thread.submit(self.conn.close)
        self._thread.shutdown(wait=False)


async def connect(database: str, *, busy_timeout: float) -> InlineConnection:
    """Open the existing file `database` off the loop (opening may touch the disk and wait
    on a lock). A missing file is an error, never a new empty database (sqlite_file.py)."""

    def _open() -> sqlite3.Connection:
        return sqlite3.connect(sqlite_file.uri(database), uri=True, timeout=busy_timeout,
                               check_same_thread=False, isolation_level=None)

    return InlineConnection(await asyncio.to_thread(_open), busy_timeout)
