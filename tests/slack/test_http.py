"""POST /slack/events on a real aiohttp server on loopback: signed requests are handled,
forged, unsigned and replayed ones get 401 and do nothing."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web

from bot.channels.http_app import build_http_app
from bot.desk import Desk
from bot.knowledge_base import build_knowledge_base
from bot.organisations import Organisations
from bot.settings import Settings
from bot.slack.service import ROUTE, SlackService
from bot.slack.signing import event_body, signed_headers
from storage import Database
from tests.slack.conftest import SECRET, TEAM_MEMBER
from tests.slack.fake_slack import FakeSlack

# Verification happens before any storage is touched: SQLite only.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

DM = {"type": "message", "channel": "DALICE", "channel_type": "im", "user": TEAM_MEMBER,
      "text": "How long do we keep correspondence?", "ts": "1700000001.000100"}


@pytest.fixture
async def url(service: SlackService, desk: Desk) -> AsyncIterator[str]:
    """privacybot's own HTTP app (health, links) with the Slack route mounted, on loopback."""
    app = build_http_app(desk=desk, probes={})
    service.mount(app)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}{ROUTE}"
    finally:
        await runner.cleanup()


async def post(url: str, body: str, headers: dict[str, str]) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, \
            session.post(url, data=body.encode(), headers=headers) as response:
        return response.status, await response.text()


async def test_signed_event_over_http_is_acknowledged_and_answered(url: str,
                                                                   fake: FakeSlack) -> None:
    body = event_body(DM, event_id="EvHttp1")
    status, _ = await post(url, body, signed_headers(SECRET, body))
    assert status == 200
    [answer] = await fake.wait_for("chat.postMessage")
    assert "7.1 How Long We Keep Your Data" in str(answer.args["blocks"])


@pytest.mark.parametrize("how", ["forged", "unsigned", "replayed", "tampered"])
async def test_unverifiable_requests_get_401_and_nothing_happens(
        how: str, url: str, fake: FakeSlack, db: Database) -> None:
    body = event_body(DM, event_id=f"Ev{how}")
    if how == "forged":
        headers = signed_headers("not-the-signing-secret", body)
    elif how == "unsigned":
        headers = {"content-type": "application/json"}
    elif how == "replayed":  # a genuine signature, captured and sent again 10 minutes later
        headers = signed_headers(SECRET, body, timestamp=int(time.time()) - 600)
    else:  # signed, then the body changed on the way
        headers = signed_headers(SECRET, body)
        body = body.replace("correspondence", "everything")
    status, _ = await post(url, body, headers)
    assert status == 401
    await asyncio.sleep(0.2)
    assert fake.calls == []
    async with db.transaction(readonly=True) as tx:
        assert await tx.questions.recent() == []


async def test_url_verification_challenge_is_answered(url: str) -> None:
    body = '{"token": "x", "challenge": "c-123", "type": "url_verification"}'
    status, text = await post(url, body, signed_headers(SECRET, body))
    assert (status, json.loads(text)) == (200, {"challenge": "c-123"})


def test_service_is_off_without_tokens(orgs: Organisations, db: Database, desk: Desk) -> None:
    kb = build_knowledge_base(orgs)
    for env in ({}, {"SLACK_BOT_TOKEN": "xoxb-1"}, {"SLACK_SIGNING_SECRET": "s"}):
        settings = Settings.model_validate(env)
        assert SlackService.create(settings=settings, orgs=orgs, db=db, desk=desk, kb=kb) \
            is None, env


async def test_socket_mode_only_refuses_http(orgs: Organisations, db: Database, desk: Desk,
                                             fake: FakeSlack) -> None:
    settings = Settings.model_validate({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1",
                                        "SLACK_API_URL": fake.base_url})
    service = SlackService.create(settings=settings, orgs=orgs, db=db, desk=desk,
                                  kb=build_knowledge_base(orgs))
    assert service is not None
    assert service.socket_mode
    body = event_body(DM, event_id="EvSock")
    response = await service.handle(_FakeRequest(body))  # type: ignore[arg-type]
    assert response.status == 401
    assert fake.calls == []


class _FakeRequest:
    """Stands in for aiohttp's request: the handler must refuse before reading it."""

    def __init__(self, body: str) -> None:
        self.body = body

    async def text(self) -> str:
        raise AssertionError("a request that cannot be verified must not be read")
