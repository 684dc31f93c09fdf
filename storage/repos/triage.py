"""Triage: mail a person wrote that opened no ticket, the team's decision on it, and its card.

A received mail **awaits triage** when it came in (not one we sent), is attached to no ticket,
is not an auto-reply, bounce, list or bulk mail or our own mail coming back (the intake's
`auto_reply` flag says all of these), has a usable sender address, and has no decision yet.
`awaiting` and `count_awaiting` are that rule as a query; bot/desk/triage.py holds the same
rule as a pure function, and a test keeps the two in step.

A decision (`opened` or `dismissed`) is made once per message and never changed: a unique
key on the message makes a second decision, even a concurrent one, a ConflictError. The
classifier's verdict is stored beside it, so that the decisions measure the classifier.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, Row, exists, func, select

from storage import tables as t
from storage.errors import ConflictError, InvalidValueError
from storage.records import MessageRecord, Record
from storage.repos.base import Repository, utcnow

_m = t.messages
_d = t.triage_decisions
_p = t.slack_triage_posts
_s = t.triage_suggestions
_MESSAGE_COLUMNS = [column for column in _m.c if column.name != "raw"]

Decision = Literal["opened", "dismissed"]
DECISIONS: frozenset[str] = frozenset({"opened", "dismissed"})


class TriageDecisionRecord(Record):
    id: int
    message_pk: int
    organisation: str
    decision: Decision
    intents: list[str]
    reason: str | None
    decided_by: str
    decided_at: datetime
    verdict: dict[str, Any]
    ticket_id: int | None


class TriageSuggestionRecord(Record):
    id: int
    message_pk: int
    intents: list[str]
    scores: dict[str, float]
    suggested_at: datetime


class TriageCardRecord(Record):
    id: int
    message_pk: int
    channel: str
    ts: str
    posted_event_id: int | None
    updated_at: datetime


def _message(row: Row[Any]) -> MessageRecord:
    return MessageRecord.model_validate({column.name: row._mapping[column.name]
                                         for column in _MESSAGE_COLUMNS})


def _awaiting(organisation: str | None) -> list[ColumnElement[bool]]:
    decided = exists().where(_d.c.message_pk == _m.c.id)
    found = [_m.c.direction == "in", _m.c.ticket_id.is_(None), _m.c.auto_reply.is_(False),
             _m.c.from_address != "", ~decided]
    if organisation is not None:
        found.append(_m.c.organisation == organisation)
    return found


class TriageRepository(Repository):
    """`tx.triage`."""

    async def decide(
        self, *, message_pk: int, organisation: str, decision: str, intents: Sequence[str],
        decided_by: str, verdict: dict[str, Any], reason: str | None = None,
        ticket_id: int | None = None, at: datetime | None = None,
    ) -> TriageDecisionRecord:
        """Record the team's decision; ConflictError when the message has one already."""
        if decision not in DECISIONS:
            raise InvalidValueError(f"unknown triage decision {decision!r}")
        values = dict(message_pk=message_pk, organisation=organisation, decision=decision,
                      intents=list(intents), reason=reason, decided_by=decided_by,
                      decided_at=at or utcnow(), verdict=dict(verdict), ticket_id=ticket_id)
        stmt = self._statement("triage_decide", lambda: self._insert_on_conflict(
            _d, ["message_pk"]))
        row = await self._row(stmt, "recording a triage decision", values)
        if row is None:
            raise ConflictError(f"message {message_pk} has been triaged already")
        return TriageDecisionRecord.model_validate(dict(row._mapping))

    async def decision_for(self, message_pk: int) -> TriageDecisionRecord | None:
        """The decision on this message, or None."""
        row = await self._row(select(_d).where(_d.c.message_pk == message_pk),
                              "reading a triage decision")
        return None if row is None else TriageDecisionRecord.model_validate(dict(row._mapping))

    async def decisions(self, *, since: datetime | None = None, limit: int | None = None,
                        offset: int = 0) -> list[TriageDecisionRecord]:
        """Decisions made at or after `since`, oldest first."""
        stmt = select(_d).order_by(_d.c.decided_at, _d.c.id)
        if since is not None:
            stmt = stmt.where(_d.c.decided_at >= since)
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        return [TriageDecisionRecord.model_validate(dict(row._mapping))
                for row in await self._rows(stmt, "listing triage decisions")]

    async def awaiting(self, *, organisation: str | None = None, limit: int | None = 100,
                       offset: int = 0) -> list[MessageRecord]:
        """Mail awaiting triage, oldest first (the longest wait is the most urgent)."""
        stmt = select(*_MESSAGE_COLUMNS).where(*_awaiting(organisation)).order_by(
            _m.c.received_at, _m.c.id)
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        return [_message(row) for row in await self._rows(stmt, "listing mail awaiting triage")]

    async def count_awaiting(self, *, organisation: str | None = None) -> int:
        """How many mails `awaiting` would give without a limit."""
        stmt = select(func.count()).select_from(_m).where(*_awaiting(organisation))
        return int(await self._scalar(stmt, "counting mail awaiting triage") or 0)

    async def save_card(self, *, message_pk: int, channel: str, ts: str,
                        posted_event_id: int | None = None,
                        at: datetime | None = None) -> TriageCardRecord:
        """Remember (or replace) the mail's triage card in Slack: one per message."""
        values = {"message_pk": message_pk, "channel": channel, "ts": ts,
                  "posted_event_id": posted_event_id, "updated_at": at or utcnow()}
        stmt = self._statement("triage_save_card", lambda: self._insert_on_conflict(
            _p, ["message_pk"],
            set_=lambda insert: {name: insert.excluded[name] for name in
                                 ("channel", "ts", "posted_event_id", "updated_at")}))
        row = await self._row(stmt, "saving a triage card", values)
        assert row is not None
        return TriageCardRecord.model_validate(dict(row._mapping))

    async def get_card(self, message_pk: int) -> TriageCardRecord | None:
        """The mail's triage card in Slack, or None if it was never posted."""
        row = await self._row(select(_p).where(_p.c.message_pk == message_pk),
                              "reading a triage card")
        return None if row is None else TriageCardRecord.model_validate(dict(row._mapping))

    async def suggest(self, *, message_pk: int, intents: Sequence[str],
                      scores: dict[str, float],
                      at: datetime | None = None) -> TriageSuggestionRecord:
        """Remember a newer classifier's reading of the mail (replacing an earlier one)."""
        values = {"message_pk": message_pk, "intents": list(intents), "scores": dict(scores),
                  "suggested_at": at or utcnow()}
        stmt = self._statement("triage_suggest", lambda: self._insert_on_conflict(
            _s, ["message_pk"],
            set_=lambda insert: {name: insert.excluded[name] for name in
                                 ("intents", "scores", "suggested_at")}))
        row = await self._row(stmt, "saving a triage suggestion", values)
        assert row is not None
        return TriageSuggestionRecord.model_validate(dict(row._mapping))

    async def suggestions(self, message_pks: Sequence[int]) -> dict[int, TriageSuggestionRecord]:
        """The suggestions stored for these messages, by message."""
        if not message_pks:
            return {}
        stmt = select(_s).where(_s.c.message_pk.in_(list(message_pks)))
        return {row.message_pk: TriageSuggestionRecord.model_validate(dict(row._mapping))
                for row in await self._rows(stmt, "reading triage suggestions")}
