"""`privacybot gaps`: unanswered and unhelpful questions for the policy owner."""

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
            await tx.questions.add(user="slack:U1", question="Do we keep CCTV footage?",
                                   answered=False, confidence=0.1, organisation="aimigos")
            await tx.questions.add(user="slack:U2", question="How long do we keep mail?",
                                   answered=True, confidence=0.9)
            helped = await tx.questions.add(user="slack:U3", question="Who is the DPO?",
                                            answered=True, confidence=0.8)
            await tx.questions.set_feedback(helped.id, "unhelpful", by="slack:U3")
    finally:
        await db.close()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    asyncio.run(_seed(tmp_path))
    return tmp_path


def test_gaps_lists_unanswered_and_unhelpful(data_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, ["gaps", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3
    assert out[2] == "2 questions"
    assert "not helpful" in out[0]
    assert "all organisations: Who is the DPO?" in out[0]
    assert "unanswered" in out[1]
    assert "aimigos: Do we keep CCTV footage?" in out[1]


def test_gaps_json_and_org_filter(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, ["gaps", "--json", "--org", "aimigos",
                         "--data-dir", str(data_dir)]) == 0
    [only] = json.loads(capsys.readouterr().out)
    assert only["question"] == "Do we keep CCTV footage?"
    assert (only["answered"], only["why"], only["organisation"]) == (
        False, "unanswered", "aimigos")


def test_gaps_unknown_org_is_one_line_error(data_dir: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, ["gaps", "--org", "nope", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("privacybot: error: unknown organisation 'nope'")
    assert len(err.strip().splitlines()) == 1


def test_gaps_on_empty_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert run_cli(app, ["db", "upgrade", "--data-dir", str(tmp_path)]) == 0
    capsys.readouterr()
    assert run_cli(app, ["gaps", "--data-dir", str(tmp_path)]) == 0
    assert "No gaps" in capsys.readouterr().out
