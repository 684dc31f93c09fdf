"""Walking a parsed message's MIME tree: the sender's text, forwarded messages, attachments.

Each part is read inside its own guard against malformed input (intents.failures.MALFORMED),
so a broken part costs only itself; anything else stops the walk, is logged and counted.
Attachments are listed with an estimated size and never decoded; text parts are decoded up to
a cap so a 25 MB mail costs no more than a large one.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from dataclasses import dataclass, field
from email.message import Message

from intents.charsets import decode_bytes, unsurrogate
from intents.failures import FAILURES, MALFORMED
from intents.html_text import html_to_text
from intents.models import Attachment

MAX_PART_CHARS = 512 * 1024  # encoded characters of one text part that get decoded
MAX_DEPTH = 25


@dataclass
class Body:
    """What the MIME walk found."""

    text: list[str] = field(default_factory=list)
    forwarded: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    report: bool = False  # a multipart/report or message/delivery-status part was seen


def _ctype(part: Message) -> str:
    try:
        return part.get_content_type().lower()
    except MALFORMED:
        return "text/plain"


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except MALFORMED:
        return None
    return unsurrogate(str(name)) if name else None


def _disposition(part: Message) -> str:
    try:
        return (part.get_content_disposition() or "").lower()
    except MALFORMED:
        return ""


def _raw_payload(part: Message) -> str | bytes:
    try:
        payload = part.get_payload()
    except MALFORMED:
        return ""
    return payload if isinstance(payload, str | bytes) else ""


def _estimated_size(part: Message) -> int:
    payload = _raw_payload(part)
    cte = str(part.get("content-transfer-encoding", "") or "").strip().lower()
    return len(payload) * 3 // 4 if cte == "base64" else len(payload)


def _decoded(part: Message, defects: list[str]) -> bytes:
    """The part's bytes, decoding at most MAX_PART_CHARS of its transfer encoding."""
    payload = _raw_payload(part)
    if len(payload) <= MAX_PART_CHARS:
        try:
            data = part.get_payload(decode=True)
        except MALFORMED:
            data = None
        if isinstance(data, bytes):
            return data
    defects.append("text part truncated for analysis" if payload else "empty part")
    head = payload[:MAX_PART_CHARS]
    raw = head if isinstance(head, bytes) else head.encode("utf-8", errors="surrogateescape")
    cte = str(part.get("content-transfer-encoding", "") or "").strip().lower()
    try:
        if cte == "base64":
            compact = b"".join(raw.split())
            return base64.b64decode(compact[: len(compact) // 4 * 4])
        if cte == "quoted-printable":
            return quopri.decodestring(raw)
    except (binascii.Error, ValueError):
        defects.append("bad transfer encoding")
    return raw


# 'text/plain; charset="utf-8"', the usual header, read without the email package's parameter
# parser (several Python-level passes per call); the answer is the one it gives.
_SIMPLE_CTYPE = re.compile(r"[a-z]+/[a-z0-9.+-]+; charset=(?:\"([a-z0-9_.:-]+)\"|([a-z0-9_.:-]+))",
                           re.IGNORECASE)


def _charset(part: Message) -> str | None:
    try:
        value = part.get("content-type")
        simple = _SIMPLE_CTYPE.fullmatch(value) if isinstance(value, str) else None
        if simple is not None:
            return (simple.group(1) or simple.group(2)).lower()
        return part.get_content_charset()
    except MALFORMED:
        return None


def _text_of(part: Message, ctype: str, body: Body) -> str:
    text = decode_bytes(_decoded(part, body.defects), _charset(part), body.defects)
    return html_to_text(text) if ctype == "text/html" else text


def _serialised_size(message: object) -> int:
    try:
        return len(message.as_bytes()) if isinstance(message, Message) else 0
    except MALFORMED:
        return 0


def _forward_header(message: Message) -> str:
    lines = []
    for name in ("From", "Date", "Subject"):
        try:
            value = message.get(name)
        except MALFORMED:
            value = None
        if value is not None:
            lines.append(f"{name}: {unsurrogate(str(value))}")
    return "\n".join(lines)


def _walk(part: Message, body: Body, depth: int, forwarded: bool) -> None:
    if depth > MAX_DEPTH:
        body.defects.append("MIME nesting too deep")
        return
    ctype = _ctype(part)
    for defect in getattr(part, "defects", []):
        body.defects.append(type(defect).__name__)
    if ctype in ("multipart/report", "message/delivery-status"):
        body.report = True
    try:
        children = part.get_payload() if part.is_multipart() else None
    except MALFORMED:
        children = None
    if ctype == "message/rfc822" or (isinstance(children, list) and ctype.startswith("message/")):
        body.attachments.append(Attachment(filename=_filename(part), content_type=ctype,
                                           size=sum(_serialised_size(c) for c in children or [])))
        for child in children or []:
            if isinstance(child, Message):
                head = _forward_header(child)
                sink = Body()
                _walk(child, sink, depth + 1, True)
                body.forwarded.append("\n".join([head, *sink.text, *sink.forwarded]))
                body.attachments.extend(sink.attachments)
                body.defects.extend(sink.defects)
                body.report = body.report or sink.report
        return
    if isinstance(children, list):
        parts = [c for c in children if isinstance(c, Message)]
        if ctype == "multipart/alternative" and parts:
            plain = [c for c in parts if _ctype(c) == "text/plain"]
            chosen = plain[:1] or parts[-1:]
            if _ctype(chosen[0]) == "text/plain" and not _raw_payload(chosen[0]).strip():
                chosen = parts[-1:]  # an empty plain alternative next to real HTML
            parts = chosen
        for child in parts:
            _walk(child, body, depth + 1, forwarded)
        return
    if ctype in ("text/plain", "text/html") and _disposition(part) != "attachment":
        text = _text_of(part, ctype, body)
        (body.forwarded if forwarded else body.text).append(text)
        return
    body.attachments.append(Attachment(filename=_filename(part), content_type=ctype,
                                       size=_estimated_size(part)))


def walk_message(message: Message) -> Body:
    """Everything readable from the message's parts; never raises."""
    body = Body()
    try:
        _walk(message, body, 0, False)
    except RecursionError:  # nesting deeper than the parser's own limits
        body.defects.append("MIME walk stopped: nesting too deep")
    except Exception as exc:  # the last guard: a defect; keep what was gathered so far
        FAILURES.record("MIME walk", exc)
        body.defects.append(f"MIME walk stopped: {type(exc).__name__}")
    return body
