"""The register of requests: one row per ticket, as a regulator asks to see it.

`register_row(ticket, history, today)` is pure: every figure of a row comes from the ticket
and its append-only events, so a row can be checked against the audit trail, and it holds
no personal data (no address, no name, no subject, no mail), so it survives retention
(bot/desk/retention.py) unchanged. `history_facts` says what a row reads of the events;
`stream_register` has the database find the same facts for every ticket of a period in one
query (storage/repos/accountability.py) and builds the rows from them batch by batch
(`row_of`), so that 100,000 tickets take seconds, not the reading of every event in Python;
tests/accountability/test_register_query.py holds the two ways to the same rows.

What a row says (docs/accountability.md has the guide):
- `channel`: how the request came: "mail" for the SMTP intake (and a complaint split off a
  mailed request), else what the opening event names (`channel` in its data, e.g. "phone"
  or "triage"), else the channel the team used ("slack", "cli");
- `first_due_date`: the first due date the history gives (when the clock started);
  `due_date`: the one that holds now (after an extension or a pause);
- `closed_at`: when the event that moved the ticket to its final state happened;
- `outcome`: "open", "done", "refused" (with `refusal_ground`), "closed_unverified", or the
  final state's own name for any other ("withdrawn", "merged");
- `checklist_override`: the reason given to close as done with systems of the checklist
  left unticked (bot.workflow.checklist);
- `on_time`: closed no later than the due date (True/False); for an open ticket False once
  the due date has passed, else None; None when no answer was due (closed unverified, no
  clock); `days_late`: calendar days after the due date (so far, for an open ticket).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple, Protocol

from bot.workflow.checklist import OVERRIDDEN as CHECKLIST_OVERRIDDEN
from bot.workflow.replies import ReplyKind
from storage import Database
from storage.repos.accountability import HistoryFacts, accountability

# The outcome a final state is reported as; any other final state is reported by its name.
OUTCOMES = {"done": "done", "rejected": "refused", "closed_unverified": "closed_unverified"}
NO_ANSWER_DUE = frozenset({"closed_unverified", "withdrawn", "merged"})
# Event channels of the SMTP intake and of the worker (a complaint split off a mailed request).
MAIL_CHANNELS = frozenset({"smtp", "http", "worker"})
ROBOTS = frozenset({"privacybot", "requester"})
COMPLAINT_ACK = ReplyKind.COMPLAINT_ACK.value
# Kinds a team member records when they acknowledged a complaint themselves.
MANUAL_ACK_KINDS = frozenset({"complaint_acknowledged"})

FIELDS = (
    "reference", "organisation", "channel", "rights", "received_at", "identity_verified_at",
    "clock_started_at", "first_due_date", "due_date", "extended", "days_paused", "closed_at",
    "outcome", "refusal_ground", "on_time", "days_late", "extension_reason",
    "refusal_reason", "handler", "complaint_acknowledged_at", "opened_at",
    "checklist_override",
)


class Event(Protocol):
    """What a row reads of an event: an EventRecord, or the register's lighter HistoryItem."""

    @property
    def at(self) -> datetime: ...

    @property
    def actor(self) -> str: ...

    @property
    def channel(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def data(self) -> Mapping[str, Any]: ...


class Ticket(Protocol):
    """What a row reads of a ticket: a TicketRecord, or the register's lighter TicketFacts."""

    @property
    def reference(self) -> str: ...
    @property
    def organisation(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def intents(self) -> list[str]: ...
    @property
    def received_at(self) -> datetime: ...
    @property
    def verified_at(self) -> datetime | None: ...
    @property
    def clock_started_at(self) -> datetime | None: ...
    @property
    def due_date(self) -> date | None: ...
    @property
    def extended(self) -> bool: ...
    @property
    def paused_days(self) -> int: ...
    @property
    def extension_reason(self) -> str | None: ...
    @property
    def rejection_reason(self) -> str | None: ...
    @property
    def assigned_to(self) -> str | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def updated_at(self) -> datetime: ...
    @property
    def is_open(self) -> bool: ...


# A named tuple, not a pydantic model nor a frozen dataclass: a register of 100,000 rows
# builds them in a fraction of the time (a frozen dataclass sets each field through
# object.__setattr__), and every value is already typed by the ticket it comes from.
class RegisterRow(NamedTuple):
    """One request as the register shows it (FIELDS, in that order, is the CSV header)."""

    reference: str
    organisation: str
    channel: str
    rights: list[str]
    received_at: datetime
    identity_verified_at: datetime | None
    clock_started_at: datetime | None
    first_due_date: date | None
    due_date: date | None
    extended: bool
    days_paused: int
    closed_at: datetime | None
    outcome: str
    refusal_ground: str | None
    on_time: bool | None
    days_late: int
    extension_reason: str | None
    refusal_reason: str | None
    handler: str | None
    complaint_acknowledged_at: datetime | None
    opened_at: datetime
    checklist_override: str | None

    def as_json(self) -> dict[str, Any]:
        """The row for JSON: times and days in ISO 8601 as `tickets list --json` writes them."""
        return {name: (value.isoformat() if isinstance(value, datetime | date)
                       else list(value) if isinstance(value, list) else value)
                for name, value in zip(FIELDS, self, strict=True)}

    def as_csv(self) -> list[str]:
        """The row's cells: rights joined by ';', booleans as true/false, None empty."""
        cells: list[str] = []
        for value in self:
            if value is None:
                cells.append("")
            elif isinstance(value, bool):
                cells.append("true" if value else "false")
            elif isinstance(value, list):
                cells.append(";".join(value))
            elif isinstance(value, datetime | date):
                cells.append(value.isoformat())
            else:
                cells.append(str(value))
        return cells


CHANNEL_KEYS = ("request_channel", "channel", "via")


def _opening(history: Sequence[Event]) -> Event | None:
    return next((event for event in history if event.kind == "ticket_opened"), None)


def _closing(ticket: Ticket, history: Sequence[Event]) -> Event | None:
    """The last event that moved the ticket into the state it is in."""
    return next((event for event in reversed(history)
                 if event.data.get("state_to") == ticket.state), None)


def _first_due(history: Sequence[Event]) -> str | None:
    for event in history:
        if event.kind == "extended":
            previous = event.data.get("previous_due_date")
            if isinstance(previous, str):
                return previous
        value = event.data.get("due_date")
        if isinstance(value, str) and value:
            return value
    return None


def history_facts(ticket: Ticket, history: Sequence[Event]) -> HistoryFacts:
    """What a row reads of the ticket's events (oldest first), found in Python: the same
    facts the register's query (storage/repos/accountability.py) has the database find."""
    opening, closing = _opening(history), _closing(ticket, history)
    acknowledged = [event.at for event in history
                    if (event.kind == "reply_queued" and event.data.get("reply") == COMPLAINT_ACK)
                    or event.kind in MANUAL_ACK_KINDS]
    overrides = [event for event in history if event.kind == CHECKLIST_OVERRIDDEN]
    return HistoryFacts(
        opened=opening is not None,
        opening_channel=opening.channel if opening else None,
        opening_named=((opening.data.get("request_channel"), opening.data.get("channel"),
                        opening.data.get("via")) if opening else (None, None, None)),
        closing_at=closing.at if closing else None,
        closing_actor=closing.actor if closing else None,
        first_due=_first_due(history),
        acknowledged_at=min(acknowledged) if acknowledged else None,
        complaint_split=any(event.kind == "complaint_split" for event in history),
        overridden=bool(overrides),
        override_reason=overrides[-1].data.get("reason") if overrides else None)


def request_channel(history: Sequence[Event]) -> str:
    """How the request came (see the module's docstring)."""
    opening = _opening(history)
    if opening is None:
        return "unknown"
    return _channel(opening.channel, [opening.data.get(key) for key in CHANNEL_KEYS])


def _channel(channel: str | None, named: Sequence[Any]) -> str:
    for value in named:
        if isinstance(value, str) and value.strip():
            return value.strip().lower()
    return "mail" if channel in MAIL_CHANNELS else str(channel)


def _acknowledged(ticket: Ticket, facts: HistoryFacts,
                  closed_at: datetime | None) -> datetime | None:
    """When a complaint the ticket holds was first acknowledged (the acknowledgement queued,
    or recorded by the team, or the ticket answered); None for a ticket without one."""
    if "complaint" not in ticket.intents and not facts.complaint_split:
        return None
    times = [facts.acknowledged_at] if facts.acknowledged_at is not None else []
    if closed_at is not None and ticket.state in ("done", "rejected"):
        times.append(closed_at)
    return min(times) if times else None


def register_row(ticket: Ticket, history: Sequence[Event], today: date
                 ) -> RegisterRow:
    """The ticket's register row; `history` its events oldest first, `today` for open ones."""
    return row_of(ticket, history_facts(ticket, history), today)


def row_of(ticket: Ticket, facts: HistoryFacts, today: date) -> RegisterRow:
    """The ticket's register row from the facts of its history."""
    closing_at = None if ticket.is_open else facts.closing_at
    closed_at = None if ticket.is_open else (closing_at or ticket.updated_at)
    outcome = "open" if ticket.is_open else OUTCOMES.get(ticket.state, ticket.state)
    on_time: bool | None = None
    days_late = 0
    due = ticket.due_date
    if due is not None and outcome not in NO_ANSWER_DUE:
        if closed_at is not None:
            days_late = max(0, (closed_at.date() - due).days)
            on_time = days_late == 0
        elif today > due:
            days_late, on_time = (today - due).days, False
    ground, reason = None, None
    if outcome == "refused" and ticket.rejection_reason:
        ground, _, reason = ticket.rejection_reason.partition(": ")
        if not reason:
            ground, reason = None, ticket.rejection_reason
    handler = ticket.assigned_to
    if handler is None and closing_at is not None and facts.closing_actor not in ROBOTS:
        handler = facts.closing_actor
    return RegisterRow(
        reference=ticket.reference, organisation=ticket.organisation,
        channel=(_channel(facts.opening_channel, facts.opening_named) if facts.opened
                 else "unknown"),
        rights=list(ticket.intents),
        received_at=ticket.received_at, identity_verified_at=ticket.verified_at,
        clock_started_at=ticket.clock_started_at,
        first_due_date=(date.fromisoformat(facts.first_due) if facts.first_due is not None
                        else ticket.due_date),
        due_date=due, extended=ticket.extended, days_paused=ticket.paused_days,
        closed_at=closed_at, outcome=outcome, refusal_ground=ground, on_time=on_time,
        days_late=days_late, extension_reason=ticket.extension_reason, refusal_reason=reason,
        handler=handler, complaint_acknowledged_at=_acknowledged(ticket, facts, closed_at),
        opened_at=ticket.created_at,
        checklist_override=str(facts.override_reason or "") if facts.overridden else None)


def day_start(day: date) -> datetime:
    """Midnight UTC at the start of the day: periods are [start, end) in UTC."""
    return datetime.combine(day, time(), tzinfo=UTC)


async def stream_register(db: Database, *, organisation: str | None = None,
                          received_from: date | None = None, received_to: date | None = None,
                          today: date) -> AsyncIterator[list[RegisterRow]]:
    """The rows of the tickets received from `received_from` to `received_to` (both days
    included, UTC), oldest received first, batch by batch as the database gives them."""
    since = day_start(received_from) if received_from else None
    before = day_start(received_to + timedelta(days=1)) if received_to else None
    async with db.transaction(readonly=True) as tx:
        async for batch in accountability(tx).register(
                organisation=organisation, received_from=since, received_before=before,
                replies=[COMPLAINT_ACK], acknowledging_kinds=sorted(MANUAL_ACK_KINDS),
                split_kind="complaint_split", override_kind=CHECKLIST_OVERRIDDEN):
            yield [row_of(ticket, facts, today) for ticket, facts in batch]


async def read_register(db: Database, *, organisation: str | None = None,
                        received_from: date | None = None, received_to: date | None = None,
                        today: date) -> list[RegisterRow]:
    """The rows of `stream_register`, all at once."""
    return [row async for batch in stream_register(
        db, organisation=organisation, received_from=received_from, received_to=received_to,
        today=today) for row in batch]
