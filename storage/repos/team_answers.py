"""Team answers: a question sent to an organisation's privacy team, and the team's answer.

A row is written when the question is posted to the privacy channel (`escalate`); it is
*awaiting* until a team member answers in that post's thread (`answer`, first answer wins,
so a retried Slack event stores nothing twice), then *current*: offered to later questions of
the same organisation, until someone *retires* it. Every listing takes the organisation as a
filter, because a team answer must never reach an organisation it was not given for.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, Row, func, select, update

from storage import tables as t
from storage.errors import ConflictError, InvalidValueError, NotFoundError
from storage.records import Record
from storage.repos.base import Repository, utcnow

_a = t.team_answers

Status = Literal["awaiting", "current", "retired"]
STATUSES: tuple[str, ...] = ("awaiting", "current", "retired")


class TeamAnswerRecord(Record):
    id: int
    question_id: int | None
    organisation: str
    question: str
    asked_by: str
    escalated_at: datetime
    post_channel: str
    post_ts: str
    reply_channel: str
    reply_thread: str | None
    answer: str | None
    author: str | None
    answered_at: datetime | None
    retired_at: datetime | None
    retired_by: str | None

    @property
    def status(self) -> Status:
        if self.retired_at is not None:
            return "retired"
        return "awaiting" if self.answer is None else "current"


def _record(row: Row[Any]) -> TeamAnswerRecord:
    return TeamAnswerRecord.model_validate(dict(row._mapping))


def _where(organisation: str | None, status: str | None) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if organisation is not None:
        found.append(_a.c.organisation == organisation)
    if status is None:
        return found
    if status not in STATUSES:
        raise InvalidValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    if status == "retired":
        found.append(_a.c.retired_at.is_not(None))
    else:
        found.append(_a.c.retired_at.is_(None))
        found.append(_a.c.answer.is_(None) if status == "awaiting" else _a.c.answer.is_not(None))
    return found


class TeamAnswerRepository(Repository):
    """`tx.team_answers`."""

    async def escalate(
        self, *, organisation: str, question: str, asked_by: str, post_channel: str,
        post_ts: str, reply_channel: str, reply_thread: str | None = None,
        question_id: int | None = None, at: datetime | None = None,
    ) -> TeamAnswerRecord:
        """Remember a question posted to the privacy team; ConflictError if that question
        (or that post) was sent already."""
        values = dict(question_id=question_id, organisation=organisation, question=question,
                      asked_by=asked_by, escalated_at=at or utcnow(), post_channel=post_channel,
                      post_ts=post_ts, reply_channel=reply_channel, reply_thread=reply_thread,
                      answer=None, author=None, answered_at=None, retired_at=None,
                      retired_by=None)
        existing = await self._row(select(_a.c.id).where(
            (_a.c.question_id == question_id) if question_id is not None
            else (_a.c.post_ts == post_ts) & (_a.c.post_channel == post_channel)),
            "checking an escalation")
        if existing is not None:
            raise ConflictError("that question was sent to the privacy team already")
        row = await self._row(_a.insert().values(**values).returning(*_a.c),
                              "recording an escalation")
        assert row is not None
        return _record(row)

    async def get(self, answer_id: int) -> TeamAnswerRecord:
        row = await self._row(select(_a).where(_a.c.id == answer_id), "reading a team answer")
        if row is None:
            raise NotFoundError(f"no team answer with id {answer_id}")
        return _record(row)

    async def for_question(self, question_id: int) -> TeamAnswerRecord | None:
        row = await self._row(select(_a).where(_a.c.question_id == question_id),
                              "reading a team answer")
        return None if row is None else _record(row)

    async def for_questions(self, question_ids: Sequence[int]) -> dict[int, TeamAnswerRecord]:
        """The escalations of these questions, by question id (for `gaps`)."""
        if not question_ids:
            return {}
        stmt = select(_a).where(_a.c.question_id.in_(list(question_ids)))
        return {int(row.question_id): _record(row)
                for row in await self._rows(stmt, "reading team answers")}

    async def find_post(self, channel: str, ts: str) -> TeamAnswerRecord | None:
        """The escalation posted at (channel, ts), or None: how a thread reply finds it."""
        row = await self._row(select(_a).where(_a.c.post_channel == channel,
                                               _a.c.post_ts == ts), "finding an escalation")
        return None if row is None else _record(row)

    async def answer(self, answer_id: int, *, answer: str, author: str,
                     at: datetime | None = None) -> TeamAnswerRecord | None:
        """Store the team's answer; None when it has one already (the first answer wins)."""
        if not answer.strip():
            raise InvalidValueError("an empty answer")
        stmt = (update(_a).where(_a.c.id == answer_id, _a.c.answer.is_(None))
                .values(answer=answer, author=author, answered_at=at or utcnow())
                .returning(*_a.c))
        row = await self._row(stmt, "storing a team answer")
        return None if row is None else _record(row)

    async def retire(self, answer_id: int, *, by: str,
                     at: datetime | None = None) -> TeamAnswerRecord:
        """No longer offer this answer; ConflictError if it was retired already."""
        current = await self.get(answer_id)
        if current.retired_at is not None:
            raise ConflictError(f"team answer {answer_id} was retired already")
        stmt = (update(_a).where(_a.c.id == answer_id)
                .values(retired_at=at or utcnow(), retired_by=by).returning(*_a.c))
        row = await self._row(stmt, "retiring a team answer")
        assert row is not None
        return _record(row)

    async def current(self, organisation: str) -> list[TeamAnswerRecord]:
        """The answers offered to later questions of this organisation (never of another)."""
        stmt = select(_a).where(*_where(organisation, "current")).order_by(_a.c.id)
        return [_record(row) for row in await self._rows(stmt, "listing team answers")]

    async def count(self, *, organisation: str | None = None, status: str | None = None) -> int:
        stmt = select(func.count()).select_from(_a).where(*_where(organisation, status))
        return int(await self._scalar(stmt, "counting team answers") or 0)

    # Last in the class so that `list` in the annotations above means the builtin.
    async def list(self, *, organisation: str | None = None, status: str | None = None,
                   limit: int = 100, offset: int = 0) -> list[TeamAnswerRecord]:
        """Newest first; `count` says how many there are in all."""
        stmt = (select(_a).where(*_where(organisation, status))
                .order_by(_a.c.id.desc()).limit(limit))
        if offset:
            stmt = stmt.offset(offset)
        return [_record(row) for row in await self._rows(stmt, "listing team answers")]
