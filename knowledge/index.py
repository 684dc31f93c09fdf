"""The inverted index over every policy's answerable units, with BM25F-style field weights.

Each unit is indexed with four fields: its own words (BM25 term-frequency saturation and
length normalisation), its section's heading, its context (the lead-in of a list item, a
table's header) and the headings above its section. A term's weight in a unit is its fields
added up, scaled so that one mention in a unit of average length weighs 1.0; the other fields
weigh less than the unit's own words. Beside it, `cover` (0..1) says whether the unit speaks
to the term at all, for the coverage measure. Postings are numpy arrays sorted by unit number,
and units are numbered policy by policy, so a question scoped to one policy reads a slice.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from knowledge.models import Policy, Unit
from knowledge.tokens import content_stems, refers_to_all_before

K1 = 1.2
B = 0.5
HEADING_WEIGHT = 0.6
# A heading that is a question ("Can my insurer ask for my whole file?") is what the text under
# it answers: its words count as the unit's own.
QUESTION_HEADING_WEIGHT = 0.9
CONTEXT_WEIGHT = 0.45
ANCESTOR_WEIGHT = 0.3
NEIGHBOUR_WEIGHT = 0.25  # a sentence's context: the sentence before it
# A sentence that refers back early on ("You can contact her at ...", "Members keep receiving
# them after unsubscribing") is about what the sentence before it names. ("They" and "it" are
# too common as subjects of their own to count.)
REFERRING_WEIGHT = 1.0
_REFERS_BACK = frozenset({"he", "she", "him", "her", "his", "them"})
_REFER_WITHIN = 6  # words
MAX_BODY_WEIGHT = 1.6

IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Posting:
    """Units that mention a term: BM25F weight (for ranking) and cover (0..1, for coverage)."""

    ids: IntArray
    weights: FloatArray
    cover: FloatArray


@dataclass(frozen=True)
class UnitRef:
    """Where a unit lives: which policy and which unit in it."""

    policy: int
    unit: int


# "For these transfers we rely on ...", "In such cases ...": about what the sentence before named.
_DEMONSTRATIVE_OPENING = re.compile(
    r"^(?:for|in|with|under|after|from|by|to) (?:these|those|such|this|that) \w+", re.I)


def _refers_back(sentence: str) -> bool:
    """Does it name someone by pronoun in its first words ("You can contact her at ..."), or
    open on what the sentence before named ("For these transfers ...")?"""
    if _DEMONSTRATIVE_OPENING.match(sentence):
        return True
    return any(word.strip(".,;:()\"'").lower() in _REFERS_BACK
               for word in sentence.split(None, _REFER_WITHIN)[:_REFER_WITHIN])


def leans_on_context(unit: Unit) -> bool:
    """Is the sentence about what the sentence before it names ("They include ...", "You can
    contact her at ...")? Then that sentence counts as its own words."""
    if unit.kind != "sentence" or not unit.context:
        return False
    leans = unit.answer.startswith(unit.context) and unit.answer != unit.quote
    return leans or _refers_back(unit.quote) or refers_to_all_before(unit.quote)


class Index:
    """Postings for every stem in every unit of the given policies."""

    def __init__(self, policies: Sequence[Policy]) -> None:
        self.policies = tuple(policies)
        self.refs: list[UnitRef] = []
        self.ranges: list[tuple[int, int]] = []
        fields: list[tuple[Counter[str], set[str], set[str], set[str]]] = []
        self._sentence_ids: set[int] = set()  # their context is the sentence before
        self._referring_ids: set[int] = set()
        self._asked_ids: set[int] = set()  # under a heading that is a question
        context_stems: dict[str, set[str]] = {}  # list items share their lead-in
        for p_index, policy in enumerate(self.policies):
            start = len(self.refs)
            heading_stems = [set(content_stems(s.heading)) for s in policy.sections]
            ancestor_stems = [self._ancestors(policy, i, heading_stems)
                              for i in range(len(policy.sections))]
            for u_index, unit in enumerate(policy.units):
                if policy.sections[unit.section].heading.endswith("?"):
                    self._asked_ids.add(len(self.refs))
                if unit.kind == "sentence":
                    self._sentence_ids.add(len(self.refs))
                    # "They include ..." is answered together with the sentence before it
                    if leans_on_context(unit):
                        self._referring_ids.add(len(self.refs))
                self.refs.append(UnitRef(p_index, u_index))
                context = context_stems.get(unit.context)
                if context is None:
                    context = context_stems[unit.context] = set(content_stems(unit.context))
                fields.append((Counter(content_stems(self.body(unit))),
                               heading_stems[unit.section], context,
                               ancestor_stems[unit.section]))
            self.ranges.append((start, len(self.refs)))
        self.size = len(self.refs)
        self.postings, self.df = self._build(fields)
        self.vocabulary = list(self.postings)
        self.sorted_vocabulary = sorted(self.vocabulary)
        self.max_idf = self.idf_of(0)

    @staticmethod
    def body(unit: Unit) -> str:
        """The unit's own words (a fact's label and value too, and its links' targets)."""
        words = unit.quote if unit.kind != "fact" else f"{unit.answer} {unit.quote}"
        return " ".join((words, *unit.links))

    @staticmethod
    def _ancestors(policy: Policy, section: int, heading_stems: list[set[str]]) -> set[str]:
        stems: set[str] = set()
        parent = policy.sections[section].parent
        while parent is not None:
            stems |= heading_stems[parent]
            parent = policy.sections[parent].parent
        return stems

    def _build(self, fields: list[tuple[Counter[str], set[str], set[str], set[str]]],
               ) -> tuple[dict[str, Posting], dict[str, int]]:
        lengths = [sum(body.values()) for body, _, _, _ in fields]
        # Each policy's own average length: a unit's weights do not depend on which other
        # policies share the index.
        averages = [max(sum(lengths[start:end]) / max(end - start, 1), 1.0)
                    for start, end in self.ranges]
        unit_tf = (K1 + 1) / (1 + K1)  # the weight of one mention at average length
        term_ids: dict[str, int] = {}
        terms: list[int] = []
        units: list[int] = []
        values: list[float] = []
        covers: list[float] = []
        for unit_id, (body, heading, context, ancestors) in enumerate(fields):
            average = averages[self.refs[unit_id].policy]
            norm = K1 * (1 - B + B * lengths[unit_id] / average)
            weights: dict[str, float] = dict.fromkeys(ancestors, ANCESTOR_WEIGHT)
            context_weight = (CONTEXT_WEIGHT if unit_id not in self._sentence_ids
                              else REFERRING_WEIGHT if unit_id in self._referring_ids
                              else NEIGHBOUR_WEIGHT)
            for term in context:
                weights[term] = weights.get(term, 0.0) + context_weight
            heading_weight = (QUESTION_HEADING_WEIGHT if unit_id in self._asked_ids
                              else HEADING_WEIGHT)
            for term in heading:
                weights[term] = weights.get(term, 0.0) + heading_weight
            cover = {term: min(weight, 1.0) for term, weight in weights.items()}
            for term, tf in body.items():
                saturated = tf * (K1 + 1) / (tf + norm) / unit_tf
                weights[term] = weights.get(term, 0.0) + min(saturated, MAX_BODY_WEIGHT)
                cover[term] = 1.0  # the unit itself says it
            for term, weight in weights.items():
                terms.append(term_ids.setdefault(term, len(term_ids)))
                units.append(unit_id)
                values.append(weight)
                covers.append(cover[term])
        # Group the (term, unit) pairs by term; units stay in order within each term.
        term_array = np.asarray(terms, dtype=np.int32)
        order = np.argsort(term_array, kind="stable")
        unit_array = np.asarray(units, dtype=np.int32)[order]
        value_array = np.asarray(values, dtype=np.float32)[order]
        cover_array = np.asarray(covers, dtype=np.float32)[order]
        counts = np.bincount(term_array, minlength=len(term_ids))
        bounds = np.concatenate(([0], np.cumsum(counts))).tolist()
        postings: dict[str, Posting] = {}
        df: dict[str, int] = {}
        for term, number in term_ids.items():
            lo, hi = bounds[number], bounds[number + 1]
            postings[term] = Posting(unit_array[lo:hi], value_array[lo:hi], cover_array[lo:hi])
            df[term] = hi - lo
        return postings, df

    def idf_of(self, df: int) -> float:
        """BM25's idf, never negative."""
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def idf(self, term: str) -> float | None:
        """The term's idf, or None when no unit mentions it."""
        df = self.df.get(term)
        return None if df is None else self.idf_of(df)

    def stats(self, start: int, end: int) -> Stats:
        """Term statistics of units start..end-1: one policy's own, or the whole index's."""
        return Stats(self, start, end)

    def slice(self, term: str, start: int, end: int) -> Posting | None:
        """The term's postings for units start..end-1, or None."""
        posting = self.postings.get(term)
        if posting is None:
            return None
        if start == 0 and end == self.size:
            return posting
        lo, hi = np.searchsorted(posting.ids, [start, end])
        if lo == hi:
            return None
        return Posting(posting.ids[lo:hi], posting.weights[lo:hi], posting.cover[lo:hi])


class Stats:
    """Document frequencies over a range of units. A question scoped to one policy weighs its
    words by that policy's own statistics, so the answer does not shift with which other
    policies happen to be loaded, and a word this policy never uses counts as unknown."""

    def __init__(self, index: Index, start: int, end: int) -> None:
        self._index = index
        self._start, self._end = start, end
        self._whole = start == 0 and end == index.size
        self.size = end - start
        self.vocabulary = index.vocabulary
        self.sorted_vocabulary = index.sorted_vocabulary
        self.max_idf = self.idf_of(0)

    def idf_of(self, df: int) -> float:
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def known(self, term: str) -> bool:
        """Does any policy in the index use the term?"""
        return term in self._index.postings

    def idf(self, term: str) -> float | None:
        """The term's idf in this range, or None when no unit in it mentions the term."""
        if self._whole:
            return self._index.idf(term)
        posting = self._index.postings.get(term)
        if posting is None:
            return None
        lo, hi = np.searchsorted(posting.ids, [self._start, self._end])
        return None if lo == hi else self.idf_of(int(hi - lo))
