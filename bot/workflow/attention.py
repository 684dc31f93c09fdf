"""What on an open ticket waits for the team, read from its state and history; no I/O.

Some events mean "a person must act": a complaint acknowledgement the reply rules held back
(the daily limit: the team must acknowledge within 30 days itself), a
verification request that could not be sent (the team must check identity by other means),
a fee asked and not yet paid, a mail to the requester that failed for good (`reply_failed`,
written by the sender: the requester was not reached; the note goes when a mail of the same
kind is queued again). Identity and disputes: a code locked by wrong tries (until a new
code is sent), a reply denying the request (`request_disputed`, also on the closed ticket:
someone may have forged a request), a denial or a clarification's answer that did not come
as a reply to our mail (`dispute_unconfirmed`, `clarification_unconfirmed`: the sender may
be forged, the team checks). `tickets list` and `tickets show` print these so nobody has to
read the whole history to find them. Notes go once the ticket is final, except an undelivered
mail (the requester of a closed ticket who never got its notice must still be told) and a
disputed request.
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
REQUEST_DISPUTED = "request_disputed"
DISPUTE_UNCONFIRMED = "dispute_unconfirmed"
VERIFICATION_LOCKED = "verification_locked"
CLARIFICATION_UNCONFIRMED = "clarification_unconfirmed"
# A new code and link went out: a locked code no longer matters.
_NEW_CODE = frozenset({"verification_request", "unverified_reminder"})


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


def _disputed(history: list[tuple[str, datetime, Mapping[str, Any]]], open_: bool) -> list[str]:
    """Denials of the request: always the proven one; an unproven one while it is open."""
    kinds = {kind for kind, _, _ in history}
    if REQUEST_DISPUTED in kinds:
        return ["disputed: the address's owner says they did not make this request"
                + ("" if open_ else " (it was stopped)") + "; check for a forged request"]
    if DISPUTE_UNCONFIRMED in kinds and open_:
        return ["a mail from the requester's address (not a reply to ours) says they did not"
                " make this request: check with them before acting"]
    return []


def _waiting_on_team(here: TicketState,
                     history: list[tuple[str, datetime, Mapping[str, Any]]]) -> list[str]:
    """A locked code nobody replaced; a clarification's answer nobody confirmed."""
    locked: Mapping[str, Any] | None = None
    unconfirmed = False
    for kind, _, data in history:
        if kind == VERIFICATION_LOCKED:
            locked = data
        elif kind == "reply_queued" and data.get("reply") in _NEW_CODE:
            locked = None
        elif kind == CLARIFICATION_UNCONFIRMED:
            unconfirmed = True
        elif kind in ("clarification_requested", "clarification_received"):
            unconfirmed = False
    notes: list[str] = []
    if here is TicketState.AWAITING_IDENTITY and locked is not None:
        notes.append(f"code locked after {locked.get('attempts') or 'too many'} wrong tries: send"
                     " a new code (tickets resend-code) or check identity another way")
    if here is TicketState.AWAITING_CLARIFICATION and unconfirmed:
        notes.append("the requester's address wrote, but not as a reply to our mail: check it"
                     " is them, then resume the clock (tickets resume)")
    return notes


def attention(state: str, events: Iterable[tuple[str, datetime, Mapping[str, Any]]]) -> list[str]:
    """Short notes for the team, most urgent first; once the ticket is final, only an
    undelivered mail and a disputed request."""
    here = parse_state(state)
    history = list(events)
    if here in FINAL:
        return _undelivered(history) + _disputed(history, open_=False)
    notes: list[str] = _disputed(history, open_=True) + _undelivered(history)
    notes += _waiting_on_team(here, history)
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
