"""How `privacybot tickets list|show` put a ticket in front of a person: pure formatting.

Everything that came from a client (addresses, subjects, mail text, event details) passes
through bot/cli/terminal's `clean` or `clean_block` here, so a mail cannot drive the team's
terminal. Times are shown to the minute (UTC); the JSON output keeps the full values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from bot.cli.terminal import clean, clean_block
from bot.desk.correspondence import Letter
from storage import EventRecord, TicketRecord

# Event data that only the machines need (they stay in --json).
_TECHNICAL = frozenset({"outbox_id", "message_id", "state_from", "state_to"})
_ISO_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
LONGEST_VALUE = 100
# A mail's text beyond this is cut in the text view (--json has it all).
LONGEST_TEXT = 8000

LIST_HEADER = (f"{'REFERENCE':<15} {'ORG':<10} {'STATE':<22} {'DUE':<24} {'INTENTS':<22} "
               f"{'VERIFIED':<8} REQUESTER")


def minute(at: datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M}"


def due_text(ticket: TicketRecord) -> str:
    """What stands in the due column: a date only while a clock runs towards it."""
    if not ticket.is_open:
        return "-"
    if ticket.state == "awaiting_identity":
        return "awaiting identity"
    if ticket.state == "awaiting_clarification" and ticket.paused_since is not None:
        return f"paused since {ticket.paused_since:%Y-%m-%d}"
    if ticket.state == "awaiting_fee":
        return "awaiting fee"
    return ticket.due_date.isoformat() if ticket.due_date else "-"


def due_detail(ticket: TicketRecord) -> str:
    """The due line of `tickets show`: the date, or why there is none running."""
    if ticket.state == "awaiting_identity":
        return "awaiting identity (the month starts when it is confirmed)"
    if ticket.state == "awaiting_clarification" and ticket.paused_since is not None:
        return (f"paused since {minute(ticket.paused_since)} (clarification asked; the due "
                "date moves on by the days paused)")
    if ticket.state == "awaiting_fee":
        return "awaiting fee (the month starts when it is paid)"
    return ticket.due_date.isoformat() if ticket.due_date else ""


def list_row(ticket: TicketRecord, notes: Iterable[str], *,
             complaint_due: str | None = None) -> str:
    """One line of `tickets list`; a complaint's own acknowledgement date where it differs
    from the ticket's, then what waits for the team ("! ...")."""
    verified = "yes" if ticket.verified_at else "no"
    due = ticket.due_date.isoformat() if ticket.due_date else None
    mark = f" complaint due {complaint_due}" if complaint_due and complaint_due != due else ""
    mark += "".join(f" ! {clean(note)}" for note in notes)
    return (f"{ticket.reference:<15} {clean(ticket.organisation):<10} {ticket.state:<22} "
            f"{due_text(ticket):<24} {','.join(ticket.intents):<22} {verified:<8} "
            f"{clean(ticket.requester_address)}{mark}").rstrip()


def event_line(event: EventRecord) -> str:
    """ "2026-11-24 10:00  alice (cli)  extended: in_progress -> extended; reason: ..." """
    what = event.kind.replace("_", " ")
    details = []
    moved = event.data.get("state_from"), event.data.get("state_to")
    if moved[1] and moved[0] != moved[1]:
        details.append(f"{moved[0]} -> {moved[1]}" if moved[0] else f"now {moved[1]}")
    for key, value in event.data.items():
        shown = _value(value)
        if key not in _TECHNICAL and shown:
            details.append(f"{key.replace('_', ' ')}: {shown}")
    line = f"{minute(event.at)}  {clean(event.actor)} ({clean(event.channel)})  {what}"
    return f"{line}: {'; '.join(details)}" if details else line


def _value(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(filter(None, (_value(item) for item in value)))
    if isinstance(value, dict):
        return ", ".join(f"{key}={_value(item)}" for key, item in value.items())
    text = clean(value)
    found = _ISO_TIME.match(text)
    if found:
        return f"{found.group(1)} {found.group(2)}"
    text = " ".join(text.split())
    return text if len(text) <= LONGEST_VALUE else text[:LONGEST_VALUE - 1] + "…"


def letter_lines(letter: Letter) -> list[str]:
    """A mail for reading: who, when, subject, then its text indented."""
    if letter.direction == "in":
        head = f"from {clean(letter.from_address) or '(unknown sender)'}"
    else:
        head = f"to {clean(letter.to_address)}"
        head += f" ({', '.join(filter(None, [letter.kind, letter.status]))})"
    lines = [f"  --- {minute(letter.at)} {head}",
             f"  subject: {clean(letter.subject) or '(no subject)'}"]
    text = clean_block(letter.text[:LONGEST_TEXT]).strip("\n")
    if len(letter.text) > LONGEST_TEXT:
        text += (f"\n[{len(letter.text) - LONGEST_TEXT} more characters: "
                 "tickets show --json has the whole text]")
    lines += [f"    {line}".rstrip() for line in (text or "(no text)").splitlines()]
    if letter.quoted.strip():
        count = len(letter.quoted.strip().splitlines())
        lines.append(f"    [{count} quoted line{'s' if count != 1 else ''} not shown: "
                     "--json has them]")
    return lines


def letter_json(letter: Letter) -> dict[str, Any]:
    """A mail in `tickets show --json`'s "messages"."""
    return {"from": letter.from_address, "to": letter.to_address, "subject": letter.subject,
            "received_at": letter.at.isoformat(), "direction": letter.direction,
            "text": letter.text, "quoted": letter.quoted, "message_id": letter.message_id,
            "kind": letter.kind, "status": letter.status}
