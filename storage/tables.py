"""The schema as SQLAlchemy Core tables: what the migrations create and the repositories query.

Core, not the ORM: repositories turn rows into pydantic records themselves, so no ORM object
(with its lazy loads and identity map) ever leaves the package. A change here needs a new
migration in storage/migrations/versions.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    ColumnElement,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    func,
    literal_column,
)
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend.

    PostgreSQL stores `timestamptz`; SQLite has no zone, so the value is stored as naive UTC
    (which also keeps its text comparisons right) and given back with tzinfo=UTC.
    A naive datetime is refused: it is always a bug about which clock was meant.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()} given; use timezone-aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


def _id() -> Column[Any]:
    return Column("id", Integer, primary_key=True, autoincrement=True)


tickets = Table(
    "tickets",
    metadata,
    _id(),
    Column("reference", String(40), nullable=False, unique=True),
    Column("organisation", String(100), nullable=False),
    Column("state", String(40), nullable=False),
    Column("intents", JSON, nullable=False),
    Column("requester_address", String(320), nullable=False),
    Column("requester_name", String(200), nullable=True),
    Column("language", String(20), nullable=True),
    Column("subject", Text, nullable=True),
    Column("received_at", UTCDateTime, nullable=False),
    Column("clock_started_at", UTCDateTime, nullable=True),
    Column("due_date", Date, nullable=True),
    Column("paused_since", UTCDateTime, nullable=True),
    Column("paused_days", Integer, nullable=False, default=0),
    Column("extended", Boolean, nullable=False, default=False),
    Column("extension_reason", Text, nullable=True),
    Column("rejection_reason", Text, nullable=True),
    Column("verified_at", UTCDateTime, nullable=True),
    Column("verification_method", String(100), nullable=True),
    Column("verified_by", String(200), nullable=True),
    Column("manual_check_required", Boolean, nullable=False, default=False),
    Column("assigned_to", String(200), nullable=True),
    Column("linked_ticket_id", Integer, ForeignKey("tickets.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_tickets_organisation_state", "organisation", "state"),
    Index("ix_tickets_due_date", "due_date"),
)

reference_counters = Table(
    "reference_counters",
    metadata,
    Column("organisation", String(100), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("last", Integer, nullable=False),
)

messages = Table(
    "messages",
    metadata,
    _id(),
    Column("organisation", String(100), nullable=False),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=True),
    Column("direction", String(3), nullable=False),
    Column("message_id", String(998), nullable=False),
    Column("in_reply_to", String(998), nullable=True),
    Column("references", JSON, nullable=False),
    Column("from_address", String(320), nullable=False),
    Column("to_address", String(320), nullable=False),
    Column("subject", Text, nullable=True),
    Column("received_at", UTCDateTime, nullable=False),
    Column("language", String(20), nullable=True),
    Column("intents", JSON, nullable=False),
    Column("scores", JSON, nullable=False),
    Column("auto_reply", Boolean, nullable=False, default=False),
    Column("excerpt", Text, nullable=False, default=""),
    Column("raw", LargeBinary, nullable=False),
    UniqueConstraint("organisation", "message_id"),
    Index("ix_messages_ticket_id", "ticket_id"),
)

events = Table(
    "events",
    metadata,
    _id(),
    Column("organisation", String(100), nullable=True),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=True),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("kind", String(60), nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_events_ticket_id", "ticket_id"),
    # Never reuse an id, even after a crash or a (forbidden) delete: followers rely on it.
    sqlite_autoincrement=True,
)

verifications = Table(
    "verifications",
    metadata,
    _id(),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=False),
    Column("code_hash", String(128), nullable=False),
    Column("token_hash", String(128), nullable=False, unique=True),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("max_attempts", Integer, nullable=False),
    Column("used_at", UTCDateTime, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_verifications_ticket_id", "ticket_id"),
)

suppression = Table(
    "suppression",
    metadata,
    _id(),
    Column("organisation", String(100), nullable=False),
    Column("address", String(320), nullable=False),
    Column("source", String(40), nullable=False),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=True),
    Column("added_at", UTCDateTime, nullable=False),
    Column("added_by", String(200), nullable=False),
    UniqueConstraint("organisation", "address"),
)

outbox = Table(
    "outbox",
    metadata,
    _id(),
    Column("organisation", String(100), nullable=False),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=True),
    Column("kind", String(60), nullable=False),
    Column("to_address", String(320), nullable=False),
    Column("message_id", String(998), nullable=False, unique=True),
    Column("raw", LargeBinary, nullable=False),
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("claimed_by", String(200), nullable=True),
    Column("claimed_until", UTCDateTime, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime, nullable=True),
    Column("last_error", Text, nullable=True),
    Index("ix_outbox_status_next", "status", "next_attempt_at"),
    Index("ix_outbox_ticket_id", "ticket_id"),  # migration 0006
)
# What retention puts in place of an address (bot.workflow.retention: a keyed pseudonym, or
# "[erased]"; a test holds the two modules to the same values).
MASKED_PREFIX = "pseudonym:"
ERASED_ADDRESS = "[erased]"


def unmasked_address(column: ColumnElement[str]) -> ColumnElement[bool]:
    """True for an address retention has not masked. Literals, not bound values: a query
    repeating this condition is one that the partial index below can serve (SQLite and
    PostgreSQL prove that from the text of the condition, not from parameters)."""
    return and_(column.not_like(literal_column(f"'{MASKED_PREFIX}%'")),
                column != literal_column(f"'{ERASED_ADDRESS}'"))


# The per-address daily limit counts by lower(to_address) before every automatic reply
# (migration 0008). Masked copies are left out (migration 0010): masking moved their entry to
# the pseudonym's random place in the index, a page written for each copy of a retention run.
_UNMASKED_TO = unmasked_address(outbox.c.to_address)
Index("ix_outbox_to_address_lower", func.lower(outbox.c.to_address), outbox.c.created_at,
      sqlite_where=_UNMASKED_TO, postgresql_where=_UNMASKED_TO)

slack_posts = Table(
    "slack_posts",
    metadata,
    _id(),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=False, unique=True),
    Column("channel", String(40), nullable=False),
    Column("ts", String(40), nullable=False),
    Column("posted_event_id", Integer, nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
)

slack_cursors = Table(
    "slack_cursors",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("last_event_id", Integer, nullable=False),
)

slack_seen_events = Table(
    "slack_seen_events",
    metadata,
    Column("event_id", String(100), primary_key=True),
    Column("seen_at", UTCDateTime, nullable=False),
)

questions = Table(
    "questions",
    metadata,
    _id(),
    Column("asked_at", UTCDateTime, nullable=False),
    Column("user", String(100), nullable=False),
    Column("channel", String(100), nullable=True),
    Column("organisation", String(100), nullable=True),
    Column("question", Text, nullable=False),
    Column("answered", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("feedback", String(20), nullable=True),
    Column("feedback_by", String(100), nullable=True),
    Column("feedback_at", UTCDateTime, nullable=True),
    Index("ix_questions_asked_at", "asked_at"),
)

# One row (id 1), updated by the health check: a committed write is the only proof that the
# database can store what the intake is about to answer 250 for.
heartbeat = Table(
    "heartbeat",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("beat_at", UTCDateTime, nullable=False),
    Column("beats", BigInteger, nullable=False),
)

# The team's decision on a mail that awaited triage: one per message, never changed. The
# classifier's verdict is kept beside it, so the decisions can be used to measure the classifier.
triage_decisions = Table(
    "triage_decisions",
    metadata,
    _id(),
    Column("message_pk", Integer, ForeignKey("messages.id"), nullable=False, unique=True),
    Column("organisation", String(100), nullable=False),
    Column("decision", String(20), nullable=False),
    Column("intents", JSON, nullable=False),
    Column("reason", Text, nullable=True),
    Column("decided_by", String(200), nullable=False),
    Column("decided_at", UTCDateTime, nullable=False),
    Column("verdict", JSON, nullable=False),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=True),
    Index("ix_triage_decisions_decided_at", "decided_at"),
)

# The Slack card of a mail awaiting triage, as slack_posts is for a ticket's card.
slack_triage_posts = Table(
    "slack_triage_posts",
    metadata,
    _id(),
    Column("message_pk", Integer, ForeignKey("messages.id"), nullable=False, unique=True),
    Column("channel", String(40), nullable=False),
    Column("ts", String(40), nullable=False),
    Column("posted_event_id", Integer, nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
)

# A newer classifier's reading of a mail still awaiting triage (`mail reclassify`): a hint for
# the team to confirm, never a decision. The latest reading replaces the earlier one.
triage_suggestions = Table(
    "triage_suggestions",
    metadata,
    _id(),
    Column("message_pk", Integer, ForeignKey("messages.id"), nullable=False, unique=True),
    Column("intents", JSON, nullable=False),
    Column("scores", JSON, nullable=False),
    Column("suggested_at", UTCDateTime, nullable=False),
)

# A question sent to an organisation's privacy team (the "Ask the privacy team" button), and
# the team's answer given in the thread of that post. Awaiting while `answer` is empty;
# offered to later questions of the same organisation until retired. One per question asked.
team_answers = Table(
    "team_answers",
    metadata,
    _id(),
    Column("question_id", Integer, ForeignKey("questions.id"), nullable=True, unique=True),
    Column("organisation", String(100), nullable=False),
    Column("question", Text, nullable=False),
    Column("asked_by", String(100), nullable=False),
    Column("escalated_at", UTCDateTime, nullable=False),
    Column("post_channel", String(40), nullable=False),
    Column("post_ts", String(40), nullable=False),
    Column("reply_channel", String(100), nullable=False),
    Column("reply_thread", String(40), nullable=True),
    Column("answer", Text, nullable=True),
    Column("author", String(100), nullable=True),
    Column("answered_at", UTCDateTime, nullable=True),
    Column("retired_at", UTCDateTime, nullable=True),
    Column("retired_by", String(100), nullable=True),
    UniqueConstraint("post_channel", "post_ts"),
    Index("ix_team_answers_organisation", "organisation"),
)

# Files the privacy team adds to a ticket (shared in its Slack thread) for the requester's
# access pack. `source` says where each came from ("slack:<file id>"): one row per source, so
# a retried Slack event stores nothing twice.
ticket_files = Table(
    "ticket_files",
    metadata,
    _id(),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=False),
    Column("name", String(255), nullable=False),
    Column("mimetype", String(120), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("source", String(200), nullable=False, unique=True),
    Column("added_by", String(200), nullable=False),
    Column("added_at", UTCDateTime, nullable=False),
    Index("ix_ticket_files_ticket_id", "ticket_id"),
)
