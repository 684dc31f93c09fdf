"""Block Kit for a mail awaiting triage: its card, the "Open as..." and "Not a request" modals.

Everything from the client's mail (sender, subject, first lines, the evidence words) is
escaped and shown in plain_text objects or inline code, like a ticket card. The buttons carry
the mail's number; the server checks it, the channel and the clicker again on every click.
A decided card keeps what it showed, loses its buttons and says who decided what.
"""

from __future__ import annotations

import json
from datetime import datetime

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.slack.escape import Block, code, escape, first_lines, mention, mrkdwn, plain
from intents.languages import is_read

OPEN = "triage_open"
DISMISS = "triage_dismiss"
OPEN_MODAL = "triage_open_modal"
DISMISS_MODAL = "triage_dismiss_modal"
RIGHTS_BLOCK = "rights"
RIGHTS_ACTION = "rights"
REASON_BLOCK = "reason"
REASON_ACTION = "reason"


class TriageCard(BaseModel):
    """A mail awaiting triage (or just decided) as the team sees it."""

    model_config = ConfigDict(frozen=True)

    message: int
    organisation: str
    sender: str
    sender_name: str = ""
    subject: str = ""
    received_at: datetime
    language: str | None = None
    text: str = ""
    scores: dict[str, float] = {}
    evidence: tuple[tuple[str, str], ...] = ()
    threshold: float = 0.5
    suggested: tuple[str, ...] = ()
    reclassified: tuple[str, ...] = ()
    # Set once decided: "opened" or "dismissed", by whom, why, the ticket made.
    decision: str | None = None
    decided_by: str = ""
    decided_intents: tuple[str, ...] = ()
    reason: str = ""
    reference: str | None = None


class TriageContext(BaseModel):
    """Where a triage modal was opened from; round-trips as private_metadata."""

    model_config = ConfigDict(frozen=True)

    message: int
    channel: str
    ts: str = ""


def decode_context(metadata: str) -> TriageContext | None:
    try:
        return TriageContext.model_validate(json.loads(metadata))
    except (ValueError, ValidationError):
        return None


def _label(intent: str) -> str:
    return intent.replace("_", "-")


def scores_line(scores: dict[str, float], threshold: float) -> str:
    """Each right's score, highest first; those at or over the threshold in bold."""
    ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    parts = [f"*{_label(name)} {value:.2f}*" if value >= threshold else
             f"{_label(name)} {value:.2f}" for name, value in ordered]
    return ", ".join(parts) or "no scores"


def triage_fallback_text(card: TriageCard) -> str:
    return f"Mail awaiting triage from {escape(card.sender)}: {escape(card.subject)}"[:300]


def triage_blocks(card: TriageCard) -> list[Block]:
    """The card: who wrote what when, what the classifier saw, and the two actions."""
    title = ":mailbox_with_mail: Awaiting triage" if card.decision is None else (
        ":envelope_with_arrow: Opened from triage" if card.decision == "opened"
        else ":wastebasket: Not a request")
    who = f"{card.sender_name} <{card.sender}>" if card.sender_name else card.sender
    blocks: list[Block] = [
        {"type": "section", "text": mrkdwn(f"*{title}* \u00b7 mail {card.message}")},
        {"type": "section", "fields": [
            mrkdwn(f"*From*\n{code(who, 200)}"),
            mrkdwn(f"*Received*\n{card.received_at:%Y-%m-%d %H:%M} UTC"),
            mrkdwn(f"*Subject*\n{code(card.subject or '(no subject)', 200)}"),
            mrkdwn(f"*Language*\n{escape(card.language or 'unknown')}"
                   + ("\n:warning: not read: no rules for it, read it yourself"
                      if card.language and not is_read(card.language) else "")),
        ]},
    ]
    if card.text.strip():
        blocks.append({"type": "section", "text": plain(first_lines(card.text))})
    seen = [f"Scores (an intent holds at {card.threshold:.2f}): "
            f"{scores_line(card.scores, card.threshold)}"]
    for intent, words in card.evidence[:3]:
        seen.append(f"{escape(_label(intent))}: {code(words, 150)}")
    if card.reclassified:
        seen.append("The classifier now reads it as "
                    f"*{escape(', '.join(map(_label, card.reclassified)))}*: please confirm")
    blocks.append({"type": "context", "elements": [mrkdwn("\n".join(seen))]})
    if card.decision is None:
        guess = ", ".join(map(_label, card.suggested)) or "nothing"
        blocks.append({"type": "actions", "block_id": f"triage_{card.message}", "elements": [
            {"type": "button", "action_id": OPEN, "value": str(card.message),
             "style": "primary", "text": plain("Open as...")},
            {"type": "button", "action_id": DISMISS, "value": str(card.message),
             "text": plain("Not a request")},
        ]})
        blocks.append({"type": "context", "elements": [mrkdwn(
            f"Best guess: {escape(guess)}")]})
    else:
        blocks.append({"type": "section", "text": mrkdwn(_decided(card))})
    return blocks


