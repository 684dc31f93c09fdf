"""Fixtures for the triage suite: an upgraded Database on each backend."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from storage import Database


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = await Database.connect(database_url)
    await database.upgrade()
    try:
        yield database
    finally:
        await database.close()
