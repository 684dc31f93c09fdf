"""Questions staff asked the knowledge base, and whether the answers helped: what
`privacybot gaps` reports so that the policy owner sees what the policy does not cover."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, func, or_, select, update

from storage import tables as t
from storage.errors import InvalidValueError, NotFoundError
from storage.records import QuestionRecord
from storage.repos.base import Repository, utcnow

_q = t.questions
FEEDBACK = ("helpful", "unhelpful")


def _record(row: Row[Any]) -> QuestionRecord:
    return QuestionRecord.model_validate(dict(row._mapping))


class QuestionRepository(Repository):
    """`tx.questions`."""

    async def add(
        self, *, user: str, question: str, answered: bool, confidence: float,
        channel: str | None = None, organisation: str | None = None,
        asked_at: datetime | None = None,
    ) -> QuestionRecord:
        stmt = _q.insert().values(
            asked_at=asked_at or utcnow(), user=user, channel=channel,
            organisation=organisation, question=question, answered=answered,
            confidence=confidence, feedback=None, feedback_by=None, feedback_at=None,
        ).returning(*_q.c)
        row = await self._row(stmt, "recording a question")
        assert row is not None
        return _record(row)

    async def get(self, question_id: int) -> QuestionRecord:
        row = await self._row(select(_q).where(_q.c.id == question_id), "reading a question")
        if row is None:
            raise NotFoundError(f"no question with id {question_id}")
        return _record(row)

    async def set_feedback(
        self, question_id: int, feedback: str, by: str, at: datetime | None = None,
    ) -> QuestionRecord:
        """Store a helpful/unhelpful click (the latest click wins)."""
        if feedback not in FEEDBACK:
            raise InvalidValueError(f"feedback must be one of {FEEDBACK}, not {feedback!r}")
        stmt = (update(_q).where(_q.c.id == question_id)
                .values(feedback=feedback, feedback_by=by, feedback_at=at or utcnow())
                .returning(*_q.c))
        row = await self._row(stmt, "recording feedback")
        if row is None:
            raise NotFoundError(f"no question with id {question_id}")
        return _record(row)

    async def gaps(
        self, *, since: datetime | None = None, organisation: str | None = None,
        limit: int = 500, offset: int = 0,
    ) -> list[QuestionRecord]:
        """Questions the knowledge base did not answer or whose answer was unhelpful,
        newest first; `count_gaps` says how many there are in all."""
        stmt = select(_q).where(*_gaps(since, organisation))
        stmt = stmt.order_by(_q.c.asked_at.desc(), _q.c.id.desc()).limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        return [_record(row) for row in await self._rows(stmt, "listing questions")]

    async def count_gaps(self, *, since: datetime | None = None,
                         organisation: str | None = None) -> int:
        """How many questions `gaps` with the same filters would give without a limit."""
        stmt = select(func.count()).select_from(_q).where(*_gaps(since, organisation))
        return int(await self._scalar(stmt, "counting questions") or 0)

    async def recent(self, *, limit: int = 100) -> list[QuestionRecord]:
        """All questions, newest first."""
        stmt = select(_q).order_by(_q.c.id.desc()).limit(limit)
        return [_record(row) for row in await self._rows(stmt, "listing questions")]


def _gaps(since: datetime | None, organisation: str | None) -> list[ColumnElement[bool]]:
    found = [or_(_q.c.answered.is_(False), _q.c.feedback == "unhelpful")]
    if since is not None:
        found.append(_q.c.asked_at >= since)
    if organisation is not None:
        found.append(_q.c.organisation == organisation)
    return found
