"""Fixtures for the triage suite: a Desk and its Triage on a fresh real database (SQLite, and
PostgreSQL when configured), a settable clock, and a client's mail delivered through the real
reader and classifier."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid

import pytest

from bot.desk import Desk, IntakeResult
from bot.desk.triage import Triage, understand
from bot.organisations import Organisations
from storage import Database
from tests.desk.conftest import PUBLIC_URL, ROUTE, SECRET, Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(db: Database, orgs: Organisations, clock: Clock) -> Desk:
    return Desk(db, orgs, secret=SECRET, public_url=PUBLIC_URL,
                complaint_routes={"aimigos": ROUTE}, clock=clock)


@pytest.fixture
def triage(desk: Desk) -> Triage:
    return Triage(desk)


def client_mail(text: str, *, subject: str = "Hello", sender: str = "Ann Client <ann@example.org>",
                to: str = "hello@aimigos.studio", **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="example.org")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(text)
    return bytes(message)


async def deliver(desk: Desk, raw: bytes, org: str = "aimigos",
                  envelope_from: str | None = "ann@example.org") -> IntakeResult:
    """The mail as the intake receives it: read and classified for real."""
    mail, classification = understand(raw)
    return await desk.receive_mail(org, raw, mail, classification, envelope_from=envelope_from)
