"""Listings never cut silently (issue 16.10): each says how many there are in all and pages
with --limit/--offset; --json stays a bare array and says the rest on stderr."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import open_desk, run_cli
from storage import open_database
from tests.conftest import migrated_data_dir
from tests.desk.conftest import mail

UNTICKETED = 105  # over the default page of 100


async def _seed(data_dir: Path) -> None:
    async with open_desk(data_dir) as desk:
        for number in range(UNTICKETED):
            raw, inbound, classification = mail(intents=[], subject=f"Question {number}",
                                                sender=f"q{number}@example.com")
            await desk.receive_mail("aimigos", raw, inbound, classification,
                                    envelope_from=f"q{number}@example.com")
        for number in range(5):
            raw, inbound, classification = mail(intents=["erasure"],
                                                sender=f"e{number}@example.com")
            await desk.receive_mail("aimigos", raw, inbound, classification,
                                    envelope_from=f"e{number}@example.com")
        for number in range(3):  # opt-outs: closed at once, and suppressed
            raw, inbound, classification = mail(intents=["opt_out"],
                                                sender=f"o{number}@example.com")
            await desk.receive_mail("imgn", raw, inbound, classification,
                                    envelope_from=f"o{number}@example.com")
    db = await open_database(f"sqlite+aiosqlite:///{data_dir / 'privacybot.db'}")
    try:
        async with db.transaction() as tx:
            for number in range(4):
                await tx.questions.add(user="slack:U1", question=f"Unanswered {number}?",
                                       answered=False, confidence=0.1)
    finally:
        await db.close()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = migrated_data_dir(tmp_path_factory.mktemp("listings"), tmp_path_factory)
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DATABASE_URL", raising=False)
        asyncio.run(_seed(folder))
    return folder


@pytest.fixture(autouse=True)
def _local_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)


def _run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[str, str]:
    assert run_cli(app, [*argv, "--data-dir", str(data_dir)]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_unticketed_says_how_many_and_pages(data_dir: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = _run(capsys, data_dir, "tickets", "unticketed")
    lines = out.splitlines()
    assert len(lines) == 101
    assert lines[-1] == "showing 1-100 of 105 unticketed mails; next: --offset 100"
    assert "Question 104" in lines[0]  # newest first
    out, _ = _run(capsys, data_dir, "tickets", "unticketed", "--offset", "100")
    lines = out.splitlines()
    assert len(lines) == 6
    assert "Question 0" in lines[4]
    assert lines[-1] == "showing 101-105 of 105 unticketed mails"
    out, err = _run(capsys, data_dir, "tickets", "unticketed", "--json", "--limit", "10")
    rows = json.loads(out)
    assert isinstance(rows, list)
    assert len(rows) == 10
    assert err.strip() == "showing 1-10 of 105 unticketed mails; next: --offset 10"
    out, err = _run(capsys, data_dir, "tickets", "unticketed", "--json", "--limit", "1000")
    assert len(json.loads(out)) == UNTICKETED
    assert err == ""  # the whole list: nothing to say


def test_tickets_list_pages_open_tickets(data_dir: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = _run(capsys, data_dir, "tickets", "list", "--limit", "2")
    lines = out.splitlines()
    assert lines[0].startswith("REFERENCE")
    assert len(lines) == 4
    assert lines[-1] == "showing 1-2 of 5 open tickets; next: --offset 2"
    out, _ = _run(capsys, data_dir, "tickets", "list", "--limit", "2", "--offset", "4")
    assert out.splitlines()[-1] == "showing 5-5 of 5 open tickets"
    out, _ = _run(capsys, data_dir, "tickets", "list", "--all")
    assert out.splitlines()[-1] == "8 tickets"
    out, err = _run(capsys, data_dir, "tickets", "list", "--all", "--json", "--limit", "3",
                    "--offset", "3")
    assert len(json.loads(out)) == 3
    assert err.strip() == "showing 4-6 of 8 tickets; next: --offset 6"
    out, _ = _run(capsys, data_dir, "tickets", "list", "--offset", "50")
    assert out.strip() == "none shown from offset 50; there are 5 open tickets"


def test_suppression_list_and_gaps_page(data_dir: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = _run(capsys, data_dir, "suppression", "list", "--limit", "2")
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[-1] == "showing 1-2 of 3 suppressed addresses; next: --offset 2"
    out, err = _run(capsys, data_dir, "suppression", "list", "--json", "--offset", "2")
    assert [row["address"] for row in json.loads(out)] == ["o2@example.com"]
    assert err.strip() == "showing 3-3 of 3 suppressed addresses"
    out, _ = _run(capsys, data_dir, "suppression", "list", "--org", "aimigos")
    assert out.strip() == "no suppressed addresses"
    out, _ = _run(capsys, data_dir, "gaps", "--limit", "3")
    assert out.splitlines()[-1] == "showing 1-3 of 4 questions; next: --offset 3"
    out, err = _run(capsys, data_dir, "gaps", "--json")
    assert len(json.loads(out)) == 4
    assert err == ""


@pytest.mark.parametrize("argv", [
    ["tickets", "list", "--limit", "0"],
    ["tickets", "unticketed", "--offset", "-1"],
    ["suppression", "list", "--limit", "ten"],
    ["gaps", "--limit", "100001"],
])
def test_bad_paging_is_refused(data_dir: Path, argv: list[str],
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, [*argv, "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "Invalid value" in err
    assert "Traceback" not in err
