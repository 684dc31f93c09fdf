"""KnowledgeBase: ask a question of one policy or all of them; get the policy's words or a no.

The question becomes concepts (query.py), the units in scope are ranked (ranking.py), and the
best unit that can answer (never a lead-in whose list was lost) is the answer, quoted and
cited. Its confidence is the fitted logistic regression of model.py over the answer's
features (coverage, the largest missing concept, margin over the next unit, kind, length,
the hand-set coverage calibration of before, and semantic similarity to the question);
below the model's threshold the base abstains and points at the two closest sections. An
answer whose neighbour in its section ranks nearly as well is quoted with it.
Structural checks (support.py; lost lists, empty sections) still rule answers out whatever
their confidence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.errors import QuestionError, UnknownPolicyError
from knowledge.index import Index
from knowledge.model import FEATURES, Model
from knowledge.models import Answer, Citation, Policy, Unit
from knowledge.query import Concept, analyse, mentioned_words
from knowledge.ranking import Ranked, Ranker
from knowledge.semantic import Semantic
from knowledge.shapes import QuestionShape, holds_value, looked_up_values, value_kinds
from knowledge.support import (
    KEEPING,
    SPEED,
    asks_duration,
    empty_sections,
    heading_share,
    row_names_subject,
    states_duration,
)
from knowledge.tokens import content_stems

# The hand-set coverage calibration of before, now one feature of the fitted confidence (and
# the confidence itself when a Model has no confidence weights).
THRESHOLD = 0.5
ABSTAIN_COVERAGE = 0.46  # coverage at which that calibration gives THRESHOLD
COVERAGE_SLOPE = 12.0
# Even a full match is wrong about one time in ten on our question sets (a synonym leads to
# the wrong sentence): confidence tops out there instead of promising certainty.
CEILING = 0.9
EXTRA_CITATIONS = 2
# When the best units do not speak to the question's subject (support.py), the next few may;
# beyond them the policy does not say.
FALLBACK = 2
# A lead-in whose list was lost, this close to the answer in its own section, was the answer.
LEAD_NEAR = 0.8
# An empty section whose heading names this share of the question is where it is answered.
EMPTY_SHARE = 0.95
# A question whose main concern the answer never touches (not even by a synonym) is not
# answered by it, however well it covers the rest: "what is the DPO's phone number?" is not
# answered by a sentence giving some phone number. The share of the question's weight held by
# its largest wholly missing concept, beyond MISSING_FREE, comes off the coverage.
MISSING_FREE = 0.35
MISSING_WEIGHT = 0.5
# The right sentence is often the one beside the best-ranked (another sentence of the same
# paragraph): when that neighbour (same section, same kind) ranks within NEIGHBOUR_MARGIN of
# the answer and among the first NEIGHBOUR_PLACE + 1 units that can answer, both are quoted,
# in the policy's order. Chosen on ten folds split by policy over the project's sets and
# every writer's unseen policies, a lengthened answer costing a tenth of a question
# (bench/span_neighbour_cv.py; docs/evaluation.md, 2026-12-07).
NEIGHBOUR_MARGIN = 0.3
NEIGHBOUR_PLACE = 3
_SEMANTIC = FEATURES.index("semantic")
_HEADING_SEMANTIC = FEATURES.index("heading_semantic")


@dataclass(frozen=True)
class Assessment:
    """An answer and the confidence model's features of the answer it weighed (empty when a
    check ruled the policy's best units out before any confidence was worked out)."""

    answer: Answer
    features: tuple[float, ...] = ()


_TITLE_NOISE = frozenset({"privacy", "policy", "notice", "the", "of", "and", "ltd", "limited",
                          "inc", "llc", "plc", "gmbh", "co", "company"})


