"""The notifier follows the event log without losing or repeating: Slack refusing, Slack
unreachable, a deleted message, and a restart that replays events it had already shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.desk import Desk
from bot.organisations import Organisations
from bot.slack.notifier import Notifier
from bot.slack.service import SlackService
from storage import Database
from tests.slack.conftest import AIM_CHANNEL, open_ticket
from tests.slack.fake_slack import FakeSlack


def cards(fake: FakeSlack) -> list[str]:
    return [c.args["channel"] for c in fake.of("chat.postMessage") if "thread_ts" not in c.args]


async def test_refused_channel_is_skipped_then_retried_on_the_next_change(
        service: SlackService, fake: FakeSlack, desk: Desk) -> None:
    fake.failing["chat.postMessage"] = "not_in_channel"
    reference = (await open_ticket(desk, ["complaint"])).reference or ""
    handled = await service.notifier.run_once()
    assert handled > 0
    assert await service.notifier.run_once() == 0  # not stuck on the refused event
    del fake.failing["chat.postMessage"]
    fake.clear()
    await desk.assign(reference, "slack:UALICE", "slack")
    await service.notifier.run_once()
    assert cards(fake) == [AIM_CHANNEL]


async def test_unreachable_slack_loses_nothing(service: SlackService, fake: FakeSlack,
                                               desk: Desk, db: Database,
                                               orgs: Organisations) -> None:
    await open_ticket(desk, ["complaint"])
    down = Notifier(db=db, orgs=orgs, client=AsyncWebClient(
        token="xoxb-test", base_url="http://127.0.0.1:9/api/"))
    with pytest.raises(Exception):  # noqa: B017,PT011 - whatever aiohttp raises for a refused port
        await down.run_once()
    await service.notifier.run_once()
    assert cards(fake) == [AIM_CHANNEL]


async def test_restart_before_the_cursor_moved_repeats_nothing(
        service: SlackService, fake: FakeSlack, desk: Desk, db: Database,
        orgs: Organisations) -> None:
    reference = (await open_ticket(desk, ["complaint"])).reference or ""
    await service.notifier.run_once()
    await desk.assign(reference, "slack:UALICE", "slack")
    await service.notifier.run_once()
    before = len(fake.calls)
    # A notifier whose cursor never moved replays every event from the start.
    replay = Notifier(db=db, orgs=orgs, client=service.client, cursor="replay")
    assert await replay.run_once() > 0
    assert len(fake.calls) == before


async def test_deleted_message_is_posted_again(service: SlackService, fake: FakeSlack,
                                               desk: Desk) -> None:
    reference = (await open_ticket(desk, ["complaint"])).reference or ""
    await service.notifier.run_once()
    fake.failing["chat.update"] = "message_not_found"
    await desk.assign(reference, "slack:UALICE", "slack")
    await service.notifier.run_once()
    assert cards(fake) == [AIM_CHANNEL, AIM_CHANNEL]
    *_, card, line = fake.of("chat.postMessage")
    assert "Assigned: <@UALICE>" in str(card.args["blocks"])
    assert line.args["thread_ts"] != fake.of("chat.update")[0].args["ts"]
    assert "Assigned to <@UALICE>" in line.args["text"]


async def test_organisation_without_channel_is_not_posted(
        service: SlackService, fake: FakeSlack, desk: Desk, db: Database,
        orgs: Organisations) -> None:
    quiet = Organisations(items=tuple(o.model_copy(update={"slack_channel": ""})
                                      for o in orgs.items))
    await open_ticket(desk, ["complaint"])
    notifier = Notifier(db=db, orgs=quiet, client=service.client)
    assert await notifier.run_once() > 0
    assert fake.of("chat.postMessage") == []


async def test_tickets_closed_before_slack_was_set_up_are_not_posted(
        service: SlackService, fake: FakeSlack, desk: Desk, db: Database,
        orgs: Organisations) -> None:
    old = (await open_ticket(desk, ["complaint"], subject="old")).reference or ""
    await desk.close_done(old, "cli:alice", "cli")
    # Slack is switched on two hours later: its notifier starts from the start of the log...
    later = [timedelta(hours=2)]
    late = Notifier(db=db, orgs=orgs, client=service.client, cursor="late",
                    now=lambda: datetime.now(UTC) + later[0])
    await late.run_once()
    assert cards(fake) == []
    # ...but a ticket opened and closed at once (an opt-out) just now is news, and is posted.
    later[0] = timedelta(0)
    await open_ticket(desk, ["opt_out"], subject="stop mailing me")
    await late.run_once()
    [card] = [c for c in fake.of("chat.postMessage") if "thread_ts" not in c.args]
    assert "opt-out" in str(card.args["blocks"])
    assert "Done" in str(card.args["blocks"])
