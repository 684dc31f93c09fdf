"""read_message: raw RFC 5322 bytes to an InboundMail, whatever the bytes are.

The stdlib parser (modern policy; mailparse.py, with a fast path for single-part mail) splits
the message; every header is then read from its raw source with its own guard, because
building the policy's header objects can raise on malformed values (odd Message-IDs, broken
encoded words) and is also the slow part.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from datetime import UTC, datetime
from email.message import Message
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from intents.autoreply import auto_reply_reasons, calendar_invitation
from intents.charsets import decode_bytes, unsurrogate
from intents.forwards import MAX_FORWARDS, attached_forward, find_forwards
from intents.language import detect_language
from intents.mailparse import MAIL_POLICY, parse_bytes
from intents.models import InboundMail
from intents.parts import walk_message
from intents.quotes import split_text

__all__ = ["MAIL_POLICY", "read_message"]

_MSGID = re.compile(r"<([^<>\s]{1,500})>")
_BARE_ID = re.compile(r"^\s*([^<>\s@]{1,300}@[^<>\s@]{1,200})\s*$")
_ADDR = re.compile(r"^[^@\s]{1,200}@[^@\s]{1,200}$")
_MAIL_START = re.compile(rb"^(?:From |[!-9;-~]{1,76}:)")
_ENCODED_WORD = re.compile(r"=\?([^?\s]{1,60})\?([bBqQ])\?([^?\s]{0,2000})\?=")


def _raw_headers(message: Message) -> dict[str, str]:
    """Lower-case name to first raw value, unfolded; never raises."""
    headers: dict[str, str] = {}
    try:
        items = message.raw_items() if hasattr(message, "raw_items") else message.items()
        for name, value in items:
            key = unsurrogate(str(name)).strip().lower()
            if key and key not in headers:
                headers[key] = unsurrogate(str(value)).replace("\r", "").replace("\n", "")
    except Exception:  # keep the headers read before the bad one
        return headers
    return headers


def _word_bytes(encoding: str, payload: str) -> bytes | None:
    try:
        if encoding == "b":
            payload = payload.rstrip("=")
            data = base64.b64decode(payload + "=" * (-len(payload) % 4))
            return data if data or not payload else None  # nothing valid: keep as written
        return quopri.decodestring(payload.replace("_", " ").encode("ascii", "replace"),
                                   header=True)
    except (binascii.Error, ValueError):
        return None


def _decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words; broken ones stay as written.

    Adjacent words in one charset are joined before decoding, because senders split
    multi-byte characters across them.
    """
    if "=?" not in value:
        return " ".join(value.split())
    out: list[str] = []
    pending: tuple[str, bytearray] | None = None
    pos = 0
    for match in _ENCODED_WORD.finditer(value):
        between = value[pos : match.start()]
        charset = match.group(1).split("*")[0].lower()
        data = _word_bytes(match.group(2).lower(), match.group(3))
        if pending is not None and (between.strip() or data is None or charset != pending[0]):
            out.append(decode_bytes(bytes(pending[1]), pending[0], []))
            pending = None
        if between.strip() or pending is None:
            out.append(between if between.strip() or not out else "")
        if data is None:
            out.append(match.group(0))
        elif pending is None:
            pending = (charset, bytearray(data))
        else:
            pending[1].extend(data)
        pos = match.end()
    if pending is not None:
        out.append(decode_bytes(bytes(pending[1]), pending[0], []))
    out.append(value[pos:])
    return " ".join("".join(out).split())


# The forms nearly every mail uses, "Ann Lee <ann@example.org>" and "ann@example.org", read
# without the email package's address parser (a character-by-character Python loop, the
# slowest part of reading a small mail). What they give is what parseaddr gives for them;
# anything else (quotes, comments, groups, odd spacing) still goes through parseaddr.
_DOT_ATOMS = r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*"
_SIMPLE_SPEC = _DOT_ATOMS + "@" + r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
_SIMPLE_ADDRESS = re.compile(
    r" *(?:([A-Za-z0-9'-]+(?: [A-Za-z0-9'-]+)*) <(" + _SIMPLE_SPEC + r")>|(" + _SIMPLE_SPEC
    + r")) *")


def _parseaddr(value: str) -> tuple[str, str]:
    simple = _SIMPLE_ADDRESS.fullmatch(value)
    if simple is None:
        return parseaddr(value)
    name, routed, bare = simple.groups()
    return (name, routed) if bare is None else ("", bare)


