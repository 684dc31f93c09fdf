"""Ranking a policy's units for a question's concepts.

Every unit in scope gets, for each concept, the best weight of any term that matches it
(index.py), times the concept's weight. Three sums come out: `score` (BM25F-like, rewards
strong matches), `coverage` (each concept capped at one full match, divided by the question's
total weight: how much of the question the unit speaks to) and `literal` (the question's own
words only, so an exact match beats a synonym). A first stage ranks units by those sums; the
best RERANK are described by every feature of model.FEATURES (the sums, what the unit's shape
offers the question's shape (shapes.py), rapidfuzz similarity to the question and to its
heading, semantic similarity (sentence embeddings, semantic.py) to the question and to its
section path, length and kind) and ranked by their dot product with the fitted weights.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from knowledge.index import FloatArray, Index, Posting
from knowledge.model import FEATURES, RANK_WEIGHTS
from knowledge.models import Unit
from knowledge.query import Concept
from knowledge.semantic import Semantic
from knowledge.shapes import QuestionShape, UnitShape, value_kinds
from knowledge.vocabulary import SYNONYM_WEIGHT

SPAN_WORDS = 40  # an answer longer than this is not the smallest span that answers
MAX_SPAN_DOUBLINGS = 3.0
# "Where are we based / located?" is answered by an address, wherever it stands.
LOCATED = frozenset(["base", "locat", "headquart"])
ADDRESS_TERMS = (("address",), ("regist", "offic"), ("postal",), ("contact",))
NOVELTY_MIN = 2
RERANK = 40  # units of the first stage that are reranked on every feature
_SIMILARITY = [FEATURES.index("similarity"), FEATURES.index("heading_similarity")]
_SEMANTIC = [FEATURES.index("semantic"), FEATURES.index("heading_semantic")]


@dataclass(frozen=True)
class Ranked:
    """A unit's place in the ranking: `rank` orders, `coverage` decides confidence."""

    rank: float
    coverage: float
    uid: int
    features: tuple[float, ...] = ()  # in the order of model.FEATURES


