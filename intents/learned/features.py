"""The text features the learned intent model reads: words, word pairs and character n-grams.

A mail's text is folded (lower case, accents off: intents.textnorm.fold) and cut into words;
each word gives itself ("w:"), its pair with the next word ("b:") and the 3- to 5-letter
pieces of " word " ("c:"), which carry a word's stem across inflections and related
languages ("slet", "sletning", "sletter"). Subject words count apart ("s:"). Only the
presence of a feature counts, not how often. Pure and cheap: a typical mail gives a few
hundred strings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from intents.textnorm import fold

_WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 300  # a request says what it wants early; long mails cost no more
CHAR_NGRAMS = (3, 4, 5)
MAX_CHAR_WORD = 20  # a longer "word" is an address, a token or a reference number


def features(text: str, subject: str = "") -> set[str]:
    """The set of feature names of a mail's own words and its subject."""
    words = _WORD.findall(fold(text))[:MAX_WORDS]
    found: set[str] = set()
    add = found.add
    previous = ""
    for word in words:
        add("w:" + word)
        if previous:
            add("b:" + previous + " " + word)
        previous = word
        found.update(_pieces(word))
    for word in _WORD.findall(fold(subject))[:30]:
        add("s:" + word)
    return found


@lru_cache(maxsize=50_000)
def _pieces(word: str) -> tuple[str, ...]:
    """The character n-grams of one word (remembered: most words of a mail recur in others)."""
    if len(word) > MAX_CHAR_WORD or word.isdigit():
        return ()
    padded = " " + word + " "
    size = len(padded)
    return tuple("c:" + padded[start : start + n] for n in CHAR_NGRAMS if n <= size
                 for start in range(size - n + 1))
