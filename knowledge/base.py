"""KnowledgeBase: ask a question of one policy or all of them; get the policy's words or a no.

Ranking: every unit in scope gets, for each concept of the question, the best field weight of
any term that matches the concept (index.py), times the concept's idf. Two sums come out:
`score` (BM25-like, rewards strong matches) and `coverage` (each concept capped at one full
match, divided by the question's total weight: how much of the question the unit speaks to).
Units are ranked by coverage plus a share of score, with a rapidfuzz similarity to break near
ties; the answer is the best unit that can answer (never a lead-in whose list was lost).
Confidence is a logistic of coverage, so that 0.5 sits where right and wrong answers part.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz

from knowledge.errors import QuestionError, UnknownPolicyError
from knowledge.index import Index
from knowledge.models import Answer, Citation, Policy, Unit
from knowledge.query import Concept, analyse, mentioned_words
from knowledge.tokens import content_stems

SCORE_SHARE = 0.15
FUZZ_SHARE = 0.05
HEADING_SHARE = 0.1
DEFINITION_BONUS = 0.15
LIST_BONUS = 0.1
RERANK = 100
THRESHOLD = 0.5  # confidence below this: abstain
COVERAGE_MIDPOINT = 0.62  # coverage at which confidence is 0.5
COVERAGE_SLOPE = 14.0
EXTRA_CITATIONS = 2


class KnowledgeBase:
    """An index over one or more parsed policies, answering questions from their text."""

    def __init__(self, policies: Sequence[Policy]) -> None:
        self._policies = tuple(policies)
        self._index = Index(self._policies)
        self._by_id = {policy.id: number for number, policy in enumerate(self._policies)}
        self._title_words = [set(policy.title.lower().split()) for policy in self._policies]
        self._title_stems = {stem for policy in self._policies
                             for stem in content_stems(policy.title)}

    @classmethod
    def build(cls, policies: Sequence[Policy]) -> KnowledgeBase:
        return cls(policies)

    def policy_ids(self) -> list[str]:
        return [policy.id for policy in self._policies]

    def policy(self, policy_id: str) -> Policy:
        if policy_id not in self._by_id:
            known = ", ".join(self._by_id) or "none"
            raise UnknownPolicyError(f"unknown policy {policy_id!r} (known: {known})")
        return self._policies[self._by_id[policy_id]]

    def ask(self, question: str, policy: str | None = None) -> Answer:
        """Answer from one policy (by id) or from all; abstain when the policies don't say."""
        if not isinstance(question, str) or not question.strip():
            raise QuestionError("the question is empty")
        question = " ".join(question.split())
        scope = self._scope(question, policy)
        concepts = analyse(question, self._index, self._title_stems)
        if not concepts or not scope:
            return self._abstain(question, [], "")
        start, end = scope
        ranked = self._rank(question, concepts, start, end)
        answerable = [(rank, cov, uid) for rank, cov, uid in ranked
                      if self._unit(uid).kind != "lead"]
        if not answerable:
            return self._abstain(question, ranked, "")
        _, coverage, best = answerable[0]
        confidence = 1.0 / (1.0 + math.exp(-COVERAGE_SLOPE * (coverage - COVERAGE_MIDPOINT)))
        if confidence < THRESHOLD:
            return self._abstain(question, ranked, "", confidence)
        citations = [self._cite(best)]
        for _, other_coverage, uid in answerable[1:]:
            if len(citations) > EXTRA_CITATIONS or other_coverage < coverage * 0.9:
                break
            if self._unit(uid).quote not in self._unit(best).quote:
                citations.append(self._cite(uid))
        return Answer(question=question, answered=True, answer=self._unit(best).answer,
                      confidence=round(confidence, 4), citations=citations, pointers=[])

    def _scope(self, question: str, policy: str | None) -> tuple[int, int] | None:
        if policy is not None:
            return self._index.ranges[self._by_id[self.policy(policy).id]]
        if not self._policies:
            return None
        asked = mentioned_words(question)
        named = [number for number, title in enumerate(self._title_words)
                 if title and (title - self._common_title_words()) & asked]
        if len(named) == 1:
            return self._index.ranges[named[0]]
        return 0, self._index.size

    def _common_title_words(self) -> set[str]:
        if len(self._title_words) < 2:
            return set()
        common = set.intersection(*self._title_words)
        return common | {"privacy", "policy", "the", "of", "and", "ltd", "limited", "inc"}

    def _rank(self, question: str, concepts: list[Concept], start: int,
              end: int) -> list[tuple[float, float, int]]:
        """(rank, coverage, unit id) for every unit that matches, best first."""
        size = end - start
        score = np.zeros(size, dtype=np.float32)
        covered = np.zeros(size, dtype=np.float32)
        total = sum(concept.weight for concept in concepts)
        for concept in concepts:
            ids_parts, weight_parts, capped_parts = [], [], []
            for term, factor in concept.alternatives.items():
                found = self._index.slice(term, start, end)
                if found is not None:
                    ids_parts.append(found.ids)
                    weight_parts.append(found.weights * factor)
                    capped_parts.append(found.cover * factor)
            if not ids_parts:
                continue
            ids = np.concatenate(ids_parts) - start
            for parts, total_into in ((weight_parts, score), (capped_parts, covered)):
                weights = np.concatenate(parts)
                order = np.argsort(weights, kind="stable")
                best = np.zeros(size, dtype=np.float32)
                best[ids[order]] = weights[order]  # the last write per unit is its best
                total_into += concept.weight * best
        coverage = covered / total
        rank = coverage + SCORE_SHARE * np.minimum(score / total, 2.0)
        candidates = np.flatnonzero(coverage > 0)
        if candidates.size > RERANK:
            top = np.argpartition(-rank[candidates], RERANK)[:RERANK]
            candidates = candidates[top]
        plain = _plain(question)
        defined = _defined_term(plain)
        wants_list = _wants_list(plain)
        results = []
        for local in candidates.tolist():
            uid = local + start
            unit = self._unit(uid)
            heading = self._section_heading(uid)
            bonus = (FUZZ_SHARE * fuzz.token_set_ratio(plain, _plain(unit.answer)) / 100.0
                     + HEADING_SHARE * fuzz.ratio(plain, _plain(heading)) / 100.0)
            if defined and _defines(unit.quote, defined):
                bonus += DEFINITION_BONUS
            if unit.kind == "list" and wants_list:
                bonus += LIST_BONUS
            results.append((float(rank[local]) + bonus, float(coverage[local]), uid))
        results.sort(key=lambda item: (-item[0], item[2]))
        return results

    def _section_heading(self, uid: int) -> str:
        ref = self._index.refs[uid]
        policy = self._policies[ref.policy]
        return policy.sections[policy.units[ref.unit].section].heading

    def _unit(self, uid: int) -> Unit:
        ref = self._index.refs[uid]
        return self._policies[ref.policy].units[ref.unit]

    def _cite(self, uid: int) -> Citation:
        ref = self._index.refs[uid]
        policy = self._policies[ref.policy]
        unit = policy.units[ref.unit]
        section = policy.sections[unit.section]
        return Citation(policy=policy.id, organisation=policy.title, section=section.number,
                        heading=section.heading, path=section.path, quote=unit.quote)

    def _abstain(self, question: str, ranked: list[tuple[float, float, int]], _: str,
                 confidence: float = 0.0) -> Answer:
        pointers: list[Citation] = []
        seen: set[tuple[int, int]] = set()
        for _rank, _coverage, uid in ranked:
            ref = self._index.refs[uid]
            key = (ref.policy, self._unit(uid).section)
            if key not in seen:
                seen.add(key)
                pointers.append(self._cite(uid))
            if len(pointers) == 2:
                break
        where = " and ".join(_title(pointer) for pointer in pointers)
        text = "The policy doesn't say."
        if where:
            text += f" The closest it comes is {where}."
        return Answer(question=question, answered=False, answer=text,
                      confidence=round(confidence, 4), citations=[], pointers=pointers)


