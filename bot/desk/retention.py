"""privacybot keeping its own data as the policies promise: retention, erasure, legal holds.

`run_retention` (the `retention run` command, and daily in the worker) goes through each
organisation's closed tickets and stored mail:
- past `raw_mail`: the bytes of the ticket's mail (both ways) are emptied, and the
  documents the team added for the requester's access pack (`ticket_files`) deleted;
- past `message_bodies`: the text and subject kept to read it are emptied;
- past `outbox_copies`: the bytes of our delivered mail are emptied;
- past `ticket_personal_data`: the requester's address becomes a keyed pseudonym (in the
  ticket, its mail and our copies), name and subject go, the personal values inside the
  ticket's events are replaced, and the identity challenges are deleted;
- mail that opened no ticket, past `raw_mail` from its arrival: emptied whole, its sender
  pseudonymised, and the events about it scrubbed;
- staff questions past `staff_questions`: deleted;
- an erasure request done more than `erasure_grace` ago: everything privacybot holds of
  that requester for the organisation (their closed tickets and their mail) is emptied and
  their address replaced by "[erased]"; the erasure ticket gets an `own_data_erased` event.
Periods run from the ticket's last contact (bot.workflow.retention). What the register needs
stays: the ticket row (reference, rights, dates, state, reasons) and its events' facts.
Never touched: open tickets, tickets under legal hold (`hold`/`release`), and the
suppression list, with the events about it (an opt-out is honoured for ever, so the entry
that proves it must outlive every period). Each organisation's run ends with a
`retention_applied` event holding only counts and periods. With `dry_run` nothing changes
and the counts say what a run would do.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict

from bot.desk.core import DeskConfig, Unit, acting, clean_text
from bot.errors import WorkflowError
from bot.organisations import Organisation
from bot.workflow.references import normalise_reference
from bot.workflow.retention import (
    ERASED,
    OWN_KINDS,
    PERSONAL_EVENT_KEYS,
    REMOVED,
    Period,
    cutoff,
    is_masked,
    parse_period,
    pseudonym,
)
from storage import Database
from storage.errors import StorageError
from storage.repos.retention import (
    Cleared,
    ClosedTicket,
    MailPlan,
    RetentionStore,
    retention_store,
)

log = logging.getLogger("privacybot.retention")

HOLD = "legal_hold"
RELEASE = "legal_hold_released"
APPLIED = "retention_applied"
ERASED_EVENT = "own_data_erased"
SUPPRESSION_PREFIX = "suppression"
# Tickets per write transaction. The intake (another process: bot/desk/retention_process.py)
# waits for at most one chunk's writes on SQLite's one writer (what is to change is read
# before, without the lock); the WAL is copied back after each chunk, out of its turn.
# Measured over 100,000 tickets with SMTP mail every 50 ms (bench/retention_intake.py
# --chunk): 50 made the run 15% longer for no better answers, 200 held the lock twice as
# long (SMTP's median answer 25 ms instead of 12-13, idle 6-8).
CHUNK = 100
DAY_SECONDS = 24 * 60 * 60
FIRST_RUN_SECONDS = 10 * 60


class RetentionCounts(BaseModel):
    """What one run did (or, dry, would do) for one organisation: counts, nothing else."""

    model_config = ConfigDict(frozen=True)

    organisation: str
    raw_mail: int = 0
    ticket_files: int = 0
    message_bodies: int = 0
    outbox_copies: int = 0
    tickets_pseudonymised: int = 0
    events_scrubbed: int = 0
    verifications_deleted: int = 0
    unticketed_mail: int = 0
    staff_questions: int = 0
    requesters_erased: int = 0
    held_tickets_kept: int = 0
    open_tickets_kept: int = 0


class RetentionReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    at: datetime
    dry_run: bool
    organisations: list[RetentionCounts]


def held_ids(marks: Sequence[tuple[int, str]]) -> set[int]:
    """Tickets whose latest hold mark (oldest first in `marks`) is a hold. Pure."""
    state: dict[int, bool] = {}
    for ticket_id, kind in marks:
        state[ticket_id] = kind == HOLD
    return {ticket_id for ticket_id, held in state.items() if held}


def _periods(org: Organisation) -> dict[str, Period]:
    return {name: parse_period(value) for name, value in org.retention.model_dump().items()}


def _erased(_: str) -> str:
    return ERASED


class _Plan(NamedTuple):
    """A chunk's writes as read before the writer's lock: the mail and copies to empty or
    mask, the tickets whose documents go, the tickets masked and their new addresses."""

    mail: MailPlan
    files: list[int]
    masked: list[int]
    masks: list[dict[str, Any]]

    @property
    def writes(self) -> bool:
        return bool(self.mail.mail or self.mail.copies or self.files or self.masked)


Prepare = Callable[["RetentionStore", list[int]], Awaitable[_Plan]]
Apply = Callable[["RetentionStore", _Plan], Awaitable[None]]


def _chunks(ids: Sequence[int], size: int) -> list[list[int]]:
    return [list(ids[start:start + size]) for start in range(0, len(ids), size)]


class _Run:
    """One organisation's run: reads the closed tickets once, then chunk by chunk reads what
    is to change and writes it."""

    def __init__(self, db: Database, config: DeskConfig, org: Organisation, now: datetime,
                 dry_run: bool, chunk: int) -> None:
        self.db, self.config, self.org, self.now, self.dry = db, config, org, now, dry_run
        self.chunk = chunk
        self.periods = _periods(org)
        self.counts: dict[str, int] = {}
        self.erased: set[int] = set()  # tickets an erasure emptied in this run
        # Remembered: one address is masked in its ticket, each of its mails and our copies.
        self.mask: Callable[[str], str] = functools.lru_cache(maxsize=65536)(
            functools.partial(pseudonym, config.secret))

    def add(self, name: str, value: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + value

    def past(self, name: str) -> datetime:
        return cutoff(self.now, self.periods[name])

    async def _held(self, store: RetentionStore, chunk: list[int]) -> set[int]:
        return held_ids(await store.ticket_events_of_kinds(self.org.id, [HOLD, RELEASE],
                                                           ticket_ids=chunk))

    async def _write(self, ids: Sequence[int], prepare: Prepare, apply: Apply) -> None:
        """Each chunk of ticket ids: `prepare` reads what is to change, in a read transaction
        that does not take the writer's lock (nor make the intake wait); `apply` writes it in
        a write transaction of its own, holds read again there: a ticket held meanwhile makes
        the chunk prepared again inside it. A dry run applies (counts) in the read one."""
        for chunk in _chunks(ids, self.chunk):
            async with self.db.transaction(readonly=True, background=True) as tx:
                store = retention_store(tx)
                held = await self._held(store, chunk)
                plan = await prepare(store, [pk for pk in chunk if pk not in held])
                if self.dry:
                    await apply(store, plan)
            if self.dry or not plan.writes:
                continue  # a chunk done by an earlier run takes no write lock
            async with self.db.transaction(background=True) as tx:
                store = retention_store(tx)
                if (now_held := await self._held(store, chunk)) != held:
                    plan = await prepare(store, [pk for pk in chunk if pk not in now_held])
                await apply(store, plan)
            # The intake's writes queue on the same lock (storage.database): each gets its turn
            # between two chunks, so it waits for one chunk at most, never for the run.
            await asyncio.sleep(0)

    async def run(self) -> RetentionCounts:
        closed: list[ClosedTicket] = []
        while True:  # page by page: intake on the same event loop goes on in between
            async with self.db.transaction(readonly=True, background=True) as tx:
                page = await retention_store(tx).closed_tickets(
                    self.org.id, ignore_kinds=sorted(OWN_KINDS),
                    after_id=closed[-1].id if closed else 0)
            closed += page
            if not page:
                break
        async with self.db.transaction(readonly=True, background=True) as tx:
            store = retention_store(tx)
            held = held_ids(await store.ticket_events_of_kinds(self.org.id, [HOLD, RELEASE]))
            open_count = await tx.tickets.count_matching(organisation=self.org.id,
                                                         open_only=True)
        self.add("held_tickets_kept", sum(1 for ticket in closed if ticket.id in held))
        self.add("open_tickets_kept", open_count)
        free = [ticket for ticket in closed if ticket.id not in held]
        await self._erasures(free)
        await self._periods_passed(free)
        await self._unticketed()
        await self._questions()
        result = RetentionCounts(organisation=self.org.id, **self.counts)
        await self._record(None, APPLIED, {
            "periods": {name: str(period) for name, period in self.periods.items()},
            **result.model_dump(exclude={"organisation"})})
        return result

    async def _record(self, ticket_id: int | None, kind: str, data: Mapping[str, Any]) -> None:
        """An event saying what was done: counts and periods only, nothing personal."""
        if self.dry:
            return
        async with self.db.transaction() as tx:
            await tx.events.append(ticket_id=ticket_id, organisation=self.org.id,
                                   actor="privacybot", channel="worker", kind=kind,
                                   data=dict(data), at=self.now)

    async def _periods_passed(self, free: list[ClosedTicket]) -> None:
        """Each kind past its own period; one pass (and transaction) per chunk of tickets."""
        due: dict[str, set[int]] = {}
        for name in ("raw_mail", "message_bodies", "outbox_copies", "ticket_personal_data"):
            limit = self.past(name)
            due[name] = {ticket.id for ticket in free
                         if ticket.last_contact < limit and ticket.id not in self.erased}
        # A ticket masked by an earlier run had its history scrubbed then: not read again
        # every day (the other kinds are a cheap indexed update that finds nothing to do).
        due["ticket_personal_data"] -= {ticket.id for ticket in free
                                        if is_masked(ticket.requester_address)}

        async def prepare(store: RetentionStore, chunk: list[int]) -> _Plan:
            def of(name: str) -> set[int]:
                return {ticket_id for ticket_id in chunk if ticket_id in due[name]}

            masked = sorted(of("ticket_personal_data"))
            mail = await store.plan_mail(raw=of("raw_mail"), bodies=of("message_bodies"),
                                         copies=of("outbox_copies"), masked=masked,
                                         mask=self.mask)
            return _Plan(mail, await store.with_ticket_files(sorted(of("raw_mail"))), masked,
                         await store.plan_masks(masked, self.mask) if masked else [])

        await self._write(sorted(set().union(*due.values())), prepare, self._apply)

    async def _apply(self, store: RetentionStore, plan: _Plan) -> None:
        """Write (or, dry, count) what `prepare` found for a chunk of tickets."""
        if not self.dry:
            await store.apply_mail(plan.mail)
        self._cleared(plan.mail.cleared)
        if plan.files:  # the team's documents go with the raw mail
            self.add("ticket_files", await store.delete_ticket_files(plan.files,
                                                                     dry_run=self.dry))
        if plan.masked:
            if not self.dry:
                await store.apply_masks(plan.masks)
            self.add("tickets_pseudonymised", len(plan.masks))
            self.add("events_scrubbed", await store.scrub_ticket_events(
                plan.masked, keys=PERSONAL_EVENT_KEYS, replacement=REMOVED, dry_run=self.dry))
            self.add("verifications_deleted", await store.delete_verifications(
                plan.masked, dry_run=self.dry))

    def _cleared(self, cleared: Cleared) -> None:
        self.add("raw_mail", cleared.raw_mail)
        self.add("message_bodies", cleared.message_bodies)
        self.add("outbox_copies", cleared.outbox_copies)

    async def _erasures(self, free: list[ClosedTicket]) -> None:
        """Done erasure requests past their grace: the requester's data goes entirely."""
        limit = self.past("erasure_grace")
        done = [ticket for ticket in free if "erasure" in ticket.intents
                and ticket.state == "done" and ticket.last_contact < limit
                and ticket.requester_address != ERASED]
        seen: set[str] = set()
        for ticket in done:
            address = ticket.requester_address.lower()
            if address in seen:
                continue
            seen.add(address)
            async with self.db.transaction(readonly=True, background=True) as tx:
                store = retention_store(tx)
                ids = await store.closed_tickets_of(self.org.id, address)
                mails = await store.unticketed_mail(self.org.id, self.now, sender=address)
            before = dict(self.counts)

            async def erase(store: RetentionStore, chunk: list[int]) -> _Plan:
                mail = await store.plan_mail(raw=chunk, bodies=chunk, copies=chunk,
                                             masked=chunk, mask=_erased)
                return _Plan(mail, await store.with_ticket_files(chunk), chunk,
                             await store.plan_masks(chunk, _erased) if chunk else [])

            await self._write(ids, erase, self._apply)
            async with self.db.transaction(readonly=self.dry, background=True) as tx:
                self.add("unticketed_mail", await retention_store(tx).empty_mail(
                    mails, lambda _: ERASED, dry_run=self.dry))
            self.add("requesters_erased", 1)
            self.erased.update(ids)
            await self._record(ticket.id, ERASED_EVENT, {
                name: self.counts.get(name, 0) - before.get(name, 0) for name in self.counts})

    async def _unticketed(self) -> None:
        limit = self.past("raw_mail")
        async with self.db.transaction(readonly=True, background=True) as tx:
            mails = await retention_store(tx).unticketed_mail(self.org.id, limit)
        for start in range(0, len(mails), self.chunk):
            async with self.db.transaction(readonly=self.dry, background=True) as tx:
                self.add("unticketed_mail", await retention_store(tx).empty_mail(
                    mails[start:start + self.chunk], self.mask, dry_run=self.dry))
        async with self.db.transaction(readonly=self.dry, background=True) as tx:
            self.add("events_scrubbed", await retention_store(tx).scrub_ticketless_events(
                self.org.id, limit, keys=PERSONAL_EVENT_KEYS, replacement=REMOVED,
                keep_kinds=sorted(OWN_KINDS),
                keep_prefix=SUPPRESSION_PREFIX, dry_run=self.dry))

    async def _questions(self) -> None:
        async with self.db.transaction(readonly=self.dry, background=True) as tx:
            self.add("staff_questions", await retention_store(tx).delete_questions(
                self.org.id, self.past("staff_questions"), dry_run=self.dry))


