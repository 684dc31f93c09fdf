"""The App Home's figures for this month: requests by right, the share answered on time, what
is overdue now and the triage backlog, for the viewer's organisations only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.desk import Desk
from bot.slack.cards import TicketCard
from bot.slack.list_blocks import HOME_BLOCKS, home_view
from storage import Database, TicketUpdate
from tests.slack.conftest import GROUP_MEMBER, OUTSIDER, TEAM_MEMBER, Slack, all_text, open_ticket
from tests.slack.fake_slack import FakeSlack

SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def fields(view: dict[str, object], organisation: str) -> str:
    """The text of the figures section of one organisation."""
    blocks = view["blocks"]
    assert isinstance(blocks, list)
    [section] = [b for b in blocks if b.get("fields")
                 and b.get("text", {}).get("text") == f"*{organisation}*"]
    return "\n".join(field["text"] for field in section["fields"])


@SQLITE
async def test_home_shows_this_months_figures_beside_the_tickets(
        slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    answered = (await open_ticket(desk, ["complaint"], subject="answered")).reference or ""
    late = (await open_ticket(desk, ["access", "erasure"], subject="late")).reference or ""
    await open_ticket(desk, ["complaint"], org="imgn")
    untriaged = await open_ticket(desk, [], subject="hello?", text="Is anyone there?")
    assert untriaged.reference is None  # waits in triage
    await desk.close_done(answered, "alice", "cli", note="acknowledged and answered")
    async with db.transaction() as tx:
        record = await tx.tickets.get_by_reference(late)
        await tx.tickets.update(record.id, TicketUpdate(
            due_date=datetime.now(UTC).date() - timedelta(days=2)))

    await slack.event({"type": "app_home_opened", "user": TEAM_MEMBER, "channel": "DALICE",
                       "tab": "home"}, event_id="EvHomeFigures")
    [published] = await fake.wait_for("views.publish")
    view = published.args["view"]
    month = f"{datetime.now(UTC):%Y-%m}"
    assert f"This month ({month})" in all_text(view["blocks"])
    aimigos = fields(view, "Aimigos Studio")
    assert "*Requests by right*\naccess 1, complaint 1, erasure 1 (2 in all)" in aimigos
    assert "*Answered on time*\n1 of 1 (100%)" in aimigos
    assert "*Overdue now*\n1 :rotating_light:" in aimigos
    assert "*Triage backlog*\n1" in aimigos
    text = all_text(view["blocks"])
    assert "IMGN Studio" not in text  # not on that team
    assert late in text  # the open tickets are still listed below
    assert len(view["blocks"]) <= HOME_BLOCKS


@SQLITE
async def test_home_of_another_team_and_of_an_outsider(slack: Slack, fake: FakeSlack,
                                                       desk: Desk) -> None:
    await open_ticket(desk, ["complaint"], org="imgn")
    await slack.event({"type": "app_home_opened", "user": GROUP_MEMBER, "tab": "home"},
                      event_id="EvHomeGreg")
    await slack.event({"type": "app_home_opened", "user": OUTSIDER, "tab": "home"},
                      event_id="EvHomeMallory")
    published = await fake.wait_for("views.publish", count=2)
    greg = next(c for c in published if c.args["user_id"] == GROUP_MEMBER).args["view"]
    imgn = fields(greg, "IMGN Studio")
    assert "complaint 1 (1 in all)" in imgn
    assert "*Answered on time*\nnone answered" in imgn
    assert "*Overdue now*\n0" in imgn
    assert "Aimigos Studio" not in all_text(greg["blocks"])
    mallory = next(c for c in published if c.args["user_id"] == OUTSIDER).args["view"]
    assert "This month" not in all_text(mallory["blocks"])


def test_the_ticket_list_gets_the_room_left_under_slacks_limit() -> None:
    cards = [TicketCard(reference=f"AIM-2026-{n:04d}", org_id="aimigos",
                        organisation="Aimigos Studio", state="in_progress", requester="x",
                        received_at=datetime(2026, 1, 1, tzinfo=UTC)) for n in range(150)]
    today = datetime(2026, 1, 2, tzinfo=UTC).date()
    assert len(home_view(cards, today, ["Aimigos Studio"])["blocks"]) <= HOME_BLOCKS - 7
    squeezed = home_view(cards, today, ["Aimigos Studio"], room=20)["blocks"]
    assert len(squeezed) == 20
    assert "and 133 more" in all_text(squeezed[-1])
