"""Backing the database up to one file and restoring it into a fresh database.

SQLite goes through SQLite's online backup API (`sqlite3.Connection.backup`): a consistent
copy while the service runs and writes (a plain copy of the file misses what is still in the
WAL), written to a temporary file beside the target, checked, made a single self-contained
file (journal mode DELETE) and moved into place, owner-only. PostgreSQL goes through
`pg_dump --format=custom` and `pg_restore`, found on PATH; the password travels in the
environment (PGPASSWORD), never on a command line another user could read.

A restore only goes into a fresh database: a SQLite file that does not exist or has no
tables, a PostgreSQL database with no tables. Anything else is refused unless `force`, which
replaces it (SQLite: its whole content; PostgreSQL: `pg_restore --clean --if-exists`, which
drops and recreates what the backup holds). A backup made by a newer privacybot (a schema
revision this version does not know) is refused.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from storage.database import Database
from storage.errors import StorageError
from storage.migrate import known_revisions

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"
SUPPORTED = ("sqlite+aiosqlite", "postgresql+asyncpg")
BUSY_MS = 10_000


@dataclass(frozen=True)
class Outcome:
    """What a backup or restore did: the file, its size and the schema revision it holds."""

    path: str
    size: int
    revision: str | None


def _url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(f"not a database URL: {url!r}") from exc
    if parsed.drivername not in SUPPORTED:
        raise StorageError(f"unsupported database URL "
                           f"{parsed.render_as_string(hide_password=True)!r}: use one of "
                           f"{', '.join(SUPPORTED)}")
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise StorageError("an in-memory SQLite database cannot be backed up; give a file path")
    return parsed


def _kind_of_file(path: Path) -> str:
    """"sqlite", "postgresql" or "" (neither), from the file's first bytes."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    return "postgresql" if head.startswith(PG_MAGIC) else ""


def _refuse_existing(target: Path, force: bool) -> None:
    if target.exists() and not force:
        raise StorageError(f"{target} exists: give another path, or --force to replace it")
    if not target.parent.is_dir():
        raise StorageError(f"no folder {target.parent} for the backup")


def _check_revision(revision: str | None, what: str) -> None:
    if revision is not None and revision not in known_revisions():
        raise StorageError(f"{what} is at schema revision {revision}, which this version of "
                           "privacybot does not know: restore it with a newer privacybot")


# -- SQLite ------------------------------------------------------------------------------------


def _sqlite_connect(path: str, mode: str) -> sqlite3.Connection:
    # A URI, so that "rw" never creates a file and "ro" never writes one.
    conn = sqlite3.connect(f"file:{urllib.parse.quote(path)}?mode={mode}", uri=True,
                           timeout=BUSY_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    return conn


def _sqlite_revision(conn: sqlite3.Connection) -> str | None:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _sqlite_tables(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table' "
                            "AND name NOT LIKE 'sqlite_%'").fetchone()[0])


def _quick_check(conn: sqlite3.Connection, what: str) -> None:
    result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    if result != ["ok"]:
        raise StorageError(f"{what} failed SQLite's check: {'; '.join(result[:3])}")


def backup_sqlite(database: str, target: Path, *, force: bool = False) -> Outcome:
    """Copy the live database at `database` into the file `target`, consistently."""
    if not os.path.isfile(database):
        raise StorageError(f"no database at {database}: check --data-dir or DATABASE_URL")
    _refuse_existing(target, force)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)  # mkstemp made it owner-only; an empty file is an empty database
    try:
        try:
            # Read-write (it only reads): a read-only connection cannot always open a WAL
            # database whose -shm file another process made.
            source = _sqlite_connect(database, "rw")
            try:
                copy = _sqlite_connect(temp, "rw")
                try:
                    source.backup(copy)
                    copy.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
                    _quick_check(copy, "the backup")
                    revision = _sqlite_revision(copy)
                finally:
                    copy.close()
            finally:
                source.close()
        except sqlite3.Error as exc:
            raise StorageError(f"backing up {database} failed: {exc}") from exc
        _durable_replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
    return Outcome(path=str(target), size=target.stat().st_size, revision=revision)


