"""The monthly summary in the privacy channel: last month's figures as text and the chart as
a file uploaded the way files_upload_v2 does it, once per organisation and month, from the
worker's loop and from `privacybot report post`."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import run_cli
from bot.desk import Desk
from bot.desk.summary import read_summary
from bot.organisations import Organisations
from bot.slack.escape import escape
from bot.slack.monthly import POSTED, cursor_name, previous_month, worth_posting
from bot.slack.service import SlackService
from storage import Database
from tests.accountability.conftest import send, verify
from tests.desk.conftest import PUBLIC_URL, SECRET, Clock
from tests.slack.conftest import AIM_CHANNEL
from tests.slack.fake_slack import FakeSlack

NOVEMBER = date(2025, 11, 1)
AFTER = datetime(2025, 12, 1, 0, 5, tzinfo=UTC)  # the first round after November
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def clock() -> Clock:
    return Clock(now=datetime(2025, 11, 3, 9, 0, tzinfo=UTC))


@pytest.fixture
def desk(db: Database, orgs: Organisations, clock: Clock) -> Desk:
    return Desk(db, orgs, secret=SECRET, public_url=PUBLIC_URL, clock=clock)


async def november(desk: Desk, clock: Clock) -> None:
    """Aimigos: an access request answered after 5 days, an erasure request still open.
    IMGN: nothing at all."""
    answered = await send(desk, ["access"], "Ann <ann@example.com>")
    await send(desk, ["erasure"], "Bob <bob@example.com>")
    await verify(desk, answered)
    clock.advance(days=5)
    await desk.close_done(answered, "alice", "cli", note="sent the export")


def test_previous_month_and_what_is_worth_posting() -> None:
    assert previous_month(datetime(2026, 1, 1, 0, 0, tzinfo=UTC)) == date(2025, 12, 1)
    assert previous_month(datetime(2025, 12, 31, 23, 59, tzinfo=UTC)) == NOVEMBER
    assert cursor_name("aimigos", NOVEMBER) == "monthly_summary:aimigos:2025-11"


async def test_first_round_after_the_month_posts_text_and_chart_once(
        service: SlackService, fake: FakeSlack, desk: Desk, db: Database,
        clock: Clock) -> None:
    await november(desk, clock)
    assert await service.monthly.post_due(AFTER) == ["aimigos"]  # IMGN had nothing to report

    [asked] = fake.of("files.getUploadURLExternal")
    assert asked.args["filename"] == "privacy-summary-aimigos-2025-11.png"
    [complete] = fake.of("files.completeUploadExternal")
    assert complete.args["channel_id"] == AIM_CHANNEL
    uploaded = fake.uploads[fake.of("upload")[0].args["file_id"]]
    assert int(asked.args["length"]) == len(uploaded)
    assert uploaded.startswith(PNG)
    from matplotlib import image  # the chart's own library reads it back: a whole PNG

    pixels = image.imread(io.BytesIO(uploaded), format="png")
    assert pixels.shape[:2] == (450, 1100)

    # The text is the summary's own figures, the same as `report summary` prints.
    summary = await read_summary(db, organisation="aimigos", month=NOVEMBER, now=AFTER)
    comment = complete.args["initial_comment"]
    assert "Privacy requests at Aimigos Studio, 2025-11" in comment
    for line in summary.lines()[1:]:
        assert escape(line) in comment, line
    assert "received: 2 (by right: access 1, erasure 1; by channel: mail 2)" in comment
    assert "answered: 1, on time 1 (100%)" in comment
    assert "days to respond: median 5" in comment

    # Remembered: later rounds, and a restart, post nothing more for November.
    assert await service.monthly.post_due(AFTER.replace(day=2)) == []
    assert len(fake.of("files.completeUploadExternal")) == 1
    async with db.transaction(readonly=True) as tx:
        events = [e for e in await tx.events.after(0, limit=1000) if e.kind == POSTED]
        remembered = await tx.slack.get_cursor(cursor_name("aimigos", NOVEMBER))
    [event] = events
    assert (event.organisation, event.ticket_id, remembered) == ("aimigos", None, event.id)
    assert event.data["month"] == "2025-11"
    assert event.data["channel"] == AIM_CHANNEL
    assert event.data["file"] in fake.uploads


async def test_a_refused_upload_is_not_remembered_and_the_next_round_posts(
        service: SlackService, fake: FakeSlack, desk: Desk, orgs: Organisations,
        clock: Clock) -> None:
    await november(desk, clock)
    fake.failing["files.completeUploadExternal"] = "not_in_channel"
    assert await service.monthly.post_due(AFTER) == []
    assert await service.monthly.posted_at(orgs.get("aimigos"), NOVEMBER) is None
    del fake.failing["files.completeUploadExternal"]
    assert await service.monthly.post_due(AFTER) == ["aimigos"]
    assert len(fake.of("files.completeUploadExternal")) == 2


async def test_a_month_with_nothing_to_report_is_not_posted(
        service: SlackService, fake: FakeSlack, db: Database) -> None:
    summary = await read_summary(db, organisation="aimigos", month=NOVEMBER, now=AFTER)
    assert not worth_posting(summary)
    assert await service.monthly.post_due(AFTER) == []
    assert fake.of("files.getUploadURLExternal") == []


async def test_report_post_command_posts_then_refuses_to_repeat_unless_again(
        service: SlackService, fake: FakeSlack, desk: Desk, db: Database, clock: Clock,
        database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    await november(desk, clock)
    for name, value in {"DATABASE_URL": database_url, "SLACK_BOT_TOKEN": "xoxb-test",
                        "SLACK_API_URL": fake.base_url,
                        "PRIVACYBOT_CONFIG": str(tmp_path / "organisations.toml"),
                        "PRIVACYBOT_SECRET_KEY": "k" * 40}.items():
        monkeypatch.setenv(name, value)

    def cli(*args: str) -> int:
        return run_cli(app, ["report", "post", *args, "--data-dir", str(tmp_path)])

    assert await asyncio.to_thread(cli, "--month", "2025-11", "--org", "aimigos") == 0
    assert "aimigos: 2025-11 posted to CAIMPRIV" in capsys.readouterr().out
    assert len(fake.of("files.completeUploadExternal")) == 1
    # The worker's round after it finds November posted already.
    assert await service.monthly.post_due(AFTER) == []
    assert await asyncio.to_thread(cli, "--month", "2025-11", "--org", "aimigos") == 0
    assert "was posted already (--again to repost)" in capsys.readouterr().out
    assert await asyncio.to_thread(cli, "--month", "2025-11", "--org", "aimigos",
                                   "--again") == 0
    assert len(fake.of("files.completeUploadExternal")) == 2
    # Both organisations: IMGN's empty month is posted on demand (the command always posts).
    capsys.readouterr()
    assert await asyncio.to_thread(cli, "--month", "2025-11") == 0
    out = capsys.readouterr().out
    assert "aimigos: 2025-11 was posted already" in out
    assert "imgn: 2025-11 posted to CIMGPRIV" in out


@pytest.mark.parametrize(("args", "error"), [
    (["--month", "2025-13"], "the month must be YYYY-MM, got '2025-13'"),
    (["--month", "2025-11", "--org", "nope"], "unknown organisation 'nope'"),
])
async def test_report_post_bad_input_is_one_line(
        db: Database, database_url: str, tmp_path: Path, fake: FakeSlack,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        args: list[str], error: str) -> None:
    for name, value in {"DATABASE_URL": database_url, "SLACK_BOT_TOKEN": "xoxb-test",
                        "SLACK_API_URL": fake.base_url, "PRIVACYBOT_SECRET_KEY": "k" * 40
                        }.items():
        monkeypatch.setenv(name, value)
    code = await asyncio.to_thread(run_cli, app, ["report", "post", *args,
                                                  "--data-dir", str(tmp_path)])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"privacybot: error: {error}")
    assert fake.of("files.getUploadURLExternal") == []


def test_report_post_without_slack_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    assert run_cli(app, ["report", "post", "--month", "2025-11",
                         "--data-dir", str(tmp_path)]) == 1
    assert "Slack is not configured: set SLACK_BOT_TOKEN" in capsys.readouterr().err