async def run_retention(db: Database, config: DeskConfig, *, now: datetime,
                        dry_run: bool = False, chunk: int = CHUNK) -> RetentionReport:
    """Apply every organisation's retention (see the module's docstring); `chunk` tickets
    a write transaction."""
    results = [await _Run(db, config, org, now, dry_run, chunk).run()
               for org in config.orgs.items]
    # Questions asked outside any organisation's channel: the shortest period of all.
    if config.orgs.items:
        shortest = max(cutoff(now, parse_period(org.retention.staff_questions))
                        for org in config.orgs.items)
        async with db.transaction(readonly=dry_run) as tx:
            await retention_store(tx).delete_questions(None, shortest, dry_run=dry_run)
    return RetentionReport(at=now, dry_run=dry_run, organisations=results)


async def set_hold(db: Database, config: DeskConfig, reference: str, *, hold: bool,
                   reason: str, actor: str, channel: str) -> str:
    """Put a ticket under legal hold (retention leaves it whole) or release it; the new
    status ("held" or "released"). A hold needs a reason; holding twice or releasing a
    ticket not held is refused."""
    reason = " ".join(clean_text(reason, 2000).split())
    if hold and not reason:
        raise WorkflowError("a legal hold needs a reason")
    actor = acting(actor)
    async with db.transaction() as tx:
        ticket = await tx.tickets.get_by_reference(normalise_reference(reference),
                                                   for_update=True)
        marks = [(ticket.id, event.kind) for event in await tx.events.for_ticket(ticket.id)
                 if event.kind in (HOLD, RELEASE)]
        held = ticket.id in held_ids(marks)
        if hold and held:
            raise WorkflowError(f"ticket {ticket.reference} is already under legal hold")
        if not hold and not held:
            raise WorkflowError(f"ticket {ticket.reference} is not under legal hold")
        unit = Unit(config, tx, actor=actor, channel=channel, now=config.clock())
        unit.event(HOLD if hold else RELEASE, ticket, reason=reason)
        await unit.flush()
    return "held" if hold else "released"


