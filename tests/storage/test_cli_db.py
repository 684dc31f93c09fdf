"""`privacybot db upgrade|status` through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import run_cli
from storage.migrate import head_revision


def test_upgrade_fresh_then_again_is_a_no_op(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    data = tmp_path / "new" / "data"
    assert run_cli(app, ["db", "upgrade", "--data-dir", str(data)]) == 0
    assert f"to revision {head_revision()}" in capsys.readouterr().out
    assert (data / "privacybot.db").is_file()
    assert run_cli(app, ["db", "upgrade", "--data-dir", str(data), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["changed"] is False
    assert result["to"] == head_revision()
    assert run_cli(app, ["db", "status", "--data-dir", str(data), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["up_to_date"] is True


def test_upgrade_on_each_backend(database_url: str, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert run_cli(app, ["db", "upgrade", "--data-dir", str(tmp_path)]) == 0
    assert "upgraded from empty" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere", "database unavailable"),
        ("mysql://root:secret@db/x", "unsupported database URL"),
        ("not a url", "not a database URL"),
    ],
)
def test_bad_database_is_one_line_error(url: str, message: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    assert run_cli(app, ["db", "upgrade", "--data-dir", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("privacybot: error: ")
    assert message in lines[0]
    assert "secret" not in lines[0]


def test_status_of_a_missing_then_an_empty_database(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert run_cli(app, ["db", "status", "--data-dir", str(tmp_path)]) == 1
    assert "no database at" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # status never makes one
    (tmp_path / "privacybot.db").touch()  # an empty file is an empty SQLite database
    assert run_cli(app, ["db", "status", "--data-dir", str(tmp_path)]) == 0
    assert "needs `privacybot db upgrade`" in capsys.readouterr().out
