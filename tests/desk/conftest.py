"""A Desk on a fresh real database (SQLite, and PostgreSQL when configured), a settable clock,
and helpers to write mail the way a client would and read what the desk queued."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from bot.desk import Desk, IntakeResult
from bot.organisations import Organisations
from intents.models import Classification, InboundMail
from storage import Database, OutboxRecord

SECRET = b"test-secret-key-0123456789abcdef"
PUBLIC_URL = "http://desk.test"
ROUTE = "Complaints: write to our Data Protection Officer at dpo@aimigos.studio."


@dataclass
class Clock:
    now: datetime = field(default_factory=lambda: datetime(2026, 11, 24, 10, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(db: Database, orgs: Organisations, clock: Clock) -> Desk:
    return Desk(db, orgs, secret=SECRET, public_url=PUBLIC_URL,
                complaint_routes={"aimigos": ROUTE}, clock=clock)


_counter = iter(range(1, 10**6))


def mail(
    *,
    sender: str = "Bob Client <bob@example.com>",
    subject: str = "Request",
    text: str = "Hello",
    intents: list[str] | None = None,
    message_id: str | None = "auto",
    in_reply_to: str | None = None,
    references: list[str] | None = None,
    language: str = "en",
    auto_reply: bool = False,
) -> tuple[bytes, InboundMail, Classification]:
    """A client's mail as raw bytes plus the values the intents package would give."""
    if message_id == "auto":
        message_id = f"<client-{next(_counter)}@example.com>"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "hello@aimigos.studio"
    message["Subject"] = subject
    if message_id:
        message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    message.set_content(text)
    address = re.search(r"[^<\s]+@[^>\s]+", sender)
    inbound = InboundMail(
        message_id=message_id, in_reply_to=in_reply_to, references=references or [],
        subject=subject, from_address=address.group(0) if address else None,
        from_name=sender.split("<")[0].strip(), to_addresses=["hello@aimigos.studio"],
        language=language, text=text, auto_reply=auto_reply)
    return bytes(message), inbound, Classification(intents=intents or [], language=language)


async def receive(desk: Desk, **kwargs: object) -> IntakeResult:
    raw, inbound, classification = mail(**kwargs)  # type: ignore[arg-type]
    return await desk.receive_mail("aimigos", raw, inbound, classification,
                                   envelope_from=inbound.from_address)


def parse(record: OutboxRecord) -> EmailMessage:
    message = message_from_bytes(record.raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def body(record: OutboxRecord) -> str:
    part = parse(record).get_body()
    assert part is not None
    return str(part.get_content())


def code_in(record: OutboxRecord) -> str:
    found = re.search(r"code (\d{6})", body(record))
    assert found is not None
    return found.group(1)


def link_token_in(record: OutboxRecord) -> str:
    found = re.search(r"/verify/(\S+)", body(record))
    assert found is not None
    return found.group(1)


async def outbox(desk: Desk, reference: str) -> list[OutboxRecord]:
    return (await desk.get_ticket(reference)).outbox
