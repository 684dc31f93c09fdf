"""Team notes for undelivered mail (reply_failed), open and closed tickets alike."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.workflow.attention import attention

AT = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def test_undelivered_mail_is_a_note_until_sent_again() -> None:
    failed = ("reply_failed", AT, {"reply": "verification_request", "error": "550 no user"})
    queued = ("reply_queued", AT, {"reply": "verification_request"})
    note = "requester not reached: verification_request could not be delivered (550 no user)"
    assert attention("awaiting_identity", [queued, failed]) == [note]
    assert attention("awaiting_identity", [queued, failed, queued]) == []
    # the notice of a closed ticket that never arrived still needs the team
    done = ("reply_failed", AT, {"reply": "done_notice", "error": ""})
    assert attention("done", [done]) == [
        "requester not reached: done_notice could not be delivered"]
    assert attention("done", [("reply_queued", AT, {"reply": "done_notice"})]) == []
