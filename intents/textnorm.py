"""Folding text for matching, and finding the clause and sentence around a match.

Folding is length-preserving (one character in, one out): lower case, accents removed,
typographic quotes and dashes made plain. So a match in the folded text points at the same
span of the original, which is what the evidence quotes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PLAIN = {"’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "„": '"', "«": '"',
          "»": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " ", "ı": "i",
          "ς": "σ",
          # Letters with a stroke have no decomposition to strip: "otrzymałem" must read as
          # the rules' "otrzymal", "proslijeđena" as "proslijedena", "søger" as "soger".
          "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ħ": "h", "Ħ": "h"}
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


class _FoldTable(dict[int, str]):
    """Each character's fold by its code point, worked out on first sight, for str.translate
    (one pass in C instead of a Python call per character); cleared when it fills up."""

    def __missing__(self, code: int) -> str:
        if len(self) >= _FOLD_TABLE_SIZE:
            self.clear()
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE_SIZE = 4096
_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-cased, accent-free text of exactly the same length as `text`."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


def _last_of(chars: frozenset[str]) -> re.Pattern[str]:
    """match(text, low, high) ends just after the last of `chars` in text[low:high]: the greedy
    run backs off from the end in C, which a Python loop over characters would do slowly."""
    return re.compile("(?s).*[" + "".join(re.escape(char) for char in sorted(chars)) + "]")


_LAST_CLAUSE_END = _last_of(CLAUSE_END)
_LAST_SENTENCE_END = _last_of(SENTENCE_END)
_NEXT_SENTENCE_END = re.compile("[" + "".join(re.escape(c) for c in sorted(SENTENCE_END)) + "]")


def _article_point(text: str, i: int) -> bool:
    """ "Art. 15": a full stop, a space, a digit."""
    return text[i] == "." and i + 2 < len(text) and text[i + 1] == " " and text[i + 2].isdigit()


def clause_start(text: str, pos: int, limit: int = 160) -> int:
    """Index where the clause holding `pos` begins (bounded look-back)."""
    low = max(0, pos - limit)
    high = pos
    while True:
        found = _LAST_CLAUSE_END.match(text, low, high)
        if found is None:
            return low
        i = found.end() - 1
        # "Art. 15", "e.g." and decimals do not end a clause.
        if not _article_point(text, i):
            return i + 1
        high = i


def _decimal_point(text: str, i: int) -> bool:
    """A full stop between digits ("1,240.00", "v2.1") ends no sentence."""
    return (text[i] == "." and 0 < i < len(text) - 1 and text[i - 1].isdigit()
            and text[i + 1].isdigit())


def sentence_bounds(text: str, start: int, end: int, limit: int = 300) -> tuple[int, int]:
    """(start, end) of the sentence around text[start:end] (bounded both ways)."""
    low = max(0, start - limit)
    s = low
    high = start
    while True:
        found = _LAST_SENTENCE_END.match(text, low, high)
        if found is None:
            break
        i = found.end() - 1
        if not _article_point(text, i) and not _decimal_point(text, i):
            s = i + 1
            break
        high = i
    high = min(len(text), end + limit)
    e = high
    pos = end
    while True:
        after = _NEXT_SENTENCE_END.search(text, pos, high)
        if after is None:
            break
        i = after.start()
        if not _decimal_point(text, i):
            e = i
            break
        pos = i + 1
    return s, e
