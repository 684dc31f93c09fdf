"""When the database fails mid-delivery the sender is told 451 and nothing is lost; a clean
shutdown finishes the message in hand."""

from __future__ import annotations

import asyncio

import aiohttp

from tests.channels.harness import Harness, make_mail
from tests.channels.outage import database_outage, lock_sqlite


async def test_database_outage_answers_451_and_the_retry_succeeds(service: Harness,
                                                                   database_url: str) -> None:
    raw = make_mail("Hello, a question about my account.", message_id="<retry-1@example.org>")
    async with database_outage(database_url):
        code, text = await service.send(raw)
        assert code == 451, text
        assert text.startswith("4.3.0")
    assert await service.message_count() == 0
    code, _ = await service.send(raw)  # what the sending server does later
    assert code == 250
    assert await service.message_count() == 1
    assert (await service.send(raw))[0] == 250  # and once more: still one
    assert await service.message_count() == 1


async def test_healthz_reports_an_unreachable_database(service: Harness,
                                                       database_url: str) -> None:
    if database_url.startswith("sqlite"):
        # A locked SQLite file still answers reads (WAL); only PostgreSQL can be "down" here.
        return
    async with database_outage(database_url), aiohttp.ClientSession() as http, \
            http.get(service.http_url + "/healthz") as resp:
        assert resp.status == 503
        assert (await resp.json())["checks"] == {"database": False, "smtp": True,
                                                  "outbox": True}
    async with aiohttp.ClientSession() as http, http.get(service.http_url + "/healthz") as resp:
        assert resp.status == 200


async def test_shutdown_finishes_the_message_in_hand(service: Harness,
                                                     database_url: str) -> None:
    raw = make_mail("Hello, one more question.", message_id="<inhand-1@example.org>")
    if not database_url.startswith("sqlite"):
        return  # the slow commit below is staged with a SQLite lock
    from sqlalchemy.engine import make_url

    locker = await lock_sqlite(str(make_url(database_url).database))
    try:
        sending = asyncio.create_task(service.send(raw))
        handler = service.runtime.smtp.handler if service.runtime.smtp else None
        assert handler is not None
        await service.wait_for(lambda: bool(handler._work))  # the DATA is in hand
        stopping = asyncio.create_task(service.runtime.stop())
        await asyncio.sleep(0.2)
        assert not stopping.done()  # waiting for the message, not dropping it
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    code, _ = await sending
    await stopping
    assert code == 250
    assert await service.message_count() == 1
