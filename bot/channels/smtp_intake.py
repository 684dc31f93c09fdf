"""The SMTP intake handler: which recipients we take, and when a message counts as received.

aiosmtpd calls the hooks below on the application's event loop. A message is answered 250
only after the desk has committed it (and its tickets and replies) for every recipient
organisation; anything that stops that commit answers 451 so the sending server retries,
and the desk's Message-ID idempotency turns the retry into "already have it".

Sessions do not commit one by one: each hands its understood mail to a group-commit queue
(bot/desk/group_commit.py) and awaits it; one writer stores every mail waiting in a single
transaction, and each session then answers for its own mail (250, or 451 if that mail could
not be committed).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import weakref
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from bot.channels.smtp_budget import SMALL_MESSAGE
from bot.desk import Desk, IntakeResult
from bot.desk.batch import Delivery, receive_batch
from bot.desk.group_commit import GroupCommit, ReceiveBatch
from bot.observability.logs import bind_contextvars
from bot.observability.metrics import Metrics
from bot.organisations import Organisation, Organisations
from intents import Classification, InboundMail
from storage.errors import StorageError

log = logging.getLogger(__name__)

MAX_RECIPIENTS = 20
# Mails up to this size are understood on the loop: a few hundred microseconds, cheaper than
# the two thread hops (and the GIL changing hands) of the executor; larger ones go there.
# A crafted mail of this size (deep HTML, repeated phrases) can take ~10 ms: the bound.
INLINE_BYTES = 16 * 1024
# Understanding a mail costs several times its size in memory (the email package's parse:
# about 8x for a base64 attachment), and threads do not parse in parallel (the GIL): mails
# over this size are understood one at a time, so that their peaks do not add up.
LARGE_BYTES = SMALL_MESSAGE
TEMPFAIL = "451 4.3.0 Temporary failure, please try again later"
SHUTTING_DOWN = "421 4.3.2 Service shutting down, please try again later"

# raw bytes -> (InboundMail, Classification); CPU work (on an executor thread when large).
Understand = Callable[[bytes], tuple[InboundMail, Classification]]


class IntakeHandler:
    """aiosmtpd handler: RCPT filtering, DATA -> desk, 451 on every failure of ours."""

    def __init__(self, *, orgs: Organisations, desk: Desk, understand: Understand,
                 executor: Executor | None = None,
                 on_stored: Callable[[], None] | None = None,
                 receive: ReceiveBatch | None = None, max_batch: int = 64,
                 metrics: Metrics | None = None) -> None:
        self._orgs = orgs
        self.metrics = metrics or Metrics()
        self._on_stored = on_stored  # e.g. wake the outbox sender of this process
        # Transactions between MAIL FROM and their DATA: their mails are on the way, so the
        # group commit may wait a moment for them (weak: an abandoned envelope drops out).
        self._open_envelopes: weakref.WeakSet[Any] = weakref.WeakSet()
        self.queue = GroupCommit(receive or functools.partial(receive_batch, desk),
                                 max_batch=max_batch, coming=self.mails_on_the_way)
        self._understand = understand
        self._executor = executor
        self._large = asyncio.Semaphore(1)  # one large mail understood at a time
        self._work: set[asyncio.Task[str]] = set()
        self.closing = False
        self.accepted = 0  # messages answered 250, for the log and the benches

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any,
                          address: str, mail_options: list[str]) -> str:
        if self.closing:
            return SHUTTING_DOWN
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        self._open_envelopes.add(envelope)
        return "250 2.1.0 OK"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any,
                          address: str, rcpt_options: list[str]) -> str:
        if self.closing:
            return SHUTTING_DOWN
        if self._orgs.by_address(address) is None:
            self.metrics.mails_refused.labels("no_such_mailbox").inc()
            return "550 5.1.1 No such privacy mailbox here"
        if len(envelope.rcpt_tos) >= MAX_RECIPIENTS:
            self.metrics.mails_refused.labels("too_many_recipients").inc()
            return "452 4.5.3 Too many recipients"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self._open_envelopes.discard(envelope)
        orgs = self._recipient_orgs(envelope.rcpt_tos)
        raw = bytes(envelope.original_content or b"")
        # Shielded: if the client hangs up mid-commit, the commit still finishes cleanly
        # (the client's retry is then a duplicate), and shutdown can wait for it.
        task = asyncio.get_running_loop().create_task(
            self._store(raw, orgs, envelope.mail_from or ""))
        self._work.add(task)
        task.add_done_callback(self._work.discard)
        return await asyncio.shield(task)

    async def handle_exception(self, error: Exception) -> str:
        # aiosmtpd's default is "500", a permanent failure: the sender would bounce the mail.
        log.error("smtp intake: unexpected %s: %s", type(error).__name__, error,
                  exc_info=error)
        return TEMPFAIL

    async def drain(self, grace: float) -> bool:
        """Stop taking new mail and wait for messages in hand; False if time ran out."""
        self.closing = True
        deadline = asyncio.get_running_loop().time() + grace
        while self._work:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return False
            await asyncio.wait(set(self._work), timeout=remaining)
        return True

    def mails_on_the_way(self) -> int:
        """Sessions between MAIL FROM and their DATA (what the group commit may wait for)."""
        return len(self._open_envelopes)

    def _recipient_orgs(self, rcpt_tos: list[str]) -> list[Organisation]:
        found: list[Organisation] = []
        for address in rcpt_tos:
            org = self._orgs.by_address(address)
            if org is not None and org not in found:
                found.append(org)
        return found

    async def _store(self, raw: bytes, orgs: list[Organisation], envelope_from: str) -> str:
        loop = asyncio.get_running_loop()
        try:
            if len(raw) <= INLINE_BYTES:
                mail, classification = self._understand(raw)
            elif len(raw) <= LARGE_BYTES:
                mail, classification = await loop.run_in_executor(
                    self._executor, self._understand, raw)
            else:
                async with self._large:
                    mail, classification = await loop.run_in_executor(
                        self._executor, self._understand, raw)
            bind_contextvars(message_id=mail.message_id)  # this task's lines carry it
            for org in orgs:
                result = await self.queue.submit(Delivery(
                    org.id, raw, mail, classification, envelope_from=envelope_from,
                    channel="smtp"))
                log.info("smtp intake: %s: %s", org.id, _summary(result),
                         extra={"reference": result.reference})
                if result.outcome in ("created", "linked"):
                    self.metrics.ticket_opened(result.intents)
        except StorageError as exc:
            log.warning("smtp intake: cannot commit, answering 451: %s", exc)
            self.metrics.mails_deferred.inc()
            return TEMPFAIL
        except Exception as exc:
            log.error("smtp intake: failed, answering 451: %s: %s", type(exc).__name__, exc,
                      exc_info=exc)
            self.metrics.mails_deferred.inc()
            return TEMPFAIL
        self.accepted += 1
        self.metrics.mails_received.inc()
        if self._on_stored is not None:
            self._on_stored()
        return "250 2.0.0 OK: message received"


def _summary(result: IntakeResult) -> str:
    """One log line about what the mail did (no personal data: no addresses, no subject)."""
    text = f"{result.outcome} {result.reference or '-'} intents={','.join(result.intents)}"
    if result.replies:
        text += f" replies={','.join(result.replies)}"
    return text
