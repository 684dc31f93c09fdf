"""Issue 16.11: the code locks after its last wrong try, and nobody is left in silence: the
requester gets a mail (the team will send a new code; the link still works), the team a note
and an event, and the team's `resend-code` (desk and CLI) reissues after a lockout."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import open_desk, run_cli
from bot.desk import Desk
from bot.errors import VerificationError
from tests.desk.conftest import body, code_in, mail, outbox, parse, receive


async def _wrong_replies(desk: Desk, reference: str, count: int) -> None:
    [verification] = [o for o in await outbox(desk, reference)
                      if o.kind == "verification_request"][:1]
    for _ in range(count):  # replies to our mail from the requester's address, all wrong
        await receive(desk, sender="bob@example.com", text="000000",
                      in_reply_to=parse(verification)["Message-ID"])


async def test_the_last_wrong_code_locks_and_tells_both_sides(desk: Desk) -> None:
    opened = await receive(desk, intents=["access"])
    reference = opened.reference or ""
    await _wrong_replies(desk, reference, 4)
    view = await desk.get_ticket(reference)
    assert not any(e.kind == "verification_locked" for e in view.events)
    assert view.attention == []
    await _wrong_replies(desk, reference, 1)
    view = await desk.get_ticket(reference)
    [locked] = [e for e in view.events if e.kind == "verification_locked"]
    assert locked.data["attempts"] == 5
    assert view.attention == ["code locked after 5 wrong tries: send a new code (tickets "
                              "resend-code) or check identity another way"]
    told = view.outbox[-1]
    assert told.kind == "verification_locked"
    text = " ".join(body(told).split())
    assert "locked" in text
    assert "will check the request and send you a new code and link" in text
    # Further guesses are refused without another mail.
    await _wrong_replies(desk, reference, 2)
    view = await desk.get_ticket(reference)
    assert [o.kind for o in view.outbox].count("verification_locked") == 1


async def test_resend_after_a_lockout_gives_a_working_code(desk: Desk) -> None:
    opened = await receive(desk, intents=["erasure"])
    reference = opened.reference or ""
    await _wrong_replies(desk, reference, 5)
    with pytest.raises(VerificationError, match="locked until the team sends a new one"):
        await desk.verify_code(reference, "123456", "alice", "cli")
    resent = await desk.resend_code(reference, "alice", "cli")
    assert resent.replies == ["verification_request"]
    view = await desk.get_ticket(reference)
    assert view.attention == []  # the note goes with the new code
    new = view.outbox[-1]
    raw, inbound, classification = mail(sender="bob@example.com", text=code_in(new),
                                        in_reply_to=parse(new)["Message-ID"])
    done = await desk.receive_mail("aimigos", raw, inbound, classification,
                                   envelope_from="bob@example.com")
    assert done.verified


@pytest.mark.usefixtures("data_dir_database")
def test_cli_resend_code_after_a_lockout(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    async def locked() -> str:
        async with open_desk(tmp_path) as desk:
            opened = await receive(desk, intents=["erasure"])
            await _wrong_replies(desk, opened.reference or "", 5)
            return opened.reference or ""

    async def codes(reference: str) -> list[str]:
        async with open_desk(tmp_path) as desk:
            return [code_in(o) for o in await outbox(desk, reference)
                    if o.kind == "verification_request"]

    base = ["--data-dir", str(tmp_path)]
    reference = asyncio.run(locked())
    assert run_cli(app, ["tickets", "show", reference, *base]) == 0
    assert "code locked after 5 wrong tries" in capsys.readouterr().out
    assert run_cli(app, ["tickets", "resend-code", reference, "--by", "alice", *base]) == 0
    assert "new code sent" in capsys.readouterr().out
    new = asyncio.run(codes(reference))[-1]
    assert run_cli(app, ["tickets", "verify", reference, "--code", new, "--by", "alice",
                         *base]) == 0
    assert "code accepted; now in_progress" in capsys.readouterr().out
