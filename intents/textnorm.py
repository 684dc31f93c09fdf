"""Folding text for matching, and finding the clause and sentence around a match.

Folding is length-preserving (one character in, one out): lower case, accents removed,
typographic quotes and dashes made plain. So a match in the folded text points at the same
span of the original, which is what the evidence quotes.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_PLAIN = {"’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "„": '"', "«": '"',
          "»": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " ", "ı": "i",
          "ς": "σ"}
# Where a clause ends: negation and conditions do not reach across these.
CLAUSE_END = frozenset(",;:.!?\n()[]\"-•·|")
SENTENCE_END = frozenset(".!?\n;")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _PLAIN:
        return _PLAIN[char]
    lower = char.lower()
    if len(lower) != 1:
        lower = char
    if lower.isascii():
        return lower
    base = unicodedata.normalize("NFKD", lower)
    first = base[0] if base else lower
    return first if len(first) == 1 and unicodedata.combining(first) == 0 else lower


def fold(text: str) -> str:
    """Lower-cased, accent-free text of exactly the same length as `text`."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


def clause_start(text: str, pos: int, limit: int = 160) -> int:
    """Index where the clause holding `pos` begins (bounded look-back)."""
    low = max(0, pos - limit)
    for i in range(pos - 1, low - 1, -1):
        char = text[i]
        if char in CLAUSE_END:
            # "Art. 15", "e.g." and decimals do not end a clause.
            if char == "." and (i + 2 < len(text) and text[i + 1] == " " and text[i + 2].isdigit()):
                continue
            return i + 1
    return low


def _decimal_point(text: str, i: int) -> bool:
    """A full stop between digits ("1,240.00", "v2.1") ends no sentence."""
    return (text[i] == "." and 0 < i < len(text) - 1 and text[i - 1].isdigit()
            and text[i + 1].isdigit())


def sentence_bounds(text: str, start: int, end: int, limit: int = 300) -> tuple[int, int]:
    """(start, end) of the sentence around text[start:end] (bounded both ways)."""
    low = max(0, start - limit)
    s = low
    for i in range(start - 1, low - 1, -1):
        if text[i] in SENTENCE_END and not (text[i] == "." and i + 2 < len(text)
                                            and text[i + 1] == " " and text[i + 2].isdigit()) \
                and not _decimal_point(text, i):
            s = i + 1
            break
    high = min(len(text), end + limit)
    e = high
    for i in range(end, high):
        if text[i] in SENTENCE_END and not _decimal_point(text, i):
            e = i
            break
    return s, e