_DEFINITION_QUESTION = re.compile(
    r"^(?:what(?: is| are|s| does| do)|define|definition of|meaning of|what do we mean by)"
    r"\s+(?:a |an |the |our |we mean by )?(.+?)(?: mean| means)?$")


_LIST_QUESTION = re.compile(
    r"^(?:what|which|list)(?: are| is| do| does| will| can)?\s+(?:the |all )?"
    r"(?:kinds? of |types? of |sorts? of |categories of |(?:pieces of )?)(\w+)")
_MASS_NOUNS = {"information", "data", "details", "personal", "rights", "things"}


def _wants_list(plain_question: str) -> bool:
    """ "What materials ...", "Which kinds of data ...": the answer is a list."""
    match = _LIST_QUESTION.match(plain_question)
    if not match:
        return False
    noun = match.group(1)
    kinds = any(word in plain_question.split()[:4] for word in ("kinds", "kind", "types", "type"))
    return kinds or noun in _MASS_NOUNS or (noun.endswith("s") and not noun.endswith("ss"))


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("'", "")))


def _defined_term(plain_question: str) -> list[str]:
    """Stems of X in "what is X?" / "what are X?" / "define X", else []."""
    match = _DEFINITION_QUESTION.match(plain_question)
    if not match or len(match.group(1).split()) > 5:
        return []
    return content_stems(match.group(1))


def _defines(quote: str, term: list[str]) -> bool:
    """The quote opens with the term followed by a defining verb ("Cookies are ...")."""
    opening = content_stems(" ".join(quote.split()[: len(term) + 3]))
    if opening[: len(term)] != term:
        return False
    verbs = {"is", "are", "includes", "include", "means", "mean", "refers", "consists"}
    return bool(verbs & set(_plain(quote).split()[len(term): len(term) + 3]))


def _title(citation: Citation) -> str:
    heading = f"{citation.section} {citation.heading}".strip() or "its opening text"
    return f"{citation.organisation}: {heading}"
