"""Parsing raw bytes into an email.message.Message: the stdlib parser, with a fast path.

The stdlib feed parser runs a Python generator over every line, which is the largest single
cost of reading a small mail. Most mail is one text part with well-formed headers; for those
this module builds exactly the Message the feed parser would build (same headers, same
payload, no defects). Anything else (multipart, message/*, an mbox "From " line, a malformed
header line, no blank line after the headers) goes through the feed parser.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser


class _RawHeaderFactory:
    """Keeps header values as the raw strings they arrived as.

    policy.default would build a structured header object on every read; that object's
    parser is the slow part of reading a message and can raise on malformed values. This
    package decodes the few headers it needs itself, each under its own guard.
    """

    class _Unlimited:
        max_count = None

    def __call__(self, name: str, value: str) -> str:
        return value

    def __getitem__(self, name: str) -> type[_RawHeaderFactory._Unlimited]:
        return self._Unlimited


# The modern policy's parsing (RFC 6532 UTF-8 headers, no raising on defects), raw headers.
MAIL_POLICY = policy.default.clone(header_factory=_RawHeaderFactory())
_PARSER = BytesParser(policy=MAIL_POLICY)

# The blank line after the headers: two line ends in a row, as the feed parser splits lines
# (\r\n, \r or \n; atomic, so the \n of a \r\n never starts a second one). On the bytes, so a
# big multipart mail is not decoded twice.
_BLANK_LINE = re.compile(rb"(?>\r\n|\r|\n)(?>\r\n|\r|\n)")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")
# A header line the feed parser takes as a field with a name (its headerRE, name non-empty).
_FIELD = re.compile(r"[\041-\071\073-\176]+:")


def parse_bytes(raw: bytes) -> Message:
    """The message the stdlib parser (MAIL_POLICY) makes of `raw`."""
    return _simple(raw) or _PARSER.parsebytes(raw)


def _simple(raw: bytes) -> Message | None:
    """The feed parser's result for a single-part message with clean headers, else None."""
    blank = _BLANK_LINE.search(raw)
    if blank is None:
        return None
    head_end = blank.start() + (2 if raw.startswith(b"\r\n", blank.start()) else 1)
    # The parser decodes the bytes as ASCII with surrogates: one character per byte.
    head = raw[:head_end].decode("ascii", errors="surrogateescape")
    message = EmailMessage(policy=MAIL_POLICY)
    field: list[str] = []
    for line in _LINE.findall(head):
        if line[:1] in (" ", "\t"):
            if not field:
                return None  # a continuation first: the feed parser records a defect
            field.append(line)
            continue
        if line.startswith("From ") or _FIELD.match(line) is None:
            return None
        if field:
            message.set_raw(*MAIL_POLICY.header_source_parse(field))
        field = [line]
    if not field:
        return None
    message.set_raw(*MAIL_POLICY.header_source_parse(field))
    if message.get_content_maintype() in ("message", "multipart"):
        return None
    message.set_payload(raw[blank.end() :].decode("ascii", errors="surrogateescape"))
    return message
