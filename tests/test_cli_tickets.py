"""The team's command line: due-date, tickets and suppression, on a real database."""

from __future__ import annotations

import asyncio
import csv
import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli import app
from bot.cli.common import open_desk, run_cli
from tests.desk.conftest import code_in, mail

# Commands other than `db upgrade` and `serve` only open an existing database.
pytestmark = pytest.mark.usefixtures("data_dir_database")


def test_due_date_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, ["due-date", "2026-11-25", "--org", "aimigos", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"due_date": "2026-12-29"}
    assert run_cli(app, ["due-date", "2026-01-31", "--org", "imgn", "--extended", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"due_date": "2026-04-30"}
    assert run_cli(app, ["due-date", "2028-01-31", "--org", "aimigos"]) == 0
    assert capsys.readouterr().out.strip() == "2028-02-29 (Tuesday 29 February 2028)"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["due-date", "2026-02-30", "--org", "aimigos"], "must be YYYY-MM-DD"),
        (["due-date", "yesterday", "--org", "aimigos"], "must be YYYY-MM-DD"),
        (["due-date", "2026-01-01", "--org", "nobody"], "unknown organisation 'nobody'"),
    ],
)
def test_due_date_bad_input(argv: list[str], message: str,
                            capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("privacybot: error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1


async def _seed(data_dir: Path) -> dict[str, str]:
    """Two real tickets through the desk on the data dir's own database."""
    async with open_desk(data_dir) as desk:
        raw, inbound, classification = mail(intents=["erasure"], sender="bob@example.com")
        erasure = await desk.receive_mail("aimigos", raw, inbound, classification,
                                          envelope_from="bob@example.com")
        raw, inbound, classification = mail(intents=["opt_out"], sender="Ann+n@example.com")
        opt_out = await desk.receive_mail("imgn", raw, inbound, classification,
                                          envelope_from="ann@example.com")
        view = await desk.get_ticket(erasure.reference or "")
        return {"erasure": erasure.reference or "", "opt_out": opt_out.reference or "",
                "code": code_in(view.outbox[0])}


def _json(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


def test_tickets_list_show_and_actions(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    seeded = asyncio.run(_seed(tmp_path))
    base = ["--data-dir", str(tmp_path)]
    assert run_cli(app, ["tickets", "list", "--json", "--all", *base]) == 0
    listed = _json(capsys)
    assert {row["reference"] for row in listed} == {seeded["erasure"], seeded["opt_out"]}
    erasure = next(row for row in listed if row["reference"] == seeded["erasure"])
    assert set(erasure) == {"reference", "organisation", "intents", "state", "requester",
                            "received_at", "due_date", "verified", "complaint_due"}
    assert erasure["complaint_due"] is None  # no complaint in it
    assert erasure["state"] == "awaiting_identity"
    assert erasure["verified"] is False
    assert erasure["due_date"] is None
    assert run_cli(app, ["tickets", "list", "--json", "--org", "imgn", "--all", *base]) == 0
    assert [row["state"] for row in _json(capsys)] == ["done"]
    assert run_cli(app, ["tickets", "list", "--json", "--org", "imgn", *base]) == 0
    assert _json(capsys) == []  # open ones only, unless --all
    assert run_cli(app, ["tickets", "list", "--json", "--state", "done", *base]) == 0
    assert [row["reference"] for row in _json(capsys)] == [seeded["opt_out"]]

    ref = seeded["erasure"]
    assert run_cli(app, ["tickets", "verify", ref, "--code", seeded["code"], "--by", "alice",
                         *base]) == 0
    assert "now in_progress" in capsys.readouterr().out
    assert run_cli(app, ["tickets", "extend", ref, "--reason", "Six systems", "--by", "alice",
                         *base]) == 0
    out = capsys.readouterr().out
    assert "now extended" in out
    assert "extension_notice" in out
    assert run_cli(app, ["tickets", "close", ref, "--note", "Erased.", "--by", "alice",
                         *base]) == 0
    assert "now done" in capsys.readouterr().out
    assert run_cli(app, ["tickets", "show", ref, *base]) == 0
    shown = capsys.readouterr().out
    assert "extension:      Six systems" in shown
    assert "alice (cli)  extended: in_progress -> extended; reason: Six systems" in shown
    assert run_cli(app, ["tickets", "show", ref, "--json", *base]) == 0
    data = _json(capsys)
    assert data["verified"] is True
    assert data["events"][0]["kind"] == "ticket_opened"
    assert run_cli(app, ["tickets", "sweep", "--json", *base]) == 0
    assert _json(capsys) == {"reminded": [], "closed": []}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["tickets", "show", "AIM-2026-0999"], "no ticket with reference 'AIM-2026-0999'"),
        (["tickets", "show", "bogus"], "not a ticket reference"),
        (["tickets", "close", "AIM-2026-0001", "--by", "a"],
         "awaiting_identity: cannot move to done"),
        (["tickets", "reject", "AIM-2026-0001", "--reason", "x", "--ground", "meh", "--by", "a"],
         "a refusal must be"),
        (["tickets", "verify", "AIM-2026-0001", "--code", "12", "--by", "a"],
         "wrong verification code"),
        (["tickets", "verify", "AIM-2026-0001", "--by", "a"], "exactly one of --code"),
        (["tickets", "list", "--due-before", "31/12/2026"], "must be YYYY-MM-DD"),
        (["tickets", "list", "--state", "limbo"], "unknown state 'limbo'"),
        (["tickets", "fee-paid", "AIM-2026-0001", "--by", "a"],
         "awaiting_identity: no fee is awaited"),
        (["tickets", "fee", "AIM-2026-0001", "--amount", "ten", "--reason", "excessive",
          "--by", "a"],
         "must be a number"),
        (["tickets", "fee", "AIM-2026-0001", "--amount", "10", "--reason", "greed", "--by", "a"],
         "a fee's reason must be manifestly_unfounded, excessive, further_copies"),
        (["tickets", "fee", "AIM-2026-0001", "--amount", "10", "--reason", "excessive",
          "--currency", "pounds", "--by", "a"], "three-letter code"),
        (["suppression", "add", "not-an-address", "--org", "aimigos", "--by", "a"],
         "not a valid email"),
        (["suppression", "add", "a@b.co, c@d.co", "--org", "aimigos", "--by", "a"],
         "exactly one address"),
        (["suppression", "check", "a@b.co", "--org", "nobody"], "unknown organisation"),
        (["suppression", "remove", "never@example.com", "--org", "aimigos", "--by", "a"],
         "is not on"),
    ],
)
def test_bad_input_is_one_line(tmp_path: Path, argv: list[str], message: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    asyncio.run(_seed(tmp_path))
    assert run_cli(app, [*argv, "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_suppression_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    asyncio.run(_seed(tmp_path))  # the imgn opt-out already suppressed ann@example.com
    base = ["--data-dir", str(tmp_path)]
    assert run_cli(app, ["suppression", "check", "ANN+x@example.com", "--org", "imgn",
                         "--json", *base]) == 0
    assert _json(capsys)["suppressed"] is True
    assert run_cli(app, ["suppression", "add", "Zed+promo@Example.com", "--org", "aimigos",
                         "--by", "alice", *base]) == 0
    assert "zed@example.com: added to the aimigos" in capsys.readouterr().out
    assert run_cli(app, ["suppression", "list", "--json", *base]) == 0
    assert [(e["organisation"], e["address"]) for e in _json(capsys)] == [
        ("aimigos", "zed@example.com"), ("imgn", "ann@example.com")]
    out_file = tmp_path / "export.csv"
    assert run_cli(app, ["suppression", "export", "--output", str(out_file), *base]) == 0
    assert "wrote 2 addresses" in capsys.readouterr().out
    rows = list(csv.DictReader(out_file.read_text(encoding="utf-8").splitlines()))
    assert [row["address"] for row in rows] == ["zed@example.com", "ann@example.com"]
    assert rows[1]["source"] == "mail"
    assert run_cli(app, ["suppression", "export", "--org", "imgn", *base]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("imgn,ann@example.com,")
    assert run_cli(app, ["suppression", "remove", "zed@example.com", "--org", "aimigos",
                         "--by", "alice", *base]) == 0
    capsys.readouterr()
    assert run_cli(app, ["suppression", "check", "zed@example.com", "--org", "aimigos",
                         *base]) == 0
    assert "not suppressed" in capsys.readouterr().out


def test_clarify_resume_assign_reject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeded = asyncio.run(_seed(tmp_path))
    base = ["--data-dir", str(tmp_path)]
    ref = seeded["erasure"]
    assert run_cli(app, ["tickets", "verify", ref, "--method", "passport", "--by", "alice",
                         *base]) == 0
    assert "manual check recorded; now in_progress" in capsys.readouterr().out
    assert run_cli(app, ["tickets", "clarify", ref, "--question", "Which account?", "--by", "al",
                         *base]) == 0
    assert "now awaiting_clarification" in capsys.readouterr().out
    assert run_cli(app, ["tickets", "resume", ref, "--note", "by phone", "--by", "al", *base]) == 0
    assert "now in_progress" in capsys.readouterr().out
    assert run_cli(app, ["tickets", "assign", ref, "--to", "bob", "--by", "al", *base]) == 0
    assert "assigned to bob" in capsys.readouterr().out
    assert run_cli(app, ["tickets", "reject", ref, "--reason", "Repeated weekly",
                         "--ground", "manifestly_excessive", "--by", "carol", *base]) == 0
    out = capsys.readouterr().out
    assert "refused; now rejected" in out
    assert "refusal" in out
    assert run_cli(app, ["tickets", "list", "--all", *base]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith(ref) and line.split()[2:3] == ["rejected"]
               and line.split()[5] == "yes" for line in lines)


def test_database_gone_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:9/none")
    assert run_cli(app, ["tickets", "list", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("privacybot: error: ")
    assert len(err.strip().splitlines()) == 1


def test_unticketed_mail_is_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    async def seed() -> None:
        async with open_desk(tmp_path) as desk:
            raw, inbound, classification = mail(intents=[], subject="Gift cards?",
                                                sender="q@example.com")
            await desk.receive_mail("aimigos", raw, inbound, classification,
                                    envelope_from="q@example.com")

    asyncio.run(seed())
    assert run_cli(app, ["tickets", "unticketed", "--json", "--data-dir", str(tmp_path)]) == 0
    [row] = _json(capsys)
    assert (row["from"], row["subject"]) == ("q@example.com", "Gift cards?")
    assert run_cli(app, ["tickets", "unticketed", "--org", "imgn",
                         "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "no unticketed mails"


def test_fee_and_fee_paid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeded = asyncio.run(_seed(tmp_path))
    base = ["--data-dir", str(tmp_path)]
    ref = seeded["erasure"]
    assert run_cli(app, ["tickets", "verify", ref, "--method", "passport", "--by", "alice",
                         *base]) == 0
    capsys.readouterr()
    assert run_cli(app, ["tickets", "fee", ref, "--amount", "10.00", "--reason", "excessive",
                         "--by", "alice", *base]) == 0
    out = capsys.readouterr().out
    assert f"{ref}: fee asked; now awaiting_fee; requester told (fee_request)" in out
    assert "due" not in out  # the clock is stopped
    assert run_cli(app, ["tickets", "list", "--state", "awaiting_fee", *base]) == 0
    header, line, count = capsys.readouterr().out.splitlines()
    assert header.split() == ["REFERENCE", "ORG", "STATE", "DUE", "INTENTS", "VERIFIED",
                              "REQUESTER"]
    assert count == "1 ticket"
    assert "awaiting fee" in line
    assert line.startswith(ref)
    assert "! fee of 10.00 GBP awaited" in line
    assert run_cli(app, ["tickets", "show", ref, *base]) == 0
    shown = capsys.readouterr().out
    assert "fee:            10.00 GBP (excessive), asked" in shown
    assert "not paid yet" in shown
    assert "NEEDS ACTION:   fee of 10.00 GBP awaited" in shown
    assert "alice (cli)  fee requested: in_progress -> awaiting_fee; amount: 10.00" in shown
    assert run_cli(app, ["tickets", "fee-paid", ref, "--by", "bob", *base]) == 0
    out = capsys.readouterr().out
    assert "fee received; now in_progress, due " in out
    assert "(fee_received)" in out
    assert run_cli(app, ["tickets", "show", ref, "--json", *base]) == 0
    data = _json(capsys)
    assert data["attention"] == []
    assert [e["kind"] for e in data["events"]].count("fee_received") == 1
    assert data["due_date"] is not None
    assert run_cli(app, ["tickets", "close", ref, "--by", "bob", *base]) == 0
    capsys.readouterr()
    assert run_cli(app, ["tickets", "fee", ref, "--amount", "5", "--reason", "further_copies",
                         "--by", "bob", *base]) == 1
    err = capsys.readouterr().err
    assert "is done: cannot move to awaiting_fee" in err
    assert len(err.strip().splitlines()) == 1
    assert run_cli(app, ["tickets", "fee", seeded["opt_out"], "--amount", "5", "--reason",
                         "excessive", "--by", "bob", *base]) == 1
    assert "only be charged for a rights request" in capsys.readouterr().err


def test_withheld_complaint_ack_shows_in_list(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    async def seed() -> str:
        async with open_desk(tmp_path) as desk:
            for _ in range(6):  # the sixth complaint today is over the daily limit
                raw, inbound, classification = mail(intents=["complaint"],
                                                    sender="c@example.com")
                result = await desk.receive_mail("aimigos", raw, inbound, classification,
                                                 envelope_from="c@example.com")
            return result.reference or ""

    ref = asyncio.run(seed())
    assert run_cli(app, ["tickets", "list", "--data-dir", str(tmp_path)]) == 0
    [line] = [row for row in capsys.readouterr().out.splitlines() if row.startswith(ref)]
    assert "! complaint acknowledgement not sent: acknowledge by " in line
    assert run_cli(app, ["tickets", "show", ref, "--data-dir", str(tmp_path)]) == 0
    shown = capsys.readouterr().out
    assert "NEEDS ACTION:   complaint acknowledgement not sent" in shown
    assert "complaint ack needed" in shown


def test_resend_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeded = asyncio.run(_seed(tmp_path))
    base = ["--data-dir", str(tmp_path)]
    ref = seeded["erasure"]
    assert run_cli(app, ["tickets", "resend-code", ref, *base]) != 0  # --by is required
    capsys.readouterr()
    assert run_cli(app, ["tickets", "resend-code", ref, "--by", "alice", *base]) == 0
    assert "new code sent; now awaiting_identity; requester told (verification_request)" in (
        capsys.readouterr().out)
    assert run_cli(app, ["tickets", "verify", ref, "--code", seeded["code"], "--by", "alice",
                         *base]) == 1  # the first code is void now
    assert run_cli(app, ["tickets", "resend-code", seeded["opt_out"], "--by", "alice",
                         *base]) == 1
    assert "no longer open" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["tickets", "extend", "AIM-2026-0001", "--reason", "x"],
    ["tickets", "clarify", "AIM-2026-0001", "--question", "x"],
    ["tickets", "resume", "AIM-2026-0001"],
    ["tickets", "close", "AIM-2026-0001"],
    ["tickets", "reject", "AIM-2026-0001", "--reason", "x"],
    ["tickets", "assign", "AIM-2026-0001", "--to", "bob"],
    ["tickets", "fee", "AIM-2026-0001", "--amount", "10", "--reason", "excessive"],
    ["tickets", "fee-paid", "AIM-2026-0001"],
    ["suppression", "add", "z@example.com", "--org", "aimigos"],
    ["suppression", "remove", "z@example.com", "--org", "aimigos"],
])
def test_actions_need_by(tmp_path: Path, argv: list[str],
                         capsys: pytest.CaptureFixture[str]) -> None:
    """The audit trail names a person: no action without --by, and nothing changes."""
    seeded = asyncio.run(_seed(tmp_path))
    assert run_cli(app, [*argv, "--data-dir", str(tmp_path)]) != 0
    assert "--by" in capsys.readouterr().err
    assert run_cli(app, ["tickets", "show", seeded["erasure"], "--json",
                         "--data-dir", str(tmp_path)]) == 0
    data = _json(capsys)
    assert data["state"] == "awaiting_identity"
    assert [e["actor"] for e in data["events"]] == ["requester", "requester"]
    assert run_cli(app, ["suppression", "check", "z@example.com", "--org", "aimigos",
                         "--data-dir", str(tmp_path)]) == 0
    assert "not suppressed" in capsys.readouterr().out
