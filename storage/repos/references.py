"""Ticket reference numbers: one atomic counter per (organisation, year).

`next_number` is a single INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so two concurrent
transactions can never get the same number on SQLite (one writer at a time) or PostgreSQL
(the row lock holds the second until the first ends). A rolled-back transaction gives its
number back. Formatting the reference (AIM-2026-0042) is the workflow's business.
"""

from __future__ import annotations

from sqlalchemy import select

from storage import tables as t
from storage.repos.base import Repository

_counters = t.reference_counters


class ReferenceRepository(Repository):
    """`tx.references`."""

    async def next_number(self, organisation: str, year: int) -> int:
        """The next number for this organisation and year, starting at 1."""
        stmt = self._statement("next_number", lambda: self._insert_on_conflict(
            _counters, ["organisation", "year"],
            set_=lambda _insert: {"last": _counters.c.last + 1},
            returning=[_counters.c.last],
        ))
        params = {"organisation": organisation, "year": year, "last": 1}
        return int(await self._scalar(stmt, "allocating a ticket reference", params))

    async def current(self, organisation: str, year: int) -> int:
        """The last number handed out (0 if none yet)."""
        stmt = select(_counters.c.last).where(
            _counters.c.organisation == organisation, _counters.c.year == year)
        return int(await self._scalar(stmt, "reading a ticket reference counter") or 0)