class KnowledgeBase:
    """An index over one or more parsed policies, answering questions from their text."""

    def __init__(self, policies: Sequence[Policy], model: Model | None = None) -> None:
        self._policies = tuple(policies)
        self._model = model or Model()
        self._index = Index(self._policies)
        self._semantic = Semantic.build(self._policies) if self._model.semantic else None
        self._ranker = Ranker(self._index, self._unit, self._heading, self._model.rank_weights,
                              self._semantic)
        self._by_id = {policy.id: number for number, policy in enumerate(self._policies)}
        titles = [set(policy.title.lower().split()) - _TITLE_NOISE for policy in self._policies]
        # Words that name one organisation: a question using them is about that one. A word in
        # two titles ("Aimigos Studio", "IMGN Studio") names neither, even when a third lacks it.
        seen = Counter(word for title in titles for word in title)
        self._naming_words = [{word for word in title if seen[word] == 1} for title in titles]
        self._title_stems = {stem for policy in self._policies
                             for stem in content_stems(policy.title)}
        self._empty = [empty_sections(policy) for policy in self._policies]

    @classmethod
    def build(cls, policies: Sequence[Policy], model: Model | None = None) -> KnowledgeBase:
        return cls(policies, model)

    def policy_ids(self) -> list[str]:
        return [policy.id for policy in self._policies]

    def policy(self, policy_id: str) -> Policy:
        if policy_id not in self._by_id:
            known = ", ".join(self._by_id) or "none"
            raise UnknownPolicyError(f"unknown policy {policy_id!r} (known: {known})")
        return self._policies[self._by_id[policy_id]]

    def ask(self, question: str, policy: str | None = None) -> Answer:
        """Answer from one policy (by id) or from all; abstain when the policies don't say."""
        return self.assess(question, policy).answer

    def assess(self, question: str, policy: str | None = None,
               threshold: float | None = None) -> Assessment:
        """`ask`, with what decided it: the confidence model's features of the best answer
        (empty when a check ruled every answer out). `threshold` overrides the model's
        answer-or-abstain line (0 gives the answer whatever its confidence)."""
        if not isinstance(question, str) or not question.strip():
            raise QuestionError("the question is empty")
        line = self._model.threshold if threshold is None else threshold
        question = " ".join(question.split())
        scope = self._scope(question, policy)
        if scope is None:
            return Assessment(self._abstain(question, []))
        concepts = analyse(question, self._index.stats(*scope), self._title_stems)
        if not concepts:
            return Assessment(self._abstain(question, []))
        ranked = self._ranker.rank(question, concepts, *scope)
        answerable = [item for item in ranked if self._unit(item.uid).kind != "lead"]
        if not answerable:
            return Assessment(self._abstain(question, ranked))
        shape = QuestionShape.of(question)
        valued = {concept.word for concept in concepts if value_kinds(concept.word, shape)}
        timed = asks_duration(shape.plain, concepts)
        wanted = looked_up_values(shape, valued)
        supported = [item for item in answerable[:FALLBACK]
                     if self._supports(concepts, item.uid, valued, shape.asks_time, timed,
                                       bool(SPEED.search(shape.plain)))
                     and all(holds_value(kind, self._unit(item.uid).answer) for kind in wanted)]
        if not supported or any(concept.unknown_acronym for concept in concepts):
            # an acronym the policy never uses ("PPS number") names a thing it does not speak of
            return Assessment(self._abstain(question, ranked, min(
                self._confidence(concepts, ranked, answerable[0], answerable[0])[0],
                line - 0.01)))
        best = supported[0]
        confidence, features = self._confidence(concepts, ranked, best, answerable[0])
        if self._lost_list_wins(ranked[0], best) or (
                (shape.wants_list or shape.plain.startswith("which"))
                and self._lost_list_here(ranked, best)):
            return Assessment(self._abstain(question, ranked, min(confidence, line - 0.01)))
        lost = self._lost_section(concepts, best.uid)
        if lost is not None:
            return Assessment(self._abstain(question, ranked, line - 0.01, lost))
        if confidence < line:
            return Assessment(self._abstain(question, ranked, confidence), features)
        unit = self._unit(best.uid)
        text, best_quote, links = unit.answer, unit.quote, unit.links
        partner = self._neighbour(best, answerable)
        if partner is not None:
            first, second = (self._unit(uid) for uid in sorted((best.uid, partner.uid)))
            text, best_quote = joined(first, second)
            links = tuple(dict.fromkeys((*first.links, *second.links)))
        citations = [self._cite(best.uid).model_copy(update={"quote": best_quote,
                                                             "links": links})]
        for other in answerable[1:]:
            if len(citations) > EXTRA_CITATIONS or other.coverage < best.coverage * 0.9:
                break
            if self._unit(other.uid).quote not in best_quote:
                citations.append(self._cite(other.uid))
        return Assessment(Answer(question=question, answered=True,
                                 answer=text,
                                 confidence=round(confidence, 4), citations=citations,
                                 pointers=[]), features)

    def candidates(self, question: str, policy: str | None = None
                   ) -> list[tuple[Ranked, Unit, Citation]]:
        """Every unit the ranker weighed for the question, best first, with its features:
        what the weights are fitted on (bench/fit_knowledge.py)."""
        question = " ".join(question.split())
        scope = self._scope(question, policy)
        if scope is None:
            return []
        concepts = analyse(question, self._index.stats(*scope), self._title_stems)
        if not concepts:
            return []
        return [(item, self._unit(item.uid), self._cite(item.uid))
                for item in self._ranker.rank(question, concepts, *scope)]

    def _confidence(self, concepts: list[Concept], ranked: list[Ranked], best: Ranked,
                    top: Ranked) -> tuple[float, tuple[float, ...]]:
        """The confidence of answering with `best`, and the features it was computed from."""
        missing = self._missing(concepts, best.uid)
        unit = self._unit(best.uid)
        semantic = best.features[_SEMANTIC] if best.features else 0.0
        runner = next((item.rank for item in ranked if item.uid != best.uid), 0.0)
        prior = calibrated(best.coverage - MISSING_WEIGHT * max(0.0, missing - MISSING_FREE))
        # the nearest other unit in meaning: an answer far ahead of it is likelier right
        rival = max((item.features[_SEMANTIC] for item in ranked
                     if item.features and item.uid != best.uid), default=semantic)
        features = (1.0, best.coverage, missing, best.rank - runner, best.rank,
                    float(best.uid != top.uid), math.log1p(len(unit.answer.split())),
                    float(unit.kind == "fact"), float(unit.kind == "item"),
                    float(unit.kind == "list"), float(len(concepts)),
                    math.log(prior / (1.0 - prior)), semantic,
                    max(rival, semantic) - semantic, semantic - rival,
                    best.features[_HEADING_SEMANTIC] if best.features else 0.0)
        if self._model.confidence_weights:
            return self._model.confidence(features), features
        return prior, features

    def _neighbour(self, best: Ranked, answerable: list[Ranked]) -> Ranked | None:
        """The answer's neighbour to quote with it (NEIGHBOUR_MARGIN), if one ranks close."""
        ref = self._index.refs[best.uid]
        unit = self._unit(best.uid)
        for item in answerable[:NEIGHBOUR_PLACE + 1]:
            if abs(item.uid - best.uid) != 1 or best.rank - item.rank > NEIGHBOUR_MARGIN:
                continue
            other = self._unit(item.uid)
            if (self._index.refs[item.uid].policy == ref.policy
                    and other.section == unit.section and other.kind == unit.kind):
                return item
        return None

    def _supports(self, concepts: list[Concept], uid: int, valued: set[str],
                  asks_time: bool, timed: bool, speed: bool) -> bool:
        """The unit names what the question asks about (support.py): a table row names it in
        its label or value; for "how long / how quickly" questions any unit names it in its
        own words, since a time span about something else is no answer, and states a time
        span (or "until", "as long as") at all."""
        ref = self._index.refs[uid]
        policy = self._policies[ref.policy]
        unit = policy.units[ref.unit]
        frame = set(content_stems(f"{unit.context} {policy.sections[unit.section].path}"))
        label, _, value = unit.answer.partition(": ")
        if unit.kind == "fact" and unit.context and not unit.quote.startswith(f"{label}:"):
            if speed and frame & KEEPING:
                return False  # how fast something is done is not how long records are kept
            return row_names_subject(concepts, set(content_stems(f"{label} {value}")), frame,
                                     valued)
        if asks_time:
            if timed and not states_duration(unit.answer):
                return False  # "how long ...?" is answered by a time span, or "until ..."
            return row_names_subject(concepts, set(content_stems(Index.body(unit))), frame,
                                     valued)
        return True

    def _missing(self, concepts: list[Concept], uid: int) -> float:
        """The largest share of the question's weight that the unit (its words, context and
        the headings above it) does not speak to at all."""
        ref = self._index.refs[uid]
        policy = self._policies[ref.policy]
        unit = policy.units[ref.unit]
        stems = set(content_stems(f"{Index.body(unit)} {unit.context} "
                                  f"{policy.sections[unit.section].path}"))
        total = sum(concept.weight for concept in concepts) or 1.0
        return max((concept.weight / total for concept in concepts
                    if not any(set(term) <= stems for term in concept.alternatives)),
                   default=0.0)

    def _lost_section(self, concepts: list[Concept], uid: int) -> Citation | None:
        """An empty section of the answer's policy whose heading names the whole question,
        when the answer's own headings name less: the policy's place for it is empty."""
        ref = self._index.refs[uid]
        policy = self._policies[ref.policy]
        here = heading_share(concepts, content_stems(policy.sections[self._unit(uid).section].path))
        for number, stems in self._empty[ref.policy]:
            share = heading_share(concepts, stems)
            if share >= EMPTY_SHARE and share > here:
                section = policy.sections[number]
                return Citation(policy=policy.id, organisation=policy.title,
                                section=section.number, heading=section.heading,
                                path=section.path, quote="")
        return None

    def _lost_list_here(self, ranked: list[Ranked], best: Ranked) -> bool:
        """A "which ...?" question whose answer's own section holds a lead-in whose list was
        lost, close in rank: the list was the answer, the sentence beside it is not."""
        section = self._unit(best.uid).section
        policy = self._index.refs[best.uid].policy
        return any(self._unit(item.uid).kind == "lead" and self._unit(item.uid).section == section
                   and self._index.refs[item.uid].policy == policy
                   and item.coverage >= LEAD_NEAR * best.coverage for item in ranked[:4])

    def _lost_list_wins(self, top: Ranked, best: Ranked) -> bool:
        """The best match is a lead-in whose list was lost, elsewhere than the best answer:
        the policy's place for the answer is empty, so anything else would be a guess."""
        if top.uid == best.uid or self._unit(top.uid).kind != "lead":
            return False
        top_ref, best_ref = self._index.refs[top.uid], self._index.refs[best.uid]
        if top_ref.policy != best_ref.policy:
            return False  # another organisation's policy may well say it
        same_section = self._unit(top.uid).section == self._unit(best.uid).section
        return not same_section and top.coverage >= best.coverage

    def named_policy(self, question: str) -> str | None:
        """The one policy whose organisation the question names ("IMGN's address?"), if any:
        asked without a policy, `ask` answers from that one alone."""
        asked = mentioned_words(question)
        named = [number for number, words in enumerate(self._naming_words) if words & asked]
        return self._policies[named[0]].id if len(named) == 1 else None

    def _scope(self, question: str, policy: str | None) -> tuple[int, int] | None:
        if policy is not None:
            return self._index.ranges[self._by_id[self.policy(policy).id]]
        if not self._policies:
            return None
        named = self.named_policy(question)
        if named is not None:
            return self._index.ranges[self._by_id[named]]
        return 0, self._index.size

    def _unit(self, uid: int) -> Unit:
        ref = self._index.refs[uid]
        return self._policies[ref.policy].units[ref.unit]

    def _heading(self, uid: int) -> str:
        ref = self._index.refs[uid]
        policy = self._policies[ref.policy]
        return policy.sections[policy.units[ref.unit].section].heading

    def _cite(self, uid: int) -> Citation:
        ref = self._index.refs[uid]
        policy = self._policies[ref.policy]
        unit = policy.units[ref.unit]
        section = policy.sections[unit.section]
        return Citation(policy=policy.id, organisation=policy.title, section=section.number,
                        heading=section.heading, path=section.path, quote=unit.quote,
                        links=unit.links)

    def _abstain(self, question: str, ranked: list[Ranked], confidence: float = 0.0,
                 first: Citation | None = None) -> Answer:
        pointers: list[Citation] = [first] if first else []
        seen: set[tuple[int, int]] = set()
        for item in ranked:
            key = (self._index.refs[item.uid].policy, self._unit(item.uid).section)
            if key not in seen:
                seen.add(key)
                pointers.append(self._cite(item.uid))
            if len(pointers) == 2:
                break
        text = "The policy doesn't say."
        if pointers:
            text += f" The closest it comes is {' and '.join(map(_title, pointers))}."
        return Answer(question=question, answered=False, answer=text,
                      confidence=round(confidence, 4), citations=[], pointers=pointers)


