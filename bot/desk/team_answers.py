"""Which of the privacy team's answers fits a new question, and where it ranks: pure rules.

A team answer (the team's reply to a question the policy did not answer, see
bot/slack/escalation.py) is offered again when a later question asks the same thing. "The
same thing" is measured on the knowledge package's own normalisation: both questions become
the stems of their content words (`knowledge.tokens.content_stems`: stop words gone, "kept"
and "keep", "e-mail" and "email" alike). Each word of one question is paired with its most
alike word of the other (rapidfuzz's character `ratio`, 0-100, which forgives typos and
forms a stemmer misses); a question's score is the mean over its words, and the similarity
is the lower of the two questions' scores. At least MATCH_THRESHOLD is a match; the best
match wins and ties go to the newest answer.

Why this measure: word order and function words do not count ("how long is correspondence
kept" and "how long do we keep correspondence" score 100) and typos cost little ("how many
parkng spaces does the ofice have" scores 92 against the right spelling), but every content
word of *both* questions must find a partner: "can staff bring dogs to the office" and "...
children to the office" share all but one word and score 81 (a character ratio over the
whole question gave them 86), and a question that adds a qualifier ("... correspondence with
clients", 85) may well need another answer. The threshold sits between those.

Where it ranks: after the policy's own answer when that answer is given with a confidence of
at least POLICY_FIRST; before it otherwise (and alone when the policy does not answer).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process

from knowledge.tokens import content_stems

MATCH_THRESHOLD = 88.0
# The knowledge base's calibrated confidence: at 0.9 and above, nine answers in ten are right
# on policies it was not trained on (docs/knowledge.md), so the policy's words come first.
POLICY_FIRST = 0.9


class Candidate(BaseModel):
    """A current team answer of the question's organisation, as the matcher sees it."""

    model_config = ConfigDict(frozen=True)

    id: int
    organisation: str
    question: str
    answered_at: datetime


class Match(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    score: float


@lru_cache(maxsize=4096)
def _stems(question: str) -> tuple[str, ...]:
    """The question's distinct content stems (cached: the stored questions come back for
    every new one)."""
    return tuple(sorted(set(content_stems(question))))


def _covered(words: Sequence[str], others: Sequence[str]) -> float:
    """The mean, over `words`, of each one's best character ratio with one of `others`."""
    best = (process.extractOne(word, others, scorer=fuzz.ratio) for word in words)
    return sum(found[1] if found else 0.0 for found in best) / len(words)


def similarity(first: str, second: str) -> float:
    """0-100: how alike two questions are once normalised (0 when either has no content)."""
    a, b = _stems(first), _stems(second)
    if not a or not b:
        return 0.0
    return float(min(_covered(a, b), _covered(b, a)))


def best_match(question: str, organisation: str | None, candidates: Sequence[Candidate],
               threshold: float = MATCH_THRESHOLD) -> Match | None:
    """The team answer this question should get, or None.

    Only candidates of `organisation` are considered (and none when the question belongs to
    no organisation): a team answer never reaches an organisation it was not given for.
    """
    if organisation is None:
        return None
    best: tuple[float, datetime, int] | None = None
    for candidate in candidates:
        if candidate.organisation != organisation:
            continue
        score = similarity(question, candidate.question)
        if score < threshold:
            continue
        key = (score, candidate.answered_at, candidate.id)
        if best is None or key > best:
            best = key
    return None if best is None else Match(id=best[2], score=best[0])


def team_answer_first(policy_answered: bool, policy_confidence: float) -> bool:
    """Whether the team's answer is shown before the policy's: unless the policy answered
    with high confidence."""
    return not (policy_answered and policy_confidence >= POLICY_FIRST)
