"""Privacy-domain vocabulary: the words staff use mapped to the words policies use.

Each group is a set of words and phrases that, in a privacy policy, name the same thing. A
question word in a group also matches the group's other members (at a discount). Phrases
("hang on to", "opt out") are read from the question before it is cut into words. This is
general domain knowledge of data-protection writing, not a list of any policy's questions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.groups import GROUPS
from knowledge.tokens import content_stems

# Groups that name who or what every policy is about: a question word from one of these says
# little about where the answer is, so it weighs less than its rarity suggests.
GENERIC_GROUP_HEADS = ("data", "use", "website", "privacy", "company")
GENERIC_WEIGHT = 0.25
# Who the data is about: in a policy that is simply "you", whatever the question calls them.
PEOPLE_GROUP_HEAD = "client"
PEOPLE_WEIGHT = 0.1

# Verbs that say how data moves or is dealt with in general ("do we work with kids", "do we
# send data abroad"): the question is about what follows them, so they weigh like generic words.
LIGHT_WORDS = frozenset(content_stems("work works working deal deals dealing send sends sending "
                                      "sent stuff"))

SYNONYM_WEIGHT = 0.8
STOP_PHRASE_MARK = "~"
# "do we have to action it within a month": a modal, not a question about what is mandatory.
_MODALS = frozenset({"have to", "need to"})
PHRASE_WEIGHT = 0.9


Term = tuple[str, ...]  # stems that must all be present: one word, or a phrase's words


def _term(entry: str) -> Term:
    return tuple(content_stems(entry))


def _group_terms(head: str) -> frozenset[Term]:
    return frozenset(term for group in GROUPS if group[0] == head
                     for term in map(_term, group) if term)


@lru_cache(maxsize=1)
def people_terms() -> frozenset[Term]:
    """Terms of the people group (clients, users, individuals, ...)."""
    return _group_terms(PEOPLE_GROUP_HEAD)


@lru_cache(maxsize=1)
def generic_terms() -> frozenset[Term]:
    """Terms of the generic groups (see GENERIC_GROUP_HEADS)."""
    return frozenset().union(*(_group_terms(head) for head in GENERIC_GROUP_HEADS))


# A phrase that keeps only one of these after stop words ("taken off" -> "taken") must not
# make that verb a synonym everywhere ("take" is not "delete").
_LIGHT_VERBS = frozenset(content_stems("take taken get got make made turn put set give go come "
                                       "switch bring hand pass send pick buy "
                                       "apply"))


def _usable(entry: str, term: Term) -> bool:
    """May the entry's stems stand for the group in a policy's text?"""
    return bool(term) and not (len(entry.split()) > 1 and len(term) == 1
                               and term[0] in _LIGHT_VERBS)


# A vocabulary phrase: its first word (which must occur in the text for the pattern to match, a
# cheap test before the regex), its pattern, its stems, whether they may match literally, and
# the terms of its group.
_Phrase = tuple[str, re.Pattern[str], Term, bool, set[Term]]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, set[Term]], list[_Phrase]]:
    """stem -> related terms, and the vocabulary's phrases (see _Phrase)."""
    by_stem: dict[str, set[Term]] = {}
    phrases: list[_Phrase] = []
    for group in GROUPS:
        members = {term for entry in group if _usable(entry, term := _term(entry))}
        for entry in group:
            term = _term(entry)
            if not term and len(entry.split()) > 1 and entry not in _MODALS:
                # All stop words ("say no to"): the phrase still names its group, through a
                # marker no text holds, so it never matches literally.
                term = (STOP_PHRASE_MARK + "_".join(entry.split()),)
            if not term:
                continue
            usable = _usable(entry, term) and not term[0].startswith(STOP_PHRASE_MARK)
            if len(entry.split()) > 1 or "-" in entry:
                words = re.split(r"[\s-]+", entry)
                # Each word may carry an ending ("handing over", "opted out"), and one word
                # may come between two ("stop us sending").
                pattern = re.compile(r"\b" + r"\w{0,4}(?:\W+\w+)?\W+".join(map(re.escape, words))
                                     + r"\w{0,4}\b")
                phrases.append((words[0], pattern, term, usable, members))
            if len(term) == 1 and usable:
                by_stem.setdefault(term[0], set()).update(members)
    phrases.sort(key=lambda phrase: -len(phrase[2]))
    return by_stem, phrases


def related(stem: str) -> set[Term]:
    """Terms that mean the same as this stem in a privacy policy (not including itself)."""
    return _tables()[0].get(stem, set()) - {(stem,)}


def phrase_groups(question: str) -> list[tuple[Term, bool, set[Term]]]:
    """(phrase stems, whether those stems may match literally, related terms) for each
    vocabulary phrase in the question, longest first."""
    lowered = question.lower()
    return [(term, usable, members) for first, pattern, term, usable, members in _tables()[1]
            if first in lowered and pattern.search(lowered)]
