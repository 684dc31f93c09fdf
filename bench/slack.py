"""Benchmark Slack's acknowledgement: signed events over HTTP from concurrent clients.

Runs the real SlackService (bolt app, SQLite storage, the knowledge base on the shipped
policies) mounted on an aiohttp server on loopback, with the Web API pointed at the recording
fake Slack server from the tests. Each of `--clients` clients sends signed `app_mention` and
DM `message` events (unique event ids) as fast as it is acknowledged, and the time from send to
the HTTP response is recorded. Slack wants the acknowledgement within 3 s; the goal here is a
p99 under 100 ms at 50 concurrent clients. The answers themselves are produced after the
acknowledgement; the bench also waits for all of them and reports that rate separately.
Prints figures; asserts nothing.

Run: .venv/bin/python bench/slack.py [--clients 50] [--events 1500]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.desk import Desk  # noqa: E402 - after the path setup above
from bot.knowledge_base import build_knowledge_base  # noqa: E402
from bot.organisations import load_organisations  # noqa: E402
from bot.settings import DEFAULT_CONFIG, Settings  # noqa: E402
from bot.slack.service import ROUTE, SlackService  # noqa: E402
from bot.slack.signing import event_body, signed_headers  # noqa: E402
from storage import open_database  # noqa: E402
from tests.slack.fake_slack import FakeSlack  # noqa: E402

SECRET = "bench-signing-secret"
QUESTIONS = [
    "How long do we keep correspondence?",
    "Who is the data controller?",
    "Do we share data with third parties?",
    "How can someone complain to the ICO?",
    "What is the airspeed velocity of an unladen swallow?",
    "Do we use cookies for analytics?",
]


def event(n: int) -> dict[str, object]:
    text = QUESTIONS[n % len(QUESTIONS)]
    if n % 2:
        return {"type": "app_mention", "channel": "CBENCH", "user": "UBENCH",
                "text": f"<@UBOT> {text}", "ts": f"1700000000.{n:06d}"}
    return {"type": "message", "channel": "DBENCH", "channel_type": "im", "user": "UBENCH",
            "text": text, "ts": f"1700000000.{n:06d}"}


async def client(session: aiohttp.ClientSession, url: str, numbers: list[int],
                 latencies: list[float], statuses: dict[int, int]) -> None:
    for n in numbers:
        body = event_body(event(n), event_id=f"EvBench{n:07d}")
        headers = signed_headers(SECRET, body)
        started = time.perf_counter()
        async with session.post(url, data=body.encode(), headers=headers) as response:
            await response.read()
            latencies.append(time.perf_counter() - started)
            statuses[response.status] = statuses.get(response.status, 0) + 1


async def load(url: str, clients: int, numbers: list[int]
               ) -> tuple[list[float], dict[int, int], float]:
    """The clients' side: (latencies, statuses, seconds for all)."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()
        await asyncio.gather(*(client(session, url, numbers[i::clients], latencies, statuses)
                               for i in range(clients)))
        return latencies, statuses, time.perf_counter() - started


def load_in_process(url: str, clients: int, numbers: list[int]
                    ) -> tuple[list[float], dict[int, int], float]:
    """Run in a separate process, so the clients do not share the server's event loop."""
    return asyncio.run(load(url, clients, numbers))


async def run(clients: int, events: int) -> None:
    fake = await FakeSlack().start()
    with tempfile.TemporaryDirectory() as tmp:
        db = await open_database(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}")
        orgs = load_organisations(DEFAULT_CONFIG)
        settings = Settings.model_validate({"SLACK_BOT_TOKEN": "xoxb-bench",
                                            "SLACK_SIGNING_SECRET": SECRET,
                                            "SLACK_API_URL": fake.base_url, "data_dir": tmp})
        desk = Desk(db, orgs, secret=b"bench-secret-0123456789abcdefghij",
                    public_url="http://bench.test", clock=lambda: datetime.now(UTC))
        service = SlackService.create(settings=settings, orgs=orgs, db=db, desk=desk,
                                      kb=build_knowledge_base(orgs))
        assert service is not None
        app = web.Application()
        service.mount(app)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        url = f"http://127.0.0.1:{port}{ROUTE}"
        pool = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn"))
        try:
            loop = asyncio.get_running_loop()
            # Warm-up: auth.test, the first database connections, code paths.
            warm = list(range(10**6, 10**6 + clients))
            await loop.run_in_executor(pool, load_in_process, url, clients, warm)
            await fake.wait_for("chat.postMessage", clients, within=60)
            fake.clear()
            started = time.perf_counter()
            latencies, statuses, acked = await loop.run_in_executor(
                pool, load_in_process, url, clients, list(range(events)))
            await fake.wait_for("chat.postMessage", events, within=300)
            answered = time.perf_counter() - started
        finally:
            pool.shutdown()
            await runner.cleanup()
            await db.close()
            await fake.stop()
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"slack ack over HTTP: {events} signed events, {clients} concurrent clients")
    print(f"  statuses            {statuses}")
    print(f"  ack latency median  {statistics.median(ordered) * 1000:7.1f} ms")
    print(f"  ack latency p99     {p99 * 1000:7.1f} ms   (goal < 100 ms)")
    print(f"  ack latency max     {ordered[-1] * 1000:7.1f} ms")
    print(f"  acknowledged        {events / acked:7.0f} events/s")
    print(f"  answered (posted)   {events / answered:7.0f} events/s "
          f"(all {events} answers in {answered:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--events", type=int, default=1500)
    args = parser.parse_args()
    asyncio.run(run(args.clients, args.events))


if __name__ == "__main__":
    main()
