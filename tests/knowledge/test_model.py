"""The fitted model: its weights match the features, its confidence decides, its threshold is
the answer-or-abstain line, and a knowledge base can be given another."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, Model, Policy, fitted
from knowledge.model import CONFIDENCE_FEATURES, FEATURES, HAND_RANK_WEIGHTS


def test_the_shipped_weights_fit_the_features() -> None:
    """A feature added without refitting (bench/fit_knowledge.py --write) fails here."""
    assert len(HAND_RANK_WEIGHTS) == len(FEATURES)
    assert len(fitted.RANK_WEIGHTS) == len(FEATURES)
    assert len(fitted.CONFIDENCE_WEIGHTS) == len(CONFIDENCE_FEATURES)
    assert 0.0 < fitted.THRESHOLD < 1.0
    assert Model().rank_weights == fitted.RANK_WEIGHTS
    assert Model().threshold == fitted.THRESHOLD


def test_confidence_is_the_fitted_regression_over_the_answers_features(aimigos: Policy) -> None:
    kb = KnowledgeBase.build([aimigos])
    assessment = kb.assess("how long do we keep correspondence?", "aimigos")
    assert assessment.answer.answered
    assert len(assessment.features) == len(CONFIDENCE_FEATURES)
    assert assessment.answer.confidence == pytest.approx(
        Model().confidence(assessment.features), abs=1e-4)
    assert assessment.answer.confidence >= Model().threshold


def test_the_threshold_is_the_answer_or_abstain_line(aimigos: Policy) -> None:
    question = "how long do we keep correspondence?"
    given = KnowledgeBase.build([aimigos]).ask(question, "aimigos")
    strict = KnowledgeBase.build([aimigos], Model(threshold=0.999)).ask(question, "aimigos")
    assert given.answered
    assert not strict.answered
    assert strict.answer.startswith("The policy doesn't say.")
    assert strict.confidence == given.confidence
    forced = KnowledgeBase.build([aimigos]).assess("who painted the mona lisa?", "aimigos",
                                                   threshold=0.0)
    assert not forced.answer.answered  # no unit speaks to it: nothing to force


def test_other_weights_rank_otherwise(aimigos: Policy) -> None:
    """The weights decide the ranking: rewarding only length puts a long unit first."""
    only_length = tuple(1.0 if name == "log_length" else 0.0 for name in FEATURES)
    question = "what cookies do we use?"
    fitted_first = KnowledgeBase.build([aimigos]).candidates(question, "aimigos")[0]
    long_first = KnowledgeBase.build([aimigos], Model(rank_weights=only_length)).candidates(
        question, "aimigos")[0]
    assert len(long_first[1].answer) > len(fitted_first[1].answer)
