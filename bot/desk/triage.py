"""Triage: a person's mail that opened no ticket waits for a team member to decide.

Whatever the classifier misses must still reach a person. A stored mail **awaits triage**
when a person wrote it (not an auto-reply, bounce, list or bulk mail, nor our own mail coming
back: the intake's `auto_reply` flag), it came with a usable sender address, it neither opened
nor joined a ticket, and nobody has decided on it yet (`awaiting_triage`, pure; storage's
`tx.triage.awaiting` is the same rule as a query).

The team decides once per mail:
- **open** it as one or several rights: the ticket is made exactly as intake would have made
  it (verification, acknowledgements, opt-out), with its clock counting from the day the mail
  arrived, not the day of triage; the ticket's events say who opened it and what the
  classifier had said;
- **dismiss** it ("not a request"), with an optional reason.
Each decision is stored with the classifier's verdict (intents, every score, evidence), so
the team's decisions can measure the classifier (`corrections`). `reclassify` runs today's
classifier over what still waits and leaves a suggestion for the team; it opens nothing.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from pydantic import Field

from bot.desk import intake
from bot.desk.core import Unit
from bot.desk.desk import Desk
from bot.desk.results import ActionResult, Page, Result
from bot.errors import WorkflowError
from intents import classify, read_message
from intents.classifier import THRESHOLD
from intents.models import RIGHTS_INTENTS, Classification, InboundMail
from storage import (
    ConflictError,
    MessageRecord,
    NotFoundError,
    Transaction,
    TriageDecisionRecord,
    TriageSuggestionRecord,
)

OPENED, DISMISSED, SUGGESTED = "triage_opened", "triage_dismissed", "triage_suggested"
# The intake's own event for a person's mail without a rights intent: a new triage card.
ARRIVED = "mail_without_intent"
TRIAGE_EVENTS = frozenset({ARRIVED, OPENED, DISMISSED, SUGGESTED})
MAX_REASON = 1000
_NUMBER = re.compile(r"^\s*#?(\d{1,12})\s*$")


class TriageError(WorkflowError):
    """The triage action cannot be done as asked (unknown or already decided mail, ...)."""


# -- pure rules -------------------------------------------------------------------------------


def awaiting_triage(message: MessageRecord, decided: bool) -> bool:
    """Whether this stored mail waits for a person to decide on it."""
    return (message.direction == "in" and message.ticket_id is None
            and not message.auto_reply and bool(message.from_address) and not decided)


def parse_message(value: str | int) -> int:
    """The mail's number as `triage list` shows it, or TriageError."""
    if isinstance(value, int):
        return value
    found = _NUMBER.match(value)
    if found is None:
        raise TriageError(f"not a mail number: {value!r} (the numbers are in `triage list`)")
    return int(found.group(1))


def parse_intents(value: str | Iterable[str]) -> list[str]:
    """The rights chosen ("access,erasure" or a list), in canonical order; TriageError when
    empty or naming something that is not a right."""
    parts = value.split(",") if isinstance(value, str) else list(value)
    names = [part.strip().lower().replace("-", "_") for part in parts if part.strip()]
    if not names:
        raise TriageError(f"no right given; choose from {', '.join(RIGHTS_INTENTS)}")
    unknown = [name for name in names if name not in RIGHTS_INTENTS]
    if unknown:
        raise TriageError(f"unknown right {unknown[0]!r}; choose from "
                          f"{', '.join(RIGHTS_INTENTS)}")
    return [intent for intent in RIGHTS_INTENTS if intent in names]


def best_guess(intents: Iterable[str], scores: dict[str, float],
               threshold: float = THRESHOLD) -> list[str]:
    """The rights to preselect: those the classifier holds, else its single best score
    under the threshold (the closest call), else none."""
    held = set(intents)
    chosen = [name for name in RIGHTS_INTENTS
              if name in held or scores.get(name, 0.0) >= threshold]
    if chosen:
        return chosen
    scored = [(scores.get(name, 0.0), -index, name) for index, name in enumerate(RIGHTS_INTENTS)]
    top = max(scored, default=(0.0, 0, ""))
    return [top[2]] if top[0] > 0.0 else []


def verdict_of(classification: Classification) -> dict[str, Any]:
    """The classifier's verdict as JSON: every score (under the threshold too) and evidence."""
    return {
        "intents": list(classification.intents),
        "extras": list(classification.extras),
        "scores": dict(classification.scores),
        "evidence": [{"intent": e.intent, "text": e.text[:300]}
                     for e in classification.evidence],
        "language": classification.language,
        "threshold": THRESHOLD,
    }


# -- what the channels get --------------------------------------------------------------------


