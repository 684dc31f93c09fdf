"""The Database: one async engine, schema upgrades, and units of work (`db.transaction()`).

    db = await Database.connect("sqlite+aiosqlite:///data/privacybot.db")
    await db.upgrade()                       # Alembic migrations to head
    async with db.transaction() as tx:       # one transaction: commit on exit, rollback on error
        ticket = await tx.tickets.get_by_reference("AIM-2026-0042")
        await tx.events.append(ticket_id=ticket.id, actor="cli", channel="cli", kind="viewed")
    await db.close()

SQLite: every connection gets WAL, foreign keys and a busy timeout; write transactions start
with BEGIN IMMEDIATE so that writers queue on the busy timeout instead of failing half-way
when a read lock cannot be upgraded. The file is created only when asked (`create=True`), and
a write whose file was deleted or replaced meanwhile does not count (storage/sqlite_file.py).
PostgreSQL runs through asyncpg at READ COMMITTED.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import sqlite3
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert, text, update
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from storage import sqlite_file, sqlite_inline
from storage.boundary import TRANSLATED, translate
from storage.errors import StorageError, UnavailableError
from storage.migrate import current_revision, upgrade_to_head
from storage.tables import heartbeat
from storage.unit import Transaction

log = logging.getLogger("privacybot.storage")
# A checkpoint that fails (the database closed meanwhile, say) is only put off.
_CHECKPOINT_ERRORS: tuple[type[BaseException], ...] = (*TRANSLATED, RuntimeError)

_BEGIN_OPTION = "privacybot_begin"
SUPPORTED = ("sqlite+aiosqlite", "postgresql+asyncpg")


def _parse(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(f"not a database URL: {url!r}") from exc
    if parsed.drivername not in SUPPORTED:
        shown = parsed.render_as_string(hide_password=True)
        raise StorageError(
            f"unsupported database URL {shown!r}: use one of {', '.join(SUPPORTED)}")
    if parsed.drivername.startswith("sqlite") and parsed.database in (None, "", ":memory:"):
        raise StorageError("an in-memory SQLite database cannot be shared; give a file path")
    return parsed


def _install_sqlite_hooks(engine: AsyncEngine, busy_timeout: float, batch: bool) -> None:
    """Per-connection pragmas, and our own BEGIN (the driver's would be deferred and lazy)."""

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver so that the "begin" hook below decides how BEGIN is said.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode")
            if str(cursor.fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            # FULL, not NORMAL: in WAL mode NORMAL may roll back the last commits on power
            # loss, and a mail answered 250 must survive that; group commit keeps it cheap.
            cursor.execute("PRAGMA synchronous = FULL")
            if batch:  # see Database.connect
                cursor.execute("PRAGMA synchronous = NORMAL")
                cursor.execute("PRAGMA wal_autocheckpoint = 0")
        finally:
            cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")


async def _driver(conn: AsyncConnection) -> sqlite_inline.InlineConnection | None:
    """The inline SQLite driver's connection under `conn` (None on PostgreSQL)."""
    raw = await conn.get_raw_connection()
    driver = raw.driver_connection
    return driver if isinstance(driver, sqlite_inline.InlineConnection) else None


async def _end_background(conn: AsyncConnection,
                          driver: sqlite_inline.InlineConnection | None) -> None:
    """Put a background transaction's connection back as others expect it (synchronous
    FULL); one that cannot be is discarded rather than pooled."""
    if driver is None:
        return
    try:
        await driver.end_background()
    except (sqlite3.Error, RuntimeError):
        with contextlib.suppress(*TRANSLATED):
            await conn.invalidate()


async def _quietly_close(conn: AsyncConnection) -> None:
    """Give the connection back to the pool; a broken one is discarded by the pool anyway."""
    with contextlib.suppress(*TRANSLATED):
        await conn.close()


def _prepare_file(database: str, create: bool, strict: bool) -> str:
    """The file's absolute path, after creating it (with `create`) or insisting that it
    exists; without `strict` (connect's check=False) a failure waits for the first use."""
    path = os.path.abspath(os.path.expanduser(database))
    if not create:
        if strict:
            sqlite_file.require(path)
        return path
    try:
        sqlite_file.create_empty(path)
    except OSError as exc:
        if strict:
            raise UnavailableError(
                f"database unavailable: unable to open database file {path}: "
                f"{exc.strerror or exc}") from exc
    return path


def _identify(path: str, strict: bool) -> sqlite_file.FileIdentity | None:
    try:
        return sqlite_file.identify(path)
    except OSError as exc:
        if not strict:
            return None
        raise UnavailableError(f"database unavailable: {sqlite_file.GONE}") from exc


def _make_parent(path: str) -> None:
    # Owner-only: the database holds personal data (an existing folder is left as it is).
    Path(path).expanduser().parent.mkdir(mode=0o700, parents=True, exist_ok=True)


class Database:
    """An open database: build it with `await Database.connect(url)`, end with `close()`."""

    def __init__(self, engine: AsyncEngine, url: URL, *, busy_timeout: float = 5.0,
                 file: str | None = None, batch: bool = False) -> None:
        self._engine = engine
        self._batch = batch
        self._url = url
        self._busy_timeout = busy_timeout
        # SQLite: the file's absolute path, and which file it named when opened.
        self._file = file
        self._identity: sqlite_file.FileIdentity | None = None
        # SQLite has one writer. Writers of this process queue on an asyncio lock (fair, no
        # polling) instead of on SQLite's busy handler, which sleeps in growing steps and
        # left some writers waiting seconds under load. One lock per event loop.
        self._write_locks: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, asyncio.Lock] = weakref.WeakKeyDictionary()

    @classmethod
    async def connect(
        cls,
        url: str,
        *,
        busy_timeout: float = 5.0,
        pool_size: int = 5,
        max_overflow: int = 10,
        pool_timeout: float = 30.0,
        check: bool = True,
        echo: bool = False,
        create: bool = True,
        batch: bool = False,
    ) -> Database:
        """Build the engine for `url` and (with `check`) make sure the database answers.

        Raises StorageError for a URL that is not supported and UnavailableError for a
        database that cannot be reached or opened. `busy_timeout` (seconds) is how long a
        SQLite writer waits for the lock before UnavailableError. A SQLite file that does
        not exist is created (empty, owner-only) with `create`, else refused with a
        StorageError that says so; later connections never create one.

        `batch` is for a process that does nothing but a long batch job (the worker's
        retention run, in a process of its own): on SQLite every transaction is then what a
        `background` one is elsewhere (commits not synced on their own, the WAL copied back
        after each write transaction's turn, not in it), without switching the connection's
        settings back and forth each time, and its statements run on the loop, which has
        nothing else to do.
        """
        parsed = _parse(url)
        options: dict[str, Any] = {"echo": echo, "pool_size": pool_size,
                                   "max_overflow": max_overflow, "pool_timeout": pool_timeout}
        path: str | None = None
        if parsed.get_backend_name() == "sqlite":
            path = await asyncio.to_thread(_prepare_file, str(parsed.database), create, check)
            options["async_creator"] = functools.partial(
                sqlite_inline.connect, path, busy_timeout=busy_timeout)
        else:
            options["pool_pre_ping"] = True  # survive a restarted server
            options["connect_args"] = {"timeout": 10}
        try:
            engine = create_async_engine(parsed, **options)
        except (ArgumentError, NoSuchModuleError, ImportError) as exc:
            raise StorageError(f"cannot use database URL: {exc}") from exc
        if parsed.get_backend_name() == "sqlite":
            _install_sqlite_hooks(engine, busy_timeout, batch)
        db = cls(engine, parsed, busy_timeout=busy_timeout, file=path, batch=batch)
        try:
            if check:
                await db.ping()
            if path is not None:
                db._identity = _identify(path, check)
        except StorageError:
            await engine.dispose()
            raise
        return db

    @property
    def url(self) -> str:
        """The URL with any password hidden: safe to log."""
        return self._url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return self._url.get_backend_name()

    @property
    def engine(self) -> AsyncEngine:
        """The engine, for the migration runner and the tests; use transaction() otherwise."""
        return self._engine

    async def ping(self) -> None:
        """A trivial query; UnavailableError if the database does not answer."""
        async with self.transaction(readonly=True) as tx:
            await tx.connection.execute(text("SELECT 1"))

    def check_file(self) -> None:
        """The cheap half of `check_writable` (two stat calls, nothing on PostgreSQL): the
        SQLite file is still the one opened, and a new connection (the next one the pool
        opens, or a restart) could write to it. UnavailableError says why not."""
        if self._file is None or self._identity is None:
            return
        sqlite_file.same_file(self._file, self._identity)
        problem = sqlite_file.writable_problem(self._file)
        if problem is not None:
            raise UnavailableError(f"database unavailable: {problem}")

    async def check_writable(self) -> None:
        """Prove that a write commits now, or raise UnavailableError saying why not.

        `check_file`, then an update of the heartbeat row in a committed transaction: a BEGIN
        or a rollback proves nothing about a full disk or a file that refuses writes.
        """
        self.check_file()
        now = datetime.now(UTC)
        async with self.transaction() as tx:
            conn = tx.connection
            try:
                result = await conn.execute(
                    update(heartbeat).where(heartbeat.c.id == 1)
                    .values(beat_at=now, beats=heartbeat.c.beats + 1))
                if result.rowcount == 0:  # the row was deleted by hand: put it back
                    await conn.execute(insert(heartbeat).values(id=1, beat_at=now, beats=1))
            except TRANSLATED as exc:
                raise translate(exc, "writing the heartbeat") from exc

    async def upgrade(self) -> str | None:
        """Run the migrations to head; returns the revision now in place."""
        return await upgrade_to_head(self._engine)

    async def revision(self) -> str | None:
        """The schema revision in the database (None for an empty database)."""
        return await current_revision(self._engine)

    @asynccontextmanager
    async def transaction(self, *, readonly: bool = False,
                          background: bool = False) -> AsyncIterator[Transaction]:
        """One unit of work: its repositories share one transaction, committed on exit.

        An exception inside the block rolls everything back and propagates unchanged.
        `readonly=True` on SQLite starts a deferred transaction that does not queue behind
        writers; it must not write. `background=True` (a long batch job, as retention) runs
        every statement of the transaction on the connection's thread on SQLite, not on the
        event loop, and does not sync its commit on its own (storage/sqlite_inline.py):
        slower per statement, but the loop stays free.
        """
        begin = "DEFERRED" if readonly else "IMMEDIATE"
        checkpoint_after = (background or self._batch) and not readonly and (
            self.dialect == "sqlite")
        background = background and not self._batch  # a batch process is one already
        async with self._writer_turn(readonly):
            # Only the database's own steps are translated here (the repositories translate
            # theirs): an OSError raised by the caller's code inside the block is the
            # caller's, and must not come out as "database unavailable".
            try:
                conn = await self._engine.connect()
            except TRANSLATED as exc:
                raise translate(exc, "connecting") from exc
            driver = None
            try:
                if background and (driver := await _driver(conn)) is not None:
                    await driver.start_background()
                await conn.execution_options(**{_BEGIN_OPTION: begin})
                trans = await conn.begin()
            except TRANSLATED as exc:
                await _end_background(conn, driver)
                await _quietly_close(conn)
                raise translate(exc, "starting a transaction") from exc
            except BaseException:  # cancelled while BEGIN waited: give the connection back
                await _end_background(conn, driver)
                await _quietly_close(conn)
                raise
            try:
                yield Transaction(conn)
            except BaseException:
                with contextlib.suppress(*TRANSLATED):  # the original error matters more
                    await trans.rollback()
                raise
            else:
                try:
                    await trans.commit()
                except TRANSLATED as exc:
                    raise translate(exc, "committing") from exc
                if not readonly and self._file is not None and self._identity is not None:
                    # After the commit, not before: what counts is where the commit landed.
                    self._identity = sqlite_file.check(self._file, self._identity)
            finally:
                await _end_background(conn, driver)
                await _quietly_close(conn)
        if checkpoint_after:
            await self._checkpoint()

    async def _checkpoint(self) -> None:
        """After a background write transaction, out of the writer's turn: the checkpoint
        its commit skipped (storage/sqlite_inline.py), so that the intake's writes go on
        while the WAL is copied back. A failure is left for SQLite's next checkpoint."""
        try:
            async with self._engine.connect() as conn:
                if (driver := await _driver(conn)) is not None:
                    await driver.checkpoint()
        except _CHECKPOINT_ERRORS as exc:
            log.warning("checkpoint after a background transaction failed: %s", exc)

    @asynccontextmanager
    async def _writer_turn(self, readonly: bool) -> AsyncIterator[None]:
        """On SQLite, wait for this process's other write transactions (up to the busy
        timeout, then UnavailableError as SQLite itself would say); elsewhere, nothing."""
        if readonly or self.dialect != "sqlite":
            yield
            return
        loop = asyncio.get_running_loop()
        lock = self._write_locks.get(loop)
        if lock is None:
            lock = self._write_locks[loop] = asyncio.Lock()
        try:
            # asyncio.timeout, not wait_for: acquire() runs in this task and is cancel-safe,
            # so a timeout or a cancelled caller can never leave the lock taken.
            async with asyncio.timeout(self._busy_timeout):
                await lock.acquire()
        except TimeoutError as exc:
            raise UnavailableError(
                f"database unavailable: database is locked (another write transaction of "
                f"this process held it for {self._busy_timeout:g} s)") from exc
        try:
            yield
        finally:
            lock.release()

    async def close(self) -> None:
        """Close every pooled connection. The Database cannot be used afterwards."""
        await self._engine.dispose()


async def open_database(
    url: str, *, upgrade: bool = True, busy_timeout: float = 5.0, create: bool = True,
    batch: bool = False,
) -> Database:
    """Connect for a command or the service; with `create`, makes a SQLite file and its
    folder when they are missing (`db upgrade` and `serve`), else a missing file is a
    one-line StorageError and nothing is created (every other command).

    With `upgrade`, an empty or old database is migrated to head. `batch`: see
    Database.connect.
    """
    parsed = _parse(url)
    if create and parsed.get_backend_name() == "sqlite" and parsed.database:
        try:
            await asyncio.to_thread(_make_parent, parsed.database)
        except OSError as exc:
            raise StorageError(f"cannot create the folder for {parsed.database}: {exc}") from exc
    db = await Database.connect(url, busy_timeout=busy_timeout, create=create, batch=batch)
    if upgrade:
        try:
            await db.upgrade()
        except BaseException:
            await db.close()
            raise
    return db
