"""The loop that follows the event log for Slack: look, post, sleep until poked or the tick.

The ticket notifier and the triage notifier each read the events after their own cursor and
post what they mean; this is the part they share: a round on demand (`poke`), a clean stop
after the round in hand, and a backoff while Slack or the database is away.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

log = logging.getLogger(__name__)


class EventFollower:
    """Subclasses give `run_once()`, which handles what is new and returns how many it read."""

    name = "slack follower"

    def __init__(self, *, batch: int, interval: float) -> None:
        self._batch = batch
        self._interval = interval
        self._wake = asyncio.Event()
        self._stopping = False

    async def run_once(self) -> int:
        raise NotImplementedError

    def poke(self) -> None:
        """Something just changed here: look now instead of at the next tick."""
        self._wake.set()

    def stop(self) -> None:
        """Finish the round in hand, then leave run(): no Slack call is cut in half."""
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        self._stopping = False
        backoff = self._interval
        while not self._stopping:
            self._wake.clear()  # before looking, so a poke during the round is not lost
            try:
                handled = await self.run_once()
                backoff = self._interval
            except Exception:  # Slack or the database away: try again later, lose nothing
                log.exception("%s: will retry in %.0fs", self.name, backoff)
                handled = 0
                backoff = min(backoff * 2, 60.0)
            if handled >= self._batch:
                continue  # more waiting
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), backoff)
