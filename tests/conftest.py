"""Fixtures shared by the whole suite: paths to shared material and fresh databases.

`database_url` gives each test its own empty database: a SQLite file always, and a fresh
PostgreSQL database when TEST_DATABASE_URL is set (CI sets it); otherwise that case is
skipped and says why.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.organisations import Organisations, load_organisations
from storage import Database, open_database

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
POLICIES = ROOT / "bot" / "defaults" / "policies"
DEFAULT_CONFIG = ROOT / "bot" / "defaults" / "organisations.toml"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared material not found at {SHARED}")
    return SHARED


def _pg_admin_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A URL to a fresh, empty database of each supported kind."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'privacybot.db'}"
        return
    admin_url = _pg_admin_url()
    if admin_url is None:
        pytest.skip("PostgreSQL suite skipped: TEST_DATABASE_URL is not set")
    import asyncpg  # only needed for the PostgreSQL case
    from sqlalchemy.engine import make_url

    url = make_url(admin_url)
    name = f"pb_test_{uuid.uuid4().hex[:12]}"
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    admin = await asyncpg.connect(dsn)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        admin = await asyncpg.connect(dsn)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@pytest.fixture
def orgs() -> Organisations:
    """The two shipped organisations (suites with their own config override this)."""
    return load_organisations(DEFAULT_CONFIG)


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    """A migrated database of each kind, closed after the test."""
    database = await open_database(database_url)
    try:
        yield database
    finally:
        await database.close()
