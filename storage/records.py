"""What the repositories give back: frozen pydantic records, plain values detached from the DB.

Timestamps are timezone-aware UTC. Raw mail bytes are on OutboxRecord (the sender needs them)
but not on MessageRecord: read them with `tx.messages.get_raw(id)` when they are needed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

# States are the rights workflow's to define (bot/workflow); storage keeps a string. These are
# the ones that end a ticket, used by `open_only` filters and `open_by_requester`.
FINAL_STATES: frozenset[str] = frozenset({"done", "rejected", "closed_unverified", "closed",
                                           "merged"})

Direction = Literal["in", "out"]
OutboxStatus = Literal["pending", "sending", "sent", "failed"]
Feedback = Literal["helpful", "unhelpful"]


class Record(BaseModel):
    """Base of every record: immutable, and strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class TicketRecord(Record):
    id: int
    reference: str
    organisation: str
    state: str
    intents: list[str]
    requester_address: str
    requester_name: str | None
    language: str | None
    subject: str | None
    received_at: datetime
    clock_started_at: datetime | None
    due_date: date | None
    paused_since: datetime | None
    paused_days: int
    extended: bool
    extension_reason: str | None
    rejection_reason: str | None
    verified_at: datetime | None
    verification_method: str | None
    verified_by: str | None
    manual_check_required: bool
    assigned_to: str | None
    linked_ticket_id: int | None
    created_at: datetime
    updated_at: datetime

    @property
    def is_open(self) -> bool:
        return self.state not in FINAL_STATES


class TicketUpdate(BaseModel):
    """The ticket fields a use case may change; only the fields given are written.

    `TicketUpdate(state="done")` writes `state` (and `updated_at`) and nothing else; passing
    None explicitly clears a nullable field (e.g. `paused_since=None`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    state: str | None = None
    intents: list[str] | None = None
    requester_name: str | None = None
    language: str | None = None
    subject: str | None = None
    clock_started_at: datetime | None = None
    due_date: date | None = None
    paused_since: datetime | None = None
    paused_days: int | None = None
    extended: bool | None = None
    extension_reason: str | None = None
    rejection_reason: str | None = None
    verified_at: datetime | None = None
    verification_method: str | None = None
    verified_by: str | None = None
    manual_check_required: bool | None = None
    assigned_to: str | None = None
    linked_ticket_id: int | None = None

    def values(self) -> dict[str, Any]:
        """The fields explicitly given, ready to write."""
        return {name: getattr(self, name) for name in self.model_fields_set}


class MessageRecord(Record):
    id: int
    organisation: str
    ticket_id: int | None
    direction: Direction
    message_id: str
    in_reply_to: str | None
    references: list[str]
    from_address: str
    to_address: str
    subject: str | None
    received_at: datetime
    language: str | None
    intents: list[str]
    scores: dict[str, float]
    auto_reply: bool
    excerpt: str


class EventRecord(Record):
    id: int
    organisation: str | None
    ticket_id: int | None
    at: datetime
    actor: str
    channel: str
    kind: str
    data: dict[str, Any]


class VerificationRecord(Record):
    id: int
    ticket_id: int
    code_hash: str
    token_hash: str
    expires_at: datetime
    attempts: int
    max_attempts: int
    used_at: datetime | None
    created_at: datetime

    @property
    def attempts_left(self) -> int:
        return max(0, self.max_attempts - self.attempts)


class SuppressionRecord(Record):
    id: int
    organisation: str
    address: str
    source: str
    ticket_id: int | None
    added_at: datetime
    added_by: str


class OutboxRecord(Record):
    id: int
    organisation: str
    ticket_id: int | None
    kind: str
    to_address: str
    message_id: str
    raw: bytes
    status: OutboxStatus
    attempts: int
    next_attempt_at: datetime
    claimed_by: str | None
    claimed_until: datetime | None
    created_at: datetime
    sent_at: datetime | None
    last_error: str | None


class SlackPostRecord(Record):
    id: int
    ticket_id: int
    channel: str
    ts: str
    posted_event_id: int | None
    updated_at: datetime


class QuestionRecord(Record):
    id: int
    asked_at: datetime
    user: str
    channel: str | None
    organisation: str | None
    question: str
    answered: bool
    confidence: float
    feedback: Feedback | None
    feedback_by: str | None
    feedback_at: datetime | None
