"""`privacybot db backup|restore` through the real CLI: a backup restored into a fresh database
gives the same register as the original (SQLite always, PostgreSQL when TEST_DATABASE_URL is
set), a restore refuses a database that is not empty unless --force, and bad files, newer
backups and missing PostgreSQL tools are one-line errors."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import run_cli
from bot.desk import Desk
from bot.organisations import load_organisations
from storage import Database, open_database
from storage.migrate import head_revision
from tests.accountability.conftest import START, send, verify
from tests.conftest import DEFAULT_CONFIG
from tests.desk.conftest import PUBLIC_URL, SECRET, Clock


@pytest.fixture(autouse=True)
def _config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRIVACYBOT_CONFIG", str(DEFAULT_CONFIG))
    monkeypatch.delenv("DATABASE_URL", raising=False)


async def seed(db: Database) -> None:
    """Requests with every kind of ending the register tells apart."""
    desk = Desk(db, load_organisations(DEFAULT_CONFIG), secret=SECRET, public_url=PUBLIC_URL,
                clock=Clock(now=START))
    done = await send(desk, ["erasure"], "Ann <ann@example.com>")
    await verify(desk, done)
    await desk.close_done(done, "alice", "cli", note="erased")
    refused = await send(desk, ["access"], "Dan <dan@example.com>")
    await verify(desk, refused)
    await desk.reject(refused, "the same request again", "dora", "cli",
                      ground="manifestly_excessive")
    await send(desk, ["complaint"], "Fay <fay@example.com>")
    await send(desk, ["access"], "Ivy <ivy@example.com>", org="imgn")


def cli(*args: str) -> tuple[int, str, str]:
    """Run privacybot in a fresh thread (it runs its own event loop); (status, out, err)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run_cli(app, list(args))
    return code, out.getvalue(), err.getvalue()


def register(*where: str) -> list[dict[str, object]]:
    code, out, err = cli("report", "register", "--json", *where)
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def test_sqlite_backup_while_open_restores_the_same_register(tmp_path: Path) -> None:
    live, fresh = tmp_path / "live", tmp_path / "fresh"
    live.mkdir()
    backup = tmp_path / "privacybot-2026-12-07.db"

    async def backup_while_open() -> tuple[int, str, str]:
        db = await open_database(f"sqlite+aiosqlite:///{live / 'privacybot.db'}")
        try:
            await seed(db)
            # The service still holds the database: its last commits are in the WAL.
            assert (live / "privacybot.db-wal").stat().st_size > 0
            return await asyncio.to_thread(cli, "db", "backup", str(backup),
                                           "--data-dir", str(live))
        finally:
            await db.close()

    code, out, err = asyncio.run(backup_while_open())
    assert (code, err) == (0, "")
    assert out.startswith(f"backed up to {backup} (")
    assert f"schema revision {head_revision()}" in out
    assert backup.stat().st_mode & 0o777 == 0o600
    assert not Path(f"{backup}-wal").exists()  # one self-contained file
    before = register("--data-dir", str(live))
    assert len(before) == 4

    code, out, err = cli("db", "restore", str(backup), "--data-dir", str(fresh))
    assert (code, err) == (0, "")
    assert out == f"restored {backup} (schema revision {head_revision()})\n"
    assert register("--data-dir", str(fresh)) == before
    assert (fresh / "privacybot.db").stat().st_mode & 0o777 == 0o600

    # Only into a fresh database: the restored one is not, unless --force.
    code, _, err = cli("db", "restore", str(backup), "--data-dir", str(fresh))
    assert code == 1
    assert "is not empty: restore into a fresh database" in err
    code, _, err = cli("db", "restore", str(backup), "--data-dir", str(live), "--force")
    assert (code, err) == (0, "")
    assert register("--data-dir", str(live)) == before
    # A backup is never written over by accident either.
    code, _, err = cli("db", "backup", str(backup), "--data-dir", str(live))
    assert (code, err.count("\n")) == (1, 1)
    assert "exists: give another path, or --force" in err
    assert cli("db", "backup", str(backup), "--data-dir", str(live), "--force")[0] == 0


