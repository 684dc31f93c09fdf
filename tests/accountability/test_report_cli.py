"""`privacybot report register|summary` from outside: requests through the real SMTP intake
(and the desk's use cases) into a data dir's database, then the command line's JSON and CSV."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli import app
from bot.cli.common import run_cli
from bot.desk import Desk
from bot.organisations import Organisations
from bot.settings import Settings
from storage import open_database
from tests.accountability.conftest import START, Month, month_of_requests
from tests.channels.harness import AIM, make_mail, running_service
from tests.desk.conftest import PUBLIC_URL, SECRET, Clock


async def _seed(data_dir: Path, orgs: Organisations) -> Month:
    db = await open_database(f"sqlite+aiosqlite:///{data_dir / 'privacybot.db'}", create=False)
    try:
        clock = Clock(now=START)
        desk = Desk(db, orgs, secret=SECRET, public_url=PUBLIC_URL, clock=clock)
        return await month_of_requests(desk, clock)
    finally:
        await db.close()


def _out(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


def test_register_json_csv_and_summary(data_dir_database: Path, orgs: Organisations,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    refs = asyncio.run(_seed(data_dir_database, orgs))
    base = ["--data-dir", str(data_dir_database)]
    assert run_cli(app, ["report", "register", "--json", *base]) == 0
    rows: list[dict[str, Any]] = json.loads(_out(capsys))
    assert {row["reference"] for row in rows} == set(vars(refs).values())
    for row in rows:
        assert {"reference", "organisation", "rights", "received_at", "due_date", "closed_at",
                "outcome", "on_time"} <= set(row)
    late = next(row for row in rows if row["reference"] == refs.late)
    assert (late["outcome"], late["on_time"], late["days_late"]) == ("done", False, 8)
    assert late["received_at"] == START.isoformat()
    assert late["rights"] == ["access"]

    assert run_cli(app, ["report", "register", "--csv", "--org", "aimigos", *base]) == 0
    table = list(csv.DictReader(io.StringIO(_out(capsys))))
    assert len(table) == 8
    refused = next(row for row in table if row["reference"] == refs.refused)
    assert (refused["outcome"], refused["refusal_ground"], refused["on_time"]) == (
        "refused", "manifestly_excessive", "true")
    overdue = next(row for row in table if row["reference"] == refs.overdue)
    assert (overdue["closed_at"], overdue["on_time"]) == ("", "false")

    assert run_cli(app, ["report", "register", "--from", "2025-11-04", "--json", *base]) == 0
    assert json.loads(_out(capsys)) == []
    assert run_cli(app, ["report", "register", *base]) == 0
    text = _out(capsys)
    assert refs.late in text
    assert "8 days late" in text
    assert text.rstrip().endswith("9 requests")

    assert run_cli(app, ["report", "summary", "--month", "2025-11", "--org", "aimigos",
                         "--json", *base]) == 0
    figures = json.loads(_out(capsys))
    assert (figures["received"], figures["responded"], figures["overdue_now"]) == (8, 4, 1)
    assert figures["by_channel"] == {"mail": 8}
    assert run_cli(app, ["report", "summary", "--month", "2025-12", *base]) == 0
    assert "answered: 2, on time 1 (50%)" in _out(capsys)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "register", "--from", "2025-13-01"], "--from must be YYYY-MM-DD"),
        (["report", "register", "--from", "2025-11-05", "--to", "2025-11-01"], "is before"),
        (["report", "register", "--csv", "--json"], "at most one of --csv and --json"),
        (["report", "register", "--org", "nobody"], "unknown organisation 'nobody'"),
        (["report", "summary", "--month", "2025-13"], "the month must be YYYY-MM"),
        (["report", "summary", "--month", "November"], "the month must be YYYY-MM"),
    ],
)
def test_bad_input_is_one_line(argv: list[str], message: str, data_dir_database: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, [*argv, "--data-dir", str(data_dir_database)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("privacybot: error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.usefixtures("premigrated")
async def test_requests_mailed_through_smtp_reach_the_register(
        database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    async with running_service(database_url, tmp_path) as service:
        for number, body in enumerate(["Please delete all my data.",
                                       "I want a copy of my personal data (subject access)."]):
            code, _ = await service.send(make_mail(body, sender=f"client{number}@example.org"),
                                         mail_from=f"client{number}@example.org", to=(AIM,))
            assert code == 250
        tickets = await service.tickets()
    monkeypatch.setenv("DATABASE_URL", database_url)
    # A shared database wants the service's key in every process (bot/secret_key.py).
    monkeypatch.setenv("PRIVACYBOT_SECRET_KEY", service.settings.secret_key.get_secret_value()
                       if service.settings.secret_key else "")
    assert Settings().database_url == database_url
    argv = ["report", "register", "--json", "--data-dir", str(tmp_path)]
    assert await asyncio.to_thread(run_cli, app, argv) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(row["reference"] for row in rows) == sorted(t.reference for t in tickets)
    assert len(rows) == 2
    for row in rows:
        assert row["channel"] == "mail"
        assert row["outcome"] == "open"
        assert row["on_time"] is None
        assert row["closed_at"] is None
        assert row["organisation"] == "aimigos"


def test_retention_run_and_legal_hold_from_the_command_line(
        data_dir_database: Path, orgs: Organisations,
        capsys: pytest.CaptureFixture[str]) -> None:
    refs = asyncio.run(_seed(data_dir_database, orgs))
    base = ["--data-dir", str(data_dir_database)]
    assert run_cli(app, ["tickets", "hold", refs.on_time.lower(), "--reason",
                         "a claim is expected", "--by", "dora", *base]) == 0
    assert _out(capsys).strip() == f"{refs.on_time}: under legal hold"
    assert run_cli(app, ["retention", "run", "--dry-run", "--json", *base]) == 0
    dry = json.loads(_out(capsys))
    assert dry["dry_run"] is True
    aimigos = dry["organisations"][0]
    # Ann's erasure (done in 2025) is past its grace, but her ticket is held.
    assert (aimigos["organisation"], aimigos["requesters_erased"]) == ("aimigos", 0)
    assert aimigos["held_tickets_kept"] == 1
    assert run_cli(app, ["tickets", "release", refs.on_time, "--by", "dora", *base]) == 0
    assert run_cli(app, ["retention", "run", "--dry-run", *base]) == 0
    text = _out(capsys)
    assert "aimigos: would change" in text
    assert "requesters erased 1" in text
    assert run_cli(app, ["tickets", "show", refs.on_time, "--json", *base]) == 0
    shown = json.loads(_out(capsys))
    assert "ann@example.com" in json.dumps(shown)  # the dry run changed nothing
    assert run_cli(app, ["retention", "run", "--json", *base]) == 0
    done = json.loads(_out(capsys))
    assert done["organisations"][0]["requesters_erased"] == 1
    assert run_cli(app, ["tickets", "show", refs.on_time, "--json", *base]) == 0
    assert "ann@example.com" not in _out(capsys)
    assert run_cli(app, ["report", "register", "--json", *base]) == 0
    assert len(json.loads(_out(capsys))) == 9  # the register is whole


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["tickets", "hold", "AIM-2025-0001", "--reason", "  ", "--by", "d"], "needs a reason"),
        (["tickets", "release", "AIM-2025-0001", "--by", "d"], "not under legal hold"),
        (["tickets", "hold", "AIM-2025-9999", "--reason", "x", "--by", "d"], "no ticket"),
        (["tickets", "hold", "nonsense", "--reason", "x", "--by", "d"], "reference"),
    ],
)
def test_hold_bad_input_is_one_line(argv: list[str], message: str, data_dir_database: Path,
                                    orgs: Organisations,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    asyncio.run(_seed(data_dir_database, orgs))
    assert run_cli(app, [*argv, "--data-dir", str(data_dir_database)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("privacybot: error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_summary_png_is_a_valid_chart(data_dir_database: Path, orgs: Organisations,
                                      tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from matplotlib import image

    asyncio.run(_seed(data_dir_database, orgs))
    chart = tmp_path / "november.png"
    argv = ["report", "summary", "--month", "2025-11", "--org", "aimigos", "--json",
            "--png", str(chart), "--data-dir", str(data_dir_database)]
    assert run_cli(app, argv) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["received"] == 8  # stdout stays the JSON
    assert f"chart written to {chart}" in captured.err
    data = chart.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    pixels = image.imread(str(chart))
    assert pixels.shape[0] > 300
    assert pixels.shape[1] > 800
    # An empty month draws too.
    empty = tmp_path / "empty.png"
    assert run_cli(app, ["report", "summary", "--month", "2024-01", "--png", str(empty),
                         "--data-dir", str(data_dir_database)]) == 0
    assert empty.read_bytes().startswith(b"\x89PNG")
    capsys.readouterr()
    assert run_cli(app, ["report", "summary", "--month", "2025-11", "--png",
                         str(tmp_path / "missing" / "x.png"),
                         "--data-dir", str(data_dir_database)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("privacybot: error: cannot write")
    assert len(err.strip().splitlines()) == 1
