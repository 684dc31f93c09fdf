"""Block Kit for a ticket's message in its organisation's privacy channel.

Everything that came from the client's mail (requester, subject, first lines) is escaped and
sits in plain_text objects, so `<!channel>` in a subject pings nobody and `*bold*` stays two
asterisks. Buttons carry the reference as their value; the server re-checks it on every click.
"""

from __future__ import annotations

from datetime import date

from bot.slack.cards import TicketCard
from bot.slack.escape import Block, escape, first_lines, mention, mrkdwn, plain
from bot.workflow.rights import labels

VERIFY = "ticket_verify"
EXTEND = "ticket_extend"
DONE = "ticket_done"
REJECT = "ticket_reject"
ASSIGN = "ticket_assign"
ACTIONS = (VERIFY, EXTEND, DONE, REJECT, ASSIGN)

STATE_LABELS = {
    "received": "Received",
    "awaiting_identity": "Waiting for identity",
    "in_progress": "In progress",
    "extended": "In progress (extended)",
    "awaiting_clarification": "Waiting for clarification",
    "awaiting_fee": "Waiting for the fee (clock stopped)",
    "done": "Done",
    "rejected": "Rejected",
    "closed_unverified": "Closed: identity never confirmed",
}
# States the desk lets move to done (bot/workflow/states.py); Reject shows on every open one.
_CAN_FINISH = frozenset({"received", "in_progress", "extended", "awaiting_clarification",
                         "awaiting_fee"})
_STATE_EMOJI = {"done": ":white_check_mark:", "rejected": ":no_entry:",
                "closed_unverified": ":file_folder:"}


def state_label(state: str) -> str:
    return STATE_LABELS.get(state, state.replace("_", " ").capitalize())


def intents_label(intents: tuple[str, ...]) -> str:
    """The rights a ticket is about, by their readable names (bot.workflow.rights)."""
    return labels(intents)


def due_label(due: date | None, today: date | None = None) -> str:
    if due is None:
        return "not running yet"
    if today is None:
        return due.isoformat()
    days = (due - today).days
    if days < 0:
        return f"{due.isoformat()} (overdue by {-days} day{'s' if days != -1 else ''})"
    if days == 0:
        return f"{due.isoformat()} (today)"
    return f"{due.isoformat()} (in {days} day{'s' if days != 1 else ''})"


def verification_label(card: TicketCard) -> str:
    if card.verified:
        return "verified"
    return "not verified" if card.needs_verification else "not needed"


def _button(action_id: str, label: str, reference: str, style: str | None = None) -> Block:
    button: Block = {"type": "button", "action_id": action_id, "value": reference,
                     "text": plain(label)}
    if style:
        button["style"] = style
    return button


def ticket_buttons(card: TicketCard) -> list[Block]:
    """The actions the desk would accept now; it still enforces its rules on every click."""
    if not card.is_open:
        return []
    buttons: list[Block] = []
    if card.state == "awaiting_identity":
        buttons.append(_button(VERIFY, "Verify identity", card.reference, "primary"))
    if card.state == "in_progress":
        buttons.append(_button(EXTEND, "Extend", card.reference))
    if card.state in _CAN_FINISH:
        buttons.append(_button(DONE, "Mark done", card.reference))
    buttons.append(_button(REJECT, "Reject", card.reference, "danger"))
    buttons.append(_button(ASSIGN, "Assign to me", card.reference))
    return buttons


def ticket_blocks(card: TicketCard, today: date | None = None) -> list[Block]:
    """The channel message for a ticket, current as of its latest event."""
    icon = _STATE_EMOJI.get(card.state, ":envelope_with_arrow:")
    blocks: list[Block] = [
        {"type": "section", "text": mrkdwn(
            f"{icon} *{escape(card.reference)}* \u00b7 {escape(intents_label(card.intents))}"
            f" \u00b7 {escape(card.organisation)}"
        )},
        {"type": "section", "fields": [
            plain(f"Requester: {card.requester}", 500),
            plain(f"Received: {card.received_at:%Y-%m-%d %H:%M} UTC"),
            plain(f"Due: {due_label(card.due_date, today)}"),
            plain(f"Identity: {verification_label(card)}"),
            plain(f"State: {state_label(card.state)}"),
            mrkdwn(f"Assigned: {mention(card.assignee) if card.assignee else 'nobody'}"),
        ]},
    ]
    glimpse = first_lines(card.excerpt)
    mail = f"Subject: {card.subject}" + (f"\n{glimpse}" if glimpse else "")
    blocks.append({"type": "section", "text": plain(mail, 2900)})
    buttons = ticket_buttons(card)
    if buttons:
        blocks.append({"type": "actions", "block_id": f"ticket:{card.reference}",
                       "elements": buttons})
    return blocks


def ticket_fallback_text(card: TicketCard) -> str:
    """Notification text: only our own words and the reference, never mail content."""
    return escape(f"{card.reference} ({intents_label(card.intents)}) for {card.organisation}: "
                  f"{state_label(card.state)}")
