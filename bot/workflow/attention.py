"""What on an open ticket waits for the team, read from its state and history; no I/O.

Some events mean "a person must act": a complaint acknowledgement the reply rules held back
(the daily limit: the team must acknowledge within 30 days itself), a
verification request that could not be sent (the team must check identity by other means),
a fee asked and not yet paid, a mail to the requester that failed for good (`reply_failed`,
written by the sender: the requester was not reached; the note goes when a mail of the same
kind is queued again). `tickets list` and `tickets show` print these so nobody has to read
the whole history to find them. Notes go once the ticket is final, except an undelivered
mail: the requester of a closed ticket who never got its notice must still be told.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from bot.workflow.fees import fee_status
from bot.workflow.states import FINAL, TicketState, parse_state

COMPLAINT_ACK_NEEDED = "complaint_ack_needed"
MANUAL_CHECK_NEEDED = "manual_check_needed"
REPLY_FAILED = "reply_failed"


def _undelivered(history: list[tuple[str, datetime, Mapping[str, Any]]]) -> list[str]:
    """Mails that failed for good and were not queued again since, as notes."""
    failed: dict[str, str] = {}
    for kind, _, data in history:
        reply = str(data.get("reply") or "mail")
        if kind == REPLY_FAILED:
            failed[reply] = str(data.get("error") or "").strip()[:80]
        elif kind == "reply_queued":
            failed.pop(reply, None)
    return [f"requester not reached: {reply} could not be delivered"
            + (f" ({error})" if error else "") for reply, error in failed.items()]


def attention(state: str, events: Iterable[tuple[str, datetime, Mapping[str, Any]]]) -> list[str]:
    """Short notes for the team, most urgent first; none once the ticket is final."""
    here = parse_state(state)
    history = list(events)
    if here in FINAL:
        return _undelivered(history)
    notes: list[str] = _undelivered(history)
    ack_due: str | None = None
    acked = False
    for kind, _, data in history:
        if kind == COMPLAINT_ACK_NEEDED:
            ack_due, acked = str(data.get("ack_due") or "") or "-", False
        elif kind == "reply_queued" and data.get("reply") == "complaint_ack":
            acked = True
    if ack_due is not None and not acked:
        notes.append(f"complaint acknowledgement not sent: acknowledge by {ack_due}")
    if here is TicketState.AWAITING_IDENTITY and any(
            kind == MANUAL_CHECK_NEEDED for kind, _, _ in history):
        notes.append("identity must be checked by the team")
    fee = fee_status(history)
    if fee.outstanding and fee.fee is not None:
        notes.append(f"fee of {fee.fee.display} awaited")
    return notes
