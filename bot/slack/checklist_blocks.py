"""The systems checklist (bot.workflow.checklist) in Slack: the owners' thread line, the modal
that ticks a system off, and the modal that closes as done with systems left.

Pure: a Checklist in, mrkdwn or a modal out. System names, what to do in them and owners come
from the organisations file; they are escaped all the same, and an owner is mentioned only
when it is a Slack user id (anything else shows as inline code). The modals carry the ticket
in private_metadata like the others (bot/slack/modals.py); the server checks it again and the
desk applies the same rules as `privacybot tickets tick|close`.
"""

from __future__ import annotations

from bot.slack.escape import Block, code, escape, mention, mrkdwn, plain, truncate
from bot.slack.modals import TEXT_ACTION, TEXT_BLOCK, ModalContext, encode_context
from bot.slack.ticket_blocks import TICK
from bot.workflow.checklist import Checklist

TICK_MODAL = "ticket_tick_modal"
DONE_MODAL = "ticket_done_override_modal"
SYSTEM_BLOCK = "system"
SYSTEM_ACTION = "system"
# Events after which a ticket has its checklist: identity confirmed (the clock running, or
# waiting for a fee). The owners hear about it in the ticket's thread then.
STARTS = frozenset({"identity_verified", "identity_verified_fee_awaited"})
MAX_OPTIONS = 100  # Slack's limit for a static_select


def owner_label(owner: str) -> str:
    return mention(owner) if owner else "no owner set"


def owners_text(checklist: Checklist) -> str:
    """The thread line when the checklist starts: each system, its owner (mentioned) and
    what to do there."""
    lines = [f":clipboard: *Checklist: {len(checklist.items)} system"
             f"{'' if len(checklist.items) == 1 else 's'} to carry this request out in.* "
             "Tick each from the ticket's message with a note of what was found or erased:"]
    for item in checklist.items:
        todo = f": {escape(truncate(item.todo, 300))}" if item.todo else ""
        processor = f" (processor {code(item.processor, 120)})" if item.processor else ""
        lines.append(f"\u2022 *{escape(item.system)}*, {owner_label(item.owner)}{todo}"
                     f"{processor}")
    return "\n".join(lines)


def owners_blocks(reference: str, checklist: Checklist) -> list[Block]:
    """The owners' thread message, with a "Tick a system" button of its own (the same
    action as the card's, so that an owner can tick from the thread they were called to)."""
    return [{"type": "section", "text": mrkdwn(truncate(owners_text(checklist), 3000))},
            {"type": "actions", "block_id": f"checklist:{reference}", "elements": [
                {"type": "button", "action_id": TICK, "value": reference,
                 "text": plain("Tick a system")}]}]


def _modal(callback_id: str, title: str, submit: str, context: ModalContext,
           blocks: list[Block]) -> Block:
    return {"type": "modal", "callback_id": callback_id,
            "private_metadata": encode_context(context), "title": plain(title),
            "submit": plain(submit), "close": plain("Cancel"),
            "blocks": [{"type": "section", "text": mrkdwn(
                f"Ticket *{escape(context.reference)}*")}, *blocks]}


def _text(label: str, placeholder: str) -> Block:
    return {"type": "input", "block_id": TEXT_BLOCK, "label": plain(label),
            "element": {"type": "plain_text_input", "action_id": TEXT_ACTION,
                        "multiline": True, "min_length": 3, "max_length": 2000,
                        "placeholder": plain(placeholder)}}


def tick_modal(context: ModalContext, checklist: Checklist) -> Block:
    """Which system, and a note of what was found or erased there."""
    left = [item for item in checklist.items if not item.done][:MAX_OPTIONS]
    options = [{"text": plain(truncate(item.system, 75)), "value": item.system}
               for item in left]
    todo = "\n".join(f"\u2022 *{escape(item.system)}*, {owner_label(item.owner)}"
                     + (f": {escape(truncate(item.todo, 200))}" if item.todo else "")
                     for item in left)
    return _modal(TICK_MODAL, "Tick a system", "Tick", context, [
        {"type": "context", "elements": [mrkdwn(f"{escape(checklist.progress)} done")]},
        {"type": "section", "text": mrkdwn(truncate(todo, 2900) or " ")},
        {"type": "input", "block_id": SYSTEM_BLOCK, "label": plain("System"),
         "element": {"type": "static_select", "action_id": SYSTEM_ACTION, "options": options,
                     **({"initial_option": options[0]} if len(options) == 1 else {})}},
        _text("What was found or erased there?",
              "e.g. 2 contact records and 14 deals erased; export attached to the reply"),
    ])


def done_modal(context: ModalContext, checklist: Checklist) -> Block:
    """Closing as done with systems left: say why (kept on the ticket, shown in the
    register), or cancel and tick them first."""
    left = ", ".join(escape(system) for system in checklist.missing)
    return _modal(DONE_MODAL, "Close with systems left", "Close as done", context, [
        {"type": "section", "text": mrkdwn(
            f":warning: The checklist is not complete ({escape(checklist.progress)}); "
            f"left: *{left}*.\nTick them first (cancel, then *Tick a system*), or close "
            "anyway with the reason the register will show.")},
        _text("Why close with these systems left?",
              "e.g. the processor confirmed it holds nothing on this person"),
    ])


def submitted_system(values: dict[str, dict[str, dict[str, object]]]) -> str:
    """The system chosen in the tick modal ("" when none)."""
    selected = values.get(SYSTEM_BLOCK, {}).get(SYSTEM_ACTION, {}).get("selected_option")
    value = selected.get("value") if isinstance(selected, dict) else None
    return value if isinstance(value, str) else ""
