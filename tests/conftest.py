"""Fixtures shared by the whole suite: paths to shared material and fresh databases.

`database_url` gives each test its own database: a SQLite file always, and a fresh
PostgreSQL database when TEST_DATABASE_URL is set (CI sets it); otherwise that case is
skipped and says why. It is empty, unless the test also uses `db` or `premigrated`: then it
is a copy of a database migrated once per run (a template), since running the migrations for
every one of several hundred tests cost a minute and a half of the suite.
"""

from __future__ import annotations

import asyncio
import collections
import os
import shutil
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.knowledge_base import keep_embeddings_in
from bot.organisations import Organisations, load_organisations
from bot.settings import Settings
from intents.failures import FAILURES
from storage import Database, open_database
from tests import pg_reset

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
POLICIES = ROOT / "bot" / "defaults" / "policies"
DEFAULT_CONFIG = ROOT / "bot" / "defaults" / "organisations.toml"


def pytest_configure(config: pytest.Config) -> None:
    """Tests build knowledge bases as the service does: policies' embeddings kept in the
    settings' folder, so each test process reads them instead of embedding them again."""
    keep_embeddings_in(Settings().embeddings_dir)


@pytest.fixture(autouse=True)
def _no_hidden_defects(request: pytest.FixtureRequest) -> object:
    """Reading and classifying never raise, so their guards must not hide a defect: any test
    during which one caught more than malformed input fails (intents.failures), unless it is
    marked as provoking one on purpose."""
    before = FAILURES.counts()
    yield
    if request.node.get_closest_marker("provokes_failure") is None:
        assert FAILURES.counts() == before, "a guard in intents caught a defect (see the log)"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared material not found at {SHARED}")
    return SHARED


def _pg_admin_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


# Migrated templates, made on first use and dropped at the end of the run.
_TEMPLATES: dict[str, str] = {}
# PostgreSQL databases a test has finished with, put back as they were made (tests/pg_reset.py)
# for the next test of this process, by template ("" for an empty one): making a database
# costs half a second of the server's fsyncs, and the suite makes over 800.
_PG_FREE: dict[str, list[str]] = collections.defaultdict(list)


async def _sqlite_template(tmp_root: Path) -> Path:
    if "sqlite" not in _TEMPLATES:
        path = tmp_root / "template.db"
        database = await open_database(f"sqlite+aiosqlite:///{path}")
        await database.close()
        _TEMPLATES["sqlite"] = str(path)
    return Path(_TEMPLATES["sqlite"])


async def _pg_template(dsn: str, admin_url: str) -> str:
    if "postgresql" not in _TEMPLATES:
        import asyncpg
        from sqlalchemy.engine import make_url

        name = f"pb_template_{uuid.uuid4().hex[:12]}"
        admin = await asyncpg.connect(dsn)
        try:
            await admin.execute(f'CREATE DATABASE "{name}"')
        finally:
            await admin.close()
        url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        database = await open_database(url)
        await database.close()  # a template may have no connections when it is copied
        _TEMPLATES["postgresql"] = name
    return _TEMPLATES["postgresql"]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    name, admin_url = _TEMPLATES.get("postgresql"), _pg_admin_url()
    names = [n for free in _PG_FREE.values() for n in free] + ([name] if name else [])
    if names and admin_url:
        import asyncpg
        from sqlalchemy.engine import make_url

        dsn = make_url(admin_url).set(drivername="postgresql").render_as_string(
            hide_password=False)

        async def drop() -> None:
            admin = await asyncpg.connect(dsn)
            try:
                for each in names:
                    await admin.execute(f'DROP DATABASE IF EXISTS "{each}" WITH (FORCE)')
            finally:
                await admin.close()

        asyncio.run(drop())


@pytest.fixture
def premigrated() -> None:
    """Asked for, by a test or one of its fixtures, when its `database_url` should come
    migrated although the test does not use `db`: the tests of a running service, which
    would otherwise migrate an empty database at each start. On PostgreSQL a database the
    service migrated cannot be put back empty, so each such test also made and dropped one
    (a second a test under load, over a hundred tests). Starting on an empty database is
    tested where that is the point: tests/storage/test_cli_db.py, tests/test_serve.py and
    tests/observability/test_intake_story_logs.py (a running service on both kinds)."""


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path,
                       tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A URL to a fresh database of each supported kind (migrated when the test uses `db`)."""
    migrated = "db" in request.fixturenames or "premigrated" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "privacybot.db"
        if migrated:
            shutil.copyfile(await _sqlite_template(tmp_path_factory.getbasetemp()), path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    admin_url = _pg_admin_url()
    if admin_url is None:
        pytest.skip("PostgreSQL suite skipped: TEST_DATABASE_URL is not set")
    import asyncpg  # only needed for the PostgreSQL case
    from sqlalchemy.engine import make_url

    url = make_url(admin_url)
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    template = await _pg_template(dsn, admin_url) if migrated else None
    free = _PG_FREE[template or ""]
    if free:
        name = free.pop()
    else:
        name = f"pb_test_{uuid.uuid4().hex[:12]}"
        admin = await asyncpg.connect(dsn)
        try:
            copy = f' TEMPLATE "{template}"' if template else ""
            await admin.execute(f'CREATE DATABASE "{name}"{copy}')
        finally:
            await admin.close()
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        # An empty database the test migrated to head is put back as a copy of the migrated
        # template, for a later test that wants one: a DROP DATABASE waits for a checkpoint
        # here, one to several seconds on a busy server.
        migrated_template = _TEMPLATES.get("postgresql")
        if await pg_reset.reset(dsn, name, template):
            free.append(name)
        elif (template is None and migrated_template is not None
              and await pg_reset.reset(dsn, name, migrated_template)):
            _PG_FREE[migrated_template].append(name)
        else:
            admin = await asyncpg.connect(dsn)
            try:
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            finally:
                await admin.close()


@pytest.fixture
def data_dir_database(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tmp_path as a data dir whose database exists, as `db upgrade` or `serve` leave it:
    every other command only opens an existing database, and creates none."""
    return migrated_data_dir(tmp_path, tmp_path_factory)


def migrated_data_dir(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Put a migrated database into `folder` (a data dir) and return the folder."""
    template = asyncio.run(_sqlite_template(tmp_path_factory.getbasetemp()))
    shutil.copyfile(template, folder / "privacybot.db")
    return folder


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
