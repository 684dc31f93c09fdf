"""A SQLite file deleted, replaced, immutable or never created: no write counts, nothing is
created by accident, and `check_writable` says why."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from storage import Database, StorageError, UnavailableError, open_database
from storage.tables import heartbeat, reference_counters


def _remove(path: Path, suffixes: tuple[str, ...] = ("", "-wal", "-shm")) -> None:
    for suffix in suffixes:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@pytest.fixture
async def sqlite(tmp_path: Path) -> AsyncIterator[tuple[Database, Path]]:
    path = tmp_path / "data" / "privacybot.db"
    db = await open_database(f"sqlite+aiosqlite:///{path}")
    try:
        yield db, path
    finally:
        await db.close()


async def _write(db: Database, org: str = "aimigos") -> int:
    async with db.transaction() as tx:
        return await tx.references.next_number(org, 2026)


@contextlib.contextmanager
def _immutable(path: Path) -> Iterator[None]:
    """chattr +i: even root cannot write through an open descriptor."""
    if shutil.which("chattr") is None or subprocess.run(
            ["chattr", "+i", str(path)], capture_output=True, check=False).returncode != 0:
        pytest.skip("chattr +i is not available here (needs root and a filesystem with it)")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)


async def test_a_missing_file_is_not_created_without_create(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "privacybot.db"
    for opener in (lambda url: open_database(url, create=False),
                   lambda url: Database.connect(url, create=False)):
        with pytest.raises(StorageError, match=r"no database at .*privacybot db upgrade"):
            await opener(f"sqlite+aiosqlite:///{path}")
    assert not (tmp_path / "nowhere").exists()
    (tmp_path / "nowhere").mkdir()
    with pytest.raises(StorageError, match="no database at"):
        await open_database(f"sqlite+aiosqlite:///{path}", create=False)
    assert list((tmp_path / "nowhere").iterdir()) == []


async def test_a_new_file_is_private(sqlite: tuple[Database, Path]) -> None:
    _, path = sqlite
    assert path.stat().st_mode & 0o777 == 0o600


async def test_writes_after_the_file_is_deleted_do_not_count(
        sqlite: tuple[Database, Path]) -> None:
    db, path = sqlite
    assert await _write(db) == 1
    _remove(path)
    for _ in range(2):  # the pooled connection and any new one alike
        with pytest.raises(UnavailableError, match="removed or replaced"):
            await _write(db)
    assert not path.exists()  # and no connection made a new empty file
    with pytest.raises(UnavailableError, match="removed or replaced"):
        await db.check_writable()


async def test_writes_after_the_file_is_replaced_do_not_count(
        sqlite: tuple[Database, Path], tmp_path: Path) -> None:
    db, path = sqlite
    await _write(db)
    other = tmp_path / "other.db"
    other_db = await open_database(f"sqlite+aiosqlite:///{other}")
    await other_db.close()
    _remove(path)
    os.replace(other, path)  # a file of the same name, but not the one that was opened
    with pytest.raises(UnavailableError, match="removed or replaced"):
        await _write(db)
    with pytest.raises(UnavailableError, match="removed or replaced"):
        await db.check_writable()


async def test_a_removed_wal_is_noticed(sqlite: tuple[Database, Path]) -> None:
    db, path = sqlite
    await _write(db)
    _remove(path, ("-wal",))  # the last commits live there until a checkpoint
    with pytest.raises(UnavailableError, match="removed or replaced"):
        await _write(db)


async def test_reads_and_writes_go_on_while_the_file_stays(
        sqlite: tuple[Database, Path]) -> None:
    db, _ = sqlite
    assert [await _write(db) for _ in range(3)] == [1, 2, 3]
    async with db.transaction(readonly=True) as tx:
        rows = (await tx.connection.execute(select(reference_counters))).all()
    assert len(rows) == 1


async def test_check_writable_commits_a_heartbeat(database_url: str) -> None:
    db = await open_database(database_url)
    try:
        for _ in range(3):
            await db.check_writable()
        async with db.transaction() as tx:
            await tx.connection.execute(heartbeat.delete())  # deleted by hand: put back
        await db.check_writable()
        async with db.transaction(readonly=True) as tx:
            rows = (await tx.connection.execute(select(heartbeat.c.id, heartbeat.c.beats))).all()
        assert [tuple(row) for row in rows] == [(1, 1)]
    finally:
        await db.close()


async def test_check_writable_fails_on_an_immutable_file(
        sqlite: tuple[Database, Path]) -> None:
    db, path = sqlite
    await db.check_writable()
    with _immutable(path), pytest.raises(UnavailableError, match="read-only"):
        await db.check_writable()
    await db.check_writable()


async def test_an_immutable_wal_refuses_the_commit_itself(
        sqlite: tuple[Database, Path]) -> None:
    db, path = sqlite
    await _write(db)
    # Commits go to the WAL (the main file only takes checkpoints), so that is where an
    # immutable flag stops them.
    with _immutable(Path(f"{path}-wal")), pytest.raises(UnavailableError):
        await _write(db)
    assert await _write(db) == 2  # nothing of the refused write was kept


async def test_check_writable_fails_on_a_read_only_file(sqlite: tuple[Database, Path]) -> None:
    db, path = sqlite
    path.chmod(0o400)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("permissions do not bind this user (root)")
        with pytest.raises(UnavailableError, match="read-only"):
            await db.check_writable()
    finally:
        path.chmod(0o600)
    await db.check_writable()