def _getaddresses(values: list[str]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for value in values:
        for piece in value.split(","):
            simple = _SIMPLE_ADDRESS.fullmatch(piece)
            if simple is None:
                return getaddresses(values)
            name, routed, bare = simple.groups()
            pairs.append((name, routed) if bare is None else ("", bare))
    return pairs


def _address(value: str) -> tuple[str, str | None]:
    """(display name, lower-cased addr-spec or None) of one address header."""
    if not value:
        return "", None
    try:
        name, addr = _parseaddr(value)
    except Exception:
        return "", None
    addr = addr.strip().lower()
    return _decode_words(name), addr if _ADDR.match(addr) else None


def _addresses(values: list[str]) -> list[str]:
    found: list[str] = []
    try:
        pairs = _getaddresses(values)
    except Exception:
        return found
    for _, addr in pairs:
        addr = addr.strip().lower()
        if _ADDR.match(addr) and addr not in found:
            found.append(addr)
    return found


def _id_header(value: str | None) -> str:
    """A Message-ID-like header's text; some mailers RFC 2047-encode a long one."""
    if not value:
        return ""
    return _decode_words(value) if "=?" in value else value


def _message_id(value: str | None) -> str | None:
    value = _id_header(value)
    if not value:
        return None
    found = _MSGID.search(value)
    if found:
        return f"<{found.group(1)}>"
    bare = _BARE_ID.match(value)
    return f"<{bare.group(1)}>" if bare else None


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except Exception:
        return None
    if when is None:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _return_path(value: str | None) -> str | None:
    if value is None:
        return None
    inner = value.strip()
    if inner in ("<>", "", "< >"):
        return ""
    _, addr = _address(inner)
    return addr


def _all_values(message: Message, names: tuple[str, ...]) -> list[str]:
    values: list[str] = []
    try:
        for name, value in message.raw_items() if hasattr(message, "raw_items") else []:
            if str(name).strip().lower() in names:
                values.append(unsurrogate(str(value)).replace("\r", "").replace("\n", " "))
    except Exception:  # keep the values read before the bad one
        return values
    return values


def read_message(raw: bytes) -> InboundMail:
    """Everything the service needs from one message; never raises."""
    try:
        return _read(raw)
    except Exception as exc:  # the contract: a result that says what went wrong
        return InboundMail(parsed=False, defects=[f"unreadable: {type(exc).__name__}: {exc}"[:300]],
                           size=len(raw) if isinstance(raw, bytes | bytearray) else 0)


def _looks_like_mail(raw: bytes) -> bool:
    head = raw[:4096].lstrip()
    return _MAIL_START.match(head) is not None


def _read(raw: bytes) -> InboundMail:
    raw = bytes(raw)
    if not _looks_like_mail(raw):
        return InboundMail(parsed=False, defects=["not an RFC 5322 message"], size=len(raw))
    message = parse_bytes(raw)
    headers = _raw_headers(message)
    defects = [type(d).__name__ for d in getattr(message, "defects", [])]
    subject = _decode_words(headers.get("subject", ""))
    from_name, from_address = _address(_decode_words_in_addr(headers.get("from", "")))
    _, reply_to = _address(headers.get("reply-to", ""))
    return_path = _return_path(headers.get("return-path"))
    body = walk_message(message)
    defects.extend(d for d in body.defects if d not in defects)
    split = split_text("\n\n".join(t for t in body.text if t))
    text, quoted = split.own, split.quoted
    forwards = [*find_forwards(split.quoted),
                *(attached_forward(f) for f in body.forwarded[:MAX_FORWARDS])]
    if body.forwarded:
        quoted = "\n\n".join([quoted, *body.forwarded]).strip()
    if not text and not body.text and body.forwarded:
        defects.append("only forwarded content")
    reasons = auto_reply_reasons(headers, subject, from_address, return_path, body.report)
    if split.bulk:
        reasons.append("mailing-list footer")
    if calendar_invitation(subject, text):
        reasons.append("calendar invitation")
    references = [f"<{m}>" for m in _MSGID.findall(_id_header(headers.get("references")))]
    return InboundMail(
        parsed=True,
        defects=defects[:50],
        size=len(raw),
        message_id=_message_id(headers.get("message-id")),
        in_reply_to=_message_id(headers.get("in-reply-to")),
        references=references[:100],
        subject=subject[:1000],
        from_address=from_address,
        from_name=from_name[:200],
        reply_to_address=reply_to,
        to_addresses=_addresses(_all_values(message, ("to", "cc")))[:100],
        date=_date(headers.get("date")),
        return_path=return_path,
        language=detect_language(subject + "\n" + text),
        text=text,
        quoted=quoted,
        auto_reply=bool(reasons),
        auto_reply_reasons=reasons,
        attachments=body.attachments[:200],
        forwards=forwards[:10],
    )


def _decode_words_in_addr(value: str) -> str:
    # parseaddr copes with encoded words left as they are; only the name needs decoding.
    return value
