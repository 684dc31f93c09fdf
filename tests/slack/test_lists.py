"""`/privacy tickets`, the App Home tab and the daily digest, on real tickets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.desk import Desk
from bot.slack.service import SlackService
from storage import Database, TicketUpdate
from tests.slack.conftest import (
    AIM_CHANNEL,
    GROUP_MEMBER,
    IMG_CHANNEL,
    OUTSIDER,
    TEAM_MEMBER,
    Slack,
    all_text,
    open_ticket,
)
from tests.slack.fake_slack import FakeSlack

# Listing is the same SQL on both databases (the ticket tests cover PostgreSQL); SQLite only.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


async def test_tickets_command_lists_only_the_users_organisations_by_due_date(
        slack: Slack, fake: FakeSlack, desk: Desk) -> None:
    later = (await open_ticket(desk, ["access", "erasure"], subject="later")).reference or ""
    sooner = (await open_ticket(desk, ["complaint"], subject="sooner")).reference or ""
    other = (await open_ticket(desk, ["complaint"], org="imgn")).reference or ""
    response = await slack.command("tickets")
    assert response.status == 200
    [listing] = await fake.wait_for("response_url")
    assert listing.args["response_type"] == "ephemeral"
    text = all_text(listing.args["blocks"])
    assert text.index(sooner) < text.index(later)  # running clock first; unverified last
    assert other not in text


async def test_tickets_command_for_an_outsider_shows_nothing(slack: Slack,
                                                             fake: FakeSlack,
                                                             desk: Desk) -> None:
    reference = (await open_ticket(desk, ["complaint"])).reference or ""
    await slack.command("tickets", user=OUTSIDER)
    [listing] = await fake.wait_for("response_url")
    text = all_text(listing.args["blocks"])
    assert "not on any organisation's privacy team" in text
    assert reference not in text


async def test_help_for_an_empty_command(slack: Slack, fake: FakeSlack) -> None:
    await slack.command("")
    [reply] = await fake.wait_for("response_url")
    assert "/privacy tickets" in reply.args["text"]


async def test_app_home_shows_the_same_list(slack: Slack, fake: FakeSlack,
                                            desk: Desk) -> None:
    reference = (await open_ticket(desk, ["complaint"], org="imgn")).reference or ""
    await slack.event({"type": "app_home_opened", "user": GROUP_MEMBER, "channel": "DGREG",
                       "tab": "home"}, event_id="EvHome")
    [published] = await fake.wait_for("views.publish")
    assert published.args["user_id"] == GROUP_MEMBER
    assert published.args["view"]["type"] == "home"
    assert reference in all_text(published.args["view"]["blocks"])


async def test_daily_digest_posts_once_a_day_per_channel(
        service: SlackService, fake: FakeSlack, desk: Desk, db: Database) -> None:
    overdue = (await open_ticket(desk, ["complaint"])).reference or ""
    soon = (await open_ticket(desk, ["complaint"])).reference or ""
    far = (await open_ticket(desk, ["complaint"])).reference or ""
    today = datetime.now(UTC).date()
    async with db.transaction() as tx:
        for reference, days in ((overdue, -2), (soon, 3), (far, 25)):
            record = await tx.tickets.get_by_reference(reference)
            await tx.tickets.update(record.id, TicketUpdate(due_date=today + timedelta(days=days)))
    morning = datetime.combine(today, datetime.min.time(), UTC).replace(hour=9)
    assert await service.digest.send_due(morning.replace(hour=6)) == []  # too early
    assert await service.digest.send_due(morning) == ["aimigos"]  # IMGN has nothing due
    [digest] = fake.of("chat.postMessage")
    assert digest.args["channel"] == AIM_CHANNEL
    text = all_text(digest.args["blocks"])
    assert "Overdue (1)" in text
    assert overdue in text
    assert soon in text
    assert far not in text
    assert await service.digest.send_due(morning.replace(hour=15)) == []  # once a day
    assert IMG_CHANNEL not in {c.args.get("channel") for c in fake.calls}
    assert await service.digest.send_due(morning + timedelta(days=1)) == ["aimigos"]


async def test_slack_api_url_is_used_with_the_bot_token(slack: Slack, fake: FakeSlack) -> None:
    await slack.dm("Who is the data controller?", user=TEAM_MEMBER)
    await fake.wait_for("chat.postMessage")
    assert {call.token for call in fake.calls} == {"xoxb-test"}
