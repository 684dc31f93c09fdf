"""The team's corrections as labelled mail: what a team's own decisions say the classifier
should have read, in the JSON-lines shape the mail evaluation uses.

Each line is one mail: `{"id", "mailbox", "from", "subject", "body", "labels", "lang",
"note"}` plus where the labels came from (`source`, `decided_at`, `decided_by`) and what the
classifier had said (`classifier`). Two sources:
- a triage decision: opened as some rights (those are the labels), or dismissed (no labels);
- a change of a ticket's intents (`intents_changed` events with `before` and `after`): the
  labels are `after`, the mail is the one that opened the ticket. A ticket that came another
  way (phone, letter) has no mail and gives no line.
The body is the mail's own text as the reader gives it, so scoring the export runs the
classifier on what it read at intake.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from intents import read_message
from intents.models import RIGHTS_INTENTS
from storage import Database, EventRecord, MessageRecord, Transaction

CHANGED = "intents_changed"
_PAGE = 1000


def _labels(value: object) -> list[str]:
    names = value if isinstance(value, list) else []
    return [name for name in names if isinstance(name, str)]


def _line(message: MessageRecord, raw: bytes, **extra: Any) -> dict[str, Any]:
    mail = read_message(raw)
    return {"id": "", "mailbox": message.organisation, "from": message.from_address,
            "subject": message.subject or mail.subject, "body": mail.text,
            "labels": [], "lang": message.language or mail.language, **extra}


async def corrections(db: Database, *, since: datetime | None = None
                      ) -> AsyncIterator[dict[str, Any]]:
    """Every correction since `since` (all when None), oldest first, one dict per mail."""
    async with db.transaction(readonly=True) as tx:
        for decision in await tx.triage.decisions(since=since):
            message = await tx.messages.get(decision.message_pk)
            raw = await tx.messages.get_raw(message.id)
            note = f"triage: {decision.decision} by {decision.decided_by}"
            if decision.reason:
                note += f": {decision.reason}"
            yield _line(message, raw, id=f"triage-{decision.id}",
                        labels=list(decision.intents), note=note, source="triage",
                        decision=decision.decision, decided_by=decision.decided_by,
                        decided_at=decision.decided_at.isoformat(),
                        classifier=_labels(decision.verdict.get("intents")))
        async for event in _changes(tx, since):
            if event.ticket_id is None:
                continue
            inbound = [m for m in await tx.messages.for_ticket(event.ticket_id)
                       if m.direction == "in"]
            if not inbound:
                continue
            after = _labels(event.data.get("after", event.data.get("intents")))
            before = _labels(event.data.get("before"))
            reason = event.data.get("reason")
            note = f"intents changed by {event.actor}" + (f": {reason}" if reason else "")
            yield _line(inbound[0], await tx.messages.get_raw(inbound[0].id),
                        id=f"change-{event.id}",
                        labels=[name for name in RIGHTS_INTENTS if name in after] or after,
                        note=note, source="intents_changed", decided_by=event.actor,
                        decided_at=event.at.isoformat(), classifier=inbound[0].intents,
                        before=before)


async def _changes(tx: Transaction, since: datetime | None) -> AsyncIterator[EventRecord]:
    last = 0
    while True:
        events = await tx.events.after(last, limit=_PAGE)
        if not events:
            return
        for event in events:
            if event.kind == CHANGED and (since is None or event.at >= since):
                yield event
        last = events[-1].id
