"""The exact bytes of a mail privacybot sends: RFC 5322, written line by line.

Everything that comes from a client (their address, their Message-ID) is validated before it
reaches a header, and the subject is stripped of line breaks and encoded by the email package,
so no client text can add a header. A header that is printable ASCII and fits on one line is
written as is; anything else is folded and RFC 2047-encoded by the stdlib (compat32 `fold`,
the very code the email generator runs), so the bytes are the generator's, without its cost.
Every mail says `Auto-Submitted: auto-replied` (RFC 3834) and asks Exchange not
to auto-answer it, which breaks mail loops from both ends.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime
from email import policy
from email.charset import QP, Charset
from email.header import Header
from email.utils import format_datetime, formataddr
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from bot.workflow.addresses import ascii_form, clean_address

_MSGID = re.compile(r"^<[^<>\s\"\\]{1,200}@[^<>\s\"\\]{1,200}>$")
MAX_REFERENCES = 10
MAX_SUBJECT = 200
_WIRE = policy.compat32.clone(linesep="\r\n")
_FOLD_AT = 78  # RFC 5322 SHOULD; longer values go to the stdlib folder
_MAX_LINE = 998  # RFC 5322 MUST, in octets without the CRLF
# Printable ASCII without "<" and ">", bounded so the header line stays under 998 octets.
_UNSUBSCRIBE_URL = re.compile(r"https?://[\x21-\x3b\x3d\x3f-\x7e]{1,900}")
_NEWLINE = re.compile(r"\r\n|\r|\n")  # what the email generator treats as a line break
# The domain of the Message-IDs privacybot makes up for received mail that had none (RFC
# 2606 reserves .invalid): the mail is stored and deduplicated by it, but no reply may name it.
INVENTED_DOMAIN = "privacybot.invalid"


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
    # Replies to a requester are marked automatic (RFC 3834), so that their autoresponders
    # stay quiet; a notice to a processor (bot.workflow.recipients) is not, so that its
    # helpdesk opens a case for it instead of discarding an auto-reply.
    auto_submitted: bool = True


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


def invented_message_id(raw: bytes) -> str:
    """A stable Message-ID for a received mail that has none, made from its bytes."""
    return f"<sha256-{hashlib.sha256(raw).hexdigest()[:40]}@{INVENTED_DOMAIN}>"


def is_invented(message_id: str | None) -> bool:
    """True for an id privacybot made up: the client's mail never carried it."""
    return bool(message_id) and str(message_id).rstrip().rstrip(">").lower().endswith(
        f"@{INVENTED_DOMAIN}")


def thread_headers(
    client_message_id: str | None, client_references: Sequence[str] = ()
) -> tuple[str | None, tuple[str, ...]]:
    """(In-Reply-To, References) answering the client's mail; junk ids are dropped, and so is
    an id privacybot made up for a mail that had none (RFC 5322: a reply to a mail without a
    Message-ID has no In-Reply-To; its References are the parent's own, if any)."""
    parent = None if is_invented(client_message_id) else safe_message_id(client_message_id)
    chain = [ref for ref in (safe_message_id(item) for item in client_references)
             if ref and not is_invented(ref)]
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


_HEADER_BLOCK = re.compile(r"(?:[!-9;-~]+: ?[ -~]*(?:\r\n[ \t][ -~]*)*\r\n)+")
# The To field of a mail to an address whose local part is not ASCII (RFC 6532: the address
# itself in UTF-8; an encoded word is not allowed in an address). clean_address has refused
# every control, space and separator, so the value is one line.
_UTF8_TO = re.compile(r"To: [^\x00-\x20\x7f<>]+\r\n")


def _line(name: str, value: str | Header) -> str:
    """One header field, CRLF-terminated: verbatim when it is printable ASCII on one short
    line, else folded/encoded exactly as the email generator would (compat32)."""
    if (isinstance(value, str) and len(name) + len(value) + 2 <= _FOLD_AT
            and value.isascii() and value.isprintable()):
        return f"{name}: {value}\r\n"
    if isinstance(value, Header):  # as compat32's fold does for a Header
        folded = f"{name}: {value.encode(linesep=_WIRE.linesep, maxlinelen=_FOLD_AT)}\r\n"
    else:
        folded = _WIRE.fold(name, value)
    # When the first word does not fit, compat32 leaves the first line empty, and a reader
    # then sees a leading space in the subject; that word goes on the first line instead
    # (every value here is bounded, so the line stays under 998 octets).
    empty_first = f"{name}: \r\n "
    if folded.startswith(empty_first):
        folded = f"{name}: {folded[len(empty_first):]}"
    return folded


