"""Intake in batches: many received mails stored and ticketed in ONE transaction.

    results = await receive_batch(desk, [Delivery("aimigos", raw, mail, classification,
                                                  envelope_from="bob@example.com"), ...])

Each result is the mail's `IntakeResult`, or the exception that kept it from being committed
(the SMTP channel answers 451 for those). Every mail runs the same use case as
`Desk.receive_mail` (`intake.receive`), on its own `Unit`, in order; the units share a
`BatchWrites`, so the batch asks its common questions once and writes its events, challenges
and links with one statement each (see bot/desk/pending.py).

What stays true, mail by mail:
- a result means that mail is committed: the batch commits before any result is handed out;
- the same Message-ID twice in one batch is processed once; its later copies are
  `duplicate`s of the first (with its reference), as if they had arrived just after it;
- when the batch transaction fails, nothing of it is stored, and the mails are retried one
  transaction each, so one mail that cannot be stored fails alone and its neighbours are
  committed; but when the database itself is unavailable (locked, gone), every mail of the
  batch gets that error at once instead of each waiting out its own timeout.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.desk import intake
from bot.desk.core import DAY, Unit, address_key
from bot.desk.pending import BatchWrites
from bot.desk.results import IntakeResult
from bot.workflow.addresses import InvalidAddressError
from bot.workflow.replies import AUTOMATIC
from intents.models import Classification, InboundMail
from storage import Transaction
from storage.errors import UnavailableError

if TYPE_CHECKING:
    from bot.desk.desk import Desk

log = logging.getLogger(__name__)

Outcome = IntakeResult | Exception


@dataclass(frozen=True)
class Delivery:
    """One received mail for one organisation, understood (parsed and classified)."""

    org_id: str
    raw: bytes
    mail: InboundMail
    classification: Classification
    envelope_from: str | None
    channel: str = "smtp"

    @property
    def key(self) -> tuple[str, str]:
        """What makes two deliveries the same mail: organisation and Message-ID."""
        return self.org_id, intake.message_id_for(self.mail, self.raw)


async def receive_batch(desk: Desk, deliveries: Sequence[Delivery]) -> list[Outcome]:
    """Store the mails in one transaction; on failure, one transaction each (see above)."""
    if not deliveries:
        return []
    try:
        return list(await _one_transaction(desk, deliveries))
    except UnavailableError as exc:
        return [exc] * len(deliveries)
    except Exception as exc:  # one bad mail, a race: find out which, mail by mail
        if len(deliveries) == 1:
            return [exc]
        log.warning("intake batch of %d failed (%s: %s); retrying its mails one by one",
                    len(deliveries), type(exc).__name__, exc)
    outcomes: list[Outcome] = []
    for index, delivery in enumerate(deliveries):
        try:
            outcomes.extend(await _one_transaction(desk, [delivery]))
        except UnavailableError as exc:
            outcomes.extend([exc] * (len(deliveries) - index))
            break
        except Exception as exc:
            outcomes.append(exc)
    return outcomes


async def _one_transaction(desk: Desk, deliveries: Sequence[Delivery]) -> list[IntakeResult]:
    keys = [delivery.key for delivery in deliveries]
    first: dict[tuple[str, str], int] = {}
    for index, key in enumerate(keys):
        first.setdefault(key, index)
    unique = [deliveries[index] for index in first.values()]
    now = desk.config.clock()
    writes = BatchWrites(block_sizes=dict(Counter(delivery.org_id for delivery in unique)))
    done: dict[int, IntakeResult] = {}
    async with desk.db.transaction() as tx:
        if len(unique) > 1:
            await _prefetch(desk, tx, unique, writes, now)
        stored = await tx.messages.add_inbound_many([intake.inbound_row(
            desk.config.orgs, desk.config.org(d.org_id), d.raw, d.mail, d.classification,
            d.envelope_from, now) for d in unique])
        for index, message in zip(first.values(), stored, strict=True):
            delivery = deliveries[index]
            unit = Unit(desk.config, tx, actor="requester", channel=delivery.channel, now=now,
                        batch=writes)
            done[index] = await intake.receive(
                unit, desk.config.org(delivery.org_id), delivery.raw, delivery.mail,
                delivery.classification, delivery.envelope_from, stored=message)
            await unit.flush()
        await writes.finish(tx)
    return [done[index] if index in done else _copy_of(done[first[key]])
            for index, key in enumerate(keys)]


def _copy_of(result: IntakeResult) -> IntakeResult:
    """What a second copy of a mail gets: what a redelivery after the commit would get."""
    return IntakeResult(outcome="duplicate", message_id=result.message_id,
                        reference=result.reference, state=result.state)


async def _prefetch(desk: Desk, tx: Transaction, deliveries: Sequence[Delivery],
                    writes: BatchWrites, now: datetime) -> None:
    """One query per organisation for the suppression list and one for the daily reply
    counts of every sender in the batch (instead of one each per mail)."""
    senders: dict[str, set[str]] = {}
    for delivery in deliveries:
        sender = intake.sender_of(delivery.mail, delivery.envelope_from)
        if sender is not None and delivery.classification.intents:
            senders.setdefault(delivery.org_id, set()).add(sender)
    kinds = tuple(kind.value for kind in AUTOMATIC)
    for org_id, addresses in senders.items():
        org = desk.config.org(org_id)
        keys: set[str] = set()
        for address in addresses:
            try:
                keys.add(address_key(address, org.plus_addressing))
            except InvalidAddressError:
                continue
        listed = await tx.suppression.contained(org_id, keys)
        writes.suppressed.update({(org_id, key): key in listed for key in keys})
        counts = await tx.outbox.counts_to_addresses_since(org_id, addresses, now - DAY,
                                                           kinds=kinds)
        writes.sent.update({(org_id, address): count for address, count in counts.items()})
