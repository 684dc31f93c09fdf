"""reminders: the request a reminder chases, read from the sender's own quoted mail.

"It has been six weeks since the mail below and I've heard nothing" asks, by the labelled
sets' convention, for what the mail below asked, and complains. When the sender's own words
chase but name no request, the newest quoted message written by the same sender (its reply
header or its "From:" line names their address or their name) is read for the request it
made. A quoted message from anyone else (the organisation's answer, a colleague) is not:
"Please find attached a copy of your data" asks nothing of the sender's.
"""

from __future__ import annotations

from intents.headers import LABEL, SENDER_LABELS, may_open
from intents.models import InboundMail
from intents.quotes import reply_header_lines

# How far below a header block its "From:" line may be (Outlook writes the marker first).
_FROM_REACH = 3
# What of the quoted message is read: a request is in its first lines.
MAX_QUOTED_CHARS = 2_000


def _unquoted(line: str) -> str:
    """The line without the quote marks of any depth ("> > Hi" -> "Hi")."""
    stripped = line.lstrip()
    while stripped.startswith(">"):
        stripped = stripped[1:].lstrip()
    return stripped


def _names_sender(header: str, mail: InboundMail) -> bool:
    lower = header.lower()
    address = (mail.from_address or "").lower()
    name = mail.from_name.strip().lower()
    return bool(address and address in lower) or (len(name) >= 3 and name in lower)


def _label(line: str) -> str:
    """The header label a line opens with ("from", "to", "sent"), lower-cased, or ""."""
    found = LABEL.match(line) if may_open(line) else None
    return found.group(1).lower() if found is not None else ""


def own_quoted_message(mail: InboundMail) -> str:
    """The newest quoted message the mail's sender wrote themselves, its quote marks and
    header taken off; "" when the quote holds none."""
    if not mail.quoted:
        return ""
    lines = [_unquoted(line) for line in mail.quoted.splitlines()]
    i = 0
    while i < len(lines):
        span = reply_header_lines(lines, i)
        if not span:
            i += 1
            continue
        # Who wrote it: a reply header's own words, else the block's sender label line
        # (never its "To:", which names the sender of a reply to them).
        writer = [line for line in lines[i : i + span] if not _label(line)]
        body_from = i + span
        while body_from < len(lines) and (_label(lines[body_from]) or not lines[body_from]):
            if _label(lines[body_from]) in SENDER_LABELS:
                writer.append(lines[body_from])
            body_from += 1
        if _label(lines[i]) in SENDER_LABELS:
            writer.append(lines[i])
        end = body_from
        while end < len(lines) and not reply_header_lines(lines, end):
            end += 1
        if _names_sender("\n".join(writer), mail):
            return "\n".join(lines[body_from:end]).strip()[:MAX_QUOTED_CHARS]
        i = max(end, i + 1)
    return ""
