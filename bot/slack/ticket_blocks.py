"""Block Kit for a ticket's message in its organisation's privacy channel.

Everything that came from the client's mail (requester, subject, first lines) is escaped and
sits in plain_text objects, so `<!channel>` in a subject pings nobody and `*bold*` stays two
asterisks. Buttons carry the reference as their value; the server re-checks it on every click.
"""

from __future__ import annotations

from datetime import date

from bot.slack.cards import TicketCard
from bot.slack.escape import Block, escape, first_lines, mention, mrkdwn, plain
from bot.slack.recipient_blocks import recipient_elements
from bot.workflow.rights import labels

VERIFY = "ticket_verify"
EXTEND = "ticket_extend"
DONE = "ticket_done"
REJECT = "ticket_reject"
ASSIGN = "ticket_assign"
TICK = "ticket_tick"  # tick a system of the checklist off (bot/slack/checklist_blocks.py)
ACTIONS = (VERIFY, EXTEND, DONE, REJECT, ASSIGN, TICK)
# The team's own hand (bot/slack/manual_actions.py): Reply, the state's next step, and a
# "More" menu whose option values are "<action>|<reference>".
REPLY = "ticket_reply"
RESUME = "ticket_resume"
FEE_PAID = "ticket_fee_paid"
MORE = "ticket_more"
INTENTS = "ticket_intents"
CLARIFY = "ticket_clarify"
FEE = "ticket_fee"
RESEND = "ticket_resend"
CLOSE_UNVERIFIED = "ticket_close_unverified"
MERGE = "ticket_merge"
SPLIT = "ticket_split"
SEND_PACK = "ticket_send_pack"  # mail the requester the link to their access pack
MORE_LABELS = {INTENTS: "Change rights", CLARIFY: "Ask to clarify", FEE: "Ask for a fee",
               FEE_PAID: "Fee received", RESEND: "Send a new code",
               CLOSE_UNVERIFIED: "Close as unverified", MERGE: "Merge a ticket into this",
               SPLIT: "Split out a request", SEND_PACK: "Send pack"}
_RUNNING = frozenset({"in_progress", "extended"})

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
    "merged": "Merged into another ticket",
}
# States the desk lets move to done (bot/workflow/states.py); Reject shows on every open one.
_CAN_FINISH = frozenset({"received", "in_progress", "extended", "awaiting_clarification",
                         "awaiting_fee"})
_STATE_EMOJI = {"done": ":white_check_mark:", "rejected": ":no_entry:",
                "closed_unverified": ":file_folder:", "merged": ":link:"}


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
    if card.systems_left:
        buttons.append(_button(TICK, "Tick a system", card.reference))
    if card.state in _CAN_FINISH:
        buttons.append(_button(DONE, "Mark done", card.reference))
    buttons.append(_button(REJECT, "Reject", card.reference, "danger"))
    buttons.append(_button(ASSIGN, "Assign to me", card.reference))
    return buttons


def more_actions(card: TicketCard) -> list[str]:
    """What the "More" menu offers in the ticket's state (the desk still decides)."""
    if not card.is_open:
        return []
    wanted = [INTENTS]
    if card.state in _RUNNING:
        wanted += [CLARIFY, FEE]
    if card.state == "awaiting_identity":
        wanted += [RESEND, CLOSE_UNVERIFIED, FEE, FEE_PAID]
    if card.verified:  # the pack goes only to a verified requester (bot/desk/export.py)
        wanted.append(SEND_PACK)
    return [*wanted, MERGE, SPLIT]


def manual_elements(card: TicketCard) -> list[Block]:
    """Reply, the button that moves a waiting ticket on, and the "More" menu."""
    if not card.is_open:
        return []
    elements = [_button(REPLY, "Reply", card.reference)]
    if card.state == "awaiting_clarification":
        elements.append(_button(RESUME, "Clarification received", card.reference, "primary"))
    if card.state == "awaiting_fee":
        elements.append(_button(FEE_PAID, "Fee received", card.reference, "primary"))
    elements.append({"type": "static_select", "action_id": MORE,
                     "placeholder": plain("More\u2026"),
                     "options": [{"text": plain(MORE_LABELS[action]),
                                  "value": f"{action}|{card.reference}"}
                                 for action in more_actions(card)]})
    return elements


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
            *([plain(f"Systems: {card.checklist}" + (
                f" (left: {', '.join(card.systems_left)})" if card.systems_left else ""), 300)]
              if card.checklist else []),
        ]},
    ]
    glimpse = first_lines(card.excerpt)
    mail = f"Subject: {card.subject}" + (f"\n{glimpse}" if glimpse else "")
    blocks.append({"type": "section", "text": plain(mail, 2900)})
    if card.check_intents and card.is_open:
        blocks.append({"type": "context", "elements": [mrkdwn(
            ":mag: *Check the intents*: " + escape("; ".join(card.check_intents)))]})
    buttons = ticket_buttons(card) + manual_elements(card) + recipient_elements(card)
    if buttons:
        blocks.append({"type": "actions", "block_id": f"ticket:{card.reference}",
                       "elements": buttons})
    return blocks


def ticket_fallback_text(card: TicketCard) -> str:
    """Notification text: only our own words and the reference, never mail content."""
    return escape(f"{card.reference} ({intents_label(card.intents)}) for {card.organisation}: "
                  f"{state_label(card.state)}")
