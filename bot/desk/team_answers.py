"""Which of the privacy team's answers fits a new question, and where it ranks: pure rules.

A team answer (the team's reply to a question the policy did not answer, see
bot/slack/escalation.py) is offered again when a later question asks the same thing. "The
same thing" is measured on the knowledge package's own normalisation: both questions become
the stems of their content words (`knowledge.tokens.content_stems`: stop words gone, "kept"
and "keep", "e-mail" and "email" alike), sorted, and rapidfuzz's `token_sort_ratio` compares
the two strings. A score of at least MATCH_THRESHOLD (0-100) is a match; the best match wins
and ties go to the newest answer.

Why this measure: sorting makes word order free ("how long is correspondence kept" and "how
long do we keep correspondence" score 100), and a character ratio forgives typos and plural
forms, while a question about something else ("how long do we keep payroll records") loses
most of its characters and falls below the threshold. It is stricter than a token *set*
ratio on purpose: a short question contained in a longer one is not the same question.

Where it ranks: after the policy's own answer when that answer is given with a confidence of
at least POLICY_FIRST; before it otherwise (and alone when the policy does not answer).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz

from knowledge.tokens import content_stems

MATCH_THRESHOLD = 85.0
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


def question_key(question: str) -> str:
    """The question as the matcher compares it: sorted content stems."""
    return " ".join(sorted(content_stems(question)))


def similarity(first: str, second: str) -> float:
    """0-100: how alike two questions are once normalised (0 when either has no content)."""
    a, b = question_key(first), question_key(second)
    if not a or not b:
        return 0.0
    return float(fuzz.token_sort_ratio(a, b))


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
