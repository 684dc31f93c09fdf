"""The modals of the team's own hand on a ticket: Reply, Change rights, Ask to clarify, Ask for
a fee, Merge, Split, and the global shortcut that records a request that came another way.

Builders are pure (values in, Block Kit out) and so are the readers of a submission: what a
modal sends back is untrusted, so every reader checks what it gets and the desk checks again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.slack.canned import Canned
from bot.slack.escape import Block, escape, mrkdwn, plain
from bot.slack.modals import TEXT_ACTION, TEXT_BLOCK, ModalContext, encode_context
from bot.workflow.fees import REASON_LABELS, FeeReason

REPLY_MODAL = "ticket_reply_modal"
INTENTS_MODAL = "ticket_intents_modal"
CLARIFY_MODAL = "ticket_clarify_modal"
FEE_MODAL = "ticket_fee_modal"
MERGE_MODAL = "ticket_merge_modal"
SPLIT_MODAL = "ticket_split_modal"
NEW_MODAL = "ticket_new_modal"
MODALS = (REPLY_MODAL, INTENTS_MODAL, CLARIFY_MODAL, FEE_MODAL, MERGE_MODAL, SPLIT_MODAL)
CANNED_ACTION = "ticket_reply_canned"
REPLY_TEXT = "reply_text"
CHOICE_BLOCK, CHOICE_ACTION = "choice", "choice"
AMOUNT_BLOCK, CURRENCY_BLOCK, FEE_REASON_BLOCK = "amount", "currency", "fee_reason"
OTHER_BLOCK = "other"
ORG_BLOCK, REQUESTER_BLOCK, NAME_BLOCK = "org", "requester", "name"
CAME_BY_BLOCK, RECEIVED_BLOCK, NOTE_BLOCK = "came_by", "received", "note"
VALUE = "value"
CAME_BY_LABELS = {"phone": "Phone", "letter": "Letter", "in_person": "In person",
                  "other": "Other (social media...)"}

Values = dict[str, dict[str, dict[str, Any]]]


def _label(intent: str) -> str:
    return intent.replace("_", " ").capitalize()


def _option(value: str, label: str) -> Block:
    return {"text": plain(label, 75), "value": value}


def _input(block_id: str, label: str, element: Block, *, optional: bool = False,
           hint: str = "") -> Block:
    block: Block = {"type": "input", "block_id": block_id, "label": plain(label),
                    "element": element, "optional": optional}
    if hint:
        block["hint"] = plain(hint)
    return block


def _text(action: str = VALUE, *, multiline: bool = False, initial: str = "",
          placeholder: str = "", max_length: int = 3000) -> Block:
    element: Block = {"type": "plain_text_input", "action_id": action, "multiline": multiline,
                      "max_length": max_length}
    if initial:
        element["initial_value"] = initial[:max_length]
    if placeholder:
        element["placeholder"] = plain(placeholder)
    return element


def _modal(callback_id: str, title: str, submit: str, metadata: str,
           blocks: list[Block]) -> Block:
    return {"type": "modal", "callback_id": callback_id, "private_metadata": metadata,
            "title": plain(title, 24), "submit": plain(submit, 24), "close": plain("Cancel"),
            "blocks": blocks}


def _intro(context: ModalContext) -> Block:
    return {"type": "section", "text": mrkdwn(f"Ticket *{escape(context.reference)}*")}


def _checkboxes(intents: list[str], chosen: list[str]) -> Block:
    element: Block = {"type": "checkboxes", "action_id": CHOICE_ACTION,
                      "options": [_option(i, _label(i)) for i in intents]}
    initial = [_option(i, _label(i)) for i in intents if i in chosen]
    if initial:
        element["initial_options"] = initial
    return element


# -- builders -------------------------------------------------------------------------------

def reply_modal(context: ModalContext, *, unverified: bool, canned: list[Canned],
                text: str = "", version: int = 0) -> Block:
    """The Reply modal; `version` renames the text block so a chosen canned reply shows."""
    blocks: list[Block] = [_intro(context)]
    if unverified:
        blocks.append({"type": "context", "elements": [mrkdwn(
            ":warning: *Identity not verified yet.* This goes to an address nobody has"
            " confirmed: say nothing about the person's data.")]})
    if canned:
        blocks.append({"type": "actions", "block_id": "canned", "elements": [{
            "type": "static_select", "action_id": CANNED_ACTION,
            "placeholder": plain("Start from a canned reply"),
            "options": [_option(item.name, item.label) for item in canned]}]})
    blocks.append(_input(f"{REPLY_TEXT}_{version}", "Your reply to the requester",
                         _text(TEXT_ACTION, multiline=True, initial=text),
                         hint="Sent by mail as written, threaded on their last mail."))
    return _modal(REPLY_MODAL, "Reply", "Send", encode_context(context), blocks)


def intents_modal(context: ModalContext, known: list[str], current: list[str]) -> Block:
    return _modal(INTENTS_MODAL, "Change rights", "Save", encode_context(context), [
        _intro(context),
        _input(CHOICE_BLOCK, "What the request asks for", _checkboxes(known, current),
               hint="Adding access or erasure to a ticket without identity sends a"
                    " verification request."),
        _input(TEXT_BLOCK, "Why (kept on the ticket)", _text(TEXT_ACTION, multiline=True)),
    ])


def clarify_modal(context: ModalContext) -> Block:
    return _modal(CLARIFY_MODAL, "Ask to clarify", "Ask", encode_context(context), [
        _intro(context),
        {"type": "context", "elements": [mrkdwn(
            "The clock stops until the answer comes. The requester is mailed your question.")]},
        _input(TEXT_BLOCK, "What must the requester tell us?",
               _text(TEXT_ACTION, multiline=True, max_length=2000)),
    ])


def fee_modal(context: ModalContext) -> Block:
    reasons = [_option(reason.value, REASON_LABELS.get(reason, reason.value))
               for reason in FeeReason]
    return _modal(FEE_MODAL, "Ask for a fee", "Ask", encode_context(context), [
        _intro(context),
        _input(AMOUNT_BLOCK, "Amount", _text(placeholder="10.00", max_length=20)),
        _input(CURRENCY_BLOCK, "Currency", _text(initial="GBP", max_length=3)),
        _input(FEE_REASON_BLOCK, "Why (the law allows only these)",
               {"type": "static_select", "action_id": VALUE, "options": reasons}),
    ])


def merge_modal(context: ModalContext) -> Block:
    return _modal(MERGE_MODAL, "Merge", "Merge", encode_context(context), [
        _intro(context),
        _input(OTHER_BLOCK, "Ticket to merge into this one",
               _text(placeholder="AIM-2026-0042", max_length=40),
               hint="Same requester. Its mail and history join this ticket, whose clock"
                    " stands; it closes as merged."),
    ])


def split_modal(context: ModalContext, current: list[str]) -> Block:
    return _modal(SPLIT_MODAL, "Split", "Split", encode_context(context), [
        _intro(context),
        _input(CHOICE_BLOCK, "Move these rights to a new ticket", _checkboxes(current, [])),
    ])


def new_request_modal(orgs: list[tuple[str, str]], known: list[str], today: date) -> Block:
    """The global shortcut's modal: a request that came by phone, letter, in person..."""
    return _modal(NEW_MODAL, "Record a request", "Open ticket", "{}", [
        _input(ORG_BLOCK, "Organisation", {
            "type": "static_select", "action_id": VALUE,
            "options": [_option(org_id, name) for org_id, name in orgs],
            **({"initial_option": _option(*orgs[0])} if len(orgs) == 1 else {})}),
        _input(REQUESTER_BLOCK, "Requester's e-mail",
               _text(placeholder="name@example.org", max_length=320),
               hint="Verification and every reply go to this address."),
        _input(NAME_BLOCK, "Requester's name", _text(max_length=200), optional=True),
        _input(CHOICE_BLOCK, "What they ask for", _checkboxes(known, [])),
        _input(CAME_BY_BLOCK, "How it came", {
            "type": "static_select", "action_id": VALUE,
            "options": [_option(value, label) for value, label in CAME_BY_LABELS.items()]}),
        _input(RECEIVED_BLOCK, "Received on", {
            "type": "datepicker", "action_id": VALUE, "initial_date": today.isoformat()},
            hint="The clock counts from this day."),
        _input(NOTE_BLOCK, "Internal note", _text(multiline=True, max_length=2000),
               optional=True),
    ])


