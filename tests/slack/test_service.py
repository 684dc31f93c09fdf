"""SlackService as the runtime drives it: start the loops, follow new tickets, stop."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from bot.desk import Desk
from bot.slack.service import SlackService
from storage import Database
from tests.slack.conftest import AIM_CHANNEL, open_ticket
from tests.slack.fake_slack import FakeSlack

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


async def test_started_service_posts_new_tickets_and_stops_cleanly(
        service: SlackService, fake: FakeSlack, desk: Desk) -> None:
    assert not service.socket_mode
    await service.start()
    try:
        assert service.healthy()
        reference = (await open_ticket(desk, ["complaint"])).reference or ""
        service.notifier.poke()
        [card] = await fake.wait_for("chat.postMessage",
                                     where=lambda c: "thread_ts" not in c.args)
        assert card.args["channel"] == AIM_CHANNEL
        assert reference in str(card.args["blocks"])
        assert service.healthy()
    finally:
        await service.stop()
    assert service.healthy()  # stopped cleanly: no loop died


async def test_listen_only_starts_no_loops(service: SlackService, fake: FakeSlack,
                                           desk: Desk) -> None:
    await service.start(notify=False)
    try:
        await open_ticket(desk, ["complaint"])
        service.notifier.poke()
        assert fake.of("chat.postMessage") == []
    finally:
        await service.stop()


async def test_handled_event_ids_older_than_a_day_are_forgotten(
        service: SlackService, db: Database) -> None:
    now = datetime.now(UTC)
    async with db.transaction() as tx:
        assert await tx.slack.mark_seen("Ev-old", at=now - timedelta(days=2))
        assert await tx.slack.mark_seen("Ev-new", at=now - timedelta(minutes=5))
    await service.start()  # the loops include the pruning one, which runs at once
    try:
        for _ in range(200):
            async with db.transaction(readonly=True) as tx:
                left = (await tx.connection.execute(text(
                    "SELECT event_id FROM slack_seen_events ORDER BY event_id"))).scalars().all()
            if list(left) == ["Ev-new"]:
                break
            await asyncio.sleep(0.01)
        else:
            pytest.fail("the old event id was never forgotten")
        assert service.healthy()
    finally:
        await service.stop()
    async with db.transaction() as tx:
        assert not await tx.slack.mark_seen("Ev-new")  # a retry of a recent one is still known
    assert await service.prune_seen_events(now) == 0
