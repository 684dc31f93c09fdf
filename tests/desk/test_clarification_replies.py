"""Issue 16.8: a paused clock restarts only on a reply that carries our signed Message-ID.
Mail from the requester's address with the reference in its subject (easy to forge) is
flagged for the team, who resume with `tickets resume`."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import open_desk, run_cli
from bot.desk import Desk, IntakeResult
from tests.desk.conftest import code_in, outbox, parse, receive


async def _paused(desk: Desk) -> tuple[str, str]:
    """A verified access request the team asked to clarify; (reference, our question's id)."""
    opened = await receive(desk, intents=["access"])
    reference = opened.reference or ""
    await desk.verify_code(reference, code_in((await outbox(desk, reference))[0]), "al", "cli")
    paused = await desk.request_clarification(reference, "Which account?", "al", "cli")
    assert paused.state == "awaiting_clarification"
    question = (await outbox(desk, reference))[-1]
    assert question.kind == "clarification_request"
    return reference, str(parse(question)["Message-ID"])


async def _answer(desk: Desk, reference: str, *, in_reply_to: str | None) -> IntakeResult:
    return await receive(desk, sender="bob@example.com", subject=f"Re: [{reference}]",
                         text="The one on my work address.", in_reply_to=in_reply_to)


async def test_a_subject_reference_alone_does_not_resume(desk: Desk) -> None:
    reference, _ = await _paused(desk)
    result = await _answer(desk, reference, in_reply_to=None)
    assert result.outcome == "joined"
    assert result.state == "awaiting_clarification"
    view = await desk.get_ticket(reference)
    assert [e.kind for e in view.events].count("clarification_unconfirmed") == 1
    assert not any(e.kind == "clarification_received" for e in view.events)
    assert view.attention == ["the requester's address wrote, but not as a reply to our mail:"
                              " check it is them, then resume the clock (tickets resume)"]


async def test_a_reply_to_our_mail_resumes(desk: Desk) -> None:
    reference, question = await _paused(desk)
    result = await _answer(desk, reference, in_reply_to=question)
    assert result.state == "in_progress"
    view = await desk.get_ticket(reference)
    assert any(e.kind == "clarification_received" for e in view.events)
    assert view.attention == []


@pytest.mark.usefixtures("data_dir_database")
def test_the_team_resumes_a_flagged_ticket_from_the_cli(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    async def flagged() -> str:
        async with open_desk(tmp_path) as desk:
            reference, _ = await _paused(desk)
            await _answer(desk, reference, in_reply_to=None)
            return reference

    base = ["--data-dir", str(tmp_path)]
    reference = asyncio.run(flagged())
    assert run_cli(app, ["tickets", "show", reference, *base]) == 0
    assert "not as a reply to our mail" in capsys.readouterr().out
    assert run_cli(app, ["tickets", "resume", reference, "--note", "confirmed by phone",
                         "--by", "alice", *base]) == 0
    assert "clock resumed; now in_progress" in capsys.readouterr().out
    assert run_cli(app, ["tickets", "show", reference, *base]) == 0
    assert "not as a reply to our mail" not in capsys.readouterr().out
