"""Ranking a policy's units for a question's concepts.

Every unit in scope gets, for each concept, the best weight of any term that matches it
(index.py), times the concept's weight. Three sums come out: `score` (BM25F-like, rewards
strong matches), `coverage` (each concept capped at one full match, divided by the question's
total weight: how much of the question the unit speaks to) and `literal` (the question's own
words only, so an exact match beats a synonym). Units are ranked by coverage plus shares of
score and literal; the best few are reranked with rapidfuzz similarity to the question (the
unit's words and its section heading) and the question's shape (shapes.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from knowledge.index import FloatArray, Index, Posting
from knowledge.models import Unit
from knowledge.query import Concept
from knowledge.shapes import QuestionShape, UnitShape, value_kinds
from knowledge.vocabulary import SYNONYM_WEIGHT

SCORE_SHARE = 0.15
LITERAL_SHARE = 0.1
FUZZ_SHARE = 0.05
HEADING_SHARE = 0.1
DEFINITION_BONUS = 0.15
LIST_BONUS = 0.1
LABEL_BONUS = 0.1
ANSWER_TYPE_BONUS = 0.08
TOPIC_SHARE = 0.25
SPAN_WORDS = 40  # an answer longer than this is not the smallest span that answers
SPAN_PENALTY = 0.06  # per doubling of the length beyond SPAN_WORDS
MAX_SPAN_PENALTY = 0.18
# "Where are we based / located?" is answered by an address, wherever it stands.
LOCATED = frozenset(["base", "locat", "headquart"])
ADDRESS_TERMS = (("address",), ("regist", "offic"), ("postal",), ("contact",))
POLAR_BONUS = 0.1
OTHER_PARTY_PENALTY = 0.05
RIGHTS_BONUS = 0.15
NOVELTY_MIN = 2
NOVELTY_PENALTY = 0.2
RERANK = 40
# What reranking can add to (or take from) any unit, whatever the question; the bonuses that
# only some questions earn are added per question in `_lift`.
MAX_BONUS = (FUZZ_SHARE + HEADING_SHARE + TOPIC_SHARE + LABEL_BONUS + ANSWER_TYPE_BONUS
             + NOVELTY_PENALTY + MAX_SPAN_PENALTY + OTHER_PARTY_PENALTY)


@dataclass(frozen=True)
class Ranked:
    """A unit's place in the ranking: `rank` orders, `coverage` decides confidence."""

    rank: float
    coverage: float
    uid: int


