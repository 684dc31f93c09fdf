"""The ticket card's "Tell processors" button (GDPR Art. 19), as Block Kit: pure.

Shown on a card whose request includes an erasure, a restriction or a rectification, once the
requester's identity is confirmed, while the ticket is open and after it is done (recipients
are often told once the work is finished). Slack asks "are you sure?" before the click is
sent; the click itself is the team's confirmation (bot/slack/recipient_actions.py), and the
desk decides who is still to be told: a second click sends nothing twice.
"""

from __future__ import annotations

from bot.slack.cards import TicketCard
from bot.slack.escape import Block, plain
from bot.workflow.recipients import NOTHING_DONE, rights_to_tell

TELL = "ticket_tell_recipients"


def recipient_elements(card: TicketCard) -> list[Block]:
    """The button, or nothing when no notice could go out for this ticket."""
    rights = rights_to_tell(card.intents)
    if not rights or not card.verified or card.state in NOTHING_DONE:
        return []
    what = ", ".join(rights)
    return [{
        "type": "button", "action_id": TELL, "value": card.reference,
        "text": plain("Tell processors"),
        "confirm": {
            "title": plain("Tell processors?"),
            "text": plain(f"Mail the notice of {card.reference}'s {what} to each processor "
                          "listed for the organisation's systems that has not been told "
                          "yet. See the drafts first with `privacybot tickets recipients "
                          f"{card.reference}`.", 300),
            "confirm": plain("Send"), "deny": plain("Cancel")},
    }]
