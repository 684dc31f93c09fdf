"""One line in a ticket's Slack thread per event of its append-only history.

Event kinds belong to the desk (bot/desk); kinds we know read naturally, anything else falls
back to "Kind · who", so a new kind shows up in Slack without a code change. Every value taken
from an event's data is untrusted (some come from mail) and is shown as inline code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.slack.cards import EventLine
from bot.slack.escape import code, escape, mention
from bot.slack.ticket_blocks import state_label

_PEOPLE = {"requester": "the requester", "privacybot": "privacybot", "system": "privacybot",
           "worker": "privacybot"}


def who(actor: str) -> str:
    """The actor as a Slack mention, a role, or (anything else) literal code."""
    if actor in _PEOPLE:
        return _PEOPLE[actor]
    return mention(actor) if actor else "someone"


def _text(data: dict[str, Any], key: str, limit: int = 300) -> str:
    value = data.get(key)
    return code(str(value), limit) if value not in (None, "", [], {}) else ""


def _colon(data: dict[str, Any], key: str) -> str:
    text = _text(data, key)
    return f": {text}" if text else ""


def _words(value: object) -> str:
    return escape(str(value or "").replace("_", " "))


def event_text(line: EventLine) -> str:
    """The thread line (mrkdwn) for one event."""
    d, by = line.data, who(line.actor)
    due = _text(d, "due_date", 40)
    until = f", now due {due}" if due else ""
    kind = line.kind
    if kind == "ticket_opened":
        return f":envelope_with_arrow: Ticket opened ({_words(', '.join(d.get('intents') or []))})"
    if kind == "identity_proof":
        return f":identification_card: Identity proof recorded by {by}{_colon(d, 'method')}"
    if kind == "identity_verified":
        return f":white_check_mark: Identity verified: the clock is running{until}"
    if kind == "verification_failed":
        return f":warning: A verification attempt failed ({_words(d.get('outcome'))})"
    if kind == "request_disputed":
        stopped = ": request stopped" if d.get("stopped") else ": the team decides"
        return (f":rotating_light: The address's owner says they did not make this request"
                f"{stopped}{_colon(d, 'words')}")
    if kind == "dispute_unconfirmed":
        return (":warning: A mail from the requester's address (not a reply to ours) says they"
                f" did not make this request: check with them{_colon(d, 'words')}")
    if kind == "verification_locked":
        return (":lock: Code locked after too many wrong tries: send a new code or check"
                " identity another way")
    if kind == "clarification_unconfirmed":
        return (":warning: The requester's address wrote, but not as a reply to our mail:"
                " check it is them, then resume the clock")
    if kind == "manual_check_needed":
        return f":warning: A team member must check identity{_colon(d, 'reason')}"
    if kind == "complaint_ack_needed":
        return (f":rotating_light: Complaint acknowledgement not sent: the team must acknowledge"
                f" by {_text(d, 'ack_due', 40) or 'the 30th day'}{_colon(d, 'reason')}")
    if kind == "fee_requested":
        fee = code(f"{d.get('amount')} {d.get('currency')}", 40)
        return (f":moneybag: {by} asked for a fee of {fee} ({_words(d.get('reason'))}):"
                " the clock waits for it")
    if kind == "fee_received":
        waits = "" if due else ": the clock waits for identity"
        return f":moneybag: Fee received{until}{waits}"
    if kind == "identity_verified_fee_awaited":
        return ":white_check_mark: Identity verified: the clock waits for the fee"
    if kind == "extended":
        return f":hourglass_flowing_sand: Extended by {by}{until}{_colon(d, 'reason')}"
    if kind == "closed_done":
        return f":white_check_mark: Marked done by {by}{_colon(d, 'note')}"
    if kind == "rejected":
        return (f":no_entry: Rejected by {by} as {_words(d.get('ground'))}"
                f"{_colon(d, 'reason')}")
    if kind == "closed_unverified":
        return ":file_folder: Closed: identity was never confirmed"
    if kind == "refusal_reason_withheld":
        return (":shield: The refusal went out without its reason: the requester's address is"
                " not verified")
    if kind == "complaint_split":
        return f":twisted_rightwards_arrows: The complaint goes on as {_text(d, 'reference', 40)}"
    if kind == "assigned":
        target = str(d.get("assigned_to") or line.actor)
        return f":bust_in_silhouette: Assigned to {who(target)} by {by}"
    if kind == "clarification_requested":
        return f":question: {by} asked the requester to clarify{_colon(d, 'question')}"
    if kind == "clarification_received":
        return f":speech_balloon: Clarification received{until}"
    if kind == "reply_queued":
        return f":outbox_tray: Mail to the requester: {_words(d.get('reply'))}"
    if kind == "reply_withheld":
        return f":mute: Mail held back ({_words(d.get('reply'))}){_colon(d, 'reason')}"
    if kind == "triage_opened":
        return f":inbox_tray: Opened from triage by {by}: the clock counts from the mail's arrival"
    if kind == "reply_received":
        return ":incoming_envelope: The requester wrote again"
    if kind in ("suppression_added", "suppression_confirmed"):
        return ":no_bell: Address on the suppression list"
    if kind in _MANUAL:
        return _MANUAL[kind](d, by)
    if kind in _PACK:
        return _PACK[kind](d, by)
    state = d.get("state_to")
    moved = f" \u00b7 now {escape(state_label(str(state)))}" if state else ""
    return f"{escape(kind.replace('_', ' ').capitalize())} \u00b7 {by}{moved}"


def _note(d: dict[str, Any], by: str) -> str:
    if str(d.get("source") or "").startswith("slack:"):  # written in this thread already
        return f":memo: {by}'s message is kept as an internal note"
    return f":memo: Internal note by {by}{_colon(d, 'text')}"


def _reply(d: dict[str, Any], by: str) -> str:
    where = " to an unverified address" if d.get("unverified_address") else ""
    return f":outbox_tray: {by} replied to the requester{where}{_colon(d, 'text')}"


def _intents(d: dict[str, Any], by: str) -> str:
    before = _words(", ".join(d.get("before") or []))
    after = _words(", ".join(d.get("after") or []))
    more = ": identity is asked for" if d.get("verification_started") else ""
    return f":pencil2: {by} changed the rights from {before} to {after}{more}{_colon(d, 'reason')}"


def _split(d: dict[str, Any], by: str) -> str:
    left = [i for i in d.get("intents_before") or [] if i not in (d.get("intents_after") or [])]
    return (f":twisted_rightwards_arrows: {by} split {_words(', '.join(left))} out into"
            f" {_text(d, 'reference', 40)}")


def _ticked(d: dict[str, Any], by: str) -> str:
    return (f":ballot_box_with_check: {by} ticked {_text(d, 'system', 100)} off the checklist"
            f"{_colon(d, 'note')}")


def _overridden(d: dict[str, Any], by: str) -> str:
    left = ", ".join(str(system) for system in d.get("missing") or [])
    return (f":warning: {by} closed it with systems left ({_text({'left': left}, 'left')},"
            f" {escape(str(d.get('progress') or ''))}){_colon(d, 'reason')}")


def _merged(d: dict[str, Any], by: str) -> str:
    return (f":link: {by} merged {_text(d, 'reference', 40)} into this ticket: its mail and"
            " history are here now")


def _merged_into(d: dict[str, Any], by: str) -> str:
    return f":link: Merged into {_text(d, 'reference', 40)} by {by}"


def _told(d: dict[str, Any], by: str) -> str:
    """A notice of the request to a processor (GDPR Art. 19, bot/desk/recipients.py)."""
    return (f":outbox_tray: {by} had the processor of {_text(d, 'system', 100)} told of the "
            f"{_words(', '.join(d.get('rights') or []))}: {_text(d, 'processor', 200)}")


_MANUAL: dict[str, Callable[[dict[str, Any], str], str]] = {
    "note_added": _note,
    "team_reply_sent": _reply,
    "intents_changed": _intents,
    "ticket_merged": _merged,
    "merged_into": _merged_into,
    "ticket_split": _split,
    "checklist_ticked": _ticked,
    "checklist_overridden": _overridden,
    "recipient_notified": _told,
}


# The access pack (bot/desk/export.py): documents added, the link sent, each download.
_PACK: dict[str, Callable[[dict[str, Any], str], str]] = {
    "file_added": lambda d, by: f":paperclip: {by} added {_text(d, 'name', 120)} to the "
                                "requester's access pack",
    "pack_sent": lambda d, by: f":package: {by} sent the requester the link to their access "
                               f"pack (valid until {_text(d, 'expires_at', 40)})",
    "pack_downloaded": lambda d, by: ":package: The requester downloaded their access pack",
}
