"""Socket Mode: with SLACK_APP_TOKEN the app connects out to (fake) Slack's WebSocket,
acknowledges each envelope and answers, and reports its health from the connection."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

import pytest

from bot.desk import Desk
from bot.knowledge_base import build_knowledge_base
from bot.organisations import Organisations
from bot.settings import Settings
from bot.slack.service import SlackService
from bot.slack.signing import event_body
from storage import Database
from tests.slack.conftest import TEAM_MEMBER
from tests.slack.fake_slack import FakeSlack

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


async def test_socket_mode_acknowledges_and_answers(fake: FakeSlack, orgs: Organisations,
                                                    db: Database, desk: Desk) -> None:
    settings = Settings.model_validate({"SLACK_BOT_TOKEN": "xoxb-test",
                                        "SLACK_APP_TOKEN": "xapp-test",
                                        "SLACK_API_URL": fake.base_url})
    service = SlackService.create(settings=settings, orgs=orgs, db=db, desk=desk,
                                  kb=build_knowledge_base(orgs))
    assert service is not None
    await service.start(notify=False)
    try:
        await fake.wait_until(lambda: bool(fake.sockets))
        assert service.healthy()
        [opened] = fake.of("apps.connections.open")
        assert opened.token == "xapp-test"
        event = {"type": "message", "channel": "DALICE", "channel_type": "im",
                 "user": TEAM_MEMBER, "text": "How long do we keep correspondence?",
                 "ts": "1700000009.000100"}
        await fake.push({"envelope_id": "env-1", "type": "events_api",
                         "accepts_response_payload": False,
                         "payload": json.loads(event_body(event, event_id="EvSocket"))})
        [answer] = await fake.wait_for("chat.postMessage")
        assert answer.args["thread_ts"] == "1700000009.000100"
        assert "7.1 How Long We Keep Your Data" in str(answer.args["blocks"])
        await fake.wait_until(lambda: any(a.get("envelope_id") == "env-1" for a in fake.acks))
    finally:
        await service.stop()
    await fake.wait_until(lambda: all(ws.closed for ws in fake.sockets))


async def test_health_follows_the_connection(fake: FakeSlack, orgs: Organisations,
                                             db: Database, desk: Desk) -> None:
    settings = Settings.model_validate({"SLACK_BOT_TOKEN": "xoxb-test",
                                        "SLACK_APP_TOKEN": "xapp-test",
                                        "SLACK_API_URL": fake.base_url})
    service = SlackService.create(settings=settings, orgs=orgs, db=db, desk=desk,
                                  kb=build_knowledge_base(orgs))
    assert service is not None
    service.watch_interval = service.ping_interval = 0.2
    await service.start(notify=False)
    try:
        await fake.wait_until(lambda: bool(fake.sockets))
        fake.refuse_sockets = True
        await fake.sockets[0].close()  # Slack drops the connection and will not take it back
        await _eventually(lambda: not service.healthy())
        fake.refuse_sockets = False  # Slack is back: the app reconnects on its own
        await fake.wait_until(lambda: len([ws for ws in fake.sockets if not ws.closed]) == 1,
                              within=15)
        await _eventually(service.healthy)
    finally:
        await service.stop()


async def _eventually(check: Callable[[], bool], within: float = 15.0) -> None:
    deadline = asyncio.get_running_loop().time() + within
    while not check():
        assert asyncio.get_running_loop().time() < deadline, "health never changed"
        await asyncio.sleep(0.05)


async def test_slack_away_at_start_does_not_hold_up_the_service(
        fake: FakeSlack, orgs: Organisations, db: Database, desk: Desk) -> None:
    settings = Settings.model_validate({"SLACK_BOT_TOKEN": "xoxb-test",
                                        "SLACK_APP_TOKEN": "xapp-test",
                                        "SLACK_API_URL": fake.base_url})
    service = SlackService.create(settings=settings, orgs=orgs, db=db, desk=desk,
                                  kb=build_knowledge_base(orgs))
    assert service is not None
    service.watch_interval = service.ping_interval = 0.2
    fake.failing["apps.connections.open"] = "internal_error"
    await asyncio.wait_for(service.start(), 1.0)
    try:
        assert not service.healthy()
        del fake.failing["apps.connections.open"]
        await _eventually(service.healthy)
        assert fake.sockets
    finally:
        await service.stop()
