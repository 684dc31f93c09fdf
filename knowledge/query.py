"""A question -> the concepts it asks about, each with the index terms that can match it.

A concept is one meaningful word (or a vocabulary phrase such as "hang on to") of the
question. It matches its own stem fully, its privacy-vocabulary relatives at a discount, and,
when the policy never uses the word, the closest word the policy does use (rapidfuzz, for
typos). A term is a tuple of stems that must all be in a unit ("information commissioner").
A concept's weight is the idf of what it matches; a word no policy uses keeps a high weight,
because a question about something the policy never mentions should not be answered.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from knowledge.index import Stats
from knowledge.tokens import STOP_WORDS, content_stems, words
from knowledge.vocabulary import (
    GENERIC_WEIGHT,
    LIGHT_WORDS,
    PEOPLE_WEIGHT,
    PHRASE_WEIGHT,
    STOP_PHRASE_MARK,
    SYNONYM_WEIGHT,
    Term,
    generic_terms,
    people_terms,
    phrase_groups,
    related,
)

MAX_CONCEPTS = 40
MAX_QUESTION_CHARS = 4000
UNKNOWN_WEIGHT = 0.75  # share of the highest idf that an unknown word weighs
FUZZY_CUTOFF = 82.0
CLIPPED_MIN_LENGTH = 3
CLIPPED_EXTRA = 3  # "lab" -> "laboratori": a clipping drops at least three letters
CLIPPED_MAX = 2
FUZZY_WEIGHT = 0.75
FUZZY_MIN_LENGTH = 5
PREFIX_MIN = 2
FILLER_CUTOFF = 79.0
_FILLER = sorted(word for word in STOP_WORDS if len(word) > 1)
_UNITED_STATES = re.compile(r"\b(?:U\.S\.A?\.?|USA|US)\b")
# "will the dentist tell my GP", "will you tell facebook what I bought": telling someone else
# is sharing with them ("tell" alone is a stop word: "can you tell me ...").
_TELL_SOMEONE = re.compile(
    r"\btell(?:s|ing)?\s+(?!(?:me|us|you|him|her|them|it|whether|if|what|how|why|when|where|"
    r"who|which|about|anyone|someone|people)\b)", re.IGNORECASE)


@dataclass
class Concept:
    """One thing the question asks about and the index terms that match it."""

    word: str
    alternatives: dict[Term, float] = field(default_factory=dict)
    weight: float = 0.0
    # Written in capitals in the question ("PPS", "HIPAA") and used nowhere in scope, nor any
    # word meaning it: an acronym names one specific thing, and is no typo of another word.
    unknown_acronym: bool = False


# "Where else do we get personal info from?": the sources of the data, not a place.
_SOURCE = re.compile(r"\bwhere\b(?:\s+\w+){0,6}?\s+(?:get|gets|getting|obtain|obtains|receive"
                     r"|receives|collect|collects|gather|gathers)\b.*\bfrom\b", re.IGNORECASE)


# "hand my details to other companies", "hand them over": to share them.
_HAND_TO = re.compile(r"\bhand(?:s|ed|ing)?\b(?=(?:\s+\w+){0,3}?\s+(?:over|to)\b)", re.IGNORECASE)


# "if my account isn't used", "users who haven't logged in for a year": inactivity, which
# policies call "inactive" or "dormant" ("use" alone is too common to carry it).
_NOT_USED = re.compile(
    r"\b(?:isn'?t|is not|aren'?t|are not|not|haven'?t|hasn'?t|have not|has not|don'?t|"
    r"doesn'?t|never)\s+(?:been\s+)?(?:used|using|logged in|logging in|log in)\b",
    re.IGNORECASE)


# "a 14 year old", "my 12-year-old", "I'm 40", "aged 15": a person's age says whether they are
# a child or an adult, which is what a policy speaks of; the number itself it rarely uses.
_AGE = re.compile(
    r"\b(\d{1,3})[- ]?(?:years?|yrs?)[- ]?olds?\b"
    r"|\b(?:i'?m|i am|aged?)\s+(\d{1,3})\b(?!\s*(?:%|percent|minutes?|hours?|days?|weeks?"
    r"|months?|years?|mins?|times?)\b)", re.IGNORECASE)
ADULT_AGE = 18
AGE_WEIGHT = 2.0
_AGE_WORDS = frozenset(content_stems("child adult"))


def _age(match: re.Match[str]) -> str:
    years = int(match.group(1) or match.group(2))
    return " child " if years < ADULT_AGE else " adult "


def prepare(question: str) -> str:
    """The question as analysed: bounded, with "the US" told apart from "us"."""
    text = _UNITED_STATES.sub("United States", question[:MAX_QUESTION_CHARS])
    text = _AGE.sub(_age, text)
    text = _HAND_TO.sub("share", text)
    if _SOURCE.search(text):
        text = f"{text} sources"
    return _NOT_USED.sub("inactive", _TELL_SOMEONE.sub("share with ", text))


def analyse(question: str, index: Stats, drop: set[str]) -> list[Concept]:
    """The question's concepts, the organisations' own names (`drop`) left out."""
    text = prepare(question)
    stems = [stem for stem in content_stems(text) if stem not in drop]
    acronyms = _acronyms(text)
    unused = Counter(stems)
    concepts: list[Concept] = []
    for phrase, literal, members in phrase_groups(text):
        own = [stem for stem in phrase if not stem.startswith(STOP_PHRASE_MARK)]
        if any(unused[stem] <= 0 for stem in own):
            continue  # a longer phrase has already used these words
        for stem in own:
            unused[stem] -= 1
        concept = Concept(word=" ".join(phrase))
        concept.alternatives = dict.fromkeys(members, PHRASE_WEIGHT)
        if literal:
            concept.alternatives[phrase] = 1.0
        else:
            concept.alternatives.pop(phrase, None)
        concepts.append(concept)
    for word in dict.fromkeys(stems):
        if unused[word] <= 0:
            continue
        if _misspelt_filler(word, index):
            continue  # "thier", "cn": a typo of a word that says nothing
        concept = Concept(word=word, alternatives={(word,): 1.0})
        if word in acronyms:
            concept.unknown_acronym = not any(term_idf(term, index) is not None
                                              for term in related(word) | {(word,)})
            if concept.unknown_acronym:
                concepts.append(concept)
                continue  # not corrected to a word it resembles
        relatives = related(word)
        for relative in relatives:
            concept.alternatives.setdefault(relative, SYNONYM_WEIGHT)
        if index.idf(word) is None and len(word) >= FUZZY_MIN_LENGTH:
            _add_fuzzy(concept, index)
        if index.idf(word) is None and len(word) >= CLIPPED_MIN_LENGTH and not relatives:
            # a word of the privacy vocabulary is a word of its own: "fee" is no clipping of
            # "feedback"
            _add_clipped(concept, index)
        concepts.append(concept)
        if len(concepts) >= MAX_CONCEPTS:
            break
    aged = _AGE_WORDS if _AGE.search(question) else frozenset()
    for concept in concepts:
        _weigh(concept, index)
        if concept.word in aged:
            # "a 16 year old wants a day pass": the age is what the question turns on
            concept.weight *= AGE_WEIGHT
    return _merge_duplicates(concepts)


_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}(?=s?\b)")
MOSTLY_CAPITALS = 0.5  # a question typed in capitals has no acronyms to tell apart


def _acronyms(text: str) -> set[str]:
    """Stems of the words written in capitals ("PPS", "CVs"), unless the question is shouted."""
    found = [word for word in _ACRONYM.findall(text) if word != "I"]
    if not found or len(found) > MOSTLY_CAPITALS * len(text.split()):
        return set()
    return {stem for word in found for stem in content_stems(word)}


def term_idf(term: Term, index: Stats) -> float | None:
    """A term's idf: its rarest stem's, if the index has every stem; else None."""
    idfs = [index.idf(stem) for stem in term]
    if any(idf is None for idf in idfs):
        return None
    return max(idf for idf in idfs if idf is not None)


def _misspelt_filler(word: str, index: Stats) -> bool:
    """A word no policy uses and no vocabulary knows, one slip away from a stop word."""
    if index.known(word) or related(word):
        return False
    close = process.extract(word, _FILLER, scorer=fuzz.ratio, score_cutoff=FILLER_CUTOFF,
                            limit=None)
    return any(filler[0] == word[0] and _slip(word, filler) for filler, _, _ in close)


def _slip(word: str, filler: str) -> bool:
    """Two letters swapped ("thier") or one left out or doubled ("cn", "thhe"): typing slips
    that make no other word, unlike a changed letter ("bring" is not "being")."""
    if len(word) == len(filler):
        return sorted(word) == sorted(filler)
    short, long_ = sorted((word, filler), key=len)
    if len(long_) - len(short) != 1:
        return False
    rest = iter(long_)
    return all(letter in rest for letter in short)


def _add_clipped(concept: Concept, index: Stats) -> None:
    """A clipped word ("labs", "docs", "admin") matches the few longer words it begins."""
    word = concept.word
    vocabulary = index.sorted_vocabulary
    found: list[str] = []
    at = bisect.bisect_left(vocabulary, word)
    while at < len(vocabulary) and vocabulary[at].startswith(word):
        if len(vocabulary[at]) >= len(word) + CLIPPED_EXTRA:
            found.append(vocabulary[at])
        if len(found) > CLIPPED_MAX:
            return  # too common a beginning to be a clipping of one word
        at += 1
    for full in found:
        concept.alternatives.setdefault((full,), FUZZY_WEIGHT)


def _add_fuzzy(concept: Concept, index: Stats) -> None:
    if not index.vocabulary:
        return
    best = process.extractOne(concept.word, index.vocabulary, scorer=fuzz.ratio,
                              score_cutoff=FUZZY_CUTOFF)
    if best is not None and not _prefixed(concept.word, best[0]):
        concept.alternatives.setdefault((best[0],), FUZZY_WEIGHT * best[1] / 100.0)


def _prefixed(word: str, other: str) -> bool:
    """One word is the other with a prefix ("remarketing" / "marketing", "nonessential"):
    a different word, not a typo of it."""
    short, long = sorted((word, other), key=len)
    return len(long) - len(short) >= PREFIX_MIN and long.endswith(short)


def _weigh(concept: Concept, index: Stats) -> None:
    own = [term_idf(term, index) for term, factor in concept.alternatives.items()
           if factor == 1.0]
    present = [idf for idf in own if idf is not None]
    if not present:
        others = [idf for idf in (term_idf(term, index) for term in concept.alternatives)
                  if idf is not None]
        present = [sum(others) / len(others)] if others else []
    concept.weight = max(present) if present else UNKNOWN_WEIGHT * index.max_idf
    if concept.alternatives.keys() & people_terms():
        concept.weight *= PEOPLE_WEIGHT
    elif concept.alternatives.keys() & generic_terms() or concept.word in LIGHT_WORDS:
        concept.weight *= GENERIC_WEIGHT
    # A rare word matched through a common synonym is only weak evidence.
    for term, factor in list(concept.alternatives.items()):
        idf = term_idf(term, index)
        if factor < 1.0 and idf is not None and idf < concept.weight:
            concept.alternatives[term] = factor * (idf / concept.weight) ** 0.5


def _merge_duplicates(concepts: list[Concept]) -> list[Concept]:
    """Two question words that are synonyms of each other ask one thing, not two."""
    merged: list[Concept] = []
    for concept in concepts:
        twin = next((other for other in merged
                     if set(other.alternatives) == set(concept.alternatives)), None)
        if twin is None:
            merged.append(concept)
        else:
            twin.weight = max(twin.weight, concept.weight)
            for term, factor in concept.alternatives.items():
                twin.alternatives[term] = max(factor, twin.alternatives.get(term, 0.0))
    return merged


def mentioned_words(question: str) -> set[str]:
    """Lower-case words of the question (for spotting organisation names)."""
    return set(words(question[:MAX_QUESTION_CHARS]))
