"""One clear line, never "internal error" or pydantic's report (issue 16.12); the help says
what reaches the client (issue 16.14); counts read as English (issue 16.13)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import open_desk, run_cli

# Commands other than `db upgrade` and `serve` only open an existing database.
pytestmark = pytest.mark.usefixtures("data_dir_database")


@pytest.mark.parametrize("argv", [
    ["due-date", "9999-12-31", "--org", "aimigos"],
    ["due-date", "9999-11-15", "--org", "imgn", "--extended", "--json"],
])
def test_due_date_past_the_calendar_is_one_line(argv: list[str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("privacybot: error: a clock starting on 9999-")
    assert "after the year 9999" in captured.err
    assert "internal error" not in captured.err
    assert len(captured.err.strip().splitlines()) == 1


@pytest.mark.parametrize(("variable", "value", "says"), [
    ("PRIVACYBOT_SMTP_PORT", "abc", "valid integer"),
    ("PRIVACYBOT_SMTP_PORT", "99999", "less than or equal to 65535"),
    ("PRIVACYBOT_HTTP_PORT", "-1", "greater than or equal to 0"),
    ("PRIVACYBOT_MAX_MESSAGE_BYTES", "0", "greater than 0"),
])
def test_bad_setting_is_one_line_naming_the_variable(
        variable: str, value: str, says: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(variable, value)
    for argv in (["due-date", "2026-01-05", "--org", "aimigos"],
                 ["tickets", "list", "--data-dir", str(tmp_path)],
                 ["serve", "--data-dir", str(tmp_path)]):
        assert run_cli(app, argv) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"privacybot: error: bad setting {variable}: ")
        assert says in err
        assert f"(got '{value}')" in err
        assert len(err.strip().splitlines()) == 1


def test_bad_secret_setting_is_not_echoed(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PRIVACYBOT_SMTP_PORT", "x")
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://u:hunter2@h/db")
    monkeypatch.setenv("SLACK_API_URL", "https://u:hunter2@slack.example/")
    assert run_cli(app, ["due-date", "2026-01-05", "--org", "aimigos"]) == 1
    assert "hunter2" not in capsys.readouterr().err


@pytest.mark.parametrize(("command", "option"), [
    ("close", "--note"), ("extend", "--reason"), ("reject", "--reason")])
def test_help_says_what_is_sent_to_the_requester(command: str, option: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, ["tickets", command, "--help"]) == 0
    text = " ".join(capsys.readouterr().out.replace("│", " ").split())
    assert "requester" in text
    assert "word for word" in text
    assert option in text


def test_export_counts_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    async def seed() -> None:
        async with open_desk(tmp_path) as desk:
            await desk.suppression_add("aimigos", "zed@example.com", "alice", "cli")

    asyncio.run(seed())
    base = ["--data-dir", str(tmp_path)]
    out = tmp_path / "one.csv"
    assert run_cli(app, ["suppression", "export", "--output", str(out), *base]) == 0
    assert capsys.readouterr().out.strip() == f"wrote 1 address to {out}"
    assert run_cli(app, ["suppression", "export", "--org", "imgn", "--output", str(out),
                         *base]) == 0
    assert capsys.readouterr().out.strip() == f"wrote no addresses to {out}"
    assert run_cli(app, ["suppression", "list", *base]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 suppressed address"
