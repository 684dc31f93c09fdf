"""The Slack app under test: real storage, the real knowledge base on the shipped policies, the
real desk, and a recording fake Slack Web API on loopback. Requests are signed with the
signing secret and dispatched to the real bolt app, the way bolt-python's own tests do it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.desk import Desk, IntakeResult
from bot.knowledge_base import build_knowledge_base
from bot.organisations import Organisations, load_organisations
from bot.settings import Settings
from bot.slack.service import SlackService
from bot.slack.signing import FORM, command_body, event_body, interaction_body, signed_headers
from intents import Classification, read_message
from storage import Database
from tests.conftest import POLICIES
from tests.slack.fake_slack import FakeSlack

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
AIM_CHANNEL = "CAIMPRIV"  # Aimigos Studio's privacy channel
IMG_CHANNEL = "CIMGPRIV"  # IMGN Studio's privacy channel
ASK_CHANNEL = "CAIMASK"  # a question channel mapped to Aimigos Studio
TEAM_MEMBER = "UALICE"  # listed in Aimigos Studio's team_members
GROUP_MEMBER = "UGREG"  # IMGN Studio's team, through its user group
OUTSIDER = "UMALLORY"
USERGROUP = "S0IMGNTEAM"

ORGANISATIONS = f"""
[[organisation]]
id = "aimigos"
name = "Aimigos Studio"
privacy_address = "hello@aimigos.studio"
policy = "{POLICIES / 'aimigos.txt'}"
reference_prefix = "AIM"
slack_channel = "{AIM_CHANNEL}"
slack_question_channels = ["{ASK_CHANNEL}"]
team_members = ["{TEAM_MEMBER}"]

[[organisation]]
id = "imgn"
name = "IMGN Studio"
privacy_address = "studio@imgnstudio.com"
policy = "{POLICIES / 'imgn.txt'}"
reference_prefix = "IMG"
slack_channel = "{IMG_CHANNEL}"
team_usergroup = "{USERGROUP}"
"""


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack(usergroups={USERGROUP: [GROUP_MEMBER]}).start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
def orgs(tmp_path: Path) -> Organisations:
    path = tmp_path / "organisations.toml"
    path.write_text(ORGANISATIONS, encoding="utf-8")
    return load_organisations(path)


@pytest.fixture
def settings(tmp_path: Path, fake: FakeSlack) -> Settings:
    return Settings.model_validate({"SLACK_BOT_TOKEN": "xoxb-test",
                                    "SLACK_SIGNING_SECRET": SECRET,
                                    "SLACK_API_URL": fake.base_url, "data_dir": tmp_path})


@pytest.fixture
def desk(db: Database, orgs: Organisations) -> Desk:
    return Desk(db, orgs, secret=b"slack-test-secret-0123456789abcd",
                public_url="http://desk.test", clock=lambda: datetime.now(UTC))


@pytest.fixture
def service(settings: Settings, orgs: Organisations, db: Database, desk: Desk) -> SlackService:
    created = SlackService.create(settings=settings, orgs=orgs, db=db, desk=desk,
                                  kb=build_knowledge_base(orgs))
    assert created is not None
    return created


@dataclass
class Slack:
    """Sends what Slack would send, signed, to the bolt app."""

    service: SlackService
    fake: FakeSlack
    secret: str = SECRET

    async def send(self, body: str, content_type: str = "application/json",
                   extra: dict[str, str] | None = None,
                   timestamp: int | None = None) -> BoltResponse:
        signed = signed_headers(self.secret, body, timestamp=timestamp,
                                content_type=content_type)
        headers: dict[str, str | Sequence[str]] = {**signed, **(extra or {})}
        return await self.service.app.async_dispatch(AsyncBoltRequest(body=body,
                                                                      headers=headers))

    async def event(self, event: dict[str, Any], event_id: str = "Ev001",
                    retry: int | None = None) -> BoltResponse:
        extra = {"x-slack-retry-num": str(retry), "x-slack-retry-reason": "http_timeout"} \
            if retry else None
        return await self.send(event_body(event, event_id=event_id), extra=extra)

    async def dm(self, text: str, user: str = TEAM_MEMBER, event_id: str = "EvDM1",
                 retry: int | None = None) -> BoltResponse:
        return await self.event({"type": "message", "channel": "DALICE", "channel_type": "im",
                                 "user": user, "text": text, "ts": "1700000001.000100"},
                                event_id=event_id, retry=retry)

    async def command(self, text: str, user: str = TEAM_MEMBER,
                      channel: str = AIM_CHANNEL) -> BoltResponse:
        body = command_body(text, user=user, channel=channel,
                            response_url=self.fake.response_url)
        return await self.send(body, FORM)

    async def click(self, action_id: str, value: str, *, user: str = TEAM_MEMBER,
                    channel: str = AIM_CHANNEL, ts: str = "1700000000.000001",
                    blocks: list[dict[str, Any]] | None = None) -> BoltResponse:
        payload = {
            "type": "block_actions", "team": {"id": "T0001"}, "api_app_id": "A0001",
            "user": {"id": user, "team_id": "T0001"}, "trigger_id": "trigger.click",
            "container": {"type": "message", "channel_id": channel, "message_ts": ts},
            "channel": {"id": channel}, "response_url": self.fake.response_url,
            "message": {"ts": ts, "blocks": blocks or []},
            "actions": [{"type": "button", "action_id": action_id, "block_id": "b",
                         "value": value, "action_ts": "1700000002.0"}],
        }
        return await self.send(interaction_body(payload), FORM)

    async def submit(self, view: dict[str, Any], values: dict[str, Any],
                     user: str = TEAM_MEMBER) -> BoltResponse:
        payload = {
            "type": "view_submission", "team": {"id": "T0001"}, "api_app_id": "A0001",
            "user": {"id": user, "team_id": "T0001"}, "trigger_id": "trigger.submit",
            "view": {"id": "V1", "type": "modal", "callback_id": view["callback_id"],
                     "private_metadata": view["private_metadata"],
                     "state": {"values": values}},
        }
        return await self.send(interaction_body(payload), FORM)


@pytest.fixture
def slack(service: SlackService, fake: FakeSlack) -> Slack:
    return Slack(service, fake)


def client_mail(subject: str, text: str, sender: str = "Bob Client <bob@example.com>",
                to: str = "hello@aimigos.studio") -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = f"<{uuid.uuid4().hex}@example.com>"
    message.set_content(text)
    return bytes(message)


async def open_ticket(desk: Desk, intents: list[str], *, subject: str = "My data",
                      text: str = "Please send me a copy of my data.",
                      org: str = "aimigos") -> IntakeResult:
    """A client's mail through the real intake: parsed bytes, the given intents."""
    to = "hello@aimigos.studio" if org == "aimigos" else "studio@imgnstudio.com"
    raw = client_mail(subject, text, to=to)
    mail = read_message(raw)
    return await desk.receive_mail(org, raw, mail, Classification(intents=intents),
                                   envelope_from=mail.from_address)


def all_text(blocks: Any) -> str:
    """Every string inside a block structure, for substring checks."""
    return json.dumps(blocks, ensure_ascii=False)
