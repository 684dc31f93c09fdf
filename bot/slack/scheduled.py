"""What the daily digest and the monthly summary share: a job that wakes every `interval`
seconds, does what is due at that moment (`due(now)`), and stops at the end of its round.

Whether something is due, and remembering that it was done, belong to each job: they keep
their own cursors in storage, so a restart repeats nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import UTC, datetime

from slack_sdk.web.async_client import AsyncWebClient

from bot.organisations import Organisations
from storage import Database


class ScheduledPost:
    """The loop around one scheduled Slack post; subclasses say what `due(now)` sends."""

    def __init__(self, *, db: Database, orgs: Organisations, client: AsyncWebClient,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 interval: float) -> None:
        self._db = db
        self._orgs = orgs
        self._client = client
        self._clock = clock
        self._interval = interval
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        self._stopping.clear()
        while not self._stopping.is_set():
            await self.due(self._clock())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self._interval)

    async def due(self, now: datetime) -> list[str]:
        """Send what is due at `now`; the ids of the organisations it went to."""
        raise NotImplementedError
