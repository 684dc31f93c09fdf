"""`privacybot answers list|show|retire`, and `gaps` saying which questions got a team answer:
a real SQLite database in a data dir, the CLI run in process."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import run_cli
from storage import open_database


async def _seed(data_dir: Path) -> None:
    db = await open_database(f"sqlite+aiosqlite:///{data_dir / 'privacybot.db'}")
    try:
        async with db.transaction() as tx:
            parking = await tx.questions.add(
                user="slack:U1", question="How many parking spaces does the office have?",
                answered=False, confidence=0.1, organisation="aimigos")
            cctv = await tx.questions.add(user="slack:U2", question="Do we keep CCTV footage?",
                                          answered=False, confidence=0.1, organisation="imgn")
            await tx.questions.add(user="slack:U3", question="Who cleans the windows?",
                                   answered=False, confidence=0.1, organisation="aimigos")
            answered = await tx.team_answers.escalate(
                organisation="aimigos", question=parking.question, asked_by="slack:U1",
                post_channel="CAIM", post_ts="1.1", reply_channel="CASK", reply_thread="1.0",
                question_id=parking.id)
            await tx.team_answers.answer(answered.id, answer="Twelve; ask reception.",
                                         author="slack:UALICE")
            await tx.team_answers.escalate(
                organisation="imgn", question=cctv.question, asked_by="slack:U2",
                post_channel="CIMG", post_ts="2.1", reply_channel="DU2", question_id=cctv.id)
    finally:
        await db.close()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    asyncio.run(_seed(tmp_path))
    return tmp_path


def cli(data_dir: Path, *args: str) -> int:
    return run_cli(app, [*args, "--data-dir", str(data_dir)])


def test_list_shows_each_answer_with_its_status(data_dir: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(data_dir, "answers", "list") == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3
    assert out[0].startswith("#2")
    assert "awaiting" in out[0]
    assert "imgn: Do we keep CCTV" in out[0]
    assert "current" in out[1]
    assert "-> Twelve; ask reception." in out[1]
    assert out[2] == "2 team answers"


def test_list_filters_and_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(data_dir, "answers", "list", "--json", "--org", "aimigos") == 0
    [only] = json.loads(capsys.readouterr().out)
    assert (only["id"], only["status"], only["organisation"], only["author"]) == (
        1, "current", "aimigos", "slack:UALICE")
    assert only["question"] == "How many parking spaces does the office have?"
    assert only["answered_at"] is not None
    assert cli(data_dir, "answers", "list", "--json", "--status", "awaiting") == 0
    assert [a["id"] for a in json.loads(capsys.readouterr().out)] == [2]


def test_show_text_and_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(data_dir, "answers", "show", "1") == 0
    text = capsys.readouterr().out
    assert "Team answer #1 (current), aimigos" in text
    assert "Answer:    Twelve; ask reception." in text
    assert "by slack:UALICE" in text
    assert cli(data_dir, "answers", "show", "2", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["status"], shown["answer"]) == ("awaiting", None)


def test_retire_stops_offering_it_and_gaps_says_who_got_one(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(data_dir, "gaps") == 0
    gaps = capsys.readouterr().out
    assert "How many parking spaces does the office have?  [team answer #1]" in gaps
    assert "Do we keep CCTV footage?  [sent to the team, awaiting]" in gaps
    assert "Who cleans the windows?\n" in gaps  # nobody asked the team: no note

    assert cli(data_dir, "answers", "retire", "1", "--by", "alice", "--json") == 0
    retired = json.loads(capsys.readouterr().out)
    assert (retired["status"], retired["retired_by"]) == ("retired", "alice")
    assert cli(data_dir, "answers", "list", "--json", "--status", "current") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert cli(data_dir, "gaps", "--json") == 0
    by_question = {g["question"]: g["team_answer"] for g in json.loads(capsys.readouterr().out)}
    assert by_question["How many parking spaces does the office have?"]["status"] == "retired"
    assert by_question["Who cleans the windows?"] is None


@pytest.mark.parametrize(("args", "message"), [
    (("answers", "show", "99"), "no team answer with id 99"),
    (("answers", "retire", "99", "--by", "alice"), "no team answer with id 99"),
    (("answers", "retire", "1", "--by", " "), "--by must name who"),
    (("answers", "list", "--status", "stale"), "--status must be one of"),
    (("answers", "list", "--org", "nosuch"), "unknown organisation 'nosuch'"),
])
def test_errors_are_one_line(args: tuple[str, ...], message: str, data_dir: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(data_dir, *args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith("privacybot: error: ")
    assert message in line


def test_retiring_twice_is_refused(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(data_dir, "answers", "retire", "1", "--by", "alice") == 0
    assert "retired" in capsys.readouterr().out
    assert cli(data_dir, "answers", "retire", "1", "--by", "bob") == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line == "privacybot: error: team answer 1 was retired already"


def test_missing_database_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert cli(tmp_path / "nowhere", "answers", "list") == 1
    assert len(capsys.readouterr().err.splitlines()) == 1