def joined(first: Unit, second: Unit) -> tuple[str, str]:
    """The answer and the quote of two neighbouring units read together, in the policy's
    order: sentences run on, list items and table rows go on lines of their own. A quote
    that already holds the other's (a sentence quoted with the one before it) is not
    repeated."""
    if first.quote in second.quote:
        return second.answer, second.quote
    if second.quote in first.quote:
        return first.answer, first.quote
    gap = " " if first.kind == "sentence" else "\n"
    if second.answer.startswith(first.answer):
        # the second already says the first ("This is the case if ..." read with the sentence
        # it leans on): its answer holds both
        return second.answer, f"{first.quote}{gap}{second.quote}"
    return f"{first.answer}{gap}{second.answer}", f"{first.quote}{gap}{second.quote}"


def calibrated(coverage: float) -> float:
    """Coverage -> the share of answers at that coverage that were right on our question sets
    (about 0.25 at 0.4, 0.5 at ABSTAIN_COVERAGE, 0.85 at 0.7, 0.9 at full coverage)."""
    shift = math.log((THRESHOLD / CEILING) / (1 - THRESHOLD / CEILING)) / COVERAGE_SLOPE
    return CEILING / (1.0 + math.exp(-COVERAGE_SLOPE * (coverage - ABSTAIN_COVERAGE + shift)))


def _title(citation: Citation) -> str:
    heading = f"{citation.section} {citation.heading}".strip() or "its opening text"
    return f"{citation.organisation}: {heading}"
