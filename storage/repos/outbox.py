"""The outbox: mail written in the use case's transaction, delivered later by sender tasks.

A sender claims rows with a lease: `claim(worker_id, now, limit, lease)` turns due `pending`
rows (and `sending` rows whose lease ran out, i.e. their sender died) into `sending` for this
worker, in one statement. Two concurrent senders never get the same row: on PostgreSQL the
candidate rows are picked with FOR UPDATE SKIP LOCKED (several processes may share one
database); on SQLite the whole write transaction holds the database's single writer lock.
Each claim counts one attempt. The sender then calls `mark_sent`, `mark_retry` or
`mark_failed`; passing its `worker_id` makes those refuse (ConflictError) when the lease was
lost to another sender in the meantime.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, Select, and_, bindparam, func, or_, select, update

from storage import tables as t
from storage.boundary import TRANSLATED, translate
from storage.errors import ConflictError, NotFoundError, StorageError
from storage.records import OutboxRecord
from storage.repos.base import Repository, utcnow

_o = t.outbox


def _record(row: Row[Any]) -> OutboxRecord:
    values = dict(row._mapping)
    values["raw"] = bytes(values["raw"])
    return OutboxRecord.model_validate(values)


class OutboxRepository(Repository):
    """`tx.outbox`."""

    async def enqueue(
        self,
        *,
        organisation: str,
        kind: str,
        to_address: str,
        message_id: str,
        raw: bytes,
        ticket_id: int | None = None,
        now: datetime | None = None,
        send_after: datetime | None = None,
    ) -> OutboxRecord:
        """Queue a complete RFC 5322 message; a Message-ID used before is ConflictError."""
        at = now or utcnow()
        values = dict(
            organisation=organisation, ticket_id=ticket_id, kind=kind, to_address=to_address,
            message_id=message_id, raw=raw, status="pending", attempts=0,
            next_attempt_at=send_after or at, claimed_by=None, claimed_until=None,
            created_at=at, sent_at=None, last_error=None,
        )
        stmt = self._statement("enqueue", lambda: _o.insert().returning(*_o.c))
        row = await self._row(stmt, "queueing outbound mail", values)
        assert row is not None
        return _record(row)

    async def enqueue_many(self, mails: Sequence[Mapping[str, Any]]) -> list[int]:
        """Several `enqueue`s in one statement (a batch of intake): the new rows' ids, in
        the order given. Each item has `enqueue`'s keyword arguments."""
        if not mails:
            return []
        rows = []
        for mail in mails:
            at = mail.get("now") or utcnow()
            rows.append(dict(
                organisation=mail["organisation"], ticket_id=mail.get("ticket_id"),
                kind=mail["kind"], to_address=mail["to_address"],
                message_id=mail["message_id"], raw=mail["raw"], status="pending", attempts=0,
                next_attempt_at=mail.get("send_after") or at, claimed_by=None,
                claimed_until=None, created_at=at, sent_at=None, last_error=None))
        # Matched back by Message-ID (unique), not by position: asking the driver to keep
        # the parameters' order makes SQLAlchemy run one INSERT per row on SQLite.
        stmt = self._statement("enqueue_many", lambda: _o.insert().returning(
            _o.c.message_id, _o.c.id))
        try:
            result = await self._conn.execute(stmt, rows)
            ids = {str(row[0]): int(row[1]) for row in result.all()}
        except TRANSLATED as exc:
            raise translate(exc, "queueing outbound mail") from exc
        if len(ids) != len(rows):  # pragma: no cover - the driver lost rows: never commit that
            raise StorageError(f"queued {len(ids)} of {len(rows)} outbound mails")
        return [ids[row["message_id"]] for row in rows]

    async def claim(
        self, worker_id: str, now: datetime, *, limit: int = 10,
        lease: timedelta = timedelta(minutes=5),
    ) -> list[OutboxRecord]:
        """Claim up to `limit` due messages for this worker, oldest due first."""
        due = or_(
            and_(_o.c.status == "pending", _o.c.next_attempt_at <= now),
            and_(_o.c.status == "sending", _o.c.claimed_until < now),
        )
        # A materialised CTE, not `id IN (subquery)`: PostgreSQL may re-run an IN subquery
        # per row, and each run would lock (and claim) `limit` more rows.
        picked = (
            select(_o.c.id).where(due).order_by(_o.c.next_attempt_at, _o.c.id).limit(limit)
            .with_for_update(skip_locked=True)  # ignored by SQLite, which has one writer
            .cte("picked").prefix_with("MATERIALIZED")
        )
        stmt = (
            update(_o)
            .where(_o.c.id == picked.c.id)
            .values(status="sending", claimed_by=worker_id, claimed_until=now + lease,
                    attempts=_o.c.attempts + 1)
            .returning(*_o.c)
        )
        rows = await self._rows(stmt, "claiming outbound mail")
        return sorted((_record(row) for row in rows), key=lambda r: (r.next_attempt_at, r.id))

    async def _finish(self, outbox_id: int, worker_id: str | None, action: str,
                      **values: Any) -> OutboxRecord:
        stmt = update(_o).where(_o.c.id == outbox_id, _o.c.status == "sending")
        if worker_id is not None:
            stmt = stmt.where(_o.c.claimed_by == worker_id)
        row = await self._row(stmt.values(**values).returning(*_o.c), action)
        if row is None:
            current = await self.get(outbox_id)
            raise ConflictError(
                f"outbox message {outbox_id} is {current.status}"
                f" (claimed by {current.claimed_by}); cannot {action}")
        return _record(row)

    async def mark_sent(self, outbox_id: int, at: datetime, *,
                        worker_id: str | None = None,
                        redacted_raw: bytes | None = None) -> OutboxRecord:
        """Delivered: never to be sent again. `redacted_raw` replaces the stored bytes in the
        same statement (a delivered mail whose secrets must not be kept)."""
        extra: dict[str, Any] = {} if redacted_raw is None else {"raw": redacted_raw}
        return await self._finish(outbox_id, worker_id, "mark it sent", status="sent",
                                  sent_at=at, claimed_until=None, last_error=None, **extra)

    async def mark_retry(self, outbox_id: int, next_attempt_at: datetime, error: str, *,
                         worker_id: str | None = None) -> OutboxRecord:
        """A temporary failure: back to pending, due again at `next_attempt_at`."""
        return await self._finish(outbox_id, worker_id, "schedule a retry", status="pending",
                                  next_attempt_at=next_attempt_at, claimed_by=None,
                                  claimed_until=None, last_error=error[:2000])

    async def mark_failed(self, outbox_id: int, error: str, *,
                          worker_id: str | None = None) -> OutboxRecord:
        """A permanent failure: kept for the team to see, never retried."""
        return await self._finish(outbox_id, worker_id, "mark it failed", status="failed",
                                  claimed_until=None, last_error=error[:2000])

    async def get(self, outbox_id: int) -> OutboxRecord:
        row = await self._row(select(_o).where(_o.c.id == outbox_id), "reading outbound mail")
        if row is None:
            raise NotFoundError(f"no outbox message with id {outbox_id}")
        return _record(row)

    async def get_by_message_id(self, message_id: str) -> OutboxRecord | None:
        row = await self._row(select(_o).where(_o.c.message_id == message_id),
                              "reading outbound mail")
        return None if row is None else _record(row)

    async def for_ticket(self, ticket_id: int) -> list[OutboxRecord]:
        stmt = select(_o).where(_o.c.ticket_id == ticket_id).order_by(_o.c.id)
        return [_record(row) for row in await self._rows(stmt, "listing outbound mail")]

    async def by_status(self, *statuses: str, limit: int = 100) -> list[OutboxRecord]:
        """Messages in any of these states (all when none given), oldest first."""
        stmt = select(_o)
        if statuses:
            stmt = stmt.where(_o.c.status.in_(statuses))
        stmt = stmt.order_by(_o.c.id).limit(limit)
        return [_record(row) for row in await self._rows(stmt, "listing outbound mail")]

    async def count_to_address_since(
        self, organisation: str, address: str, since: datetime, *,
        kinds: tuple[str, ...] | None = None,
    ) -> int:
        """How many mails were queued for this address (any case) since then, failed ones
        excluded: the input to the per-address daily limit on automatic replies."""
        stmt = select(func.count()).select_from(_o).where(
            _o.c.organisation == organisation,
            func.lower(_o.c.to_address) == address.lower(),
            t.unmasked_address(_o.c.to_address),  # the index holds only those (tables.py)
            _o.c.created_at >= since,
            _o.c.status != "failed",
        )
        if kinds is not None:
            stmt = stmt.where(_o.c.kind.in_(kinds))
        return int(await self._scalar(stmt, "counting outbound mail") or 0)

    async def counts_to_addresses_since(
        self, organisation: str, addresses: Iterable[str], since: datetime, *,
        kinds: tuple[str, ...] | None = None,
    ) -> dict[str, int]:
        """`count_to_address_since` for many addresses in one query (a batch of mail):
        lower-cased address -> count, every address asked for present (0 when none)."""
        wanted = sorted({address.lower() for address in addresses})
        counts = dict.fromkeys(wanted, 0)
        if not wanted:
            return counts

        def build() -> Select[Any]:
            lowered = func.lower(_o.c.to_address)
            stmt = select(lowered, func.count()).where(
                _o.c.organisation == bindparam("organisation"),
                lowered.in_(bindparam("wanted", expanding=True)),
                t.unmasked_address(_o.c.to_address),
                _o.c.created_at >= bindparam("since", type_=_o.c.created_at.type),
                _o.c.status != "failed",
            ).group_by(lowered)
            if kinds is not None:
                stmt = stmt.where(_o.c.kind.in_(bindparam("kinds", expanding=True)))
            return stmt

        name = "outbox_counts" if kinds is None else "outbox_counts_of_kinds"
        params: dict[str, Any] = {"organisation": organisation, "wanted": wanted,
                                  "since": since}
        if kinds is not None:
            params["kinds"] = list(kinds)
        rows = await self._rows(self._statement(name, build), "counting outbound mail", params)
        for row in rows:
            address, number = tuple(row)
            counts[str(address)] = int(number)
        return counts

    async def queue_figures(self) -> tuple[dict[str, int], datetime | None]:
        """How many rows are in each state, and when the oldest one not yet sent (pending or
        sending) was queued: what the metrics endpoint reports at each scrape."""
        counts = dict.fromkeys(("pending", "sending", "sent", "failed"), 0)
        stmt = select(_o.c.status, func.count()).group_by(_o.c.status)
        for row in await self._rows(stmt, "counting the outbox"):
            status, number = tuple(row)
            counts[str(status)] = int(number)
        oldest = await self._scalar(
            select(func.min(_o.c.created_at)).where(_o.c.status.in_(("pending", "sending"))),
            "reading the outbox")
        return counts, oldest if isinstance(oldest, datetime) else None

    async def next_due_at(self) -> datetime | None:
        """When the earliest pending message falls due (to sleep until then), or None."""
        stmt = select(func.min(_o.c.next_attempt_at)).where(_o.c.status == "pending")
        value = await self._scalar(stmt, "reading the outbox")
        return value if isinstance(value, datetime) else None
