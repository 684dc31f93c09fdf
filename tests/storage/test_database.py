"""Database lifecycle and failure: migrations, units of work, and every way a DB can refuse."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError
from sqlalchemy import inspect

from storage import (
    ConflictError,
    Database,
    NotFoundError,
    StorageError,
    TicketRecord,
    UnavailableError,
    open_database,
)
from storage.migrate import head_revision
from storage.tables import metadata
from tests.storage.conftest import NOW, make_ticket


async def _create_one(db: Database) -> None:
    async with db.transaction() as tx:
        await make_ticket(tx)


async def test_fresh_upgrade_creates_every_table_and_twice_is_a_no_op(database_url: str) -> None:
    db = await Database.connect(database_url)
    try:
        assert await db.revision() is None
        assert await db.upgrade() == head_revision()
        assert await db.upgrade() == head_revision()
        async with db.engine.connect() as conn:
            names = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
        assert set(metadata.tables) <= names
    finally:
        await db.close()


async def test_open_database_creates_the_sqlite_folder(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "privacybot.db"
    db = await open_database(f"sqlite+aiosqlite:///{path}")
    try:
        assert path.is_file()
        assert path.parent.stat().st_mode & 0o777 == 0o700  # personal data: owner only
        assert await db.revision() == head_revision()
        async with db.transaction(readonly=True) as tx:
            mode = (await tx.connection.exec_driver_sql("PRAGMA journal_mode")).scalar()
            fks = (await tx.connection.exec_driver_sql("PRAGMA foreign_keys")).scalar()
        assert (mode, fks) == ("wal", 1)
    finally:
        await db.close()


async def test_records_are_frozen_pydantic_values_not_orm_rows(db: Database) -> None:
    async with db.transaction() as tx:
        created = await make_ticket(tx)
    async with db.transaction(readonly=True) as tx:
        loaded = await tx.tickets.get_by_reference(created.reference)
    assert type(loaded) is TicketRecord
    assert isinstance(loaded, BaseModel)
    assert loaded == created
    assert loaded.received_at == NOW
    assert loaded.received_at.tzinfo is not None
    with pytest.raises(ValidationError):
        loaded.state = "done"  # type: ignore[misc]


async def test_unknown_reference_is_not_found(db: Database) -> None:
    async with db.transaction(readonly=True) as tx:
        with pytest.raises(NotFoundError, match="AIM-2026-9999"):
            await tx.tickets.get_by_reference("AIM-2026-9999")
        with pytest.raises(NotFoundError):
            await tx.tickets.get(4242)
        assert await tx.tickets.find_by_reference("aim-2026-9999") is None


async def test_an_exception_rolls_back_the_whole_unit_of_work(db: Database) -> None:
    class Boom(Exception):
        pass

    async def work_then_fail() -> None:
        async with db.transaction() as tx:
            ticket = await make_ticket(tx)
            await tx.events.append(ticket_id=ticket.id, actor="t", channel="cli", kind="made")
            raise Boom

    with pytest.raises(Boom):
        await work_then_fail()
    async with db.transaction(readonly=True) as tx:
        assert await tx.tickets.count() == 0
        assert await tx.events.last_id() == 0
        assert await tx.references.current("aimigos", 2026) == 0


async def test_a_conflict_rolls_back_what_came_before_it(db: Database) -> None:
    async with db.transaction() as tx:
        first = await make_ticket(tx)

    async def suppress_then_clash() -> None:
        async with db.transaction() as tx:
            await tx.suppression.add(organisation="aimigos", address="x@example.org",
                                     source="cli", added_by="test")
            await tx.tickets.create(reference=first.reference, organisation="aimigos",
                                    state="received", intents=[], requester_address="b@c.d",
                                    received_at=NOW)

    with pytest.raises(ConflictError, match="conflicts"):
        await suppress_then_clash()
    async with db.transaction(readonly=True) as tx:
        assert await tx.suppression.entries() == []


async def test_naive_datetimes_are_refused(db: Database) -> None:
    async def create_naive() -> None:
        async with db.transaction() as tx:
            await tx.tickets.create(reference="AIM-2026-0001", organisation="aimigos",
                                    state="received", intents=[], requester_address="a@b.c",
                                    received_at=datetime(2026, 1, 1))

    with pytest.raises(StorageError, match="naive datetime"):
        await create_naive()


async def test_locked_sqlite_database_is_unavailable_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    url = f"sqlite+aiosqlite:///{path}"
    db = await open_database(url, busy_timeout=0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        with pytest.raises(UnavailableError, match="locked"):
            await _create_one(db)
        holder.execute("ROLLBACK")
        async with db.transaction(readonly=True) as tx:
            assert await tx.tickets.count() == 0
            assert await tx.references.current("aimigos", 2026) == 0
        async with db.transaction() as tx:  # and once the lock is gone, it works
            await make_ticket(tx)
    finally:
        holder.close()
        await db.close()


async def test_reads_go_on_while_another_connection_writes(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    db = await open_database(f"sqlite+aiosqlite:///{path}", busy_timeout=0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        async with db.transaction(readonly=True) as tx:  # WAL: readers are not blocked
            assert await tx.tickets.list() == []
        holder.execute("ROLLBACK")
    finally:
        holder.close()
        await db.close()


async def test_schema_never_migrated_says_to_upgrade(database_url: str) -> None:
    db = await Database.connect(database_url)
    try:
        with pytest.raises(StorageError, match="privacybot db upgrade"):
            async with db.transaction(readonly=True) as tx:
                await tx.tickets.list()
    finally:
        await db.close()


async def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not a SQLite file at all" * 100)
    with pytest.raises(StorageError, match="not a database"):
        await open_database(f"sqlite+aiosqlite:///{path}")


async def test_unreachable_and_bad_urls(tmp_path: Path) -> None:
    with pytest.raises(UnavailableError, match="unable to open"):
        await Database.connect(f"sqlite+aiosqlite:///{tmp_path}/missing/dir/x.db")
    with pytest.raises(UnavailableError):
        await Database.connect("postgresql+asyncpg://nobody@127.0.0.1:1/none")
    with pytest.raises(StorageError, match="unsupported database URL"):
        await Database.connect("mysql://root:secret@localhost/db")
    with pytest.raises(StorageError, match="not a database URL"):
        await Database.connect("nonsense")
    with pytest.raises(StorageError, match="in-memory"):
        await Database.connect("sqlite+aiosqlite://")


async def test_unsupported_url_never_shows_the_password() -> None:
    with pytest.raises(StorageError) as caught:
        await Database.connect("mysql://root:hunter2@localhost/db")
    assert "hunter2" not in str(caught.value)


async def test_postgresql_gone_mid_life_is_unavailable(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("dropping a live database is a PostgreSQL scenario")
    import asyncpg  # type: ignore[import-untyped]
    from sqlalchemy.engine import make_url

    db = await open_database(database_url)
    try:
        async with db.transaction() as tx:
            await make_ticket(tx)
        url = make_url(database_url)
        admin = await asyncpg.connect(
            url.set(drivername="postgresql", database="postgres").render_as_string(
                hide_password=False))
        try:
            await admin.execute(f'DROP DATABASE "{url.database}" WITH (FORCE)')
        finally:
            await admin.close()
        with pytest.raises(UnavailableError):
            await _create_one(db)
    finally:
        await db.close()


async def test_sqlite_writers_of_one_process_queue_and_cancel_cleanly(tmp_path: Path) -> None:
    db = await open_database(f"sqlite+aiosqlite:///{tmp_path / 'q.db'}", busy_timeout=0.3)
    try:
        async def nested() -> None:
            async with db.transaction() as outer:
                await make_ticket(outer)
                async with db.transaction() as inner:  # would wait on itself forever
                    await make_ticket(inner)

        with pytest.raises(UnavailableError, match="locked"):
            await nested()

        release = asyncio.Event()

        async def hold() -> None:
            async with db.transaction() as tx:
                await make_ticket(tx)
                await release.wait()

        holder = asyncio.create_task(hold())
        await asyncio.sleep(0.05)
        waiter = asyncio.create_task(_create_one(db))
        await asyncio.sleep(0.05)
        waiter.cancel()  # a cancelled waiter must not keep or lose the writer's turn
        release.set()
        await holder
        with pytest.raises(asyncio.CancelledError):
            await waiter
        await _create_one(db)
        async with db.transaction(readonly=True) as tx:
            assert await tx.tickets.count() == 2
    finally:
        await db.close()


async def test_the_callers_own_errors_pass_through_unchanged(db: Database) -> None:
    async def write_file_inside() -> None:
        async with db.transaction() as tx:
            await make_ticket(tx)
            raise FileNotFoundError("outbox/x.eml")  # e.g. a channel's own I/O failing

    with pytest.raises(FileNotFoundError):
        await write_file_inside()
    async with db.transaction(readonly=True) as tx:
        assert await tx.tickets.count() == 0


async def test_processes_starting_together_upgrade_once(database_url: str) -> None:
    databases = [await Database.connect(database_url) for _ in range(3)]
    try:
        revisions = await asyncio.gather(*(db.upgrade() for db in databases))
        assert revisions == [head_revision()] * 3
    finally:
        for db in databases:
            await db.close()


async def test_a_database_from_a_newer_privacybot_is_refused(db: Database) -> None:
    async with db.transaction() as tx:
        await tx.connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StorageError, match="does not know"):
        await db.upgrade()
