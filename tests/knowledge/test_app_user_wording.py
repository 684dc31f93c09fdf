"""Questions worded the way app users ask them reach the policy's words ("will they tell my
school", "the tax office", contractions): over an online school's Markdown policy (blind7/)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.tokens import content_stems


@pytest.mark.parametrize(("question", "expected"), [
    ("will they tell my school how I'm doing?", "share attendance and progress with your school"),
    ("will you pass my details to the tax office?", "HM Revenue & Customs"),
    ("how do I contact the DPO?", "privacy@brightpath.school"),
    ("will my webcam video be in the recording?", "their video will be included"),
])
def test_general_wording_reaches_the_policy(school: KnowledgeBase, question: str,
                                            expected: str) -> None:
    """Telling someone is sharing, the tax office is HMRC, "her" carries the DPO's name."""
    answer = school.ask(question, policy="brightpath")
    assert answer.answered, answer.answer
    assert expected in answer.answer


def test_a_contraction_is_not_a_rare_concept() -> None:
    assert content_stems("how I'm doing, what I've seen, we'll see") == ["seen", "see"]
