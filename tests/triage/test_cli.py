"""`privacybot triage` and `privacybot mail` from outside: real data dir, real database, the
documented JSON shapes, one-line errors with a non-zero exit, and the corrections export in the
shape of the mail evaluation sets."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import open_desk, run_cli
from intents.models import Classification
from tests.desk.conftest import mail
from tests.triage.conftest import client_mail, deliver

VAGUE = "Hi, I had an account with you years ago and I am not happy about what happened to it."
LIST_KEYS = {"message", "organisation", "from", "subject", "received_at", "suggested_intents"}


@pytest.fixture(autouse=True)
def _local_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)


@pytest.fixture
def data_dir(data_dir_database: Path) -> Path:
    async def seed() -> None:
        async with open_desk(data_dir_database) as desk:
            await deliver(desk, client_mail(VAGUE, subject="About my account"))
            await deliver(desk, client_mail("Lovely photos, thanks!", subject="Thanks",
                                            sender="cy@example.org"),
                          envelope_from="cy@example.org")
            await deliver(desk, client_mail("Away until Monday", subject="Out of office",
                                            Auto_Submitted="auto-replied"))
            # read by an older classifier that saw no request in it
            raw, inbound, _ = mail(text="Please delete all my personal data.",
                                   sender="dee@example.org", subject="Old reading")
            await desk.receive_mail("aimigos", raw, inbound, Classification(),
                                    envelope_from="dee@example.org")
    asyncio.run(seed())
    return data_dir_database


def _run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str,
         code: int = 0) -> tuple[str, str]:
    assert run_cli(app, [*argv, "--data-dir", str(data_dir)]) == code
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_list_open_dismiss_and_export(data_dir: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = _run(capsys, data_dir, "triage", "list", "--json")
    items = json.loads(out)
    assert len(items) == 3  # the auto-reply never reaches triage
    assert all(set(item) >= LIST_KEYS for item in items)
    first, second, third = (item["message"] for item in items)
    assert items[0]["subject"] == "About my account"
    out, _ = _run(capsys, data_dir, "triage", "list", "--limit", "1")
    assert out.splitlines()[-1] == "showing 1-1 of 3 mails awaiting triage; next: --offset 1"
    out, _ = _run(capsys, data_dir, "triage", "open", str(first), "--intents", "access",
                  "--by", "ann", "--json")
    reference = json.loads(out)["reference"]
    assert reference.startswith("AIM-")
    out, _ = _run(capsys, data_dir, "tickets", "list", "--json")
    assert [t["reference"] for t in json.loads(out)] == [reference]
    out, _ = _run(capsys, data_dir, "triage", "dismiss", str(second), "--by", "bo",
                  "--reason", "a thank-you")
    assert "dismissed by bo" in out
    out, _ = _run(capsys, data_dir, "triage", "list", "--json")
    assert [item["message"] for item in json.loads(out)] == [third]
    out, _ = _run(capsys, data_dir, "mail", "corrections", "--jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["labels"] for line in lines] == [["access"], []]
    for line in lines:  # the keys of the mail evaluation sets
        assert {"id", "mailbox", "from", "subject", "body", "labels", "lang", "note"} <= set(line)
        assert line["mailbox"] == "aimigos"
    assert lines[1]["note"] == "triage: dismissed by bo: a thank-you"
    assert "not happy" in lines[0]["body"]
    out, _ = _run(capsys, data_dir, "mail", "corrections", "--jsonl", "--since", "2999-01-01")
    assert out == ""


def test_bad_input_is_one_line_and_changes_nothing(data_dir: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = _run(capsys, data_dir, "triage", "list", "--json")
    first = str(json.loads(out)[0]["message"])
    for argv, wanted in [
        (["triage", "open", first, "--intents", "", "--by", "ann"], "no right given"),
        (["triage", "open", first, "--intents", "teleport", "--by", "ann"], "unknown right"),
        (["triage", "open", "9999", "--intents", "access", "--by", "ann"], "no stored mail"),
        (["triage", "open", "abc", "--intents", "access", "--by", "ann"], "not a mail number"),
        (["triage", "dismiss", first, "--by", " "], "--by"),
        (["triage", "list", "--org", "nobody"], "nobody"),
        (["mail", "corrections"], "--jsonl"),
        (["mail", "corrections", "--jsonl", "--since", "yesterday"], "YYYY-MM-DD"),
    ]:
        _, err = _run(capsys, data_dir, *argv, code=1)
        assert err.startswith("privacybot: error: ")
        assert wanted in err
        assert len(err.strip().splitlines()) == 1
    out, _ = _run(capsys, data_dir, "triage", "list", "--json")
    assert len(json.loads(out)) == 3
    _run(capsys, data_dir, "triage", "dismiss", first, "--by", "ann")
    _, err = _run(capsys, data_dir, "triage", "dismiss", first, "--by", "bo", code=1)
    assert "already triaged" in err


def test_reclassify_marks_and_opens_nothing(data_dir: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = _run(capsys, data_dir, "mail", "reclassify", "--dry-run")
    assert out.splitlines()[-1] == "1 awaiting triage would be marked; nothing was opened"
    out, _ = _run(capsys, data_dir, "triage", "list", "--json")
    assert [item["reclassified_intents"] for item in json.loads(out)] == [[], [], []]
    out, _ = _run(capsys, data_dir, "mail", "reclassify")
    assert "now reads as erasure" in out
    out, _ = _run(capsys, data_dir, "tickets", "list", "--json")
    assert json.loads(out) == []  # opens nothing
    out, _ = _run(capsys, data_dir, "triage", "list", "--json")
    items = json.loads(out)
    assert len(items) == 3
    assert items[2]["reclassified_intents"] == ["erasure"]
    assert items[2]["suggested_intents"] == ["erasure"]


def test_the_export_scores_with_the_evaluation_script(
        data_dir: Path, capsys: pytest.CaptureFixture[str], shared_dir: Path,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out, _ = _run(capsys, data_dir, "triage", "list", "--json")
    first = str(json.loads(out)[0]["message"])
    _run(capsys, data_dir, "triage", "open", first, "--intents", "complaint", "--by", "ann")
    out, _ = _run(capsys, data_dir, "mail", "corrections", "--jsonl")
    export = tmp_path / "corrections.jsonl"
    export.write_text(out, encoding="utf-8")
    monkeypatch.setenv("PRIVACYBOT", str(Path(sys.executable).parent / "privacybot"))
    done = subprocess.run([sys.executable, str(shared_dir / "eval" / "score_mail.py"),
                           str(export)], capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "F1" in done.stdout
