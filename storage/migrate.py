"""Alembic, driven from code: `await db.upgrade()` runs the packaged migrations to head.

Alembic is synchronous; it runs inside `AsyncConnection.run_sync` on the Database's own
engine (passed in as the engine, so this module needs nothing of storage.database, which
imports it), handed to env.py through `config.attributes["connection"]` (the Alembic cookbook's
connection sharing), so it works inside a running event loop and within one transaction.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.boundary import TRANSLATED, translate
from storage.errors import StorageError

MIGRATIONS = Path(__file__).parent / "migrations"
_MIGRATION_LOCK = 0x70626D67  # "pbmg": names privacybot's migration lock in PostgreSQL


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


# Read once a process: Alembic reads a revision by executing its file, and every opening of a
# database asks for both (each command, each start; in the test suite over a thousand times, at
# about ten milliseconds each). The files shipped with a version do not change under it.
@cache
def _shipped() -> tuple[str | None, frozenset[str]]:
    scripts = ScriptDirectory.from_config(alembic_config())
    return scripts.get_current_head(), frozenset(s.revision for s in scripts.walk_revisions())


def head_revision() -> str | None:
    """The newest revision shipped with this version of privacybot."""
    return _shipped()[0]


def known_revisions() -> set[str]:
    """Every revision shipped with this version (a database at another one is newer)."""
    return set(_shipped()[1])


def _current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _upgrade(connection: Connection) -> str | None:
    current = _current(connection)
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise StorageError(
            f"the database is at schema revision {current}, which this version of privacybot "
            f"does not know (newest known: {head}); upgrade privacybot")
    if current != head:
        command.upgrade(alembic_config(connection), "head")
    return _current(connection)


async def upgrade_to_head(engine: AsyncEngine) -> str | None:
    """Migrate to head in one transaction (a no-op when already there); the revision."""
    try:
        async with engine.connect() as conn, conn.begin():
            if conn.dialect.name == "postgresql":
                # Processes starting together (web, smtp, worker) take turns; the later ones
                # then find the schema at head. SQLite's BEGIN IMMEDIATE does the same.
                await conn.execute(text(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})"))
            revision: str | None = await conn.run_sync(_upgrade)
            return revision
    except TRANSLATED as exc:
        raise translate(exc, "upgrading the database") from exc


async def current_revision(engine: AsyncEngine) -> str | None:
    try:
        async with engine.connect() as conn:
            revision: str | None = await conn.run_sync(_current)
            return revision
    except TRANSLATED as exc:
        raise translate(exc, "reading the schema revision") from exc
