"""Migration 0010: indexes a retention run does not rewrite at random places.

A database at 0009 with outbox copies (some masked by retention) is upgraded: the tickets'
index on the address as written is gone, the outbox's address index leaves masked copies out,
the per-address counts are what they were, and on SQLite the intake's count is still served
by that index. The downgrade gives 0009's indexes back.
"""

from __future__ import annotations

from datetime import timedelta

from alembic import command
from sqlalchemy import Connection, insert, select, text

from bot.workflow.retention import ERASED, PSEUDONYM_PREFIX
from storage import Database, tables
from storage.migrate import alembic_config, head_revision
from tests.storage.conftest import NOW, make_ticket


def _to(revision: str, downgrade: bool = False) -> object:
    def run(connection: Connection) -> None:
        config = alembic_config(connection)
        (command.downgrade if downgrade else command.upgrade)(config, revision)
    return run


async def _indexes(db: Database) -> dict[str, str]:
    """Index name -> its definition, as the database itself states it (SQLAlchemy's
    reflection skips expression indexes on SQLite)."""
    query = ("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
             if db.dialect == "sqlite" else
             "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'")
    async with db.engine.connect() as conn:
        return {str(name): str(sql) for name, sql in (await conn.exec_driver_sql(query)).all()}


def test_storage_masks_as_retention_does() -> None:
    assert (tables.MASKED_PREFIX, tables.ERASED_ADDRESS) == (PSEUDONYM_PREFIX, ERASED)


async def test_upgrade_from_0009_keeps_the_counts_and_drops_masked_entries(
        database_url: str) -> None:
    db = await Database.connect(database_url)
    try:
        async with db.engine.begin() as conn:
            await conn.run_sync(_to("0009"))
        async with db.transaction() as tx:
            ticket = await make_ticket(tx)
            rows = [(f"<{number}@x>", address) for number, address in enumerate(
                ["Ada@Example.org", "ada@example.org", f"{PSEUDONYM_PREFIX}0123abcd", ERASED,
                 "bob@example.org"])]
            for message_id, address in rows:
                await tx.connection.execute(insert(tables.outbox).values(
                    organisation="aimigos", ticket_id=ticket.id, kind="acknowledgement",
                    to_address=address, message_id=message_id, raw=b"x", status="sent",
                    attempts=1, next_attempt_at=NOW, created_at=NOW))
            before = await tx.outbox.counts_to_addresses_since(
                "aimigos", ["ada@example.org", "bob@example.org"], NOW - timedelta(days=1))
        async with db.engine.begin() as conn:
            await conn.run_sync(_to("head"))
        assert await db.revision() == head_revision() == "0010"
        indexes = await _indexes(db)
        assert "ix_tickets_requester" not in indexes
        assert "pseudonym:" in indexes["ix_outbox_to_address_lower"]
        async with db.transaction() as tx:
            after = await tx.outbox.counts_to_addresses_since(
                "aimigos", ["ada@example.org", "bob@example.org"], NOW - timedelta(days=1))
            one = await tx.outbox.count_to_address_since("aimigos", "ADA@example.org",
                                                         NOW - timedelta(days=1))
        assert before == after == {"ada@example.org": 2, "bob@example.org": 1}
        assert one == 2
        if db.dialect == "sqlite":  # the index holds the three real addresses only
            async with db.transaction(readonly=True) as tx:
                entries = (await tx.connection.execute(text(
                    "SELECT count(*) FROM outbox INDEXED BY ix_outbox_to_address_lower "
                    "WHERE to_address NOT LIKE 'pseudonym:%' AND to_address != '[erased]' "
                    "AND lower(to_address) > ''"))).scalar()
            assert entries == 3
        async with db.engine.begin() as conn:
            await conn.run_sync(_to("0009", downgrade=True))
        indexes = await _indexes(db)
        assert "ix_tickets_requester" in indexes
        assert "pseudonym:" not in indexes["ix_outbox_to_address_lower"]
    finally:
        await db.close()


async def test_the_daily_limits_count_uses_the_partial_index_on_sqlite(db: Database) -> None:
    if db.dialect != "sqlite":
        return
    async with db.transaction(readonly=True) as tx:
        stmt = select(tables.outbox.c.id).where(
            tables.outbox.c.organisation == "aimigos",
            tables.unmasked_address(tables.outbox.c.to_address),
            tables.outbox.c.created_at >= NOW)
        lowered = stmt.where(text("lower(to_address) = 'ada@example.org'"))
        compiled = lowered.compile(dialect=tx.connection.dialect,
                                   compile_kwargs={"literal_binds": True})
        plan = (await tx.connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")).all()
    assert any("ix_outbox_to_address_lower" in str(row) for row in plan), plan
