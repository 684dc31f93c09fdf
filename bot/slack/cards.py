"""What the Slack blocks show, as plain values: a ticket, an answer, a line of history.

Block builders take these instead of storage records or knowledge objects, so they stay pure
(testable without a database or an event loop) and only the adapters in questions.py and
notifier.py know the shapes of the other packages.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


def utc_today() -> date:
    """Due dates are compared with today's date in UTC, as the desk computes them."""
    return datetime.now(UTC).date()


# States in which nobody has to act any more; the card loses its buttons.
FINAL_STATES = frozenset({"done", "rejected", "closed_unverified", "merged"})


class TicketCard(BaseModel):
    """A ticket as the team sees it in Slack."""

    model_config = ConfigDict(frozen=True)

    reference: str
    org_id: str
    organisation: str
    intents: tuple[str, ...] = ()
    state: str
    requester: str
    received_at: datetime
    due_date: date | None = None
    verified: bool = False
    needs_verification: bool = True
    assignee: str | None = None
    subject: str = ""
    excerpt: str = ""
    # Why the classification was a close call ("check the intents"); empty when it was not.
    check_intents: tuple[str, ...] = ()
    # The systems checklist (bot.workflow.checklist): "3/5 systems", and the systems not yet
    # ticked; empty when the ticket has no checklist.
    checklist: str = ""
    systems_left: tuple[str, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.state not in FINAL_STATES


class Source(BaseModel):
    """One place in a policy: whose, which section, and its words."""

    model_config = ConfigDict(frozen=True)

    organisation: str
    section: str = ""
    heading: str = ""
    path: str = ""
    quote: str = ""
    links: tuple[str, ...] = ()  # where the quote's links point; the quote keeps their text


class AnswerView(BaseModel):
    """The knowledge base's answer (or abstention) to one staff question."""

    model_config = ConfigDict(frozen=True)

    question_id: str
    question: str
    answered: bool
    answer: str = ""
    confidence: float = 0.0
    citations: tuple[Source, ...] = ()
    pointers: tuple[Source, ...] = ()
    scope: str | None = None  # the organisation the channel is mapped to, if any


class EventLine(BaseModel):
    """One entry of a ticket's append-only history, for its Slack thread."""

    model_config = ConfigDict(frozen=True)

    kind: str
    actor: str = ""
    at: datetime | None = None
    data: dict[str, Any] = Field(default_factory=dict)