class TriageItem(Result):
    """One mail awaiting triage, with what to preselect."""

    message: MessageRecord
    suggested: list[str] = Field(default_factory=list)
    # A newer classifier's reading (`mail reclassify`), for the team to confirm.
    reclassified: list[str] = Field(default_factory=list)


class TriageDetail(Result):
    """Everything a triage card shows: the mail, the classifier's verdict, the decision."""

    message: MessageRecord
    sender_name: str = ""
    text: str = ""
    verdict: dict[str, Any] = Field(default_factory=dict)
    suggested: list[str] = Field(default_factory=list)
    reclassified: list[str] = Field(default_factory=list)
    decision: TriageDecisionRecord | None = None
    reference: str | None = None  # the ticket the mail opened or joined

    @property
    def awaiting(self) -> bool:
        return awaiting_triage(self.message, self.decision is not None)


class Backlog(Result):
    """How many mails await triage, and the oldest of them."""

    organisation: str | None
    count: int
    oldest: MessageRecord | None = None


class Reclassified(Result):
    """A mail awaiting triage that today's classifier reads as a request."""

    message: MessageRecord
    intents: list[str]
    scores: dict[str, float]


def _suggestion(found: TriageSuggestionRecord | None) -> list[str]:
    return list(found.intents) if found else []


def understand(raw: bytes) -> tuple[InboundMail, Classification]:
    mail = read_message(raw)
    return mail, classify(mail)


class Triage:
    """The triage use cases over a Desk's database and configuration."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self.db = desk.db
        self.config = desk.config

    @asynccontextmanager
    async def _unit(self, actor: str, channel: str) -> AsyncIterator[Unit]:
        async with self.db.transaction() as tx:
            unit = Unit(self.config, tx, actor=actor, channel=channel, now=self.config.clock())
            yield unit
            await unit.flush()

    # -- reading --------------------------------------------------------------------------

    async def page(self, org_id: str | None = None, *, limit: int | None = 100,
                   offset: int = 0) -> Page[TriageItem]:
        """Mail awaiting triage, oldest first, a page at a time, with how many in all."""
        if org_id is not None:
            self.config.org(org_id)
        async with self.db.transaction(readonly=True) as tx:
            messages = await tx.triage.awaiting(organisation=org_id, limit=limit, offset=offset)
            total = await tx.triage.count_awaiting(organisation=org_id)
            hints = await tx.triage.suggestions([m.id for m in messages])
        items = [TriageItem(message=m, suggested=_suggested(m, hints.get(m.id)),
                            reclassified=_suggestion(hints.get(m.id))) for m in messages]
        return Page(items=items, total=total, offset=offset)

    async def backlog(self, org_id: str | None = None) -> Backlog:
        """How many await triage (for one organisation, or all) and the oldest."""
        async with self.db.transaction(readonly=True) as tx:
            count = await tx.triage.count_awaiting(organisation=org_id)
            oldest = await tx.triage.awaiting(organisation=org_id, limit=1)
        return Backlog(organisation=org_id, count=count, oldest=oldest[0] if oldest else None)

    async def detail(self, message: str | int) -> TriageDetail:
        """One mail as its triage card shows it (read again, classified again for evidence)."""
        pk = parse_message(message)
        async with self.db.transaction(readonly=True) as tx:
            record = await _message(tx, pk)
            raw = await tx.messages.get_raw(pk)
            decision = await tx.triage.decision_for(pk)
            hint = (await tx.triage.suggestions([pk])).get(pk)
            ticket_id = record.ticket_id or (decision.ticket_id if decision else None)
            ticket = await tx.tickets.get(ticket_id) if ticket_id else None
        mail, classification = understand(raw)
        return TriageDetail(
            message=record, sender_name=mail.from_name, text=mail.text,
            verdict=decision.verdict if decision else verdict_of(classification),
            suggested=_suggested(record, hint), reclassified=_suggestion(hint),
            decision=decision, reference=ticket.reference if ticket else None)

    # -- deciding -------------------------------------------------------------------------

    async def open(self, message: str | int, intents: str | Iterable[str], by: str,
                   channel: str) -> ActionResult:
        """Open a ticket from a mail awaiting triage, as intake would have opened it, its
        clock counting from the mail's arrival."""
        actor = _actor(by)
        chosen = parse_intents(intents)
        pk = parse_message(message)
        try:
            async with self._unit(actor, channel) as unit:
                record = await _awaiting(unit.tx, pk)
                org = self.config.org(record.organisation)
                mail, classification = understand(await unit.tx.messages.get_raw(pk))
                verdict = verdict_of(classification)
                ticket, _ = await intake._open(
                    unit, org, record, mail, classification.model_copy(
                        update={"intents": chosen}), record.from_address, None,
                    received_at=record.received_at)
                await unit.tx.triage.decide(
                    message_pk=pk, organisation=org.id, decision="opened", intents=chosen,
                    decided_by=actor, verdict=verdict, ticket_id=ticket.id, at=unit.now)
                unit.event(OPENED, ticket, message=pk, message_id=record.message_id,
                           by=actor, intents=chosen, verdict=verdict,
                           received_at=record.received_at.isoformat())
                return ActionResult(
                    reference=ticket.reference, state=ticket.state, due_date=ticket.due_date,
                    verified=ticket.verified_at is not None, replies=list(unit.replies),
                    withheld=list(unit.withheld), message="; ".join(unit.warnings))
        except ConflictError:  # another team member decided in the meantime
            raise TriageError(f"mail {pk} was triaged by someone else just now") from None

    async def dismiss(self, message: str | int, by: str, channel: str,
                      reason: str | None = None) -> TriageDecisionRecord:
        """"Not a request": the mail leaves the queue; nothing is sent to anyone."""
        actor = _actor(by)
        pk = parse_message(message)
        why = (reason or "").strip()[:MAX_REASON] or None
        try:
            async with self._unit(actor, channel) as unit:
                record = await _awaiting(unit.tx, pk)
                _, classification = understand(await unit.tx.messages.get_raw(pk))
                decision = await unit.tx.triage.decide(
                    message_pk=pk, organisation=record.organisation, decision="dismissed",
                    intents=[], decided_by=actor, reason=why,
                    verdict=verdict_of(classification), at=unit.now)
                unit.event(DISMISSED, None, record.organisation, message=pk,
                           message_id=record.message_id, by=actor, reason=why)
                return decision
        except ConflictError:
            raise TriageError(f"mail {pk} was triaged by someone else just now") from None

    async def reclassify(self, *, since: datetime | None = None, dry_run: bool = False,
                         actor: str = "privacybot", channel: str = "cli",
                         ) -> list[Reclassified]:
        """Run today's classifier over the mail awaiting triage (received since `since`);
        the ones it now reads as requests get a suggestion and an event for the team to
        confirm. Opens nothing, sends nothing."""
        found: list[Reclassified] = []
        async with self.db.transaction(readonly=True) as tx:
            waiting = [m for m in await tx.triage.awaiting(limit=None)
                       if since is None or m.received_at >= since]
            hints = await tx.triage.suggestions([m.id for m in waiting])
        for record in waiting:
            async with self.db.transaction(readonly=True) as tx:
                raw = await tx.messages.get_raw(record.id)
            _, classification = understand(raw)
            intents = [name for name in classification.intents if name in RIGHTS_INTENTS]
            if not intents:
                continue
            found.append(Reclassified(message=record, intents=intents,
                                      scores=dict(classification.scores)))
            earlier = hints.get(record.id)
            if dry_run or (earlier is not None and earlier.intents == intents):
                continue  # nothing new to tell the team
            async with self._unit(actor, channel) as unit:
                await unit.tx.triage.suggest(message_pk=record.id, intents=intents,
                                             scores=dict(classification.scores), at=unit.now)
                unit.event(SUGGESTED, None, record.organisation, message=record.id,
                           message_id=record.message_id, intents=intents,
                           scores=dict(classification.scores))
        return found


