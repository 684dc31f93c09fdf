"""Splitting an mbox (mboxo/mboxrd) held in memory into its messages. Pure: bytes in, bytes out."""

from __future__ import annotations

import re

_FROM_LINE = re.compile(rb"^From ", re.MULTILINE)
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


def is_mbox(raw: bytes) -> bool:
    """An mbox starts with a "From " separator line; a single message never does."""
    return raw.startswith(b"From ")


def split_mbox(raw: bytes) -> list[bytes]:
    """The messages of an mbox, separator lines removed and ">From " quoting undone."""
    starts = [m.start() for m in _FROM_LINE.finditer(raw)
              if m.start() == 0 or raw[max(0, m.start() - 2) : m.start()] in (b"\n\n", b"\r\n")
              or raw[max(0, m.start() - 3) : m.start()] == b"\n\r\n"]
    messages: list[bytes] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(raw)
        chunk = raw[start:end]
        newline = chunk.find(b"\n")
        body = chunk[newline + 1 :] if newline >= 0 else b""
        messages.append(_ESCAPED_FROM.sub(rb"\1", body))
    return messages
