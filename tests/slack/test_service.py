"""SlackService as the runtime drives it: start the loops, follow new tickets, stop."""

from __future__ import annotations

import pytest

from bot.desk import Desk
from bot.slack.service import SlackService
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
