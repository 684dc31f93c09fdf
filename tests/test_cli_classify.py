"""`privacybot classify`: files, folders, mboxes, stdin, --json, and bad sources."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import run_cli
from tests.intents.mailmaker import raw_mail


def _lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_files_and_folders_in_sorted_order(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.eml").write_bytes(raw_mail("Please delete my account.", "Delete"))
    (tmp_path / "a.eml").write_bytes(raw_mail("Unsubscribe me please.", "Stop"))
    (tmp_path / "sub" / "c.eml").write_bytes(raw_mail("Thanks for the rough cut!", "Re: cut"))
    (tmp_path / "notes.txt").write_text("not mail")
    assert run_cli(app, ["classify", "--json", str(tmp_path)]) == 0
    rows = _lines(capsys.readouterr().out)
    assert [Path(str(r["source"])).name for r in rows] == ["a.eml", "b.eml", "c.eml"]
    assert [r["intents"] for r in rows] == [["opt_out"], ["erasure"], []]
    first = rows[0]
    assert {"source", "intents", "scores", "language", "auto_reply", "evidence"} <= set(first)
    assert first["auto_reply"] is False
    assert first["language"] == "en"
    evidence = first["evidence"]
    assert isinstance(evidence, list)
    assert evidence[0]["intent"] == "opt_out"
    assert evidence[0]["text"].startswith("Unsubscribe me")


def test_mbox_messages_each_get_a_line(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    one = raw_mail("Please send me a copy of my data.\n>From the start, thanks", "SAR")
    two = raw_mail("I wish to make a formal complaint about a data breach.", "Complaint")
    escaped = one.replace(b"\n>From", b"\n>>From")
    box = (b"From ann@example.org Mon Jan  1 00:00:00 2026\n" + escaped + b"\n"
           b"From bob@example.org Mon Jan  1 00:00:00 2026\n" + two + b"\n")
    path = tmp_path / "inbox.mbox"
    path.write_bytes(box)
    assert run_cli(app, ["classify", "--json", str(path)]) == 0
    rows = _lines(capsys.readouterr().out)
    assert [r["source"] for r in rows] == [f"{path}#1", f"{path}#2"]
    assert [r["intents"] for r in rows] == [["access"], ["complaint"]]


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(raw_mail("Bitte tragen Sie mich aus dem Newsletter aus.",
                                                 "Abmeldung")))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert run_cli(app, ["classify", "--json", "-"]) == 0
    row = _lines(capsys.readouterr().out)[0]
    assert row["source"] == "-"
    assert row["intents"] == ["opt_out"]
    assert row["language"] == "de"


def test_bad_path_is_reported_and_the_rest_go_on(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.eml"
    good.write_bytes(raw_mail("Please delete my data.", "Delete"))
    missing = tmp_path / "missing.eml"
    assert run_cli(app, ["classify", "--json", str(missing), str(good)]) == 1
    captured = capsys.readouterr()
    assert [r["intents"] for r in _lines(captured.out)] == [["erasure"]]
    assert captured.err.strip() == f"privacybot: error: {missing}: no such file or folder"


def test_unreadable_bytes_still_get_a_line(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "outlook.eml"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200))
    assert run_cli(app, ["classify", "--json", str(path)]) == 0
    row = _lines(capsys.readouterr().out)[0]
    assert row["parsed"] is False
    assert row["intents"] == []


def test_human_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "m.eml"
    path.write_bytes(raw_mail("Please delete my account and stop emailing me.", "Request",
                              Auto_Submitted="auto-replied"))
    assert run_cli(app, ["classify", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}: no request  [en]" in out
    assert "automatic mail, never answered (Auto-Submitted: auto-replied)" in out
    path.write_bytes(raw_mail("Please delete my account and stop emailing me.", "Request"))
    assert run_cli(app, ["classify", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}: erasure, opt_out  [en]" in out
    assert 'erasure (0.85): "delete my account"' in out


def test_no_paths_is_a_usage_error() -> None:
    assert run_cli(app, ["classify"]) != 0


def test_data_dir_is_accepted_and_ignored(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.eml").write_bytes(raw_mail("Unsubscribe me please.", "Stop"))
    data_dir = tmp_path / "data"
    assert run_cli(app, ["classify", "--json", "--data-dir", str(data_dir),
                         str(tmp_path / "a.eml")]) == 0
    [row] = _lines(capsys.readouterr().out)
    assert row["intents"] == ["opt_out"]
    assert not data_dir.exists()  # nothing is written for a classification


def test_a_forwarded_request_and_a_language_not_read_are_shown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    forward = ("Can you pick this up?\n\n---------- Forwarded message ---------\n"
               "From: Owen Price <owen@example.com>\nDate: Thu, 3 Dec 2026\nSubject: data\n\n"
               "Please send me a copy of the personal data you hold about me.")
    (tmp_path / "a.eml").write_bytes(raw_mail(forward, "Fwd: data",
                                              sender="Laura <laura@aimigos.studio>"))
    (tmp_path / "b.eml").write_bytes(raw_mail(
        "Здравствуйте, прошу удалить все данные, которые вы обо мне храните. Спасибо.",
        "Udalenie"))
    assert run_cli(app, ["classify", "--json", str(tmp_path)]) == 0
    first, second = _lines(capsys.readouterr().out)
    assert first["intents"] == ["access"]
    assert first["forwarded_from"] == "owen@example.com"
    assert second["intents"] == []
    assert second["language_not_read"] is True
    assert run_cli(app, ["classify", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "forwarded request of owen@example.com" in out
    assert "language not read (ru)" in out
