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
from email.charset import QP, Charset
from email.header import Header
from email.message import Message
from email.utils import format_datetime, formataddr

from pydantic import BaseModel, ConfigDict

from bot.workflow.addresses import clean_address

_MSGID = re.compile(r"^<[^<>\s\"\\]{1,200}@[^<>\s\"\\]{1,200}>$")
MAX_REFERENCES = 10
MAX_SUBJECT = 200
_WIRE = policy.compat32.clone(linesep="\r\n")


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
    """One line of printable text: line breaks and other controls become spaces."""
    printable = "".join(char if char.isprintable() else " " for char in subject)
    return " ".join(printable.split())[:MAX_SUBJECT]


def _header_text(value: str) -> str | Header:
    """ASCII as is; otherwise only the non-ASCII words become RFC 2047 encoded words, so the
    ticket reference stays readable in the raw header."""
    if value.isascii():
        return value
    groups: list[tuple[bool, list[str]]] = []
    for word in value.split(" "):
        ascii_word = word.isascii()
        if groups and groups[-1][0] == ascii_word:
            groups[-1][1].append(word)
        else:
            groups.append((ascii_word, [word]))
    header = Header()
    last = len(groups) - 1
    for index, (ascii_group, words) in enumerate(groups):
        text = " ".join(words)
        if ascii_group:  # the spaces between groups travel in the plain parts
            text = (" " if index > 0 else "") + text + (" " if index < last else "")
            header.append(text, "us-ascii")
        else:
            header.append(text, "utf-8")
    return header


def build_message(mail: OutboundMail) -> bytes:
    """The mail as CRLF bytes, ready for SMTP or an .eml file.

    Built with the compat32 API and explicit encodings: five times faster than the
    EmailMessage header registry on this hot path, with the same bytes a parser reads back.
    """
    sender = clean_address(mail.from_address)
    recipient = clean_address(mail.to)
    message_id = safe_message_id(mail.message_id)
    if message_id is None:
        raise ValueError(f"not a Message-ID: {mail.message_id!r}")
    message: Message[str, str | Header] = Message()
    # set_payload with a charset adds MIME-Version, Content-Type and the transfer encoding:
    # 7bit for ASCII, else quoted-printable, which keeps the mail clean for any relay.
    charset = Charset("us-ascii" if mail.body.isascii() else "utf-8")
    if not mail.body.isascii():
        charset.body_encoding = QP
    message.set_payload(mail.body, charset)
    message["From"] = formataddr((clean_subject(mail.from_name), sender), charset="utf-8")
    message["To"] = recipient
    message["Subject"] = _header_text(clean_subject(mail.subject))
    message["Date"] = format_datetime(mail.date)
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
    return message.as_bytes(policy=_WIRE)
