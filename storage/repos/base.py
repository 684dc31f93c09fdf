"""What every repository shares: the transaction's connection and error-translating execution.

A repository lives for one transaction (`db.transaction()` builds them) and never commits:
the transaction does, once, on leaving the `async with` block.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Executable, Row, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.boundary import TRANSLATED, translate

_STATEMENTS: dict[tuple[str, str], Executable] = {}


class HasConnection(Protocol):
    """A transaction, as the helpers that build a repository from one see it (storage.unit's
    Transaction): naming only its connection keeps the repositories from importing the unit
    that imports them."""

    @property
    def connection(self) -> AsyncConnection: ...


def utcnow() -> datetime:
    return datetime.now(UTC)


class Repository:
    """Base class: holds the connection and runs statements with errors translated."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn
        self._dialect = conn.dialect.name

    @property
    def is_postgresql(self) -> bool:
        return self._dialect == "postgresql"

    async def _rows(self, stmt: Executable, action: str,
                    params: Mapping[str, Any] | None = None) -> Sequence[Row[Any]]:
        try:
            result = await self._conn.execute(stmt, dict(params) if params is not None else None)
            return result.all() if result.returns_rows else []
        except TRANSLATED as exc:
            raise translate(exc, action) from exc

    async def _row(self, stmt: Executable, action: str,
                   params: Mapping[str, Any] | None = None) -> Row[Any] | None:
        rows = await self._rows(stmt, action, params)
        return rows[0] if rows else None

    async def _scalar(self, stmt: Executable, action: str,
                      params: Mapping[str, Any] | None = None) -> Any:
        row = await self._row(stmt, action, params)
        return None if row is None else row[0]

    def _statement(self, name: str, build: Callable[[], Executable]) -> Executable:
        """A statement built once per dialect and then run with parameters: the hot paths
        (intake) skip rebuilding and re-keying `.values(...)` on every call (about 25%)."""
        key = (self._dialect, name)
        stmt = _STATEMENTS.get(key)
        if stmt is None:
            stmt = _STATEMENTS[key] = build()
        return stmt

    async def _rowcount(self, stmt: Executable, action: str,
                        params: Mapping[str, Any] | None = None) -> int:
        try:
            result = await self._conn.execute(stmt, dict(params) if params is not None else None)
            return int(getattr(result, "rowcount", 0) or 0)
        except TRANSLATED as exc:
            raise translate(exc, action) from exc

    async def _many(self, stmt: Executable, action: str,
                    rows: Sequence[Mapping[str, Any]]) -> None:
        """One statement run for many parameter sets (the driver's executemany): a batch of
        intake writes costs one round trip through the async bridge instead of one each."""
        if not rows:
            return
        try:
            await self._conn.execute(stmt, [dict(row) for row in rows])
        except TRANSLATED as exc:
            raise translate(exc, action) from exc

    def _insert_on_conflict(
        self,
        table: Table,
        keys: Sequence[str],
        *,
        set_: Callable[[Any], Mapping[str, Any]] | None = None,
        returning: Sequence[ColumnElement[Any]] | None = None,
    ) -> Executable:
        """INSERT ... ON CONFLICT (keys) DO NOTHING, or DO UPDATE SET set_(stmt), RETURNING.

        The values come as execute parameters. Both SQLite (3.35+) and PostgreSQL speak it;
        with DO NOTHING, no row back means the key existed. `set_` receives the insert (for
        `stmt.excluded.column`); `returning` defaults to every column of the table.
        """
        columns = list(returning) if returning is not None else list(table.c)
        stmt: postgresql.Insert | sqlite.Insert
        if self.is_postgresql:
            pg = postgresql.insert(table)
            stmt = (pg.on_conflict_do_update(index_elements=list(keys), set_=dict(set_(pg)))
                    if set_ else pg.on_conflict_do_nothing(index_elements=list(keys)))
        else:
            lite = sqlite.insert(table)
            stmt = (lite.on_conflict_do_update(index_elements=list(keys), set_=dict(set_(lite)))
                    if set_ else lite.on_conflict_do_nothing(index_elements=list(keys)))
        return stmt.returning(*columns)
