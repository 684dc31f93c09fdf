"""The lines mail clients write around a forwarded or earlier message, in every language of
intents/languages/, compiled once: the marker line above it and its header block's labels.

Shared by the reader's split of the sender's own words (quotes.py) and the reading of each
forward (forwards.py), so a header is recognised the same way by both.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from intents.languages import LANGUAGES


def _alternation(words: set[str]) -> str:
    # Longest first, so "enviado el" is tried before "enviado".
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_MARKERS = {m for lang in LANGUAGES.values() for m in lang.forward_markers}
_SENDERS = {w for lang in LANGUAGES.values() for w in lang.headers.sender}
_SUBJECTS = {w for lang in LANGUAGES.values() for w in lang.headers.subject}
_OTHERS = {w for lang in LANGUAGES.values() for w in (*lang.headers.date, *lang.headers.to)}
# "---------- Forwarded message ---------", "-----Original Message-----", "Begin forwarded
# message:", "Début du message réexpédié :".
MARKER = re.compile(r"^[\s*_-]*(?:" + _alternation(_MARKERS) + r")[\s*_-]*:?[\s*_-]*$",
                     re.IGNORECASE)
LABEL = re.compile(r"^\s*\*?(" + _alternation(_SENDERS | _SUBJECTS | _OTHERS)
                    + r")\*?\s*:\s*(.*)$", re.IGNORECASE)
SENDER_LABELS = frozenset(_SENDERS)
SUBJECT_LABELS = frozenset(_SUBJECTS)
# What MARKER and LABEL both need at least: after leading spaces, stars, underscores and
# dashes, the first letter of one of their words (in either case). Most lines ("> Thanks
# ...") fail it at once, without the engine trying each of the 200-odd words in turn
# (case-insensitive alternatives are tried one by one). A one-letter class matches case-
# insensitively what the word's first letter does, so a line it rejects, they reject too.
_OPENING = re.compile(
    r"[\s*_-]*["
    + "".join(sorted({re.escape(w[0]) for w in _MARKERS | _SENDERS | _SUBJECTS | _OTHERS}))
    + "]", re.IGNORECASE)

# may_open(line): whether the line can be a forward marker or a header label line (a cheap
# gate before MARKER.match and LABEL.match: no match means neither matches). The compiled
# pattern's own method, called in C for each line of a mail.
may_open: Callable[[str], re.Match[str] | None] = _OPENING.match


def header_block(lines: list[str], i: int) -> bool:
    """A header block starts at line i: a sender label ("From:", "Kimden:") and at least two
    more labels in the next four non-empty lines."""
    label = LABEL.match(lines[i]) if may_open(lines[i]) else None
    if label is None or label.group(1).lower() not in SENDER_LABELS:
        return False
    following = [line for line in lines[i + 1 : i + 6] if line.strip()][:4]
    return sum(1 for line in following if may_open(line) and LABEL.match(line)) >= 2
