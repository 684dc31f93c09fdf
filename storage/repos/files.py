"""Files the privacy team adds to a ticket for the requester's access pack (`tx.files`).

A file is stored whole, with the ticket, the moment it is added: the pack is built from the
store alone, whatever became of the file where it came from. `add` is idempotent on the
file's `source`, so a retried Slack event adds nothing twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, select

from storage import tables as t
from storage.errors import NotFoundError
from storage.records import Record
from storage.repos.base import Repository

_f = t.ticket_files
# Every column but the bytes: listing a ticket's files never reads them.
_COLUMNS = [column for column in _f.c if column.name != "data"]


class TicketFileRecord(Record):
    id: int
    ticket_id: int
    name: str
    mimetype: str
    size: int
    source: str
    added_by: str
    added_at: datetime


def _record(row: Row[Any]) -> TicketFileRecord:
    return TicketFileRecord.model_validate({column.name: row._mapping[column.name]
                                            for column in _COLUMNS})


class FileRepository(Repository):
    """`tx.files`."""

    async def add(self, *, ticket_id: int, name: str, mimetype: str, data: bytes, source: str,
                  added_by: str, at: datetime) -> tuple[TicketFileRecord, bool]:
        """Store a file with its ticket: `(record, True)`, or `(existing, False)` when a file
        from the same `source` is already stored."""
        values = {"ticket_id": ticket_id, "name": name, "mimetype": mimetype,
                  "size": len(data), "data": data, "source": source, "added_by": added_by,
                  "added_at": at}
        stmt = self._statement("add_ticket_file", lambda: self._insert_on_conflict(
            _f, ["source"], returning=_COLUMNS))
        row = await self._row(stmt, "storing a ticket file", values)
        if row is not None:
            return _record(row), True
        existing = await self._row(select(*_COLUMNS).where(_f.c.source == source),
                                   "reading a ticket file")
        if existing is None:  # pragma: no cover - the conflicting row vanished
            raise NotFoundError("ticket file conflicted with a row that no longer exists")
        return _record(existing), False

    async def for_ticket(self, ticket_id: int) -> list[TicketFileRecord]:
        """The ticket's files, oldest first, without their bytes."""
        rows = await self._rows(select(*_COLUMNS).where(_f.c.ticket_id == ticket_id)
                                .order_by(_f.c.id), "listing a ticket's files")
        return [_record(row) for row in rows]

    async def get_data(self, file_id: int) -> bytes:
        """One file's bytes; NotFoundError when it is gone."""
        value = await self._scalar(select(_f.c.data).where(_f.c.id == file_id),
                                   "reading a ticket file")
        if value is None:
            raise NotFoundError(f"ticket file {file_id} not found")
        return bytes(value)