def _suggested(message: MessageRecord, hint: TriageSuggestionRecord | None) -> list[str]:
    if hint is not None and hint.intents:
        return [name for name in RIGHTS_INTENTS if name in hint.intents]
    return best_guess(message.intents, message.scores)


def _actor(by: str) -> str:
    actor = (by or "").strip()
    if not actor:
        raise TriageError("who is deciding must be given (--by)")
    return actor[:200]


async def _message(tx: Transaction, pk: int) -> MessageRecord:
    try:
        return await tx.messages.get(pk)
    except NotFoundError:
        raise TriageError(f"no stored mail {pk}") from None


async def _awaiting(tx: Transaction, pk: int) -> MessageRecord:
    """The mail, if it awaits triage; else TriageError saying why not."""
    record = await _message(tx, pk)
    decision = await tx.triage.decision_for(pk)
    if awaiting_triage(record, decision is not None):
        return record
    if decision is not None:
        return _refuse(pk, f"was already triaged: {decision.decision} by {decision.decided_by} "
                           f"on {decision.decided_at:%Y-%m-%d}")
    if record.direction != "in":
        return _refuse(pk, "is one we sent, not a client's")
    if record.ticket_id is not None:
        ticket = await tx.tickets.get(record.ticket_id)
        return _refuse(pk, f"already belongs to ticket {ticket.reference}")
    if record.auto_reply:
        return _refuse(pk, "is automatic (an auto-reply, bounce, list mail or our own): "
                           "it awaits no triage")
    return _refuse(pk, "has no usable sender address, so no ticket can answer it")


def _refuse(pk: int, why: str) -> MessageRecord:
    raise TriageError(f"mail {pk} {why}")
