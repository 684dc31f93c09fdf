"""What a person reads: `tickets show` with the mail's text (issue 16.7) and readable events,
`tickets list` with a header, open tickets soonest due first, and no due date where no clock
runs (issue 16.15). Mail goes through the real reader and classifier into the desk."""

from __future__ import annotations

import asyncio
import json
import re
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from bot.cli import app
from bot.cli.common import open_desk, run_cli
from bot.runtime import understand_mail

# Commands other than `db upgrade` and `serve` only open an existing database.
pytestmark = pytest.mark.usefixtures("data_dir_database")


def _raw(sender: str, subject: str, *, html: str | None = None, text: str | None = None,
         in_reply_to: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, "hello@aimigos.studio", subject
    message["Message-ID"] = f"<{abs(hash((sender, subject)))}@example.com>"
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    if html is not None:
        message.set_content(html, subtype="html")
    else:
        message.set_content(text or "")
    return bytes(message)


async def _receive(data_dir: Path, raw: bytes, sender: str) -> str:
    async with open_desk(data_dir) as desk:
        mail, classification = understand_mail(raw)
        result = await desk.receive_mail("aimigos", raw, mail, classification,
                                         envelope_from=sender)
        assert result.reference is not None, result
        return result.reference


async def _seed(data_dir: Path) -> dict[str, str]:
    bob, ann, eve = "bob@example.com", "ann@example.com", "eve@example.com"
    erasure = await _receive(data_dir, _raw(
        bob, "My account",
        html="<html><body><p>Please <b>erase</b> my account and all my data.</p></body></html>"),
        bob)
    async with open_desk(data_dir) as desk:
        ours = (await desk.get_ticket(erasure)).outbox[0].message_id
    await _receive(data_dir, _raw(
        bob, f"Re: Please confirm your request [{erasure}]", in_reply_to=ours,
        text="The account is bob123, thank you.\n\nOn Monday you wrote:\n"
             "> Before we act on it we need to be sure that it came from you.\n"), bob)
    access = await _receive(data_dir, _raw(
        ann, "Copy", text="Please send me a copy of the personal data you hold about me."),
        ann)
    waiting = await _receive(data_dir, _raw(
        eve, "Erase", text="Please delete all personal data you hold about me."), eve)
    return {"erasure": erasure, "access": access, "waiting": waiting}


def _cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> str:
    code = run_cli(app, [*argv, "--data-dir", str(data_dir)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def test_show_has_the_mail_and_readable_events(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    refs = asyncio.run(_seed(tmp_path))
    ref = refs["erasure"]
    _cli(capsys, tmp_path, "tickets", "verify", ref, "--method", "passport", "--by", "alice")
    said = _cli(capsys, tmp_path, "tickets", "clarify", ref, "--question", "Which account?",
                "--by", "alice")
    assert said.startswith(f"{ref}: clarification asked; now awaiting_clarification, "
                           "clock paused; requester told")
    shown = _cli(capsys, tmp_path, "tickets", "show", ref)
    # The mail, as clean text: the HTML request, the reply's own words, our mails.
    assert "    Please erase my account and all my data." in shown
    assert "    The account is bob123, thank you." in shown
    assert "    [2 quoted lines not shown: --json has them]" in shown
    assert "from bob@example.com" in shown
    assert "to bob@example.com (verification_request" in shown
    assert "with the code [redacted]" in shown  # a requester's secret stays out of sight
    assert "We have your request" in shown  # the acknowledgement's subject
    assert "Which account?" in shown
    # Events: to the minute, who, what, key fields; no raw JSON.
    history = shown.split("history:")[1].split("mail:")[0]
    assert not re.search(r"\d{2}:\d{2}:\d{2}", history)
    assert "{" not in history
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}  alice \(cli\)  clarification requested: "
                     r"in_progress -> awaiting_clarification; question: Which account\?",
                     history)
    # Paused: no stale due date, but since when.
    [due] = [line for line in shown.splitlines() if line.startswith("due:")]
    assert "paused since" in due
    assert not re.search(r"due:\s+\d{4}-", due)

    data = json.loads(_cli(capsys, tmp_path, "tickets", "show", ref, "--json"))
    messages: list[dict[str, Any]] = data["messages"]
    assert {"from", "subject", "received_at", "direction", "text"} <= set(messages[0])
    inbound = [m for m in messages if m["direction"] == "in"]
    assert [m["from"] for m in inbound] == ["bob@example.com", "bob@example.com"]
    assert inbound[0]["text"].strip() == "Please erase my account and all my data."
    assert inbound[0]["subject"] == "My account"
    assert "came from you" in inbound[1]["quoted"]
    outbound = [m for m in messages if m["direction"] == "out"]
    assert [m["kind"] for m in outbound][:2] == ["verification_request", "acknowledgement"]
    assert all(m["from"] == "hello@aimigos.studio" for m in outbound)
    assert [m["received_at"] for m in messages] == sorted(m["received_at"] for m in messages)
    assert data["state"] == "awaiting_clarification"  # the documented keys are still there


def test_list_is_open_soonest_due_with_a_header(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    refs = asyncio.run(_seed(tmp_path))
    for ref in (refs["erasure"], refs["access"]):
        _cli(capsys, tmp_path, "tickets", "verify", ref, "--method", "passport", "--by", "al")
    # The older ticket is extended: due later, so listed after the newer one.
    _cli(capsys, tmp_path, "tickets", "extend", refs["erasure"], "--reason", "Six systems",
         "--by", "al")
    lines = _cli(capsys, tmp_path, "tickets", "list").splitlines()
    assert lines[0].split() == ["REFERENCE", "ORG", "STATE", "DUE", "INTENTS", "VERIFIED",
                                "REQUESTER"]
    assert [line.split()[0] for line in lines[1:-1]] == [
        refs["access"], refs["erasure"], refs["waiting"]]
    waiting = lines[3]
    assert "awaiting identity" in waiting
    assert not re.search(r"\d{4}-\d{2}-\d{2}", waiting)
    assert lines[-1] == "3 open tickets"

    _cli(capsys, tmp_path, "tickets", "close", refs["access"], "--note", "Sent.", "--by", "al")
    _cli(capsys, tmp_path, "tickets", "clarify", refs["erasure"], "--question", "Which?",
         "--by", "al")
    lines = _cli(capsys, tmp_path, "tickets", "list").splitlines()
    assert refs["access"] not in "\n".join(lines)  # done: only with --all
    [paused] = [line for line in lines if line.startswith(refs["erasure"])]
    assert "paused since" in paused
    everything = _cli(capsys, tmp_path, "tickets", "list", "--all")
    assert refs["access"] in everything
    assert everything.splitlines()[-1] == "3 tickets"
    rows = json.loads(_cli(capsys, tmp_path, "tickets", "list", "--json"))
    assert {row["reference"] for row in rows} == {refs["erasure"], refs["waiting"]}
    assert set(rows[0]) == {"reference", "organisation", "intents", "state", "requester",
                            "received_at", "due_date", "verified", "complaint_due"}
