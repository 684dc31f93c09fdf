"""Retention's reads and writes: find what is past its period, and empty or mask it.

The one place that changes stored mail, outbox copies and events after the fact (the events
log is otherwise append-only): the use case (bot/desk/retention.py) decides what is past its
period and records what it did as an event of its own. Mail, copies and tickets are read
first (`plan_mail`, `plan_masks`: read only, so a run reads them without the writer's lock)
and written by id (`apply_mail`, `apply_masks`); the other writes take `dry_run`, and then
only count what they would change. Counts are of rows actually changed, so a second run over
the same data counts 0. Nothing here touches the suppression list.

    store = retention_store(tx)
    closed = await store.closed_tickets("aimigos", ignore_kinds=[...])
    ids = [ticket.id for ticket in closed]
    plan = await store.plan_mail(raw=ids, bodies=ids, copies=ids, masked=[], mask=str)
    await store.apply_mail(plan)  # in a write transaction
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Text,
    and_,
    bindparam,
    cast,
    delete,
    func,
    or_,
    select,
    update,
)

from storage import tables as t
from storage.records import FINAL_STATES
from storage.repos.base import HasConnection, Repository
from storage.repos.json_scrub import scrub_sql

_t, _m, _o, _e = t.tickets, t.messages, t.outbox, t.events
# Outbox rows still to be sent keep their bytes and address: the sender needs them. Said as
# NOT IN so that SQLite looks rows up by ticket, not by status (nearly every row is "sent").
_UNDELIVERED = ("pending", "sending")
Mask = Callable[[str], str]


class Cleared(NamedTuple):
    """How many mails and copies a `MailPlan` empties."""

    raw_mail: int
    message_bodies: int
    outbox_copies: int


class MailPlan(NamedTuple):
    """What `apply_mail` will change: its counts, and the rows' new values by what changes
    (mail: bytes, text, addresses; copies: bytes, address)."""

    cleared: Cleared
    mail: dict[tuple[bool, bool, bool], list[dict[str, Any]]]
    copies: dict[tuple[bool, bool], list[dict[str, Any]]]


class ClosedTicket(NamedTuple):
    """What retention needs to know of a closed ticket."""

    id: int
    reference: str
    state: str
    intents: list[str]
    requester_address: str
    last_contact: datetime


def _aware(value: Any) -> datetime | None:
    """An aggregate may lose the column's type on SQLite (naive text back): make it UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _has_bytes(column: Any) -> ColumnElement[bool]:
    return func.length(column) > 0