def test_bad_backups_are_refused_and_leave_no_database(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all")
    dump = tmp_path / "pg.dump"
    dump.write_bytes(b"PGDMP\x01\x0e\x00")
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.commit()
    target = tmp_path / "target"
    cases = [(tmp_path / "missing.db", "no backup file at"),
             (garbage, "neither a SQLite database nor a PostgreSQL dump"),
             (dump, "is a PostgreSQL dump, and the database is SQLite"),
             (plain, "is not a privacybot backup")]
    for source, message in cases:
        code, out, err = cli("db", "restore", str(source), "--data-dir", str(target))
        assert (code, out) == (1, ""), source
        assert err.startswith("privacybot: error: ")
        assert message in err
        assert err.count("\n") == 1
    assert not target.exists()


def test_a_backup_from_a_newer_privacybot_is_refused(tmp_path: Path) -> None:
    live = tmp_path / "live"
    assert cli("db", "upgrade", "--data-dir", str(live))[0] == 0
    backup = tmp_path / "b.db"
    assert cli("db", "backup", str(backup), "--data-dir", str(live))[0] == 0
    with sqlite3.connect(backup) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    code, _, err = cli("db", "restore", str(backup), "--data-dir", str(tmp_path / "new"))
    assert code == 1
    assert "revision 9999_future, which this version of privacybot does not know" in err


def test_missing_postgresql_tools_are_named(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://pb:s3cret@127.0.0.1:1/pb")
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    dump = tmp_path / "x.dump"
    dump.write_bytes(b"PGDMP")
    for args, tool in ((["db", "backup", str(tmp_path / "y.dump")], "pg_dump"),
                       (["db", "restore", str(dump)], "pg_restore")):
        code, out, err = cli(*args)
        assert (code, out) == (1, "")
        assert f"{tool} not found on PATH: install PostgreSQL's client tools" in err
        assert "s3cret" not in err
    assert not (tmp_path / "y.dump").exists()


@pytest.fixture
def pg_pair() -> Iterator[tuple[str, str]]:
    """Two empty PostgreSQL databases (the original and the fresh one), dropped after."""
    admin_url = os.environ.get("TEST_DATABASE_URL")
    if not admin_url:
        pytest.skip("PostgreSQL suite skipped: TEST_DATABASE_URL is not set")
    import asyncpg
    from sqlalchemy.engine import make_url

    url = make_url(admin_url)
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    names = [f"pb_backup_{uuid.uuid4().hex[:10]}" for _ in range(2)]

    async def admin(statement: str) -> None:
        conn = await asyncpg.connect(dsn)
        try:
            for name in names:
                await conn.execute(statement.format(name=name))
        finally:
            await conn.close()

    asyncio.run(admin('CREATE DATABASE "{name}"'))
    try:
        first, second = (url.set(database=n).render_as_string(hide_password=False)
                         for n in names)
        yield first, second
    finally:
        asyncio.run(admin('DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def test_postgresql_backup_restores_the_same_register(
        pg_pair: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original, fresh = pg_pair
    monkeypatch.setenv("PRIVACYBOT_SECRET_KEY", "backup-test-key-0123456789abcdef")

    async def seeded() -> None:
        db = await open_database(original)
        try:
            await seed(db)
        finally:
            await db.close()

    asyncio.run(seeded())
    dump = tmp_path / "privacybot.dump"
    monkeypatch.setenv("DATABASE_URL", original)
    before = register("--data-dir", str(tmp_path))
    code, out, err = cli("db", "backup", str(dump), "--data-dir", str(tmp_path))
    assert (code, err) == (0, "")
    assert f"schema revision {head_revision()}" in out
    assert dump.read_bytes().startswith(b"PGDMP")
    monkeypatch.setenv("DATABASE_URL", fresh)
    code, out, err = cli("db", "restore", str(dump), "--data-dir", str(tmp_path))
    assert (code, err) == (0, "")
    assert register("--data-dir", str(tmp_path)) == before
    code, _, err = cli("db", "restore", str(dump), "--data-dir", str(tmp_path))
    assert code == 1
    assert "tables: restore into a fresh database" in err
    code, _, err = cli("db", "restore", str(dump), "--data-dir", str(tmp_path), "--force")
    assert (code, err) == (0, "")
    assert register("--data-dir", str(tmp_path)) == before