class Ranker:
    """Scores units of an index; `unit` and `heading` look a unit and its heading up."""

    def __init__(self, index: Index, unit: Callable[[int], Unit],
                 heading: Callable[[int], str]) -> None:
        self._index = index
        self._unit = unit
        self._heading = heading
        self._shapes: dict[int, UnitShape] = {}

    def rank(self, question: str, concepts: list[Concept], start: int,
             end: int) -> list[Ranked]:
        """Every unit in start..end-1 that matches, best first."""
        size = end - start
        score = np.zeros(size, dtype=np.float32)
        covered = np.zeros(size, dtype=np.float32)
        literal = np.zeros(size, dtype=np.float32)
        total = sum(concept.weight for concept in concepts) or 1.0
        shape = QuestionShape.of(question)
        # Concepts that a value answers (a phone number, a time span): per unit, how well the
        # unit's words already cover each, so that a value found in it can make up the rest.
        typed: list[tuple[frozenset[str], float, FloatArray]] = []
        for concept in concepts:
            kinds = value_kinds(concept.word, shape)
            if "address" in kinds and concept.word in LOCATED:
                # "where are we based?": an address answers it, whatever words surround it
                concept = Concept(concept.word, {**dict.fromkeys(ADDRESS_TERMS, SYNONYM_WEIGHT),
                                                 **concept.alternatives}, concept.weight)
            before = covered.copy() if kinds else None
            found = [(posting, factor, len(term))
                     for term, factor in concept.alternatives.items()
                     if (posting := self.postings(term, start, end)) is not None]
            if found:
                self._add(concept, found, start, size, score, covered, literal)
            if before is not None:
                typed.append((kinds, concept.weight, (covered - before) / concept.weight))
        coverage = covered / total
        rank = (coverage + SCORE_SHARE * np.minimum(score / total, 2.0)
                + LITERAL_SHARE * np.minimum(literal / total, 3.0))
        candidates = np.flatnonzero(coverage > 0)
        if candidates.size == 0:
            return []
        # Only units that a bonus could still lift to the top are worth reranking.
        lift = _lift(shape) + sum(weight for _, weight, _ in typed) / total
        candidates = candidates[rank[candidates] >= rank[candidates].max() - lift]
        if candidates.size > RERANK:
            candidates = candidates[np.argpartition(-rank[candidates], RERANK)[:RERANK]]
        asked = {stem for concept in concepts for alternative in concept.alternatives
                 for stem in alternative}
        own = {stem for concept in concepts for alternative, factor in
               concept.alternatives.items() if factor == 1.0 for stem in alternative}
        topics = [([(frozenset(term), factor) for term, factor in concept.alternatives.items()],
                   concept.weight / total) for concept in concepts]
        results = []
        by_heading: dict[frozenset[str], float] = {}  # units of a section share its heading
        for local in candidates.tolist():
            uid = local + start
            extra = sum(weight * (1.0 - float(already[local])) for kinds, weight, already
                        in typed if kinds & self._shape(uid).values) / total
            results.append(Ranked(float(rank[local]) + extra + self._bonus(shape, asked, own, uid)
                                  + TOPIC_SHARE * self._topic(topics, uid, by_heading),
                                  float(coverage[local]) + extra, uid))
        # String similarity is the dearest part and can add at most FUZZ_SHARE + HEADING_SHARE:
        # only units that close enough to the best can still be lifted by it.
        best = max(item.rank for item in results)
        results = [Ranked(item.rank + self._similarity(shape, item.uid), item.coverage, item.uid)
                   if item.rank >= best - FUZZ_SHARE - HEADING_SHARE else item
                   for item in results]
        results.sort(key=lambda item: (-item.rank, item.uid))
        return results

    def _shape(self, uid: int) -> UnitShape:
        shape = self._shapes.get(uid)
        if shape is None:
            shape = self._shapes[uid] = UnitShape.of(self._unit(uid), self._heading(uid))
        return shape

    def _add(self, concept: Concept, found: list[tuple[Posting, float, int]], start: int,
             size: int, score: FloatArray, covered: FloatArray, literal: FloatArray) -> None:
        """Add one concept's matches to the running sums."""
        ids = np.concatenate([posting.ids for posting, _, _ in found]) - start
        score += concept.weight * _best(size, ids, np.concatenate(
            [posting.weights * factor for posting, factor, _ in found]))
        covered += concept.weight * _best(size, ids, np.concatenate(
            [posting.cover * factor for posting, factor, _ in found]))
        for posting, factor, words in found:
            if factor == 1.0:  # the question's own words, each counted
                literal[posting.ids - start] += concept.weight * posting.weights * words

    def _topic(self, topics: list[tuple[list[tuple[frozenset[str], float]], float]],
               uid: int, seen: dict[frozenset[str], float]) -> float:
        """How much of the question the unit's section heading names: a section headed
        "International transfers" is where "do we send data outside the UK?" is answered."""
        heading = self._shape(uid).topic
        if not heading:
            return 0.0
        found = seen.get(heading)
        if found is None:
            found = seen[heading] = sum(
                share * max((factor for term, factor in terms if term <= heading), default=0.0)
                for terms, share in topics)
        return found

    def _similarity(self, question: QuestionShape, uid: int) -> float:
        """rapidfuzz similarity of the question to the unit's words and to its heading."""
        unit = self._shape(uid)
        return (FUZZ_SHARE * fuzz.token_set_ratio(question.plain, unit.plain_answer) / 100.0
                + HEADING_SHARE * fuzz.ratio(question.plain, unit.plain_heading) / 100.0)

    def _bonus(self, question: QuestionShape, asked: set[str], own: set[str],
               uid: int) -> float:
        unit = self._shape(uid)
        bonus = 0.0
        if question.defined and unit.defines == question.defined:
            bonus += DEFINITION_BONUS
        if unit.kind == "list" and question.wants_list:
            bonus += LIST_BONUS
        if unit.looked_up(asked):
            bonus += LABEL_BONUS
        if question.wh and len(unit.stems - own) + unit.numbers < NOVELTY_MIN:
            bonus -= NOVELTY_PENALTY  # it only repeats the question ("We respect your rights.")
        if unit.answer_type_fits(question):
            bonus += ANSWER_TYPE_BONUS
        if question.ours and unit.party:
            bonus -= OTHER_PARTY_PENALTY  # "where are we based?" is not the ICO's address
        if question.asks_right and unit.about_rights:
            bonus += RIGHTS_BONUS  # "can someone ask us to delete ...?" -> their rights
        if question.polar and question.polar in unit.we_verbs:
            bonus += POLAR_BONUS  # "do we sell ...?" -> "We never sell ..."
        if unit.length > SPAN_WORDS and not (unit.kind == "list" and question.wants_list):
            bonus -= min(SPAN_PENALTY * math.log2(unit.length / SPAN_WORDS), MAX_SPAN_PENALTY)
        return bonus

    def postings(self, term: tuple[str, ...], start: int, end: int) -> Posting | None:
        """Units start..end-1 holding every stem of the term, each stem's weakest weight."""
        if len(term) == 1:
            return self._index.slice(term[0], start, end)
        parts = [self._index.slice(stem, start, end) for stem in term]
        if any(part is None for part in parts):
            return None
        size = end - start
        weights = np.full(size, np.inf, dtype=np.float32)
        cover = np.full(size, np.inf, dtype=np.float32)
        for part in parts:
            assert part is not None
            dense = np.zeros(size, dtype=np.float32)
            dense[part.ids - start] = part.weights
            np.minimum(weights, dense, out=weights)
            dense[part.ids - start] = part.cover
            np.minimum(cover, dense, out=cover)
        local = np.flatnonzero(weights > 0)
        if local.size == 0:
            return None
        return Posting((local + start).astype(np.int32), weights[local], cover[local])


def _lift(question: QuestionShape) -> float:
    """The most reranking can change a unit's rank for this question."""
    return (MAX_BONUS + DEFINITION_BONUS * bool(question.defined)
            + LIST_BONUS * question.wants_list + POLAR_BONUS * bool(question.polar)
            + RIGHTS_BONUS * question.asks_right)


def _best(size: int, ids: np.ndarray, weights: FloatArray) -> FloatArray:
    """Per unit, the largest of the weights given for it (0 where none)."""
    best = np.zeros(size, dtype=np.float32)
    np.maximum.at(best, ids, weights)
    return best
