"""Real database outages for the tests: a SQLite file locked by another connection, or a
PostgreSQL database that refuses connections (and whose sessions were terminated)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.engine import make_url


async def lock_sqlite(path: str) -> sqlite3.Connection:
    """Another connection holding the write lock (retrying while the worker has it)."""
    locker = sqlite3.connect(path, isolation_level=None, timeout=0.1)
    for _ in range(100):
        try:
            locker.execute("BEGIN EXCLUSIVE")
            return locker
        except sqlite3.OperationalError:
            await asyncio.sleep(0.02)
    locker.close()
    raise AssertionError("could not lock the SQLite file")


@asynccontextmanager
async def database_outage(database_url: str) -> AsyncIterator[None]:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        locker = await lock_sqlite(str(url.database))  # every other writer now times out
        try:
            yield
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        return
    import asyncpg

    name = url.database
    dsn = url.set(drivername="postgresql", database="postgres").render_as_string(
        hide_password=False)
    admin = await asyncpg.connect(dsn)
    try:
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        await admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = $1 AND pid <> pg_backend_pid()", name)
        yield
    finally:
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        await admin.close()
