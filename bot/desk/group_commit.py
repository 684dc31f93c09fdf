"""Group commit: concurrent SMTP sessions share one writer and one transaction per batch.

    queue = GroupCommit(functools.partial(receive_batch, desk))
    result = await queue.submit(delivery)   # returns once the mail is committed, or raises

Each session submits its understood mail and awaits a future. One writer task takes every
mail waiting (up to `max_batch`) and stores them in one transaction (`receive_batch`), then
settles each future with that mail's own result or error. There is no artificial wait: the
writer starts as soon as a mail arrives, and the mails that come in while it commits form the
next batch; so one lone mail is written alone, at once, and a busy server writes in bulk.

One exception, bounded: when the caller says more mails are on their way (`coming()`: SMTP
sessions between MAIL FROM and their DATA), the writer waits for them up to `gather_seconds`
(2 ms) before it takes the batch. It is PostgreSQL's commit_delay/commit_siblings idea: a
server with 8 busy clients otherwise settles into two cohorts of about 4 mails, one
committing while the other is received, and a batch costs ~3 ms of CPU whatever its size. A
lone mail (nothing coming) is still written at once.

SQLite has one writer at a time anyway, so one writer task per process loses nothing; on
PostgreSQL it also means a batch takes the reference-counter row once for all its tickets.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from contextlib import suppress

from bot.desk.batch import Delivery, Outcome
from bot.desk.results import IntakeResult

log = logging.getLogger(__name__)

ReceiveBatch = Callable[[Sequence[Delivery]], Awaitable[list[Outcome]]]
_Waiting = tuple[Delivery, "asyncio.Future[IntakeResult]"]


class GroupCommit:
    """An intake queue drained by one writer task (started on demand, ends when idle)."""

    def __init__(self, receive: ReceiveBatch, *, max_batch: int = 64,
                 coming: Callable[[], int] | None = None,
                 gather_seconds: float = 0.002) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        self._receive = receive
        self._max_batch = max_batch
        self._coming = coming
        self._gather_seconds = gather_seconds
        self._waiting: list[_Waiting] = []
        self._arrived = asyncio.Event()
        self._writer: asyncio.Task[None] | None = None
        # For the log and the benches: how the mails were grouped.
        self.batches = 0
        self.mails = 0
        self.largest = 0

    async def submit(self, delivery: Delivery) -> IntakeResult:
        """Queue the mail and wait until it is committed (its result) or cannot be (raises)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[IntakeResult] = loop.create_future()
        self._waiting.append((delivery, future))
        self._arrived.set()
        if self._writer is None or self._writer.done():
            self._writer = loop.create_task(self._write(), name="intake-group-commit")
        return await future

    async def _gather(self) -> None:
        """Wait (bounded) for the mails the caller says are on their way."""
        if self._coming is None or self._gather_seconds <= 0:
            return
        deadline = asyncio.get_running_loop().time() + self._gather_seconds
        while len(self._waiting) < self._max_batch and self._coming() > 0:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return
            self._arrived.clear()
            with suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), remaining)

    async def _write(self) -> None:
        while self._waiting:
            try:
                await self._gather()
            except asyncio.CancelledError:
                self._fail(self._waiting, RuntimeError("intake writer cancelled"))
                self._waiting.clear()
                raise
            batch = self._waiting[:self._max_batch]
            del self._waiting[:self._max_batch]
            self.batches += 1
            self.mails += len(batch)
            self.largest = max(self.largest, len(batch))
            try:
                outcomes = await self._receive([delivery for delivery, _ in batch])
                if len(outcomes) != len(batch):
                    raise RuntimeError(f"{len(outcomes)} results for {len(batch)} mails")
            except asyncio.CancelledError:
                self._fail([*batch, *self._waiting], RuntimeError("intake writer cancelled"))
                self._waiting.clear()
                raise
            except Exception as exc:
                log.error("intake: batch of %d failed: %s: %s", len(batch),
                          type(exc).__name__, exc, exc_info=exc)
                self._fail(batch, exc)
                continue
            for (_, future), outcome in zip(batch, outcomes, strict=True):
                if future.done():  # its session is gone; the mail is committed regardless
                    continue
                if isinstance(outcome, Exception):
                    future.set_exception(outcome)
                else:
                    future.set_result(outcome)

    @staticmethod
    def _fail(batch: Sequence[_Waiting], error: Exception) -> None:
        for _, future in batch:
            if not future.done():
                future.set_exception(error)
