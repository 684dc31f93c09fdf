"""A "Q: / A:" section's questions are the headings of their answers, a stated age reads as
child or adult, a cross-reference is no answer, and general wording reaches the policy: over
the shipped policies and a physiotherapy clinic's notice (blind9/), and small policies of
their own."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, parse_policy
from knowledge.query import prepare
from knowledge.tokens import content_stems, refers_to_all_before

FAQ = """Our Notice

1. Sharing

We share records with your doctor.

Common Questions

Q: Will my gym see the results of my fitness test?
A: Never. Results go only to you and, if you ask us, to your doctor.

Does the studio keep my card number?
A: No. Card payments are taken by our bank's terminal.

2. Contact

Email us at hello@example.org.
"""


def test_a_question_line_is_the_heading_of_its_answer() -> None:
    policy = parse_policy(FAQ, policy_id="faq", title="Example Studio")
    quotes = [unit.quote for unit in policy.units]
    assert not any(quote.startswith(("Q:", "A:")) for quote in quotes)
    assert not any(quote.endswith("?") for quote in quotes)  # a question never answers
    never = next(unit for unit in policy.units if unit.quote.startswith("Never."))
    section = policy.sections[never.section]
    assert section.heading == "Will my gym see the results of my fitness test?"
    assert section.path == ("1. Sharing > Common Questions > "
                            "Will my gym see the results of my fitness test?")
    card = next(unit for unit in policy.units if unit.quote.startswith("No. Card"))
    assert policy.sections[card.section].heading == "Does the studio keep my card number?"
    assert policy.sections[card.section].level == section.level  # siblings, not nested


def test_a_question_heading_leads_to_its_answer() -> None:
    kb = KnowledgeBase.build([parse_policy(FAQ, policy_id="faq", title="Example Studio")])
    answer = kb.ask("does my gym get to see my fitness test results?")
    assert answer.answered, answer.answer
    assert answer.citations[0].heading == "Will my gym see the results of my fitness test?"


@pytest.mark.parametrize(("question", "word"), [
    ("my 9-year-old wants an account", "child"),
    ("can someone aged 15 sign up", "child"),
    ("I'm 67, do you keep my data", "adult"),
    ("a 30 year old asked for a copy", "adult"),
])
def test_an_age_reads_as_child_or_adult(question: str, word: str) -> None:
    assert word in prepare(question).split()
    assert not any(stem.isdigit() for stem in content_stems(prepare(question)))


def test_a_stated_age_reaches_the_age_rules(clinic: KnowledgeBase) -> None:
    answer = clinic.ask("how long do you keep notes for a 72 year old patient?", policy="corrib")
    assert answer.answered, answer.answer
    assert "adult patients for eight years" in answer.answer


@pytest.mark.parametrize(("policy", "question"), [
    ("corrib", "Do you record my IHI when I book?"),  # an acronym the notice never uses
    ("imgn", "Do we keep the NDA we signed with a client?"),
    ("corrib", "how long do you keep details of people who applied for a job at the clinic?"),
])
def test_what_the_policy_does_not_name_is_declined(clinic: KnowledgeBase, policy: str,
                                                   question: str) -> None:
    answer = clinic.ask(question, policy=policy)
    assert not answer.answered, answer.answer


def test_a_pointer_to_another_section_is_no_answer(clinic: KnowledgeBase) -> None:
    policy = clinic.policy("corrib")
    assert not any(unit.quote.startswith("See section") for unit in policy.units)
    answer = clinic.ask("are recordings kept?", policy="corrib")
    assert answer.answered
    assert "30 days" in answer.answer


@pytest.mark.parametrize(("policy", "question", "expected"), [
    ("aimigos", "what happens to client files if aimigos is acquired by another firm?",
     "acquiring entity"),
    ("aimigos", "which countries is aimigos data mostly kept in?", "United Kingdom and Europe"),
    ("imgn", "what does imgn weigh up to work out retention?", "amount, nature"),
    ("corrib", "if an app account hasn't been used for years, will you shut it down?",
     "closed automatically"),
    ("aimigos", "whose job is it to get consent from people who appear in uploaded footage?",
     "You are responsible"),
    ("corrib", "can the app see where I am right now?", "does not track your location"),
    ("corrib", "what details does the app want when I set up an account?", "a password"),
    ("corrib", "what do I have to give you to set up an account?", "a password"),
    ("corrib", "what do you rely on to process my health records?", "Article 9(2)(h)"),
    ("imgn", "what if a customer declines to provide details we need for their contract?",
     "not be able to perform"),
    ("imgn", "where else does imgn obtain employment data from?", "recruitment agencies"),
    ("imgn", "could imgn hand our details to other firms for their marketing?",
     "express opt-in consent"),
    ("corrib", "which safeguards cover the newsletter going to the United States?",
     "Standard Contractual Clauses"),
    ("aimigos", "does aimigos run uploaded videos through machine learning tools?",
     "may be processed by AI systems"),
])
def test_general_wording_reaches_the_policy(clinic: KnowledgeBase, policy: str, question: str,
                                            expected: str) -> None:
    """Acquired by = a merger, mostly = a hedge, weigh up / work out = determining, unused =
    inactive, whose job = responsible, where I am = location, set up an account = create one,
    rely on = a legal basis, declining to provide = withholding, where ... from = sources,
    hand to = share, "For these transfers" carries the sentence before, a lead-in's own
    sentence answers when its list is lost."""
    answer = clinic.ask(question, policy=policy)
    assert answer.answered, answer.answer
    assert expected in answer.answer


def test_any_of_them_refers_to_its_own_sentence() -> None:
    assert refers_to_all_before("There is no charge for any of this.")
    assert not refers_to_all_before("If you'd rather not get alerts, reply STOP to any of them.")


def test_idioms_read_the_same_in_policies_and_questions() -> None:
    assert content_stems("accounts that have not been used") == ["account", "inact"]
    assert content_stems("if you do not provide it") == content_stems("if I refuse to give it")
    assert "age" not in content_stems("I haven't logged in in ages")
    assert content_stems("they shut the shop down") == ["close", "shop"]
    assert content_stems("set up an account") == content_stems("create an account")
    assert "right" not in content_stems("can the app see where I am right now?")
    assert content_stems("peoples data") == content_stems("people's data")
