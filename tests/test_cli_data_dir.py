"""A command on a data dir with no database says so in one line and creates nothing; only
`db upgrade` and `serve` make a database (and its data dir)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import run_cli

ENV = ("DATABASE_URL", "PRIVACYBOT_DATABASE_URL", "PRIVACYBOT_DATA_DIR", "PRIVACYBOT_SECRET_KEY")

COMMANDS = [
    ["tickets", "list"],
    ["tickets", "list", "--json"],
    ["tickets", "show", "AIM-2026-0001"],
    ["tickets", "unticketed"],
    ["tickets", "close", "AIM-2026-0001", "--by", "ann"],
    ["suppression", "list"],
    ["suppression", "export", "--org", "aimigos"],
    ["suppression", "add", "bob@example.org", "--org", "aimigos", "--by", "ann"],
    ["gaps"],
    ["db", "status"],
]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_missing_data_dir_is_one_line_and_creates_nothing(
        command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nonexistent"
    assert run_cli(app, [*command, "--data-dir", str(missing)]) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("privacybot: error: no database at ")
    assert "privacybot db upgrade" in lines[0]
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == []


def test_an_empty_data_dir_stays_empty(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, ["tickets", "list", "--data-dir", str(tmp_path)]) == 1
    assert "no database at" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_db_upgrade_creates_then_commands_work(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "new"
    assert run_cli(app, ["db", "upgrade", "--data-dir", str(data)]) == 0
    assert (data / "privacybot.db").is_file()
    capsys.readouterr()
    assert run_cli(app, ["tickets", "list", "--json", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.strip() == "[]"
