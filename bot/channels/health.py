"""/healthz: each part of the service this process runs (database, SMTP, Slack, outbox),
and the database probe behind it, ok only when a write has just been seen to commit.

    GET /healthz -> 200 {"status": "ok", "checks": {"database": true, ...},
                         "parts": {"database": {"status": "up"}, ...}}
                 -> 503 {"status": "unhealthy", "reason": "database: ...; smtp: not listening",
                         "parts": {"database": {"status": "down", "reason": "..."}, ...}}

A part is a probe: an async callable that returns True, or returns False or raises with the
one-line reason. Parts that run in another process (`serve --only`) are not reported here.

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
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from aiohttp import web

from storage.errors import StorageError, UnavailableError

log = logging.getLogger(__name__)

HealthProbe = Callable[[], Awaitable[bool]]
PROBES_KEY: web.AppKey[Mapping[str, HealthProbe]] = web.AppKey("privacybot.probes")
MAX_REASON = 200


async def check_parts(probes: Mapping[str, HealthProbe]) -> tuple[bool, dict[str, Any]]:
    """Ask every probe; (healthy, the JSON body /healthz answers with)."""
    parts: dict[str, dict[str, str]] = {}
    for name, probe in probes.items():
        try:
            up = bool(await probe())
            reason = "" if up else "failed"
        except Exception as exc:  # a probe that raises is a failing probe, not a 500
            log.warning("healthz: %s probe failed: %s: %s", name, type(exc).__name__, exc)
            up, reason = False, _one_line(exc)[:MAX_REASON] or "failed"
        parts[name] = {"status": "up"} if up else {"status": "down", "reason": reason}
    healthy = all(part["status"] == "up" for part in parts.values())
    body: dict[str, Any] = {
        "status": "ok" if healthy else "unhealthy",
        "checks": {name: part["status"] == "up" for name, part in parts.items()},
        "parts": parts,
    }
    if not healthy:
        body["reason"] = "; ".join(f"{name}: {part['reason']}" for name, part in parts.items()
                                   if part["status"] != "up")
    return healthy, body


async def healthz(request: web.Request) -> web.Response:
    """200 when every part is up; else 503 with `reason`, one line naming what is down."""
    healthy, body = await check_parts(request.app[PROBES_KEY])
    return web.json_response(body, status=200 if healthy else 503,
                             headers={"Cache-Control": "no-store"})


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