def _decided(card: TriageCard) -> str:
    by = mention(card.decided_by)
    if card.decision == "opened":
        rights = escape(", ".join(map(_label, card.decided_intents)))
        ticket = f" as ticket *{escape(card.reference)}*" if card.reference else ""
        return f":white_check_mark: Opened{ticket} ({rights}) by {by}"
    why = f": {code(card.reason, 300)}" if card.reason else ""
    return f":heavy_minus_sign: Not a request, said {by}{why}"


def _modal(callback_id: str, title: str, submit: str, context: TriageContext,
           blocks: list[Block]) -> Block:
    return {
        "type": "modal", "callback_id": callback_id,
        "private_metadata": context.model_dump_json(), "title": plain(title),
        "submit": plain(submit), "close": plain("Cancel"),
        "blocks": [{"type": "section", "text": mrkdwn(f"Mail {context.message}")}, *blocks],
    }


def open_modal(context: TriageContext, rights: tuple[str, ...],
               suggested: tuple[str, ...]) -> Block:
    """Choose one or several rights, the classifier's best guess preselected."""
    options = [{"text": plain(_label(name)), "value": name} for name in rights]
    element: Block = {"type": "multi_static_select", "action_id": RIGHTS_ACTION,
                      "options": options, "placeholder": plain("Rights asked for")}
    chosen = [option for option in options if option["value"] in suggested]
    if chosen:
        element["initial_options"] = chosen
    return _modal(OPEN_MODAL, "Open as...", "Open ticket", context, [
        {"type": "context", "elements": [mrkdwn(
            "The clock counts from the day the mail arrived. Access and erasure first "
            "ask the sender to confirm their address, as for any ticket.")]},
        {"type": "input", "block_id": RIGHTS_BLOCK, "label": plain("Rights"),
         "element": element},
    ])


def dismiss_modal(context: TriageContext) -> Block:
    return _modal(DISMISS_MODAL, "Not a request", "Dismiss", context, [
        {"type": "input", "block_id": REASON_BLOCK, "optional": True,
         "label": plain("Why? (optional, kept with the decision)"),
         "element": {"type": "plain_text_input", "action_id": REASON_ACTION,
                     "multiline": True, "max_length": 1000}},
    ])


def submitted_rights(values: dict[str, dict[str, dict[str, object]]]) -> list[str]:
    chosen = values.get(RIGHTS_BLOCK, {}).get(RIGHTS_ACTION, {}).get("selected_options")
    found = [option.get("value") for option in chosen if isinstance(option, dict)] \
        if isinstance(chosen, list) else []
    return [value for value in found if isinstance(value, str)]


def submitted_reason(values: dict[str, dict[str, dict[str, object]]]) -> str:
    value = values.get(REASON_BLOCK, {}).get(REASON_ACTION, {}).get("value")
    return value.strip() if isinstance(value, str) else ""


class BacklogLine(BaseModel):
    """One organisation's triage backlog: how many wait, and since when the oldest."""

    model_config = ConfigDict(frozen=True)

    organisation: str
    count: int
    oldest: datetime | None = None


def backlog_text(line: BacklogLine, now: datetime) -> str:
    if line.count == 0 or line.oldest is None:
        return f"{escape(line.organisation)}: no mail awaiting triage"
    days = max(0, (now - line.oldest).days)
    age = "today" if days == 0 else f"{days} day{'s' if days != 1 else ''} ago"
    many = "1 mail" if line.count == 1 else f"{line.count} mails"
    return (f":mailbox_with_mail: {escape(line.organisation)}: *{many} awaiting triage*, "
            f"the oldest received {line.oldest:%Y-%m-%d} ({age})")


def backlog_blocks(lines: list[BacklogLine], now: datetime) -> list[Block]:
    """The backlog for the App Home and the digest (nothing when there are no lines)."""
    if not lines:
        return []
    text = "\n".join(backlog_text(line, now) for line in lines)
    return [{"type": "section", "text": mrkdwn(text)},
            {"type": "context", "elements": [mrkdwn(
                "Each waiting mail has a card in the privacy channel; "
                "`privacybot triage list` lists them.")]}]
