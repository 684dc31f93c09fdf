"""The suppression list: addresses an organisation must not send marketing to.

Addresses are stored exactly as given: normalising them (case, plus-tags where the
organisation says so) is the workflow's job, and it must use the same normal form to add,
check and remove. `add` is idempotent: the first entry (its source, ticket, who, when) stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, delete, func, select

from storage import tables as t
from storage.errors import ConflictError
from storage.records import SuppressionRecord
from storage.repos.base import Repository, utcnow

_s = t.suppression


def _record(row: Row[Any]) -> SuppressionRecord:
    return SuppressionRecord.model_validate(dict(row._mapping))


class SuppressionRepository(Repository):
    """`tx.suppression`."""

    async def add(
        self,
        *,
        organisation: str,
        address: str,
        source: str,
        added_by: str,
        ticket_id: int | None = None,
        at: datetime | None = None,
    ) -> tuple[SuppressionRecord, bool]:
        """Suppress the address: `(entry, True)` if added now, `(existing, False)` if it was."""
        values = {"organisation": organisation, "address": address, "source": source,
                  "ticket_id": ticket_id, "added_at": at or utcnow(), "added_by": added_by}
        stmt = self._statement("suppress", lambda: self._insert_on_conflict(
            _s, ["organisation", "address"]))
        row = await self._row(stmt, "adding to the suppression list", values)
        if row is not None:
            return _record(row), True
        existing = await self.get(organisation, address)
        if existing is None:  # removed by a concurrent transaction between the two statements
            raise ConflictError(f"{address} was removed concurrently; try again")
        return existing, False

    async def get(self, organisation: str, address: str) -> SuppressionRecord | None:
        stmt = select(_s).where(_s.c.organisation == organisation, _s.c.address == address)
        row = await self._row(stmt, "reading the suppression list")
        return None if row is None else _record(row)

    async def contains(self, organisation: str, address: str) -> bool:
        """Whether the address is suppressed for this organisation."""
        return await self.get(organisation, address) is not None

    async def contained(self, organisation: str, addresses: Iterable[str]) -> set[str]:
        """Which of these addresses are suppressed for the organisation: one query for a
        batch of mail instead of one `contains` each."""
        wanted = sorted(set(addresses))
        if not wanted:
            return set()
        stmt = self._statement("suppression_contained", lambda: select(_s.c.address).where(
            _s.c.organisation == bindparam("organisation"),
            _s.c.address.in_(bindparam("wanted", expanding=True))))
        rows = await self._rows(stmt, "reading the suppression list",
                                {"organisation": organisation, "wanted": wanted})
        return {str(row[0]) for row in rows}

    async def remove(self, organisation: str, address: str) -> bool:
        """Take the address off the list; False if it was not on it."""
        stmt = delete(_s).where(_s.c.organisation == organisation, _s.c.address == address)
        return await self._rowcount(stmt, "removing from the suppression list") > 0

    async def entries(self, organisation: str | None = None, *, limit: int | None = None,
                      offset: int = 0) -> list[SuppressionRecord]:
        """Every entry (of one organisation, or all), by organisation then address: for
        listing (a page of `limit` from `offset`) and CSV export (all)."""
        stmt = select(_s)
        if organisation is not None:
            stmt = stmt.where(_s.c.organisation == organisation)
        stmt = stmt.order_by(_s.c.organisation, _s.c.address)
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        return [_record(row) for row in await self._rows(stmt, "listing the suppression list")]

    async def count(self, organisation: str | None = None) -> int:
        """How many entries `entries` would give without a limit."""
        stmt = select(func.count()).select_from(_s)
        if organisation is not None:
            stmt = stmt.where(_s.c.organisation == organisation)
        return int(await self._scalar(stmt, "counting the suppression list") or 0)
