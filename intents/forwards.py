"""Forwarded mail read as what it is: another person's message, with its own sender.

A colleague forwarding a client's request ("can you pick this up?" above a forward header)
asks nothing in their own words; the client's words below the header are the request, and
the client is the requester. The reader finds each forward (`find_forwards`: the line a mail
client writes above it, "---------- Forwarded message ---------", "Begin forwarded message:",
"-----Original Message-----", or an Outlook "From: / Sent: / To: / Subject:" block, in every
language of intents/languages/) and reads its header and its writer's own words. classify
then reads the forwarder's own words first (`read_forwarded`): a forward counts only when it
comes from another person (not the forwarder, not the organisation the mail is addressed to),
its writer speaks in the first person, and what the forwarder asks, if anything, is part of
what the forward asks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress, count

from intents.headers import (
    LABEL,
    MARKER,
    SENDER_LABELS,
    SUBJECT_LABELS,
    header_block,
    may_open,
)
from intents.language import detect_language
from intents.models import Classification, ForwardedMail, InboundMail
from intents.quotes import FIRST_PERSON, split_text

MAX_FORWARDS = 5
MAX_LINES = 4000  # a forward's header is near the top of what is quoted
HEADER_LINES = 8  # at most this many "Label: value" lines in one forward header


_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def _sender(value: str) -> tuple[str, str | None]:
    """(display name, lower-cased address or None) of a header's "From:" value:
    "Ann Lee <ann@x.org>", "Ann Lee [mailto:ann@x.org]", "ann@x.org", "Ann Lee"."""
    found = _ADDRESS.search(value)
    address = found.group(0).lower().strip(".") if found else None
    name = value.split("<")[0].split("[")[0] if found else value
    name = name.replace(found.group(0), "") if found else name
    return " ".join(name.strip(" \t\"'*").split())[:200], address


def _header(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """The "Label: value" lines from `start`: the fields read ("from", "subject") and the
    index of the first line after the header."""
    fields: dict[str, str] = {}
    i = start
    while i < len(lines) and i - start < HEADER_LINES:
        label = LABEL.match(lines[i])
        if label is None:
            break
        name = label.group(1).lower()
        if name in SENDER_LABELS and "from" not in fields:
            fields["from"] = label.group(2)
        elif name in SUBJECT_LABELS and "subject" not in fields:
            fields["subject"] = label.group(2)
        i += 1
    return fields, i


def _starts(lines: list[str]) -> list[tuple[int, dict[str, str], int]]:
    """(first line, header fields, first body line) of each forward in the lines."""
    found: list[tuple[int, dict[str, str], int]] = []
    # Only a line that may open a marker or a header label can start one (most lines of a
    # quote, "> ...", cannot): the others are passed over in one comprehension.
    openers = [n for n in compress(count(), map(may_open, lines))
               if len(lines[n]) <= 200 and lines[n].strip()]
    i = 0
    for n in openers:
        if len(found) >= MAX_FORWARDS:
            break
        if n < i:
            continue  # inside the forward header just read
        if MARKER.match(lines[n]):
            j = n + 1
            while j < len(lines) and j <= n + 3 and not lines[j].strip():
                j += 1
            fields, end = _header(lines, j)
            found.append((n, fields, end))
            i = max(end, n + 1)
        elif header_block(lines, n):
            fields, end = _header(lines, n)
            found.append((n, fields, end))
            i = end
    return found


def _forward(fields: dict[str, str], body: str) -> ForwardedMail:
    name, address = _sender(fields.get("from", ""))
    split = split_text(body)
    return ForwardedMail(from_name=name, from_address=address,
                         subject=" ".join(fields.get("subject", "").split())[:1000],
                         text=split.own, bulk=split.bulk)


def find_forwards(quoted: str) -> list[ForwardedMail]:
    """The forwards in a mail's quoted text, outermost first; never raises on odd text."""
    if not quoted:
        return []
    lines = quoted.split("\n", MAX_LINES)[:MAX_LINES]
    starts = _starts(lines)
    forwards: list[ForwardedMail] = []
    for n, (_, fields, body_from) in enumerate(starts):
        body_to = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        forwards.append(_forward(fields, "\n".join(lines[body_from:body_to])))
    return forwards


def attached_forward(text: str) -> ForwardedMail:
    """An attached message (message/rfc822), rendered by the reader as its "From:",
    "Date:" and "Subject:" lines and then its text."""
    lines = text.split("\n")
    fields, end = _header(lines, 0)
    return _forward(fields, "\n".join(lines[end:]))


def _domain(address: str | None) -> str:
    return address.rsplit("@", 1)[-1] if address else ""


def _another_person(mail: InboundMail, forward: ForwardedMail) -> bool:
    """Written by someone other than the forwarder and the organisation written to."""
    if forward.from_address:
        if forward.from_address == mail.from_address:
            return False
        return _domain(forward.from_address) not in {_domain(a) for a in mail.to_addresses}
    name = forward.from_name.casefold()
    return bool(name) and name != mail.from_name.casefold()


def read_forwarded(mail: InboundMail, own: Classification,
                   classify_mail: Callable[[InboundMail], Classification]) -> Classification:
    """The classification of a mail with forwards: the forwarder's own words first.

    The newest forward from another person with words of its own is read as a mail of its
    own (`classify_mail`). When it asks something and the forwarder asks nothing more, its
    intents are the mail's and its writer is `forwarded_from`. A forward in a language that
    is not read, under a forwarder who asks nothing, makes the mail "language not read",
    still naming its writer (a ticket opened from triage is theirs).
    """
    if mail.auto_reply:
        return own
    for forward in mail.forwards:
        if not forward.text or forward.bulk or not _another_person(mail, forward):
            continue
        inner = classify_mail(InboundMail(
            subject=forward.subject, text=forward.text, from_address=forward.from_address,
            from_name=forward.from_name, to_addresses=mail.to_addresses,
            language=detect_language(forward.subject + "\n" + forward.text)))
        if inner.language_not_read and not own.intents:
            # Left to triage; whoever opens it there opens it in the writer's name.
            return own.model_copy(update={
                "language_not_read": True, "language": inner.language,
                "forwarded_from": forward.from_address,
                "forwarded_from_name": forward.from_name})
        if not inner.intents or not set(own.intents) <= set(inner.intents) \
                or not FIRST_PERSON.search(forward.text.lower()):
            return own
        scores = {i: max(own.scores.get(i, 0.0), s) for i, s in inner.scores.items()}
        return inner.model_copy(update={
            "scores": scores, "evidence": [*inner.evidence, *own.evidence],
            "language": inner.language if inner.language != "und" else own.language,
            "forwarded_from": forward.from_address, "forwarded_from_name": forward.from_name})
    return own