# -- readers (pure; untrusted input) ----------------------------------------------------------

def _field(values: Values, block: str, action: str = VALUE) -> dict[str, Any]:
    found = values.get(block, {}).get(action)
    return found if isinstance(found, dict) else {}


def text_value(values: Values, block: str, action: str = VALUE) -> str:
    value = _field(values, block, action).get("value")
    return value.strip() if isinstance(value, str) else ""


def selected(values: Values, block: str, action: str = VALUE) -> str:
    option = _field(values, block, action).get("selected_option")
    value = option.get("value") if isinstance(option, dict) else None
    return value if isinstance(value, str) else ""


def chosen(values: Values, block: str = CHOICE_BLOCK, action: str = CHOICE_ACTION) -> list[str]:
    options = _field(values, block, action).get("selected_options")
    if not isinstance(options, list):
        return []
    return [str(o["value"]) for o in options if isinstance(o, dict) and "value" in o]


def reply_text(values: Values) -> str:
    """The typed reply, whichever version of its block the modal had."""
    for block in values:
        if block.startswith(REPLY_TEXT):
            return text_value(values, block, TEXT_ACTION)
    return ""


def picked_date(values: Values, block: str = RECEIVED_BLOCK) -> str:
    value = _field(values, block).get("selected_date")
    return value if isinstance(value, str) else ""


class NewRequest(BaseModel):
    """What the new-request modal asks the desk to open, read and checked."""

    model_config = ConfigDict(frozen=True)

    org_id: str
    requester: str
    name: str | None
    intents: list[str]
    came_by: str
    received: date
    note: str


def read_new_request(values: Values, today: date,
                     allowed_orgs: set[str]) -> NewRequest | dict[str, str]:
    """The request, or the errors to show next to each field (Slack's response_action)."""
    errors: dict[str, str] = {}
    org_id = selected(values, ORG_BLOCK)
    if org_id not in allowed_orgs:
        errors[ORG_BLOCK] = "Choose an organisation whose privacy team you are in."
    requester = text_value(values, REQUESTER_BLOCK)
    if "@" not in requester:
        errors[REQUESTER_BLOCK] = "An e-mail address is needed: verification goes there."
    intents = chosen(values)
    if not intents:
        errors[CHOICE_BLOCK] = "Tick at least one right."
    came_by = selected(values, CAME_BY_BLOCK)
    if came_by not in CAME_BY_LABELS:
        errors[CAME_BY_BLOCK] = "Say how the request came."
    received: date | None = None
    try:
        received = date.fromisoformat(picked_date(values))
    except ValueError:
        errors[RECEIVED_BLOCK] = "Pick the day the request arrived."
    if received is not None and received > today:
        errors[RECEIVED_BLOCK] = "The received day cannot be in the future."
    if errors or received is None:
        return errors
    return NewRequest(org_id=org_id, requester=requester,
                      name=text_value(values, NAME_BLOCK) or None, intents=intents,
                      came_by=came_by, received=received, note=text_value(values, NOTE_BLOCK))