async def _run_here(db: Database, config: DeskConfig, now: datetime) -> RetentionReport:
    return await run_retention(db, config, now=now)


async def _unless_stopped(work: Awaitable[RetentionReport], stop: asyncio.Event,
                          ) -> RetentionReport | None:
    """`work`'s report, or None if `stop` was set first: then the run is cancelled (a child
    process is terminated; the open chunk rolls back and the next run does it), so that
    stopping the service does not wait for a run over a large store."""
    running = asyncio.ensure_future(work)
    stopping = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
    except BaseException:
        running.cancel()
        raise
    finally:
        stopping.cancel()
    if running.done():
        return running.result()
    running.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await running
    return None


async def retention_loop(db: Database, config: DeskConfig, stop: asyncio.Event, *,
                         every_seconds: float = DAY_SECONDS,
                         first_after_seconds: float = FIRST_RUN_SECONDS,
                         run: Callable[[datetime], Awaitable[RetentionReport]] | None = None,
                         ) -> None:
    """The worker's daily run, until `stop` is set; a failed run is logged and retried the
    next day (nothing is lost by waiting: the data is only kept a day longer); setting `stop`
    cancels a run under way. The first run
    waits a little, so that a start is not slowed by it. `run` applies retention at a given
    moment: by default here, on `db`; the service passes one that runs it in a process of
    its own (bot/desk/retention_process.py)."""
    if run is None:
        run = functools.partial(_run_here, db, config)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), first_after_seconds)
    while not stop.is_set():
        try:
            report = await _unless_stopped(run(config.clock()), stop)
            if report is None:
                break
            for counts in report.organisations:
                log.info("retention: %s", counts.model_dump())
        except StorageError as exc:
            log.warning("retention: database unavailable: %s", exc)
        except WorkflowError as exc:
            log.error("retention: %s", exc)
        except Exception:
            log.exception("retention failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every_seconds)
