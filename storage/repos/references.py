"""Ticket reference numbers: one atomic counter per (organisation, year).

`next_number` is a single INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so two concurrent
transactions can never get the same number on SQLite (one writer at a time) or PostgreSQL
(the row lock holds the second until the first ends). A rolled-back transaction gives its
number back. Formatting the reference (AIM-2026-0042) is the workflow's business.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select, update

from storage import tables as t
from storage.errors import ConflictError
from storage.repos.base import Repository

_counters = t.reference_counters


class ReferenceRepository(Repository):
    """`tx.references`."""

    async def next_number(self, organisation: str, year: int, count: int = 1) -> int:
        """The next number for this organisation and year, starting at 1.

        With `count` > 1 a block of numbers is taken at once (a batch of mail): the result
        is the block's LAST number, the block being `result - count + 1 .. result`.
        """
        if count < 1:
            raise ValueError("count must be at least 1")
        stmt = self._statement("next_number", lambda: self._insert_on_conflict(
            _counters, ["organisation", "year"],
            set_=lambda insert: {"last": _counters.c.last + insert.excluded.last},
            returning=[_counters.c.last],
        ))
        params = {"organisation": organisation, "year": year, "last": count}
        return int(await self._scalar(stmt, "allocating a ticket reference", params))

    async def give_back(self, organisation: str, year: int, count: int, last: int) -> None:
        """Return the top `count` numbers of a block this transaction took and did not use,
        so numbers stay gapless. `last` is the counter's value this transaction left; the
        row is still locked by it (ConflictError if it is not as expected)."""
        if count <= 0:
            return
        stmt = self._statement("give_back_numbers", lambda: (
            update(_counters)
            .where(_counters.c.organisation == bindparam("org"),
                   _counters.c.year == bindparam("yr"),
                   _counters.c.last == bindparam("expected"))
            .values(last=_counters.c.last - bindparam("unused"))))
        changed = await self._rowcount(stmt, "returning unused ticket references", {
            "org": organisation, "yr": year, "expected": last, "unused": count})
        if changed != 1:
            raise ConflictError(f"reference counter of {organisation} {year} moved under us")

    async def current(self, organisation: str, year: int) -> int:
        """The last number handed out (0 if none yet)."""
        stmt = select(_counters.c.last).where(
            _counters.c.organisation == organisation, _counters.c.year == year)
        return int(await self._scalar(stmt, "reading a ticket reference counter") or 0)
