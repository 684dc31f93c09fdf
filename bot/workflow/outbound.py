"""The exact bytes of a mail privacybot sends: RFC 5322, built with email.message.

Everything that comes from a client (their address, their Message-ID) is validated before it
reaches a header, and the subject is stripped of line breaks and encoded by the email package,
so no client text can add a header. Every mail says `Auto-Submitted: auto-replied` (RFC 3834)
and asks Exchange not to auto-answer it, which breaks mail loops from both ends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from pydantic import BaseModel, ConfigDict

from bot.workflow.addresses import clean_address

_MSGID = re.compile(r"^<[^<>\s\"\\]{1,200}@[^<>\s\"\\]{1,200}>$")
MAX_REFERENCES = 10
MAX_SUBJECT = 200


class OutboundMail(BaseModel):
    """Everything needed to build one outbound mail."""

    model_config = ConfigDict(frozen=True)

    from_name: str
    from_address: str
    to: str
    subject: str
    body: str
    message_id: str
    date: datetime
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    unsubscribe_url: str | None = None
    html: str | None = None


def safe_message_id(value: str | None) -> str | None:
    """A client's Message-ID fit for our In-Reply-To/References, or None if it is not one."""
    if not value:
        return None
    text = value.strip()
    if not text.isprintable():  # NUL, controls, line breaks: never copied into a header
        return None
    if not text.startswith("<"):
        text = f"<{text}>"
    return text if _MSGID.match(text) else None


def thread_headers(
    client_message_id: str | None, client_references: Sequence[str] = ()
) -> tuple[str | None, tuple[str, ...]]:
    """(In-Reply-To, References) answering the client's mail; junk ids are dropped."""
    parent = safe_message_id(client_message_id)
    chain = [ref for ref in (safe_message_id(item) for item in client_references) if ref]
    if parent:
        chain.append(parent)
    unique = list(dict.fromkeys(chain))[-MAX_REFERENCES:]
    return parent, tuple(unique)


def clean_subject(subject: str) -> str:
    return " ".join(subject.replace("\r", " ").replace("\n", " ").split())[:MAX_SUBJECT]


def build_message(mail: OutboundMail) -> bytes:
    """The mail as CRLF bytes, ready for SMTP or an .eml file."""
    message = EmailMessage(policy=policy.SMTP)
    sender = clean_address(mail.from_address)
    local, _, domain = sender.rpartition("@")
    message["From"] = Address(display_name=clean_subject(mail.from_name), username=local,
                              domain=domain)
    to_local, _, to_domain = clean_address(mail.to).rpartition("@")
    message["To"] = Address(username=to_local, domain=to_domain)
    message["Subject"] = clean_subject(mail.subject)
    message["Date"] = format_datetime(mail.date)
    message_id = safe_message_id(mail.message_id)
    if message_id is None:
        raise ValueError(f"not a Message-ID: {mail.message_id!r}")
    message["Message-ID"] = message_id
    parent = safe_message_id(mail.in_reply_to)
    if parent:
        message["In-Reply-To"] = parent
    references = [ref for ref in (safe_message_id(item) for item in mail.references) if ref]
    if references:
        message["References"] = " ".join(references)
    message["Auto-Submitted"] = "auto-replied"
    message["X-Auto-Response-Suppress"] = "All"
    message["Precedence"] = "auto_reply"
    if mail.unsubscribe_url and re.match(r"^https?://[^\s<>]+$", mail.unsubscribe_url):
        message["List-Unsubscribe"] = f"<{mail.unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    # Quoted-printable keeps the mail 7-bit clean for relays without 8BITMIME.
    cte = "7bit" if mail.body.isascii() else "quoted-printable"
    message.set_content(mail.body, cte=cte)
    if mail.html:
        message.add_alternative(mail.html, subtype="html", cte="quoted-printable")
    return message.as_bytes()
