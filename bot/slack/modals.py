"""Modals that ask the team member why or how before a ticket action is recorded.

The modal's private_metadata carries the reference and the channel message it came from; on
submission the server checks both again, since nothing a client sends is trusted.
"""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.slack.escape import Block, escape, mrkdwn, plain

VERIFY_MODAL = "ticket_verify_modal"
EXTEND_MODAL = "ticket_extend_modal"
REJECT_MODAL = "ticket_reject_modal"
TEXT_BLOCK = "why"
TEXT_ACTION = "text"
REASON_BLOCK = "reason"
REASON_ACTION = "reason"

REJECTION_REASONS = {
    "manifestly_unfounded": "Manifestly unfounded",
    "manifestly_excessive": "Manifestly excessive",
}


class ModalContext(BaseModel):
    """Where a modal was opened from; round-trips through Slack as private_metadata."""

    model_config = ConfigDict(frozen=True)

    reference: str
    channel: str
    ts: str = ""


def encode_context(context: ModalContext) -> str:
    return context.model_dump_json()


def decode_context(metadata: str) -> ModalContext | None:
    try:
        return ModalContext.model_validate(json.loads(metadata))
    except (ValueError, ValidationError):
        return None


def _text_input(label: str, placeholder: str, *, min_length: int = 3) -> Block:
    return {
        "type": "input",
        "block_id": TEXT_BLOCK,
        "label": plain(label),
        "element": {"type": "plain_text_input", "action_id": TEXT_ACTION, "multiline": True,
                    "min_length": min_length, "max_length": 2000,
                    "placeholder": plain(placeholder)},
    }


def _modal(callback_id: str, title: str, submit: str, context: ModalContext,
           blocks: list[Block]) -> Block:
    intro: Block = {"type": "section", "text": mrkdwn(f"Ticket *{escape(context.reference)}*")}
    return {
        "type": "modal",
        "callback_id": callback_id,
        "private_metadata": encode_context(context),
        "title": plain(title),
        "submit": plain(submit),
        "close": plain("Cancel"),
        "blocks": [intro, *blocks],
    }


def verify_modal(context: ModalContext) -> Block:
    return _modal(VERIFY_MODAL, "Verify identity", "Record check", context, [
        _text_input("How did you check who they are?",
                    "e.g. matched the account's date of birth on a call"),
    ])


def extend_modal(context: ModalContext) -> Block:
    return _modal(EXTEND_MODAL, "Extend deadline", "Extend", context, [
        {"type": "context", "elements": [mrkdwn(
            "Up to two further months, only for complex or repeated requests, and only inside "
            "the first month. The requester is told why."
        )]},
        _text_input("Why is this request complex or repeated?", "The reason the requester sees"),
    ])


def reject_modal(context: ModalContext) -> Block:
    options = [{"text": plain(label), "value": value}
               for value, label in REJECTION_REASONS.items()]
    return _modal(REJECT_MODAL, "Reject request", "Reject", context, [
        {"type": "input", "block_id": REASON_BLOCK, "label": plain("Grounds (Art. 12(5))"),
         "element": {"type": "static_select", "action_id": REASON_ACTION, "options": options}},
        _text_input("Why? (kept on the ticket)", "What makes it unfounded or excessive"),
    ])


def submitted_text(values: dict[str, dict[str, dict[str, object]]]) -> str:
    """The free text typed into a submitted modal, stripped."""
    value = values.get(TEXT_BLOCK, {}).get(TEXT_ACTION, {}).get("value")
    return value.strip() if isinstance(value, str) else ""


def submitted_reason(values: dict[str, dict[str, dict[str, object]]]) -> str:
    selected = values.get(REASON_BLOCK, {}).get(REASON_ACTION, {}).get("selected_option")
    value = selected.get("value") if isinstance(selected, dict) else None
    return value if isinstance(value, str) and value in REJECTION_REASONS else ""