class Ranker:
    """Scores units of an index; `unit` and `heading` look a unit and its heading up."""

    def __init__(self, index: Index, unit: Callable[[int], Unit],
                 heading: Callable[[int], str],
                 weights: Sequence[float] = RANK_WEIGHTS,
                 semantic: Semantic | None = None) -> None:
        self._index = index
        self._semantic = semantic
        self._weights = np.asarray(weights, dtype=np.float64)
        self._longest = max((len(unit(uid).answer.split()) for uid in range(index.size)),
                            default=1)
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
        weights = self._weights
        candidates = np.flatnonzero(coverage > 0)
        if candidates.size == 0:
            return []
        # The first stage (coverage, score, literal words) picks the units worth reranking.
        first = weights[0] * coverage + weights[1] * np.minimum(score / total, 2.0) + \
            weights[2] * np.minimum(literal / total, 3.0)
        # Only units that the other features could still lift to the top are worth reranking.
        typed_share = sum(weight for _, weight, _ in typed) / total
        candidates = candidates[first[candidates] >= first[candidates].max()
                                - self._reach(shape, typed_share)]
        if candidates.size > RERANK:
            candidates = candidates[np.argpartition(-first[candidates], RERANK)[:RERANK]]
        asked = {stem for concept in concepts for alternative in concept.alternatives
                 for stem in alternative}
        own = {stem for concept in concepts for alternative, factor in
               concept.alternatives.items() if factor == 1.0 for stem in alternative}
        topics = [([(frozenset(term), factor) for term, factor in concept.alternatives.items()],
                   concept.weight / total) for concept in concepts]
        by_heading: dict[frozenset[str], float] = {}  # units of a section share its heading
        table = np.zeros((candidates.size, len(FEATURES)), dtype=np.float64)
        extras = np.zeros(candidates.size, dtype=np.float64)
        for row, local in enumerate(candidates.tolist()):
            uid = local + start
            extra = sum(weight * (1.0 - float(already[local])) for kinds, weight, already
                        in typed if kinds & self._shape(uid).values) / total
            extras[row] = extra
            table[row] = self.features(shape, asked, own, uid, (
                float(coverage[local]), min(float(score[local]) / total, 2.0),
                min(float(literal[local]) / total, 3.0), extra,
                self._topic(topics, uid, by_heading)))
        if self._semantic is not None:
            # The question is embedded once (the dearest step of ranking, about 10 ms), then
            # compared with each candidate by a dot product. (Letting the units nearest in
            # meaning join the candidates whatever words they share was tried: no better.)
            vector = self._semantic.question(question)
            to_units, to_headings = self._semantic.similarity(vector, candidates + start)
            table[:, _SEMANTIC[0]] = to_units
            table[:, _SEMANTIC[1]] = to_headings
        ranks = table @ weights
        # String similarity (each in [0, 1]) is the dearest feature: only units it could still
        # lift to the top get it.
        reach = sum(max(float(weights[column]), 0.0) for column in _SIMILARITY)
        for row in np.flatnonzero(ranks >= ranks.max() - reach).tolist():
            uid = int(candidates[row]) + start
            table[row, _SIMILARITY] = self._similarity(shape, uid)
            ranks[row] = table[row] @ weights
        results = [Ranked(float(ranks[row]), float(coverage[local]) + float(extras[row]),
                          local + start, tuple(table[row].tolist()))
                   for row, local in enumerate(candidates.tolist())]
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

    def features(self, question: QuestionShape, asked: set[str], own: set[str], uid: int,
                 matched: tuple[float, float, float, float, float]) -> list[float]:
        """The unit's features for this question, in the order of model.FEATURES: the five
        match sums, then what its shape offers the question's shape, then string similarity
        (left at 0 here: `rank` works it out where it can matter)."""
        unit = self._shape(uid)
        wh_novelty = bool(question.wh and len(unit.stems - own) + unit.numbers < NOVELTY_MIN)
        spans = 0.0
        if unit.length > SPAN_WORDS and not (unit.kind == "list" and question.wants_list):
            spans = min(math.log2(unit.length / SPAN_WORDS), MAX_SPAN_DOUBLINGS)
        return [
            *matched,
            float(bool(question.defined) and unit.defines == question.defined),
            float(unit.kind == "list" and question.wants_list),
            float(unit.looked_up(asked)),
            float(wh_novelty),  # it only repeats the question ("We respect your rights.")
            float(unit.answer_type_fits(question)),
            float(bool(question.ours) and unit.party),  # "where are we based?" is not the ICO's
            float(question.asks_right and unit.about_rights),  # "can someone ask us to ...?"
            float(bool(question.polar) and question.polar in unit.we_verbs),  # "do we sell?"
            spans,
            0.0,  # similarity: filled in by `rank` for the units it could lift
            0.0,
            math.log1p(unit.length),
            float(unit.kind == "fact"),
            float(unit.kind == "item"),
            float(unit.kind == "list"),
            0.0,  # semantic similarity: filled in by `rank` when the model is there
            0.0,
        ]

    def _reach(self, question: QuestionShape, typed_share: float) -> float:
        """The most the features beyond the first stage can move a unit's rank, up or down,
        for this question: each weight times its feature's range."""
        ranges = {"value": typed_share, "topic": 1.0, "definition": float(bool(question.defined)),
                  "list_wanted": float(question.wants_list), "label": 1.0,
                  "no_news": float(bool(question.wh)), "answer_type": 1.0,
                  "other_party": float(bool(question.ours)), "rights": float(question.asks_right),
                  "polar": float(bool(question.polar)), "too_long": MAX_SPAN_DOUBLINGS,
                  "similarity": 1.0, "heading_similarity": 1.0,
                  "log_length": math.log1p(self._longest), "fact": 1.0, "item": 1.0, "list": 1.0,
                  "semantic": float(self._semantic is not None),
                  "heading_semantic": float(self._semantic is not None)}
        return sum(abs(float(self._weights[FEATURES.index(name)])) * span
                   for name, span in ranges.items())

    def _similarity(self, question: QuestionShape, uid: int) -> tuple[float, float]:
        """rapidfuzz similarity of the question to the unit's words and to its heading."""
        unit = self._shape(uid)
        return (fuzz.token_set_ratio(question.plain, unit.plain_answer) / 100.0,
                fuzz.ratio(question.plain, unit.plain_heading) / 100.0)

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


def _best(size: int, ids: np.ndarray, weights: FloatArray) -> FloatArray:
    """Per unit, the largest of the weights given for it (0 where none)."""
    best = np.zeros(size, dtype=np.float32)
    np.maximum.at(best, ids, weights)
    return best
