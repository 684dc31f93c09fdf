"""What the mails of one intake batch share inside their transaction: caches and late writes.

Group commit puts many received mails into one transaction. Each mail still runs the same
use case (`intake.receive`) on its own `Unit`; what this object adds is that the statements
that do not need an answer back are collected and written once for the whole batch, with
one statement each (events, outbox mail, verification challenges, message-to-ticket links),
and that
the questions every mail asks (is the sender suppressed, how many automatic replies did
they get today) are answered for the whole batch with one query each.

Reference numbers come in blocks: the first new ticket of an organisation in the batch takes
as many numbers as the batch has mails for it (one counter update), later tickets take the
next one, and `finish` gives the unused top of the block back, so numbers stay gapless.

Nothing here changes what a mail does: a mail that joins an existing ticket first writes
everything pending (`write`), so the code it runs reads exactly what sequential intake would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storage import Transaction
from storage.repos.events import append_many


@dataclass
class _Block:
    """Reference numbers taken for one (organisation, year): next..last are still free."""

    next: int
    last: int


@dataclass
class BatchWrites:
    """Shared state of the units of one intake batch (see the module docstring)."""

    # How many numbers a block takes per organisation: the batch's mails for it.
    block_sizes: dict[str, int] = field(default_factory=dict)
    # (org_id, normalised address) -> suppressed; filled by one query per organisation.
    suppressed: dict[tuple[str, str], bool] = field(default_factory=dict)
    # (org_id, lower-cased address) -> automatic replies in the last day (Unit._sent).
    sent: dict[tuple[str, str], int] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    challenges: list[dict[str, Any]] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)
    # Outbox rows, each with the data of its reply_queued event (to receive the row's id).
    mails: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    _blocks: dict[tuple[str, int], _Block] = field(default_factory=dict)

    async def next_number(self, tx: Transaction, org_id: str, year: int) -> int:
        """The next reference number, from the batch's block (taken on first use)."""
        block = self._blocks.get((org_id, year))
        if block is None or block.next > block.last:
            size = max(1, self.block_sizes.get(org_id, 1))
            last = await tx.references.next_number(org_id, year, count=size)
            block = self._blocks[(org_id, year)] = _Block(next=last - size + 1, last=last)
        number = block.next
        block.next += 1
        return number

    async def write(self, tx: Transaction) -> None:
        """Write what is pending, in dependency order (events last: on PostgreSQL they take
        the event-order lock, which should be held only until the commit)."""
        links, self.links = self.links, []
        challenges, self.challenges = self.challenges, []
        mails, self.mails = self.mails, []
        ids = await tx.outbox.enqueue_many([mail for mail, _ in mails])
        for (_, event_data), outbox_id in zip(mails, ids, strict=True):
            event_data["outbox_id"] = outbox_id
        events, self.events = self.events, []
        await tx.messages.set_tickets(links)
        await tx.verifications.create_many(challenges)
        await append_many(tx.events, events)

    async def finish(self, tx: Transaction) -> None:
        """End of the batch: return unused reference numbers, then write what is pending."""
        for (org_id, year), block in self._blocks.items():
            unused = block.last - block.next + 1
            if unused > 0:
                await tx.references.give_back(org_id, year, unused, block.last)
                block.last = block.next - 1
        await self.write(tx)
