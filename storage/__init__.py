"""storage: privacybot's database, SQLAlchemy 2 async over SQLite (default) or PostgreSQL.

    from storage import Database, open_database, TicketUpdate, NotFoundError

    db = await open_database(settings.effective_database_url)   # connects and upgrades
    async with db.transaction() as tx:                           # one unit of work
        number = await tx.references.next_number("aimigos", 2026)
        ...
    await db.close()

Repositories (attributes of a transaction): tickets, references, messages, events,
verifications, suppression, outbox, slack, questions, triage. They return frozen pydantic records
(storage.records) and raise only StorageError subclasses (storage.errors). See docs/storage.md.
"""

from storage.database import Database, open_database
from storage.errors import (
    ConflictError,
    InvalidValueError,
    NotFoundError,
    StorageError,
    UnavailableError,
)
from storage.records import (
    FINAL_STATES,
    EventRecord,
    MessageRecord,
    OutboxRecord,
    QuestionRecord,
    SlackPostRecord,
    SuppressionRecord,
    TicketRecord,
    TicketUpdate,
    VerificationRecord,
)
from storage.repos.triage import (
    TriageCardRecord,
    TriageDecisionRecord,
    TriageSuggestionRecord,
)
from storage.unit import Transaction

__all__ = [
    "FINAL_STATES",
    "ConflictError",
    "Database",
    "EventRecord",
    "InvalidValueError",
    "MessageRecord",
    "NotFoundError",
    "OutboxRecord",
    "QuestionRecord",
    "SlackPostRecord",
    "StorageError",
    "SuppressionRecord",
    "TicketRecord",
    "TicketUpdate",
    "Transaction",
    "TriageCardRecord",
    "TriageDecisionRecord",
    "TriageSuggestionRecord",
    "UnavailableError",
    "VerificationRecord",
    "open_database",
]
