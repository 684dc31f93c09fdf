"""Identity-verification challenges: a keyed hash of a one-time code and of a link token.

Storage never sees a code or token in clear; the workflow hashes (HMAC) and compares in
constant time. `record_attempt` counts a try atomically, so parallel guesses cannot exceed
`max_attempts` unnoticed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select, update

from storage import tables as t
from storage.errors import NotFoundError
from storage.records import VerificationRecord
from storage.repos.base import Repository, utcnow

_v = t.verifications


def _record(row: Row[Any]) -> VerificationRecord:
    return VerificationRecord.model_validate(dict(row._mapping))


class VerificationRepository(Repository):
    """`tx.verifications`."""

    async def create(
        self,
        *,
        ticket_id: int,
        code_hash: str,
        token_hash: str,
        expires_at: datetime,
        max_attempts: int,
        now: datetime | None = None,
    ) -> VerificationRecord:
        """A new challenge for the ticket (earlier ones stay, to be expired or superseded)."""
        stmt = _v.insert().values(
            ticket_id=ticket_id, code_hash=code_hash, token_hash=token_hash,
            expires_at=expires_at, attempts=0, max_attempts=max_attempts, used_at=None,
            created_at=now or utcnow(),
        ).returning(*_v.c)
        row = await self._row(stmt, "creating a verification")
        assert row is not None
        return _record(row)

    async def create_many(self, challenges: Sequence[Mapping[str, Any]]) -> None:
        """Several `create`s in one statement (a batch of intake); nothing is returned.
        Each item has `create`'s keyword arguments."""
        rows = [dict(ticket_id=item["ticket_id"], code_hash=item["code_hash"],
                     token_hash=item["token_hash"], expires_at=item["expires_at"], attempts=0,
                     max_attempts=item["max_attempts"], used_at=None,
                     created_at=item.get("now") or utcnow()) for item in challenges]
        await self._many(self._statement("create_verifications", _v.insert),
                         "creating verifications", rows)

    async def get(self, verification_id: int) -> VerificationRecord:
        row = await self._row(select(_v).where(_v.c.id == verification_id),
                              "reading a verification")
        if row is None:
            raise NotFoundError(f"no verification with id {verification_id}")
        return _record(row)

    async def latest_for_ticket(self, ticket_id: int) -> VerificationRecord | None:
        """The ticket's most recent challenge (used or not), or None."""
        stmt = select(_v).where(_v.c.ticket_id == ticket_id).order_by(_v.c.id.desc()).limit(1)
        row = await self._row(stmt, "reading a verification")
        return None if row is None else _record(row)

    async def active_for_ticket(self, ticket_id: int, now: datetime) -> VerificationRecord | None:
        """The newest challenge that is unused, unexpired and has attempts left, or None."""
        stmt = (
            select(_v)
            .where(_v.c.ticket_id == ticket_id, _v.c.used_at.is_(None),
                   _v.c.expires_at > now, _v.c.attempts < _v.c.max_attempts)
            .order_by(_v.c.id.desc())
            .limit(1)
        )
        row = await self._row(stmt, "reading a verification")
        return None if row is None else _record(row)

    async def by_token_hash(self, token_hash: str) -> VerificationRecord | None:
        """The challenge whose link token hashes to this (whatever its state), or None."""
        row = await self._row(select(_v).where(_v.c.token_hash == token_hash),
                              "reading a verification")
        return None if row is None else _record(row)

    async def record_attempt(self, verification_id: int) -> VerificationRecord:
        """Count one attempt (atomically) and return the challenge as it now is."""
        stmt = (update(_v).where(_v.c.id == verification_id)
                .values(attempts=_v.c.attempts + 1).returning(*_v.c))
        row = await self._row(stmt, "counting a verification attempt")
        if row is None:
            raise NotFoundError(f"no verification with id {verification_id}")
        return _record(row)

    async def mark_used(self, verification_id: int, at: datetime) -> VerificationRecord:
        """Spend the challenge; a challenge already used is left as it was (first use wins)."""
        stmt = (update(_v).where(_v.c.id == verification_id, _v.c.used_at.is_(None))
                .values(used_at=at).returning(*_v.c))
        row = await self._row(stmt, "using a verification")
        if row is None:
            return await self.get(verification_id)
        return _record(row)