class RetentionStore(Repository):
    """Build it with `retention_store(tx)`."""

    async def closed_tickets(self, organisation: str, *, ignore_kinds: Iterable[str],
                             after_id: int = 0, limit: int = 500) -> list[ClosedTicket]:
        """The organisation's closed tickets with their last contact: the latest of receipt,
        their mail and their events (events of `ignore_kinds`, about retention itself, do not
        count as contact). A page of `limit` with ids above `after_id`, by id: the caller
        reads page by page, so that no single read holds the event loop for long (a page of
        500 is about 20 ms of SQLite's time; on SQLite statements run on the loop)."""
        last_event = (select(func.max(_e.c.at))
                      .where(_e.c.ticket_id == _t.c.id, _e.c.kind.not_in(list(ignore_kinds)))
                      .scalar_subquery())
        last_mail = (select(func.max(_m.c.received_at)).where(_m.c.ticket_id == _t.c.id)
                     .scalar_subquery())
        stmt = (select(_t.c.id, _t.c.reference, _t.c.state, _t.c.intents,
                       _t.c.requester_address, _t.c.received_at, last_event.label("ev"),
                       last_mail.label("ml"))
                .where(_t.c.organisation == organisation, _t.c.id > after_id,
                       _t.c.state.in_(sorted(FINAL_STATES)))
                .order_by(_t.c.id).limit(limit))
        found = []
        for row in await self._rows(stmt, "reading closed tickets"):
            pk, reference, state, intents, address, received, event_at, mail_at = tuple(row)
            moments = [m for m in (_aware(received), _aware(event_at), _aware(mail_at))
                       if m is not None]
            found.append(ClosedTicket(pk, reference, state, list(intents), address,
                                      max(moments)))
        return found

    async def ticket_events_of_kinds(self, organisation: str, kinds: Sequence[str], *,
                                     ticket_ids: Sequence[int] | None = None,
                                     ) -> list[tuple[int, str]]:
        """(ticket id, kind) of the organisation's events of these kinds (on these tickets),
        oldest first."""
        stmt = (select(_e.c.ticket_id, _e.c.kind)
                .where(_e.c.organisation == organisation, _e.c.kind.in_(list(kinds)),
                       _e.c.ticket_id.is_not(None))
                .order_by(_e.c.id))
        if ticket_ids is not None:
            stmt = stmt.where(_e.c.ticket_id.in_(list(ticket_ids)))
        found: list[tuple[int, str]] = []
        for row in await self._rows(stmt, "reading legal holds"):
            ticket_id, kind = tuple(row)
            found.append((int(ticket_id), str(kind)))
        return found

    async def closed_tickets_of(self, organisation: str, address: str) -> list[int]:
        """Ids of the organisation's closed tickets from this address (any case)."""
        stmt = select(_t.c.id).where(
            _t.c.organisation == organisation,
            func.lower(_t.c.requester_address) == address.lower(),
            _t.c.state.in_(sorted(FINAL_STATES)))
        return [int(row[0]) for row in await self._rows(stmt, "reading tickets")]

    # -- mail ------------------------------------------------------------------------------

    async def _count_or_update(self, table: Any, where: list[ColumnElement[bool]],
                               values: Mapping[str, Any], dry_run: bool, action: str) -> int:
        if dry_run:
            stmt = select(func.count()).select_from(table).where(*where)
            return int(await self._scalar(stmt, action) or 0)
        return await self._rowcount(update(table).where(*where).values(**values), action)

    async def plan_mail(self, *, raw: Collection[int], bodies: Collection[int],
                        copies: Collection[int], masked: Collection[int],
                        mask: Mask) -> MailPlan:
        """Of the stored mail (both ways) of the tickets in `raw`, the raw bytes to drop; of
        those in `bodies`, the text and subject kept to read it; of our delivered (or failed)
        copies of those in `copies`, the bytes; and of those in `masked`, the addresses of
        the mail and delivered copies to mask; with how many mails and copies would be
        emptied. Read only: a run reads this before taking the writer's lock, so that the
        lock is held for the writes (`apply_mail`) only.

        Each row is changed by one UPDATE doing all it needs (grouped by what that is, one
        executemany a group): a mail of 2 KB is rewritten once, not three times, which
        halves the database's work on a large run."""
        cleared = [0, 0, 0]
        tickets = set(raw) | set(bodies) | set(masked)
        groups: dict[tuple[bool, bool, bool], list[dict[str, Any]]] = defaultdict(list)
        if tickets:
            rows = await self._rows(select(
                _m.c.id, _m.c.ticket_id, _has_bytes(_m.c.raw),
                or_(_m.c.excerpt != "", _m.c.subject.is_not(None)), _m.c.from_address,
                _m.c.to_address).where(_m.c.ticket_id.in_(sorted(tickets))), "reading mail")
            for pk, ticket_id, has_bytes, has_text, sender, to in (tuple(row) for row in rows):
                key = (bool(has_bytes) and ticket_id in raw,
                       bool(has_text) and ticket_id in bodies, ticket_id in masked)
                if key[2]:
                    new_from, new_to = (mask(sender) if sender else sender), mask(to)
                    if not key[0] and not key[1] and new_from == sender and new_to == to:
                        continue  # masked by an earlier run, and nothing else to do: no write
                cleared[0] += key[0]
                cleared[1] += key[1]
                if any(key):
                    groups[key].append({"pk": pk, "new_from": new_from, "new_to": new_to}
                                       if key[2] else {"pk": pk})
        copy_groups: dict[tuple[bool, bool], list[dict[str, Any]]] = defaultdict(list)
        tickets = set(copies) | set(masked)
        if tickets:
            rows = await self._rows(select(_o.c.id, _o.c.ticket_id, _has_bytes(_o.c.raw),
                                           _o.c.to_address).where(
                _o.c.ticket_id.in_(sorted(tickets)), _o.c.status.not_in(_UNDELIVERED)),
                "reading the outbox")
            for pk, ticket_id, has_bytes, to in (tuple(row) for row in rows):
                masked_to = mask(to) if ticket_id in masked else to
                pair = (bool(has_bytes) and ticket_id in copies, masked_to != to)
                cleared[2] += pair[0]
                if any(pair):
                    copy_groups[pair].append({"pk": pk, "masked": masked_to} if pair[1]
                                             else {"pk": pk})
        return MailPlan(Cleared(*cleared), dict(groups), dict(copy_groups))

    async def apply_mail(self, plan: MailPlan) -> None:
        """Write what `plan_mail` found: each row by its id, so rows that came meanwhile
        (a reply being sent) are left for the next run."""
        for (empty, text, addresses), params in plan.mail.items():
            values: dict[str, Any] = {}
            if empty:
                values["raw"] = b""
            if text:
                values.update(excerpt="", subject=None)
            if addresses:
                values.update(from_address=bindparam("new_from"),
                              to_address=bindparam("new_to"))
            await self._many(update(_m).where(_m.c.id == bindparam("pk")).values(**values),
                             "emptying stored mail", params)
        for (empty, addresses), params in plan.copies.items():
            values = {"raw": b""} if empty else {}
            if addresses:
                values["to_address"] = bindparam("masked")
            await self._many(update(_o).where(_o.c.id == bindparam("pk")).values(**values),
                             "emptying outbox copies", params)

    async def unticketed_mail(self, organisation: str, before: datetime,
                              sender: str | None = None) -> list[int]:
        """Ids of stored mail that no ticket holds, received before then (from `sender`)."""
        stmt = select(_m.c.id).where(_m.c.organisation == organisation,
                                     _m.c.ticket_id.is_(None), _m.c.received_at < before)
        if sender is not None:
            stmt = stmt.where(func.lower(_m.c.from_address) == sender.lower())
        return [int(row[0]) for row in await self._rows(stmt, "reading stored mail")]

    async def empty_mail(self, message_ids: Sequence[int], mask: Mask, *,
                         dry_run: bool) -> int:
        """Empty these mails whole (bytes, text, subject) and mask their addresses."""
        stmt = select(_m.c.id, _m.c.from_address, _m.c.to_address, _m.c.excerpt,
                      _m.c.subject, func.length(_m.c.raw)).where(_m.c.id.in_(list(message_ids)))
        changes = []
        for row in await self._rows(stmt, "reading stored mail"):
            pk, sender, to, excerpt, subject, size = tuple(row)
            new_from, new_to = mask(sender) if sender else sender, to
            if size or excerpt or subject is not None or new_from != sender:
                changes.append({"pk": pk, "new_from": new_from, "new_to": new_to})
        if not dry_run:
            await self._many(
                update(_m).where(_m.c.id == bindparam("pk")).values(
                    raw=b"", excerpt="", subject=None, from_address=bindparam("new_from"),
                    to_address=bindparam("new_to")), "emptying stored mail", changes)
        return len(changes)

    # -- the ticket's personal data ------------------------------------------------------------

    async def plan_masks(self, ticket_ids: Sequence[int], mask: Mask) -> list[dict[str, Any]]:
        """The tickets whose requester's address is to be masked or whose name or subject
        is to go, with their masked address (`apply_masks` writes them): read only. The
        mail and copies of the tickets: `plan_mail`."""
        rows = await self._rows(select(_t.c.id, _t.c.requester_address, _t.c.requester_name,
                                       _t.c.subject).where(_t.c.id.in_(list(ticket_ids))),
                                "reading tickets")
        return [{"pk": pk, "masked": mask(address)} for pk, address, name, subject
                in (tuple(row) for row in rows)
                if mask(address) != address or name is not None or subject is not None]

    async def apply_masks(self, changes: Sequence[Mapping[str, Any]]) -> None:
        await self._many(update(_t).where(_t.c.id == bindparam("pk")).values(
            requester_address=bindparam("masked"), requester_name=None, subject=None),
            "masking tickets", changes)

    async def scrub_events(self, where: list[ColumnElement[bool]], *, keys: Collection[str],
                           replacement: str, dry_run: bool) -> int:
        """Replace the personal values (under `keys`) of the chosen events' data with
        `replacement`, in the database (storage/repos/json_scrub.py); how many changed.
        Events whose data does not name one of the keys (most of a ticket's: states,
        replies queued) are passed over on a cheap text match before any JSON is parsed."""
        text = cast(_e.c.data, Text)
        named = or_(*(text.contains(f'"{key}"', autoescape=True) for key in sorted(keys)))
        changed, scrubbed = scrub_sql(self._dialect, keys, replacement)
        where = [*where, named, changed]
        if dry_run:
            return int(await self._scalar(select(func.count()).select_from(_e).where(*where),
                                          "counting events") or 0)
        return await self._rowcount(update(_e).where(*where).values(data=scrubbed),
                                    "scrubbing events")

    async def scrub_ticket_events(self, ticket_ids: Sequence[int], *, keys: Collection[str],
                                  replacement: str, dry_run: bool) -> int:
        return await self.scrub_events([_e.c.ticket_id.in_(list(ticket_ids))], keys=keys,
                                       replacement=replacement, dry_run=dry_run)

    async def scrub_ticketless_events(self, organisation: str, before: datetime, *,
                                      keys: Collection[str], replacement: str,
                                      keep_kinds: Sequence[str], keep_prefix: str,
                                      dry_run: bool) -> int:
        """Scrub the organisation's events on no ticket (mail that opened none) older than
        `before`, but those of `keep_kinds` or whose kind starts with `keep_prefix`."""
        return await self.scrub_events(
            [_e.c.organisation == organisation, _e.c.ticket_id.is_(None), _e.c.at < before,
             _e.c.kind.not_in(list(keep_kinds)), ~_e.c.kind.startswith(keep_prefix)],
            keys=keys, replacement=replacement, dry_run=dry_run)

    async def delete_verifications(self, ticket_ids: Sequence[int], *, dry_run: bool) -> int:
        """The tickets' identity challenges (keyed hashes): of no use once closed."""
        v = t.verifications
        where = [v.c.ticket_id.in_(list(ticket_ids))]
        if dry_run:
            return int(await self._scalar(select(func.count()).select_from(v).where(*where),
                                          "counting verifications") or 0)
        return await self._rowcount(delete(v).where(*where), "deleting verifications")

    async def with_ticket_files(self, ticket_ids: Sequence[int]) -> list[int]:
        """Those of the tickets that have documents the team added (`delete_ticket_files`)."""
        if not ticket_ids:
            return []
        f = t.ticket_files
        stmt = select(f.c.ticket_id).distinct().where(f.c.ticket_id.in_(list(ticket_ids)))
        return sorted(int(row[0]) for row in await self._rows(stmt, "reading ticket files"))

    async def delete_ticket_files(self, ticket_ids: Sequence[int], *, dry_run: bool) -> int:
        """The documents the team added to the tickets for their access packs: like the raw
        mail, evidence kept for its period, then gone whole."""
        f = t.ticket_files
        where = [f.c.ticket_id.in_(list(ticket_ids))]
        if dry_run:
            return int(await self._scalar(select(func.count()).select_from(f).where(*where),
                                          "counting ticket files") or 0)
        return await self._rowcount(delete(f).where(*where), "deleting ticket files")

    # -- staff questions -----------------------------------------------------------------------

    async def delete_questions(self, organisation: str | None, before: datetime, *,
                               dry_run: bool) -> int:
        """Staff questions asked before then (of the organisation; None: of none)."""
        q = t.questions
        where = [q.c.asked_at < before, q.c.organisation == organisation
                 if organisation is not None else q.c.organisation.is_(None)]
        if dry_run:
            return int(await self._scalar(select(func.count()).select_from(q).where(
                and_(*where)), "counting questions") or 0)
        return await self._rowcount(delete(q).where(*where), "deleting questions")


def retention_store(tx: HasConnection) -> RetentionStore:
    """Retention's reads and writes on this transaction's connection."""
    return RetentionStore(tx.connection)
