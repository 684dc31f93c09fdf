"""Redacting a delivered verification mail: its code and link must not outlive delivery.

Only keyed hashes of a code and link are stored for checking; the mail itself carried them
in clear. Once the relay has taken a verification request (or a reminder, which carries a
fresh code and link), the copy kept in the outbox is replaced by this redacted one: the
headers stay byte for byte (Message-ID, subject and reference are what the audit trail
needs), the body keeps its words, but every 6-digit code (also `123 456`) and every
`/verify/<token>` link token read "[redacted]". Pure: bytes in, bytes out.
"""

from __future__ import annotations

import re
from email import message_from_bytes, policy
from email.charset import QP, Charset
from email.message import Message

REDACTED = "[redacted]"
# Kinds whose body holds a live code or link (the access pack's link opens the pack).
CARRIES_SECRETS = frozenset({"verification_request", "unverified_reminder", "pack_link"})
_LINK = re.compile(r"(/(?:verify|pack)/)[^\s<>\"')\]]+")
_CODE = re.compile(r"(?<![\d.:/-])\d{3}[ -]?\d{3}(?![\d.:/-])")
_SPLIT = re.compile(rb"\r?\n\r?\n")
_WIRE = policy.compat32.clone(linesep="\r\n")  # as bot/workflow/outbound.py writes mail


def redact_text(text: str) -> str:
    """The text with link tokens and 6-digit codes replaced by [redacted]."""
    return _CODE.sub(REDACTED, _LINK.sub(rf"\g<1>{REDACTED}", text))


def redact_message(raw: bytes) -> bytes:
    """The message with its body redacted in the same encoding and its headers untouched.
    A message that is not one plain text part (privacybot never sends one) is redacted
    whole, as text, so nothing secret is kept whatever its shape."""
    parsed = message_from_bytes(raw)
    split = _SPLIT.search(raw)
    if parsed.is_multipart() or parsed.get_content_type() != "text/plain" or split is None:
        return redact_text(raw.decode("utf-8", "replace")).encode("utf-8")
    payload = parsed.get_payload(decode=True)
    charset_name = parsed.get_content_charset() or "us-ascii"
    text = payload.decode(charset_name, "replace") if isinstance(payload, bytes) else ""
    redacted = redact_text(text)
    charset = Charset("us-ascii" if redacted.isascii() else "utf-8")
    if not redacted.isascii():
        charset.body_encoding = QP
    rebuilt: Message[str, str] = Message()
    rebuilt.set_payload(redacted, charset)
    wire = rebuilt.as_bytes(policy=_WIRE)
    body = wire[_SPLIT.search(wire).end():]  # type: ignore[union-attr]
    return raw[:split.end()] + body
