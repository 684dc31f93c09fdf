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
MAX_SUBJECT_WORDS = 30
CHAR_NGRAMS = (3, 4, 5)
MAX_CHAR_WORD = 20  # a longer "word" is an address, a token or a reference number


def words(text: str) -> list[str]:
    """The words of a mail's text that count: folded, the first MAX_WORDS."""
    return _WORD.findall(fold(text))[:MAX_WORDS]


def subject_words(subject: str) -> list[str]:
    return _WORD.findall(fold(subject))[:MAX_SUBJECT_WORDS]


def features(text: str, subject: str = "") -> set[str]:
    """The set of feature names of a mail's own words and its subject."""
    found: set[str] = set()
    add = found.add
    previous = ""
    for word in words(text):
        found.update(word_features(word))
        if previous:
            add("b:" + previous + " " + word)
        previous = word
    for word in subject_words(subject):
        add("s:" + word)
    return found


@lru_cache(maxsize=50_000)
def word_features(word: str) -> tuple[str, ...]:
    """A word's own features: itself and its character n-grams (remembered: most words of a
    mail recur in others)."""
    if len(word) > MAX_CHAR_WORD or word.isdigit():
        return ("w:" + word,)
    padded = " " + word + " "
    size = len(padded)
    return ("w:" + word, *("c:" + padded[start : start + n] for n in CHAR_NGRAMS if n <= size
                           for start in range(size - n + 1)))
