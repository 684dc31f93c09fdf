"""The outbox sender: claims queued mail, hands it to the transport, records the outcome.

Claims are leases in the database (SKIP LOCKED on PostgreSQL), so several senders against
one database never take the same row; a sender that dies leaves rows whose lease expires
and another sender picks them up. Temporary failures are retried with exponential backoff;
permanent ones are recorded and given up.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import socket
from datetime import UTC, datetime, timedelta

from bot.channels.errors import PermanentDeliveryError, TemporaryDeliveryError
from bot.channels.transports import OutboundMail, Transport
from bot.errors import BotError
from bot.observability.logs import bound_contextvars
from bot.observability.metrics import Metrics
from bot.organisations import Organisations
from bot.workflow.redaction import CARRIES_SECRETS, redact_message
from storage import Database, OutboxRecord
from storage.errors import ConflictError, StorageError

log = logging.getLogger(__name__)

BASE_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(hours=6)
MAX_ATTEMPTS = 12  # about 20 hours of retries (1, 2, 4 ... 360 minutes), then the team is told


def retry_delay(attempts: int, *, rng: random.Random | None = None) -> timedelta:
    """How long to wait after the n-th failed attempt: 1, 2, 4 ... minutes, capped, +-10%."""
    exponent = max(0, min(attempts - 1, 20))
    delay = min(BASE_DELAY * (1 << exponent), MAX_DELAY)
    jitter = rng.uniform(0.9, 1.1) if rng is not None else random.uniform(0.9, 1.1)
    return delay * jitter


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class OutboxSender:
    """Delivers the outbox; `run` loops until stopped, `run_once` does one batch."""

    def __init__(self, db: Database, transport: Transport, orgs: Organisations, *,
                 worker_id: str | None = None, batch: int = 20,
                 lease: timedelta = timedelta(minutes=5), poll_seconds: float = 1.0,
                 max_attempts: int = MAX_ATTEMPTS, metrics: Metrics | None = None) -> None:
        self.metrics = metrics or Metrics()
        self._db = db
        self._transport = transport
        self._orgs = orgs
        self.worker_id = worker_id or default_worker_id()
        self._batch = batch
        self._lease = lease
        self._poll = poll_seconds
        self._max_attempts = max_attempts
        self._wake = asyncio.Event()
        self.sent = 0
        self.failed = 0

    def wake(self) -> None:
        """Look at the outbox now rather than at the next poll."""
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until `stop` is set; the delivery in hand is always finished and recorded."""
        while not stop.is_set():
            try:
                done = await self.run_once()
            except StorageError as exc:
                log.warning("outbox: database unavailable, retrying: %s", exc)
                done = 0
            except Exception:  # never let one bad batch end the sender
                log.exception("outbox: unexpected failure; retrying after the poll interval")
                done = 0
            if done:
                continue
            self._wake.clear()
            waits = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())]
            try:
                await asyncio.wait(waits, timeout=self._poll, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for waiter in waits:
                    waiter.cancel()

    async def run_once(self, now: datetime | None = None) -> int:
        """Claim one batch and deliver it; the number of rows handled."""
        now = now or datetime.now(UTC)
        async with self._db.transaction() as tx:
            rows = await tx.outbox.claim(self.worker_id, now, limit=self._batch,
                                         lease=self._lease)
        for row in rows:
            with bound_contextvars(outbox_id=row.id, message_id=row.message_id):
                try:
                    await self._deliver(row)
                except ConflictError as exc:
                    # Our lease ran out and another sender took the row over; its record wins.
                    log.warning("outbox %s: lease lost: %s", row.id, exc)
        return len(rows)

    def _mail(self, row: OutboxRecord) -> OutboundMail:
        try:
            sender = self._orgs.get(row.organisation).privacy_address
        except BotError:  # an organisation removed from the config still gets its mail out
            sender = ""
        return OutboundMail(outbox_id=str(row.id), envelope_from=sender,
                            recipients=(row.to_address,), data=bytes(row.raw))

    async def _deliver(self, row: OutboxRecord) -> None:
        try:
            await self._transport.deliver(self._mail(row))
        except PermanentDeliveryError as exc:
            await self._record_failed(row, str(exc))
            return
        except TemporaryDeliveryError as exc:
            await self._record_retry(row, str(exc))
            return
        except Exception as exc:  # a bug or an unforeseen library error: keep the mail
            log.exception("outbox %s: unexpected delivery failure", row.id)
            await self._record_retry(row, f"unexpected {type(exc).__name__}: {exc}")
            return
        # A relay keeps no copy we could read back, so the one in the outbox is all that is
        # left: a delivered code and link must not stay readable in it.
        redacted = (redact_message(bytes(row.raw))
                    if row.kind in CARRIES_SECRETS and not self._transport.keeps_copy else None)
        async with self._db.transaction() as tx:
            await tx.outbox.mark_sent(row.id, datetime.now(UTC), worker_id=self.worker_id,
                                      redacted_raw=redacted)
        self.sent += 1
        self.metrics.outbox_sent.inc()
        log.info("outbox %s: sent to %s (%s)", row.id, row.to_address, row.kind)

    async def _record_retry(self, row: OutboxRecord, error: str) -> None:
        attempts = row.attempts  # the claim counted this attempt
        if attempts >= self._max_attempts:
            await self._record_failed(row, f"gave up after {attempts} attempts: {error}")
            return
        next_at = datetime.now(UTC) + retry_delay(attempts)
        async with self._db.transaction() as tx:
            await tx.outbox.mark_retry(row.id, next_at, error, worker_id=self.worker_id)
        self.metrics.outbox_failures.labels("retry").inc()
        log.warning("outbox %s: attempt %d failed, retrying at %s: %s", row.id, attempts,
                    next_at.isoformat(timespec="seconds"), error)

    async def _record_failed(self, row: OutboxRecord, error: str) -> None:
        async with self._db.transaction() as tx:
            await tx.outbox.mark_failed(row.id, error, worker_id=self.worker_id)
            # The team must learn that the requester was not reached (a verification request
            # that never arrived would otherwise just end in closed-unverified).
            await tx.events.append(
                ticket_id=row.ticket_id, organisation=row.organisation, actor="privacybot",
                channel="worker", kind="reply_failed",
                data={"outbox_id": row.id, "reply": row.kind, "error": error[:300]},
            )
        self.failed += 1
        self.metrics.outbox_failures.labels("permanent").inc()
        log.error("outbox %s: failed permanently: %s", row.id, error)
