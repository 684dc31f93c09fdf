"""Block Kit for lists of tickets: `/privacy tickets`, the App Home tab and the daily digest.

One mrkdwn line per ticket; the requester (from mail) is inline code, so it is shown literally.
Slack caps a message at 50 blocks and a Home view at 100, so long lists say how many were left.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.slack.cards import TicketCard
from bot.slack.escape import Block, code, escape, mention, mrkdwn
from bot.slack.ticket_blocks import due_label, intents_label, state_label

MAX_LINES = 40
HOME_BLOCKS = 100  # Slack's limit for a view
HOME_LINES = 90
_FAR_FUTURE = date.max


def by_due_date(cards: Sequence[TicketCard]) -> list[TicketCard]:
    """Open tickets, soonest due first; tickets whose clock is not running go last."""
    return sorted((c for c in cards if c.is_open),
                  key=lambda c: (c.due_date or _FAR_FUTURE, c.received_at, c.reference))


def ticket_line(card: TicketCard, today: date) -> str:
    assignee = f" \u00b7 {mention(card.assignee)}" if card.assignee else ""
    due = escape(due_label(card.due_date, today))
    return (f"*{escape(card.reference)}* \u00b7 {escape(intents_label(card.intents))} \u00b7 "
            f"due {due} \u00b7 {escape(state_label(card.state))}"
            f" \u00b7 {code(card.requester, 120)}{assignee}")


def _lines(cards: Sequence[TicketCard], today: date, limit: int) -> list[Block]:
    shown = list(cards)[:limit]
    blocks: list[Block] = [{"type": "section", "text": mrkdwn(ticket_line(card, today))}
                           for card in shown]
    if len(cards) > limit:
        blocks.append({"type": "context", "elements": [mrkdwn(
            f"\u2026and {len(cards) - limit} more. `privacybot tickets list` shows them all."
        )]})
    return blocks


def tickets_list_blocks(cards: Sequence[TicketCard], today: date,
                        organisations: Sequence[str], limit: int = MAX_LINES) -> list[Block]:
    """Open tickets of the organisations the viewer is on the team of, by due date."""
    if not organisations:
        return [{"type": "section", "text": mrkdwn(
            "You are not on any organisation's privacy team, so there are no tickets to show. "
            "Ask an admin to add your Slack user id to `team_members` in the organisations file."
        )}]
    ordered = by_due_date(cards)
    whose = ", ".join(escape(name) for name in organisations)
    header: Block = {"type": "header", "text": {"type": "plain_text", "emoji": False,
                                                "text": "Open privacy tickets"}}
    summary: Block = {"type": "context", "elements": [mrkdwn(
        f"{len(ordered)} open for {whose}, soonest due first."
    )]}
    if not ordered:
        return [header, {"type": "section", "text": mrkdwn(f"No open tickets for {whose}.")}]
    return [header, summary, *_lines(ordered, today, limit)]


def home_view(cards: Sequence[TicketCard], today: date, organisations: Sequence[str],
              room: int = HOME_BLOCKS) -> Block:
    """The App Home tab: the same list, for views.publish, in `room` blocks at most (a view
    holds HOME_BLOCKS; what sits above the list takes the rest)."""
    # Header, count, and the "...and N more" line besides the ticket lines.
    limit = max(min(room - 3, HOME_LINES), 1)
    return {"type": "home", "blocks": tickets_list_blocks(cards, today, organisations, limit)}


def digest_cards(cards: Sequence[TicketCard], today: date, horizon_days: int = 7
                 ) -> tuple[list[TicketCard], list[TicketCard]]:
    """(overdue, due within the horizon) among open tickets with a running clock."""
    ordered = [c for c in by_due_date(cards) if c.due_date is not None]
    overdue = [c for c in ordered if c.due_date is not None and c.due_date < today]
    soon = [c for c in ordered
            if c.due_date is not None and 0 <= (c.due_date - today).days <= horizon_days]
    return overdue, soon


def digest_blocks(organisation: str, cards: Sequence[TicketCard], today: date,
                  horizon_days: int = 7) -> list[Block] | None:
    """The daily digest for one organisation's channel, or None when nothing is due."""
    overdue, soon = digest_cards(cards, today, horizon_days)
    if not overdue and not soon:
        return None
    blocks: list[Block] = [{"type": "section", "text": mrkdwn(
        f":calendar: *Privacy desk digest for {escape(organisation)}, {today.isoformat()}*"
    )}]
    if overdue:
        blocks.append({"type": "section", "text": mrkdwn(f"*Overdue ({len(overdue)})*")})
        blocks.extend(_lines(overdue, today, 20))
    if soon:
        blocks.append({"type": "section", "text": mrkdwn(
            f"*Due within {horizon_days} days ({len(soon)})*")})
        blocks.extend(_lines(soon, today, 20))
    return blocks
