"""The eighth blind set: staff questions on the two real policies and a small UK business.

blind8/ holds 75 questions a privacy team would ask about the shipped Aimigos and IMGN policies
(21 of them about things the policies do not say) and 25 about `hollybank_policy.md`, a dog
boarding kennels' plain-text notice with question headings and a flattened retention list.
Written before any run; scored once before anything changed: 68/100 (51/79 answered right,
17/21 declined right); 90/100 after the changes (organisation names shared by two titles,
phrasal verbs, speed and place questions, number look-ups, "any of this", vocabulary).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeBase, Policy, read_policy_file
from knowledge.support import states_duration
from knowledge.tokens import content_stems
from tests.knowledge.test_eval import score

HERE = Path(__file__).resolve().parent
BLIND8 = HERE / "blind8"


@pytest.fixture(scope="module")
def kb8(aimigos: Policy, imgn: Policy) -> KnowledgeBase:
    """The organisations of blind8/blind8_orgs.toml."""
    kennels = read_policy_file(BLIND8 / "hollybank_policy.md", policy_id="hollybank",
                               title="Hollybank Kennels & Grooming")
    return KnowledgeBase.build([aimigos, imgn, kennels])


def test_eighth_blind_set_keeps_its_floor(kb8: KnowledgeBase) -> None:
    got, total, wrong = score(kb8, BLIND8 / "blind8_qa.jsonl")
    assert total >= 100
    assert got / total >= 0.85, f"{got}/{total}, wrong: {wrong}"


def test_a_title_word_two_organisations_share_names_neither(kb8: KnowledgeBase) -> None:
    """"Studio" is in two titles (the third has no "Studio"): "Aimigos" alone decides."""
    answer = kb8.ask("Where is Aimigos Studio based? need the postal address")
    assert answer.answered, answer.answer
    assert answer.citations[0].policy == "aimigos"
    assert "Carrer Pare Arnau 12" in answer.answer


@pytest.mark.parametrize(("policy", "question", "expected"), [
    ("hollybank", "how quickly will you respond to a request?", "within one month"),
    # Won by 0.01 of rank under the hand-set weights; the weights fitted across policies
    # rank "We never see or store your full card number." (all the question's words) first.
    pytest.param("hollybank", "where is my data stored", "servers are in Ireland",
                 marks=pytest.mark.xfail(strict=True, reason="lost to the fitted weights")),
    ("hollybank", "is there a charge for getting a copy of my data?", "no charge"),
    ("aimigos", "what's our target turnaround for privacy emails", "within 5 business days"),
    ("aimigos", "if a visitor switches off cookies will the site still work?",
     "Disabling essential cookies"),
    ("aimigos", "minimum age for using aimigos services?", "children under 13"),
    ("aimigos", "What happens to client data if Aimigos gets bought out?", "acquiring entity"),
    ("imgn", "how do we work out how long to retain something?", "amount, nature"),
    ("imgn", "what happens if someone blocks every cookie?", "may not be able to access"),
])
def test_general_wording_reaches_the_policy(kb8: KnowledgeBase, policy: str, question: str,
                                            expected: str) -> None:
    """Speed is not retention, "where is it stored" wants a country, "any of this" speaks of
    the paragraph, turnaround is a time, "switches off" is disabling, a minimum age is the
    children's section, "bought out" a merger, "work out" is determining, "every" a quantifier."""
    answer = kb8.ask(question, policy=policy)
    assert answer.answered, answer.answer
    assert expected in answer.answer


@pytest.mark.parametrize(("policy", "question"), [
    ("imgn", "what's IMGN's phone number?"),  # only a company number is given
    ("aimigos", "what's our VAT registration number"),
    ("aimigos", "do we charge a fee for a subject access request?"),  # "fee" is not "feedback"
])
def test_looked_up_values_the_policy_lacks_are_declined(kb8: KnowledgeBase, policy: str,
                                                        question: str) -> None:
    answer = kb8.ask(question, policy=policy)
    assert not answer.answered, answer.answer


def test_a_phone_number_is_still_found(kb8: KnowledgeBase) -> None:
    answer = kb8.ask("ICO helpline number?", policy="aimigos")
    assert answer.answered
    assert "0303 123 1113" in answer.answer


def test_how_often_is_not_how_long() -> None:
    assert not states_duration("Our staff receive data protection training every year.")
    assert states_duration("We keep CCTV recordings for 30 days.")


def test_idioms_are_read_as_meant() -> None:
    assert content_stems("switches off cookies") == ["disabl", "cooki"]
    assert "age" not in content_stems("ignored our emails for ages")
    assert content_stems("how do we work out the period") == ["determin", "period"]
