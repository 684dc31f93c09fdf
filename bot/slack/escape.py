"""Making untrusted text (a client's mail, a policy) safe to show in Slack.

Slack treats `&`, `<` and `>` as control characters in every text object: `<!channel>` pings a
channel, `<@U123>` a person, `<https://x|y>` disguises a link. Escaping those three (and only
those, as Slack asks) makes them literal. In mrkdwn, `*`, `_`, `~` and backticks also format
text, and a line starting with `>` becomes a quote; mail shown in mrkdwn must not be able to
dress itself up, so we either put it in plain_text objects or show it as inline code.
"""

from __future__ import annotations

import re
from typing import Any

Block = dict[str, Any]

# Zero-width space: breaks a leading quote marker without changing what people read.
ZWSP = "\u200b"
_CONTROL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Lookalikes for the formatting characters; used only where a literal swap is acceptable.
_FORMATTING = str.maketrans({"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"})
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")
_WHITESPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """Slack's own rule: &, < and > as entities, so no mention, link or command can form."""
    return text.translate(_CONTROL)


def neutralise(text: str) -> str:
    """Escaped and stripped of mrkdwn meaning: safe inside a mrkdwn text object.

    Formatting characters become lookalikes and a leading `>` on any line is broken with a
    zero-width space, since Slack renders an escaped `&gt;` at a line start as a quote too.
    """
    lines = escape(text.translate(_FORMATTING)).split("\n")
    return "\n".join(ZWSP + line if line.startswith("&gt;") else line for line in lines)


def code(text: str, limit: int = 200) -> str:
    """A short untrusted value as inline code in mrkdwn: shown literally, one line."""
    flat = _WHITESPACE.sub(" ", text).strip().replace("`", "\u02cb")
    if not flat:
        return "\u2014"
    return f"`{escape(truncate(flat, limit))}`"


def truncate(text: str, limit: int) -> str:
    """At most `limit` characters, with an ellipsis when something was cut."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "\u2026"


def first_lines(text: str, lines: int = 5, limit: int = 600) -> str:
    """The opening non-blank lines of a mail body, for a glance at what the client wrote."""
    kept = [line.rstrip() for line in text.splitlines() if line.strip()][:lines]
    return truncate("\n".join(kept), limit)


def plain(text: str, limit: int = 3000) -> Block:
    """A plain_text object: Slack applies no mrkdwn to it; escaped all the same."""
    return {"type": "plain_text", "text": escape(truncate(text, limit)) or " ", "emoji": False}


def mrkdwn(text: str) -> Block:
    """A mrkdwn object for text WE wrote (untrusted parts must already be neutralised)."""
    return {"type": "mrkdwn", "text": text or " "}


def mention(actor: str) -> str:
    """How to name who did something: a Slack mention for Slack users, else inline code.

    Actors are stored as `slack:U123` (or a bare user id) for Slack, and as anything else
    (`cli:alice`, an email address, `system`) for other channels.
    """
    user = actor.removeprefix("slack:")
    if _USER_ID.match(user):
        return f"<@{user}>"
    return code(actor or "unknown", 80)
