"""Scrubbing personal data and secrets out of a log event: a pure structlog processor.

Log lines leave the service (log shippers, support tickets, screenshots), so by default
they carry no requester address, no mail subject and no whole link token:

- e-mail addresses anywhere in the text read `[address]`;
- link tokens (`eyJ....<signature>`, the verification and unsubscribe links) and Slack
  tokens (`xoxb-...`) are shortened to a prefix of their signature, `[token:Ab3dE9]`, which
  is enough to tell two apart in the logs and useless to whoever reads it;
- the values of fields that are personal by their name (`subject`, `address`, `sender`...)
  read `[redacted]` whatever they hold.

Message-IDs in a `message_id` field are kept: they are what ties a line to a mail.
`PRIVACYBOT_LOG_PII=1` turns all of this off (for a developer's own machine).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from typing import Any

ADDRESS = "[address]"
REDACTED = "[redacted]"
TOKEN_PREFIX = 6
# Field names whose whole value is personal, whatever it looks like.
PERSONAL_FIELDS = frozenset({
    "subject", "address", "to_address", "from_address", "requester", "requester_address",
    "sender", "recipient", "envelope_from", "body", "text",
})
# Field names kept as they are: identifiers, never personal, and what lines are joined by.
KEPT_FIELDS = frozenset({"message_id", "in_reply_to", "timestamp", "level", "logger"})

_ADDRESS = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")
# Our link tokens: base64url of a JSON object (so "eyJ"), a dot, a base64url HMAC.
_LINK_TOKEN = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.([A-Za-z0-9_-]{16,})")
# Slack's bot, user, app and configuration tokens.
_SLACK_TOKEN = re.compile(r"\b(xox[abprs]|xapp|xoxe)-[A-Za-z0-9-]{8,}")


def redact_text(text: str) -> str:
    """The text with addresses replaced and tokens shortened (pure)."""
    if "@" in text:
        text = _ADDRESS.sub(ADDRESS, text)
    if "eyJ" in text:
        text = _LINK_TOKEN.sub(lambda m: f"[token:{m.group(1)[:TOKEN_PREFIX]}]", text)
    if "x" in text:
        text = _SLACK_TOKEN.sub(lambda m: f"[token:{m.group(1)}]", text)
    return text


def redact_value(key: str, value: Any) -> Any:
    """One field of an event, redacted by its name or its content."""
    if key in KEPT_FIELDS:
        return value
    if key in PERSONAL_FIELDS:
        return REDACTED if value not in (None, "") else value
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, Mapping):
        return {k: redact_value(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [redact_value("", item) for item in value]
    return value


def redact_event(logger: Any, method: str,
                 event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """structlog processor: every field through `redact_value` (the message is `event`,
    already formatted with its arguments; a traceback is `exception`, when formatted)."""
    for key in list(event):
        if not key.startswith("_"):  # structlog's own (_record, _from_structlog)
            event[key] = redact_value(key, event[key])
    return event
