"""A ticket's mail as the team reads it: the request, the requester's replies and ours.

Each stored mail is read again from its raw bytes with the same reader intake uses, so the
text is the clean text the classifier saw (HTML turned into text, the requester's own words
apart from what they quoted). Our own mail comes from the outbox; the code and link of a
verification mail read "[redacted]" here as they do once delivered, since they are secrets of
the requester's. The text is given as it was written: making it safe for a terminal or a Slack
message is the channel's job.
"""

from __future__ import annotations

from datetime import datetime

from bot.desk.results import Result
from bot.workflow.redaction import CARRIES_SECRETS, redact_text
from intents import read_message
from storage import TicketRecord, Transaction
from storage.records import Direction


class Letter(Result):
    """One mail of a ticket, either way."""

    direction: Direction
    from_address: str
    to_address: str
    subject: str
    at: datetime
    text: str
    quoted: str = ""
    message_id: str
    kind: str | None = None  # our reply's kind (acknowledgement, ...); None for the client's
    status: str | None = None  # our reply's delivery: pending, sending, sent, failed


async def letters(tx: Transaction, ticket: TicketRecord) -> list[Letter]:
    """The ticket's mail, oldest first."""
    found: list[Letter] = []
    sent = {record.message_id: record for record in await tx.outbox.for_ticket(ticket.id)}
    for message in await tx.messages.for_ticket(ticket.id):
        if message.message_id in sent:
            continue  # ours, shown from the outbox with its kind and delivery
        mail = read_message(await tx.messages.get_raw(message.id))
        found.append(Letter(
            direction=message.direction, from_address=message.from_address,
            to_address=message.to_address, subject=message.subject or mail.subject,
            at=message.received_at, text=mail.text, quoted=mail.quoted,
            message_id=message.message_id))
    for record in sent.values():
        mail = read_message(record.raw)
        text = redact_text(mail.text) if record.kind in CARRIES_SECRETS else mail.text
        found.append(Letter(
            direction="out", from_address=mail.from_address or "", to_address=record.to_address,
            subject=mail.subject, at=record.sent_at or record.created_at, text=text,
            message_id=record.message_id, kind=record.kind, status=record.status))
    return sorted(found, key=lambda letter: letter.at)