def restore_sqlite(source: Path, database: str, *, force: bool = False) -> Outcome:
    """Put the backup `source` into the database file `database`, which must be fresh."""
    _readable_backup(source, "sqlite")
    try:
        backup = _sqlite_connect(str(source), "ro")
    except sqlite3.Error as exc:
        raise StorageError(f"cannot open the backup {source}: {exc}") from exc
    try:
        try:
            _quick_check(backup, f"the backup {source}")
            revision = _sqlite_revision(backup)
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"{source} is not a usable SQLite backup: {exc}") from exc
        if revision is None:
            raise StorageError(f"{source} is not a privacybot backup (no schema revision)")
        _check_revision(revision, f"the backup {source}")
        Path(database).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(database, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
        try:
            target = _sqlite_connect(database, "rw")
            try:
                if _sqlite_tables(target) and not force:
                    raise StorageError(
                        f"{database} is not empty: restore into a fresh database (another "
                        "--data-dir or DATABASE_URL), or give --force to replace it")
                backup.backup(target)
                _quick_check(target, "the restored database")
            finally:
                target.close()
        except sqlite3.Error as exc:
            raise StorageError(f"restoring into {database} failed: {exc}") from exc
    finally:
        backup.close()
    return Outcome(path=database, size=os.path.getsize(database), revision=revision)


def _durable_replace(temp: str, target: Path) -> None:
    """Move the finished file into place so that neither it nor its name is lost to a crash."""
    with open(temp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temp, target)
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _readable_backup(source: Path, expected: str) -> None:
    if not source.is_file():
        raise StorageError(f"no backup file at {source}")
    kind = _kind_of_file(source)
    if kind != expected:
        found = {"sqlite": "a SQLite database", "postgresql": "a PostgreSQL dump"}.get(
            kind, "neither a SQLite database nor a PostgreSQL dump")
        where = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[expected]
        raise StorageError(f"{source} is {found}, and the database is {where}")


# -- PostgreSQL --------------------------------------------------------------------------------


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise StorageError(
            f"{name} not found on PATH: install PostgreSQL's client tools (e.g. the "
            "postgresql-client package) of the server's major version or newer")
    return found


def libpq(parsed: URL) -> tuple[str, dict[str, str]]:
    """The URL libpq's tools take (no driver, no password) and the environment that carries
    the password; asyncpg's `ssl=` becomes libpq's `sslmode=`."""
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    query = {("sslmode" if key == "ssl" else key): value for key, value in parsed.query.items()}
    plain = parsed.set(drivername="postgresql", password=None, query=query)
    return plain.render_as_string(hide_password=False), env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    try:
        # A list, no shell: the tool is the one found on PATH, its arguments ours.
        done = subprocess.run(command, env=env, capture_output=True, text=True,  # noqa: S603
                              check=False)
    except OSError as exc:
        raise StorageError(f"{what} could not run {command[0]}: {exc}") from exc
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        detail = "; ".join(lines[-3:]) or f"exit status {done.returncode}"
        raise StorageError(f"{what} failed: {detail}")


def backup_postgres(url: str, target: Path, *, force: bool = False) -> Outcome:
    """pg_dump's custom format of the database into `target` (owner-only)."""
    parsed = _url(url)
    dump = _tool("pg_dump")
    _refuse_existing(target, force)
    dsn, env = libpq(parsed)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        _run([dump, "--format=custom", "--no-owner", "--no-privileges", f"--file={temp}",
              f"--dbname={dsn}"], env, "pg_dump")
        _durable_replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
    return Outcome(path=str(target), size=target.stat().st_size, revision=None)


def restore_postgres(source: Path, url: str, *, tables: int, force: bool = False) -> Outcome:
    """pg_restore the dump `source` into the database at `url`, which has `tables` tables
    (counted by the caller, which holds a connection): refused unless 0 or `force`."""
    parsed = _url(url)
    restore = _tool("pg_restore")
    _readable_backup(source, "postgresql")
    if tables and not force:
        raise StorageError(
            f"the database {parsed.database} has {tables} tables: restore into a fresh "
            "database (createdb), or give --force to replace what the backup holds")
    dsn, env = libpq(parsed)
    _run([restore, "--list", str(source)], env, f"reading the dump {source}")
    command = [restore, "--no-owner", "--no-privileges", "--exit-on-error",
               "--single-transaction", f"--dbname={dsn}"]
    if force:
        command += ["--clean", "--if-exists"]
    _run([*command, str(source)], env, "pg_restore")
    return Outcome(path=str(source), size=source.stat().st_size, revision=None)


async def postgres_tables(url: str) -> tuple[int, str | None]:
    """How many tables the PostgreSQL database at `url` has (outside the system schemas),
    and its schema revision: the emptiness a restore insists on, and what a restore left."""
    db = await Database.connect(url, create=False)
    try:
        async with db.transaction(readonly=True) as tx:
            result = await tx.connection.execute(text(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"))
            count = int(result.scalar_one())
        return count, (await db.revision() if count else None)
    finally:
        await db.close()


def _sqlite_file(parsed: URL) -> str:
    return os.path.abspath(os.path.expanduser(str(parsed.database)))


async def backup(url: str, target: Path, *, force: bool = False) -> Outcome:
    """Back the database at `url` up into the file `target` (see the module's docstring)."""
    parsed = _url(url)
    if parsed.get_backend_name() == "sqlite":
        return await asyncio.to_thread(backup_sqlite, _sqlite_file(parsed), target, force=force)
    done = await asyncio.to_thread(backup_postgres, url, target, force=force)
    _, revision = await postgres_tables(url)
    return Outcome(path=done.path, size=done.size, revision=revision)


async def restore(source: Path, url: str, *, force: bool = False) -> Outcome:
    """Restore the backup file `source` into the (fresh, unless `force`) database at `url`."""
    parsed = _url(url)
    if parsed.get_backend_name() == "sqlite":
        return await asyncio.to_thread(restore_sqlite, source, _sqlite_file(parsed),
                                       force=force)
    _tool("pg_restore")  # before connecting: the missing tool is the error to see first
    tables, _ = await postgres_tables(url)
    done = await asyncio.to_thread(restore_postgres, source, url, tables=tables, force=force)
    _, revision = await postgres_tables(url)
    _check_revision(revision, "the restored database")
    return Outcome(path=done.path, size=done.size, revision=revision)
