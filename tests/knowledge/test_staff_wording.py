"""Staff wording: a title word two organisations share names neither, phrasal verbs and
idioms, speed and place questions, number look-ups the policy lacks are declined, how often is
not how long. Over the shipped policies and a kennels' plain-text notice (blind8/)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.support import states_duration
from knowledge.tokens import content_stems


def test_a_title_word_two_organisations_share_names_neither(kennels: KnowledgeBase) -> None:
    """"Studio" is in two titles (the third has no "Studio"): "Aimigos" alone decides."""
    answer = kennels.ask("Where is Aimigos Studio based? need the postal address")
    assert answer.answered, answer.answer
    assert answer.citations[0].policy == "aimigos"
    assert "Carrer Pare Arnau 12" in answer.answer


@pytest.mark.parametrize(("policy", "question", "expected"), [
    ("hollybank", "how quickly will you respond to a request?", "within one month"),
    # Lost to the first fitted weights ("We never see or store your full card number." holds
    # all the question's words); won back by semantic similarity.
    ("hollybank", "where is my data stored", "servers are in Ireland"),
    ("hollybank", "is there a charge for getting a copy of my data?", "no charge"),
    ("aimigos", "what's our target turnaround for privacy emails", "within 5 business days"),
    ("aimigos", "if a visitor switches off cookies will the site still work?",
     "Disabling essential cookies"),
    ("aimigos", "minimum age for using aimigos services?", "children under 13"),
    ("aimigos", "What happens to client data if Aimigos gets bought out?", "acquiring entity"),
    ("imgn", "how do we work out how long to retain something?", "amount, nature"),
    ("imgn", "what happens if someone blocks every cookie?", "may not be able to access"),
])
def test_general_wording_reaches_the_policy(kennels: KnowledgeBase, policy: str, question: str,
                                            expected: str) -> None:
    """Speed is not retention, "where is it stored" wants a country, "any of this" speaks of
    the paragraph, turnaround is a time, "switches off" is disabling, a minimum age is the
    children's section, "bought out" a merger, "work out" is determining, "every" a quantifier."""
    answer = kennels.ask(question, policy=policy)
    assert answer.answered, answer.answer
    assert expected in answer.answer


@pytest.mark.parametrize(("policy", "question"), [
    ("imgn", "what's IMGN's phone number?"),  # only a company number is given
    ("aimigos", "what's our VAT registration number"),
    ("aimigos", "do we charge a fee for a subject access request?"),  # "fee" is not "feedback"
])
def test_looked_up_values_the_policy_lacks_are_declined(kennels: KnowledgeBase, policy: str,
                                                        question: str) -> None:
    answer = kennels.ask(question, policy=policy)
    assert not answer.answered, answer.answer


def test_a_phone_number_is_still_found(kennels: KnowledgeBase) -> None:
    answer = kennels.ask("ICO helpline number?", policy="aimigos")
    assert answer.answered
    assert "0303 123 1113" in answer.answer


def test_how_often_is_not_how_long() -> None:
    assert not states_duration("Our staff receive data protection training every year.")
    assert states_duration("We keep CCTV recordings for 30 days.")


def test_idioms_are_read_as_meant() -> None:
    assert content_stems("switches off cookies") == ["disabl", "cooki"]
    assert "age" not in content_stems("ignored our emails for ages")
    assert content_stems("how do we work out the period") == ["determin", "period"]
