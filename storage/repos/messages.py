"""Inbound and outbound mail, kept with its raw bytes as evidence; Message-ID unique per org.

Intake is idempotent through `add_inbound`: INSERT ... ON CONFLICT (organisation, message_id)
DO NOTHING. Under concurrency the loser never gets an error: on SQLite the writers take turns;
on PostgreSQL the second insert waits for the first transaction and, once it commits, does
nothing, and the row is then read back. Either way the caller gets `(existing, False)` and
should make nothing new. (If the first transaction rolls back, the second inserts instead.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, bindparam, func, select, update

from storage import tables as t
from storage.boundary import TRANSLATED, translate
from storage.errors import NotFoundError
from storage.records import Direction, MessageRecord
from storage.repos.base import Repository

_m = t.messages
# Every column but the raw bytes: list queries never drag megabytes of mail along.
_COLUMNS = [column for column in _m.c if column.name != "raw"]


def _record(row: Row[Any]) -> MessageRecord:
    return MessageRecord.model_validate({column.name: row._mapping[column.name]
                                         for column in _COLUMNS})


def _inbound(mail: Mapping[str, Any]) -> dict[str, Any]:
    """A received mail's row from `add_inbound`'s keyword arguments (defaults filled in)."""
    return dict(
        direction="in", organisation=mail["organisation"], message_id=mail["message_id"],
        from_address=mail["from_address"], to_address=mail["to_address"],
        received_at=mail["received_at"], raw=mail["raw"], subject=mail.get("subject"),
        in_reply_to=mail.get("in_reply_to"), references=list(mail.get("references") or ()),
        language=mail.get("language"), intents=list(mail.get("intents") or ()),
        scores=dict(mail.get("scores") or {}), auto_reply=bool(mail.get("auto_reply")),
        excerpt=mail.get("excerpt") or "", ticket_id=mail.get("ticket_id"))


class MessageRepository(Repository):
    """`tx.messages`."""

    async def add_inbound(
        self,
        *,
        organisation: str,
        message_id: str,
        from_address: str,
        to_address: str,
        received_at: datetime,
        raw: bytes,
        subject: str | None = None,
        in_reply_to: str | None = None,
        references: Sequence[str] = (),
        language: str | None = None,
        intents: Sequence[str] = (),
        scores: Mapping[str, float] | None = None,
        auto_reply: bool = False,
        excerpt: str = "",
        ticket_id: int | None = None,
    ) -> tuple[MessageRecord, bool]:
        """Store a received mail once: `(record, True)` if new, `(existing, False)` if not."""
        return await self._add(
            "in", organisation=organisation, message_id=message_id,
            from_address=from_address, to_address=to_address, received_at=received_at,
            raw=raw, subject=subject, in_reply_to=in_reply_to, references=list(references),
            language=language, intents=list(intents), scores=dict(scores or {}),
            auto_reply=auto_reply, excerpt=excerpt, ticket_id=ticket_id,
        )

    async def add_inbound_many(
        self, mails: Sequence[Mapping[str, Any]],
    ) -> list[tuple[MessageRecord, bool]]:
        """`add_inbound` for several mails in one statement (a batch of intake), in order.

        Each item has `add_inbound`'s keyword arguments; no two may share organisation and
        Message-ID (ValueError: collapse copies first). A mail whose Message-ID is already
        stored comes back as `(existing, False)`, exactly as from `add_inbound`.
        """
        rows = [_inbound(mail) for mail in mails]
        keys = [(row["organisation"], row["message_id"]) for row in rows]
        if len(set(keys)) != len(keys):
            raise ValueError("the same Message-ID twice for one organisation in one batch")
        if not rows:
            return []
        stmt = self._statement("add_message", lambda: self._insert_on_conflict(
            _m, ["organisation", "message_id"], returning=_COLUMNS))
        # In key order: two batches (processes) sharing some Message-IDs then wait for each
        # other in the same order on PostgreSQL instead of deadlocking.
        ordered = sorted(rows, key=lambda row: (row["organisation"], row["message_id"]))
        try:
            result = await self._conn.execute(stmt, ordered)
            added = {(row.organisation, row.message_id): _record(row) for row in result.all()}
        except TRANSLATED as exc:
            raise translate(exc, "storing messages") from exc
        stored: list[tuple[MessageRecord, bool]] = []
        for organisation, message_id in keys:
            if (organisation, message_id) in added:
                stored.append((added[(organisation, message_id)], True))
                continue
            existing = await self.get_by_message_id(organisation, message_id)
            if existing is None:  # pragma: no cover - the conflicting row vanished
                raise NotFoundError("message conflicted with a row that no longer exists")
            stored.append((existing, False))
        return stored

    async def add_outbound(
        self,
        *,
        organisation: str,
        message_id: str,
        from_address: str,
        to_address: str,
        sent_at: datetime,
        raw: bytes,
        subject: str | None = None,
        in_reply_to: str | None = None,
        references: Sequence[str] = (),
        language: str | None = None,
        excerpt: str = "",
        ticket_id: int | None = None,
    ) -> tuple[MessageRecord, bool]:
        """Record a mail privacybot sent (for the ticket's history); idempotent like inbound."""
        return await self._add(
            "out", organisation=organisation, message_id=message_id,
            from_address=from_address, to_address=to_address, received_at=sent_at, raw=raw,
            subject=subject, in_reply_to=in_reply_to, references=list(references),
            language=language, intents=[], scores={}, auto_reply=True, excerpt=excerpt,
            ticket_id=ticket_id,
        )

    async def _add(self, direction: Direction, **values: Any) -> tuple[MessageRecord, bool]:
        values["direction"] = direction
        stmt = self._statement("add_message", lambda: self._insert_on_conflict(
            _m, ["organisation", "message_id"], returning=_COLUMNS))
        row = await self._row(stmt, "storing a message", values)
        if row is not None:
            return _record(row), True
        existing = await self.get_by_message_id(values["organisation"], values["message_id"])
        if existing is None:  # pragma: no cover - the conflicting row vanished: a concurrent delete
            raise NotFoundError("message conflicted with a row that no longer exists")
        return existing, False

    async def get(self, message_pk: int) -> MessageRecord:
        """The message with this row id, or NotFoundError."""
        row = await self._row(select(*_COLUMNS).where(_m.c.id == message_pk), "reading a message")
        if row is None:
            raise NotFoundError(f"no message with id {message_pk}")
        return _record(row)

    async def get_by_message_id(self, organisation: str, message_id: str) -> MessageRecord | None:
        """The message of this organisation with this Message-ID, or None."""
        stmt = select(*_COLUMNS).where(_m.c.organisation == organisation,
                                       _m.c.message_id == message_id)
        row = await self._row(stmt, "reading a message")
        return None if row is None else _record(row)

    async def get_raw(self, message_pk: int) -> bytes:
        """The raw RFC 5322 bytes as received (or sent), or NotFoundError."""
        raw = await self._scalar(select(_m.c.raw).where(_m.c.id == message_pk),
                                 "reading a message")
        if raw is None:
            raise NotFoundError(f"no message with id {message_pk}")
        return bytes(raw)

    async def set_ticket(self, message_pk: int, ticket_id: int | None) -> MessageRecord:
        """Attach the message to a ticket (or detach it with None)."""
        stmt = self._statement("set_ticket", lambda: (
            update(_m).where(_m.c.id == bindparam("message_pk"))
            .values(ticket_id=bindparam("new_ticket_id")).returning(*_COLUMNS)))
        row = await self._row(stmt, "attaching a message to a ticket",
                              {"message_pk": message_pk, "new_ticket_id": ticket_id})
        if row is None:
            raise NotFoundError(f"no message with id {message_pk}")
        return _record(row)

    async def set_tickets(self, links: Sequence[tuple[int, int]]) -> None:
        """Attach several messages at once: `(message_pk, ticket_id)` pairs (a batch)."""
        stmt = self._statement("set_tickets", lambda: (
            update(_m).where(_m.c.id == bindparam("message_pk"))
            .values(ticket_id=bindparam("new_ticket_id"))))
        await self._many(stmt, "attaching messages to tickets",
                         [{"message_pk": pk, "new_ticket_id": tid} for pk, tid in links])

    async def for_ticket(self, ticket_id: int) -> list[MessageRecord]:
        """The ticket's mail, both directions, oldest first."""
        stmt = select(*_COLUMNS).where(_m.c.ticket_id == ticket_id).order_by(
            _m.c.received_at, _m.c.id)
        return [_record(row) for row in await self._rows(stmt, "listing messages")]

    async def from_address(self, organisation: str, address: str) -> list[MessageRecord]:
        """Every mail received by `organisation` from `address` (case-insensitive), whatever
        ticket it is on or none, oldest first: one person's mail, for their access pack."""
        stmt = select(*_COLUMNS).where(
            _m.c.organisation == organisation, _m.c.direction == "in",
            func.lower(_m.c.from_address) == address.strip().lower(),
        ).order_by(_m.c.received_at, _m.c.id)
        return [_record(row) for row in await self._rows(stmt, "listing a sender's messages")]

    async def unticketed(
        self, *, organisation: str | None = None, since: datetime | None = None,
        limit: int = 100, offset: int = 0,
    ) -> list[MessageRecord]:
        """Inbound mail that made no ticket (no rights intent), newest first: for the team;
        `count_unticketed` says how many there are in all."""
        stmt = select(*_COLUMNS).where(*_unticketed(organisation, since))
        stmt = stmt.order_by(_m.c.id.desc()).limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        return [_record(row) for row in await self._rows(stmt, "listing messages")]

    async def count_unticketed(
        self, *, organisation: str | None = None, since: datetime | None = None,
    ) -> int:
        """How many mails `unticketed` with the same filters would give without a limit."""
        stmt = select(func.count()).select_from(_m).where(*_unticketed(organisation, since))
        return int(await self._scalar(stmt, "counting messages") or 0)


def _unticketed(organisation: str | None,
                since: datetime | None) -> list[ColumnElement[bool]]:
    found = [_m.c.ticket_id.is_(None), _m.c.direction == "in"]
    if organisation is not None:
        found.append(_m.c.organisation == organisation)
    if since is not None:
        found.append(_m.c.received_at >= since)
    return found