@lru_cache(maxsize=1024)
def _from_line(name: str, address: str) -> str:
    """The From field; cached because an organisation's name and address rarely change."""
    sender = clean_address(address)
    return _line("From", formataddr((clean_subject(name), sender), charset="utf-8"))


def _charset(name: str) -> Charset:
    charset = Charset(name)
    charset.body_encoding = QP
    return charset


_ASCII_QP = _charset("us-ascii")
_UTF8_QP = _charset("utf-8")
_MIME_7BIT = ('MIME-Version: 1.0\r\nContent-Type: text/plain; charset="us-ascii"\r\n'
              "Content-Transfer-Encoding: 7bit\r\n")
_MIME_QP = ('MIME-Version: 1.0\r\nContent-Type: text/plain; charset="{}"\r\n'
            "Content-Transfer-Encoding: quoted-printable\r\n")


def _crlf(text: str) -> str:
    """Every line break (CRLF, lone CR, lone LF) as CRLF, as the email generator writes them."""
    if "\r" in text:
        text = _NEWLINE.sub("\n", text)
    return text.replace("\n", "\r\n")


def _body(body: str) -> tuple[str, str]:
    """(MIME header fields, body with CRLF). 7bit while the body is ASCII, has no NUL and no
    line over 998 octets; otherwise quoted-printable (stdlib), which keeps every line short."""
    if body.isascii() and "\x00" not in body:
        wire = _crlf(body)
        if len(wire) <= _MAX_LINE or max(map(len, wire.split("\r\n"))) <= _MAX_LINE:
            return _MIME_7BIT, wire
        charset = _ASCII_QP
    else:
        charset = _UTF8_QP
    encoded = charset.body_encode(body.encode(charset.output_charset or "utf-8"))
    return _MIME_QP.format(charset.output_charset), _crlf(encoded or "")


def build_message(mail: OutboundMail) -> bytes:
    """The mail as CRLF bytes, ready for SMTP or an .eml file.

    The same bytes the compat32 email generator writes for this message (bar the transfer
    encoding of over-long ASCII lines, which the generator would send as 7bit), at a fraction
    of the cost: this runs once per reply on the SMTP intake's hot path.
    """
    from_line = _from_line(mail.from_name, mail.from_address)
    recipient = clean_address(mail.to)
    # ASCII where the address allows it (the domain in A-labels), so that any relay can
    # carry it; a non-ASCII local part is written as is and needs SMTPUTF8 (the transport).
    plain = ascii_form(recipient)
    to_line = _line("To", plain) if plain else f"To: {recipient}\r\n"
    message_id = safe_message_id(mail.message_id)
    if message_id is None:
        raise ValueError(f"not a Message-ID: {mail.message_id!r}")
    mime, body = _body(mail.body)
    lines = [mime, from_line, to_line,
             _line("Subject", _header_text(clean_subject(mail.subject))),
             _line("Date", format_datetime(mail.date)), _line("Message-ID", message_id)]
    parent = safe_message_id(mail.in_reply_to)
    if parent:
        lines.append(_line("In-Reply-To", parent))
    references = [ref for ref in (safe_message_id(item) for item in mail.references) if ref]
    if references:
        lines.append(_line("References", " ".join(references)))
    if mail.auto_submitted:
        lines.append("Auto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: All\r\n"
                     "Precedence: auto_reply\r\n")
    if mail.unsubscribe_url and _UNSUBSCRIBE_URL.fullmatch(mail.unsubscribe_url):
        lines.append(_line("List-Unsubscribe", f"<{mail.unsubscribe_url}>"))
        lines.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n")
    head = "".join(lines)
    # The backstop the email generator used to give: whatever went wrong upstream, no field
    # may hold a bare line break or a line that is not a field or its folded continuation.
    utf8 = not to_line.isascii()
    if not _HEADER_BLOCK.fullmatch(head.replace(to_line, "To: x\r\n") if utf8 else head) or (
            utf8 and not _UTF8_TO.fullmatch(to_line)):
        raise ValueError("refusing to write a malformed header block")
    lines.append("\r\n")
    lines.append(body)
    # Strict ASCII (every header encoded, the body 7bit or quoted-printable), except the
    # To field of an SMTPUTF8 recipient.
    return "".join(lines).encode("utf-8" if utf8 else "ascii")
