"""The rights a ticket can be about: readable names, and what each one needs.

The intent names come from the classifier (intents.RIGHTS_INTENTS); this says how people see
them (Slack cards, digests, lists) and, per right, whether the requester must prove their
identity (verification.NEEDS_VERIFICATION) and whether a fee can ever be asked
(fees.FREE_INTENTS). docs/tickets.md states the same table for users.
"""

from __future__ import annotations

from collections.abc import Iterable

# Short names for cards and lists; a right without one is shown with spaces for "_".
LABELS: dict[str, str] = {
    "access": "access",
    "erasure": "erasure",
    "opt_out": "opt-out",
    "complaint": "complaint",
    "rectification": "rectification",
    "restriction": "restriction",
    "portability": "portability",
    "objection": "objection",
    "automated_decision": "automated-decision review",
    "consent_withdrawal": "consent withdrawal",
}


def label(intent: str) -> str:
    """How one right is named to the team."""
    return LABELS.get(intent, intent.replace("_", " "))


def labels(intents: Iterable[str]) -> str:
    """'access, rectification', or 'unclassified' for none."""
    return ", ".join(label(intent) for intent in intents) or "unclassified"
