"""`privacybot tickets note|reply|intents|new|merge|split|close-unverified` on a real data dir:
what they print, the JSON of `new`, and one-line errors that change nothing."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.cli import app
from bot.cli.common import open_desk, run_cli
from tests.desk.conftest import mail

pytestmark = pytest.mark.usefixtures("data_dir_database")


async def _seed(data_dir: Path) -> str:
    async with open_desk(data_dir) as desk:
        raw, inbound, classification = mail(intents=["complaint"], sender="bob@example.com")
        result = await desk.receive_mail("aimigos", raw, inbound, classification,
                                         envelope_from="bob@example.com")
        return result.reference or ""


def _show(data_dir: Path, capsys: pytest.CaptureFixture[str], reference: str) -> Any:
    assert run_cli(app, ["tickets", "show", reference, "--json", "--data-dir",
                         str(data_dir)]) == 0
    return json.loads(capsys.readouterr().out)


def test_note_reply_and_intents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reference = asyncio.run(_seed(tmp_path))
    base = ["--by", "alice", "--data-dir", str(tmp_path)]
    assert run_cli(app, ["tickets", "note", reference, "--text", "internal only", *base]) == 0
    assert "note added" in capsys.readouterr().out
    reply = tmp_path / "reply.txt"
    reply.write_text("Dear Bob,\nthank you.\n", encoding="utf-8")
    assert run_cli(app, ["tickets", "reply", reference, "--file", str(reply), *base]) == 0
    out = capsys.readouterr()
    assert "requester told (team_reply)" in out.out
    assert out.err == ""  # a complaint needs no identity: no warning
    assert run_cli(app, ["tickets", "intents", reference, "--add", "erasure", "--reason",
                         "asked on the phone", *base]) == 0
    assert "now awaiting_identity" in capsys.readouterr().out
    shown = _show(tmp_path, capsys, reference)
    kinds = [event["kind"] for event in shown["events"]]
    assert "note_added" in kinds
    assert "team_reply_sent" in kinds
    assert [m["kind"] for m in shown["mail"]] == ["complaint_ack", "team_reply",
                                                  "verification_request"]
    changed = next(e for e in shown["events"] if e["kind"] == "intents_changed")
    assert changed["data"]["before"] == ["complaint"]
    assert changed["data"]["after"] == ["erasure", "complaint"]


def test_new_prints_its_reference(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    day = (datetime.now(UTC).date() - timedelta(days=3)).isoformat()
    assert run_cli(app, ["tickets", "new", "--org", "imgn", "--requester", "eve@example.org",
                         "--intents", "access", "--channel", "letter", "--received", day,
                         "--by", "alice", "--json", "--data-dir", str(tmp_path)]) == 0
    reference = json.loads(capsys.readouterr().out)["reference"]
    shown = _show(tmp_path, capsys, reference)
    assert shown["received_at"].startswith(day)
    assert shown["state"] == "awaiting_identity"
    assert [m["kind"] for m in shown["mail"]] == ["verification_request"]


@pytest.mark.parametrize(("argv", "message"), [
    (["note", "AIM-2026-9999", "--text", "x"], "AIM-2026-9999"),
    (["note", "{ref}", "--text", "  "], "the note's text is required"),
    (["reply", "{ref}"], "give exactly one of --text or --file"),
    (["intents", "{ref}", "--add", "", "--reason", "r"], "nothing to change"),
    (["intents", "{ref}", "--add", "fishing", "--reason", "r"], "unknown intent 'fishing'"),
    (["new", "--org", "aimigos", "--requester", "a@example.org", "--intents", "access",
      "--channel", "phone", "--received", "2999-01-01"], "is in the future"),
    (["new", "--org", "aimigos", "--requester", "a@example.org", "--intents", "",
      "--channel", "phone", "--received", "2026-01-01"], "at least one intent"),
    (["new", "--org", "aimigos", "--requester", "a@example.org", "--intents", "access",
      "--channel", "phone", "--received", "01/02/2026"], "must be YYYY-MM-DD"),
    (["merge", "{ref}", "AIM-2026-9999"], "AIM-2026-9999"),
    (["split", "{ref}", "--intents", "complaint"], "at least one intent"),
    (["close-unverified", "{ref}"], "only a ticket waiting for identity"),
])
def test_bad_input_is_one_line_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
        message: str) -> None:
    reference = asyncio.run(_seed(tmp_path))
    before = _show(tmp_path, capsys, reference)
    args = [part.replace("{ref}", reference) for part in argv]
    assert run_cli(app, ["tickets", *args, "--by", "alice", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("privacybot: error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert _show(tmp_path, capsys, reference) == before
    assert run_cli(app, ["tickets", "list", "--all", "--json", "--data-dir", str(tmp_path)]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
