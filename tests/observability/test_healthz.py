"""/healthz reports each part the process runs and fails (503) when one is down."""

from __future__ import annotations

import asyncio
import os
from typing import Any

import aiohttp
import pytest

from bot.channels.health import check_parts
from tests.channels.harness import Harness


async def healthz(service: Harness) -> tuple[int, dict[str, Any]]:
    async with aiohttp.ClientSession() as http, \
            http.get(service.http_url + "/healthz") as resp:
        return resp.status, await resp.json()


async def test_every_part_up(service: Harness) -> None:
    status, body = await healthz(service)
    assert status == 200
    assert body["status"] == "ok"
    assert body["parts"] == {"database": {"status": "up"}, "smtp": {"status": "up"},
                             "outbox": {"status": "up"}}
    assert "reason" not in body


async def test_a_gone_database_is_down_and_the_rest_up(service: Harness,
                                                       database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("a database file is a SQLite matter")
    from sqlalchemy.engine import make_url

    path = str(make_url(database_url).database)
    for suffix in ("", "-wal", "-shm"):
        await asyncio.to_thread(lambda p=f"{path}{suffix}": os.path.exists(p) and os.unlink(p))
    status, body = await healthz(service)
    assert status == 503
    assert body["status"] == "unhealthy"
    database = body["parts"]["database"]
    assert database["status"] == "down"
    assert "removed or replaced" in database["reason"]
    assert body["parts"]["smtp"] == {"status": "up"}
    assert body["parts"]["outbox"] == {"status": "up"}
    assert body["reason"] == f"database: {database['reason']}"
    assert "\n" not in body["reason"]


async def test_smtp_not_listening_is_down(service: Harness) -> None:
    assert service.runtime.smtp is not None
    await service.runtime.smtp.stop(grace=1.0)
    status, body = await healthz(service)
    assert status == 503
    assert body["parts"]["smtp"] == {"status": "down", "reason": "not listening"}
    assert body["parts"]["database"] == {"status": "up"}
    assert body["reason"] == "smtp: not listening"


async def test_probes_that_fail_each_give_one_line() -> None:
    async def up() -> bool:
        return True

    async def false() -> bool:
        return False

    async def raises() -> bool:
        raise ConnectionError("Socket Mode\ndisconnected " + "x" * 300)

    healthy, body = await check_parts({"database": up, "outbox": false, "slack": raises})
    assert not healthy
    assert body["checks"] == {"database": True, "outbox": False, "slack": False}
    assert body["parts"]["outbox"] == {"status": "down", "reason": "failed"}
    slack = body["parts"]["slack"]["reason"]
    assert slack.startswith("Socket Mode disconnected x")
    assert len(slack) == 200
    assert body["reason"] == f"outbox: failed; slack: {slack}"
    assert await check_parts({}) == (True, {"status": "ok", "checks": {}, "parts": {}})
