"""A unit of work: the repositories of one transaction, as attributes (`tx.tickets`, ...).

Built only by `Database.transaction()`; everything done through one Transaction commits or
rolls back together.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from storage.repos.events import EventRepository
from storage.repos.files import FileRepository
from storage.repos.messages import MessageRepository
from storage.repos.outbox import OutboxRepository
from storage.repos.questions import QuestionRepository
from storage.repos.references import ReferenceRepository
from storage.repos.slack import SlackRepository
from storage.repos.suppression import SuppressionRepository
from storage.repos.team_answers import TeamAnswerRepository
from storage.repos.tickets import TicketRepository
from storage.repos.triage import TriageRepository
from storage.repos.verifications import VerificationRepository


class Transaction:
    """The repositories sharing one database transaction."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.connection = conn  # for storage's own tests and migrations, not for callers
        self.tickets = TicketRepository(conn)
        self.references = ReferenceRepository(conn)
        self.messages = MessageRepository(conn)
        self.events = EventRepository(conn)
        self.verifications = VerificationRepository(conn)
        self.suppression = SuppressionRepository(conn)
        self.outbox = OutboxRepository(conn)
        self.slack = SlackRepository(conn)
        self.questions = QuestionRepository(conn)
        self.triage = TriageRepository(conn)
        self.team_answers = TeamAnswerRepository(conn)
        self.files = FileRepository(conn)
