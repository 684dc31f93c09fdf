"""Fixtures for the channel tests: the running service over each database kind."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.channels.harness import Harness, running_service


@pytest.fixture
async def service(database_url: str, tmp_path: Path,
                  premigrated: None) -> AsyncIterator[Harness]:
    async with running_service(database_url, tmp_path) as harness:
        yield harness
