"""What the Slack channel remembers: the message posted per ticket, how far it has followed
the event log, and which Slack event ids it has already handled (Slack retries events)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, case, delete, select

from storage import tables as t
from storage.records import SlackPostRecord
from storage.repos.base import Repository, utcnow

_p = t.slack_posts
_c = t.slack_cursors
_seen = t.slack_seen_events


def _record(row: Row[Any]) -> SlackPostRecord:
    return SlackPostRecord.model_validate(dict(row._mapping))


class SlackRepository(Repository):
    """`tx.slack`."""

    async def save_post(
        self, *, ticket_id: int, channel: str, ts: str, posted_event_id: int | None = None,
        at: datetime | None = None,
    ) -> SlackPostRecord:
        """Remember (or replace) the ticket's message in Slack: one per ticket."""
        values = {"ticket_id": ticket_id, "channel": channel, "ts": ts,
                  "posted_event_id": posted_event_id, "updated_at": at or utcnow()}
        stmt = self._statement("save_post", lambda: self._insert_on_conflict(
            _p, ["ticket_id"],
            set_=lambda insert: {name: insert.excluded[name] for name in
                                 ("channel", "ts", "posted_event_id", "updated_at")}))
        row = await self._row(stmt, "saving a Slack post", values)
        assert row is not None
        return _record(row)

    async def get_post(self, ticket_id: int) -> SlackPostRecord | None:
        """The ticket's Slack message, or None if it was never posted."""
        row = await self._row(select(_p).where(_p.c.ticket_id == ticket_id),
                              "reading a Slack post")
        return None if row is None else _record(row)

    async def find_post(self, channel: str, ts: str) -> SlackPostRecord | None:
        """The ticket message posted at `ts` in `channel` (a thread's parent), or None."""
        row = await self._row(select(_p).where(_p.c.channel == channel, _p.c.ts == ts),
                              "reading a Slack post")
        return None if row is None else _record(row)

    async def get_cursor(self, name: str) -> int:
        """The last event id the follower called `name` has processed (0 if none)."""
        value = await self._scalar(select(_c.c.last_event_id).where(_c.c.name == name),
                                   "reading a Slack cursor")
        return int(value or 0)

    async def set_cursor(self, name: str, event_id: int) -> None:
        """Move the follower's cursor to `event_id` (it never moves backwards), atomically."""
        stmt = self._statement("set_cursor", lambda: self._insert_on_conflict(
            _c, ["name"], set_=lambda insert: {"last_event_id": case(
                (insert.excluded.last_event_id > _c.c.last_event_id,
                 insert.excluded.last_event_id),
                else_=_c.c.last_event_id)}))
        await self._rows(stmt, "moving a Slack cursor", {"name": name, "last_event_id": event_id})

    async def mark_seen(self, event_id: str, at: datetime | None = None) -> bool:
        """Record a Slack event id; False if it was recorded before (a retry: do nothing).

        Call it in the same transaction as the event's effects, so that a crash before
        commit lets the retry through.
        """
        stmt = self._statement("mark_seen", lambda: self._insert_on_conflict(
            _seen, ["event_id"], returning=[_seen.c.event_id]))
        params = {"event_id": event_id, "seen_at": at or utcnow()}
        return await self._row(stmt, "recording a Slack event", params) is not None

    async def forget_seen_before(self, before: datetime) -> int:
        """Drop event ids recorded before then (Slack stops retrying within the hour);
        returns how many were dropped."""
        return await self._rowcount(delete(_seen).where(_seen.c.seen_at < before),
                                    "pruning seen Slack events")
