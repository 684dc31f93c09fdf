"""The database probe behind /healthz: ok only when a write has just been seen to commit.

"The database answers SELECT 1" said ok while nothing could be stored (the file deleted,
immutable, the disk full). The probe calls `Database.check_writable()`, which checks the
SQLite file and commits an update of the heartbeat row; its error is the reason /healthz
gives with its 503.

/healthz can be asked by anyone who reaches the HTTP server, and each check is an fsynced
commit that takes the writer's turn from the intake; so requests that arrive while a check
runs share its result, and a passing result is reused for `interval` seconds (the file's own
check, `quick`, runs on every request: it is two stat calls). A failing result is not reused
by later requests, so recovery shows at once.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from storage.errors import StorageError, UnavailableError


class WriteProbe:
    """A HealthProbe: True, or UnavailableError with the one-line reason."""

    def __init__(self, check: Callable[[], Awaitable[None]], *,
                 quick: Callable[[], None] | None = None, interval: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._check = check
        self._quick = quick
        self._interval = interval
        self._clock = clock
        self._lock = asyncio.Lock()
        self._checked_at: float | None = None
        self._problem: str | None = None

    async def __call__(self) -> bool:
        if self._quick is not None:
            try:
                self._quick()
            except StorageError as exc:
                raise UnavailableError(_one_line(exc)) from exc
        asked_at = self._clock()
        async with self._lock:
            if not self._still_valid(asked_at):
                try:
                    await self._check()
                except StorageError as exc:
                    self._problem = _one_line(exc)
                else:
                    self._problem = None
                self._checked_at = self._clock()
            problem = self._problem
        if problem is not None:
            raise UnavailableError(problem)
        return True

    def _still_valid(self, asked_at: float) -> bool:
        if self._checked_at is None:
            return False
        if self._checked_at > asked_at:  # it finished while this request waited
            return True
        return self._problem is None and self._clock() - self._checked_at < self._interval


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
