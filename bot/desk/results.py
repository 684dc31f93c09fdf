"""What the desk's use cases hand back to the channels: plain frozen values."""

from __future__ import annotations

from datetime import date, datetime
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from bot.workflow.attention import attention
from bot.workflow.fees import FeeStatus, fee_status
from storage import EventRecord, OutboxRecord, TicketRecord

T = TypeVar("T")
IntakeOutcome = Literal["created", "joined", "linked", "duplicate", "no_intent", "ignored"]


class Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class IntakeResult(Result):
    """What a received mail did.

    created: a new ticket; joined: added to an existing ticket; linked: a new ticket linked to
    the one whose reference a different sender quoted, or that a reply asking for something
    new answered; duplicate: that Message-ID was already
    stored, nothing new; no_intent: stored for the team, no ticket, no reply; ignored: stored,
    but an auto-reply/bounce or an unusable sender, so no ticket and no reply.
    """

    outcome: IntakeOutcome
    message_id: str
    reference: str | None = None
    linked_reference: str | None = None
    state: str | None = None
    intents: list[str] = Field(default_factory=list)
    verified: bool = False
    replies: list[str] = Field(default_factory=list)
    withheld: list[str] = Field(default_factory=list)
    suppressed: bool = False


class ActionResult(Result):
    """The ticket after a team or requester action, and the mail it queued."""

    reference: str
    state: str
    due_date: date | None = None
    verified: bool = False
    replies: list[str] = Field(default_factory=list)
    withheld: list[str] = Field(default_factory=list)
    message: str = ""


class UnsubscribeResult(Result):
    organisation: str
    address: str
    added: bool


class SuppressionCheck(Result):
    organisation: str
    address: str
    suppressed: bool
    added_at: datetime | None = None
    source: str | None = None


class SweepResult(Result):
    reminded: list[str] = Field(default_factory=list)
    closed: list[str] = Field(default_factory=list)


class TicketView(Result):
    """A ticket with its history, for `tickets show` and Slack."""

    ticket: TicketRecord
    events: list[EventRecord]
    outbox: list[OutboxRecord]
    linked_reference: str | None = None

    @property
    def verified(self) -> bool:
        return self.ticket.verified_at is not None

    @property
    def attention(self) -> list[str]:
        """What waits for the team (a withheld complaint acknowledgement, an unpaid fee...)."""
        return attention(self.ticket.state, ((e.kind, e.at, e.data) for e in self.events))

    @property
    def fee(self) -> FeeStatus:
        return fee_status((e.kind, e.at, e.data) for e in self.events)


class Page(Result, Generic[T]):
    """One page of a listing (`items`, from `offset`) and how many there are in all."""

    items: list[T]
    total: int
    offset: int = 0
