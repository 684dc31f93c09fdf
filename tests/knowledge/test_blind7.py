"""The seventh blind set: an online school's policy and PrivacyQA-style user questions.

blind7/ holds a Markdown policy of an online school (lesson recordings, parents and partner
schools, a retention table, special educational needs, a study forum, HMRC and safeguarding
disclosures) and 50 questions worded the way app users ask them ("can I delete my
account?", "will they tell my school how I'm doing?"), 14 of them about things the policy
does not cover. Scored once before anything changed: 37/50 (27/36 answered right, 10/14
declined right); 43/50 after the changes (general vocabulary, "tell someone" as sharing,
contractions, sentences referring back, phrases of stop words, "turn X off").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeBase, Policy, read_policy_file
from knowledge.tokens import content_stems
from tests.knowledge.test_eval import score

HERE = Path(__file__).resolve().parent
BLIND7 = HERE / "blind7"


@pytest.fixture(scope="module")
def kb7(aimigos: Policy, imgn: Policy) -> KnowledgeBase:
    """The organisations of blind7/blind7_orgs.toml."""
    school = read_policy_file(BLIND7 / "brightpath_policy.md", policy_id="brightpath",
                              title="BrightPath Online School")
    return KnowledgeBase.build([aimigos, imgn, school])


def test_seventh_blind_set_keeps_its_floor(kb7: KnowledgeBase) -> None:
    got, total, wrong = score(kb7, BLIND7 / "blind7_qa.jsonl")
    assert total >= 50
    assert got / total >= 0.80, f"{got}/{total}, wrong: {wrong}"


@pytest.mark.parametrize(("question", "expected"), [
    ("will they tell my school how I'm doing?", "share attendance and progress with your school"),
    ("will you pass my details to the tax office?", "HM Revenue & Customs"),
    ("how do I contact the DPO?", "privacy@brightpath.school"),
    ("will my webcam video be in the recording?", "their video will be included"),
])
def test_general_wording_reaches_the_policy(kb7: KnowledgeBase, question: str,
                                            expected: str) -> None:
    """Telling someone is sharing, the tax office is HMRC, "her" carries the DPO's name."""
    answer = kb7.ask(question, policy="brightpath")
    assert answer.answered, answer.answer
    assert expected in answer.answer


def test_a_contraction_is_not_a_rare_concept() -> None:
    assert content_stems("how I'm doing, what I've seen, we'll see") == ["seen", "see"]
