"""Retention tables and deciding when not to answer: a row about other records is no answer,
a row that names the record is, long rows and names in labels stay rows, an empty section that
names the question is a no. Over a wildlife charity's notice flattened from its web page
(blind6/), with its answer-or-abstain checks in knowledge/support.py."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase


@pytest.mark.parametrize(("question", "policy"), [
    ("how long do we keep job applications?", "aimigos"),
    ("what's the retention period for complaint records?", "wetherby"),
    ("how long do we keep job applicants' CVs?", "wetherby"),
])
def test_a_retention_table_that_does_not_name_the_record_is_a_no(
        charity: KnowledgeBase, question: str, policy: str) -> None:
    """A row about other records is not the answer; neither is a sentence about another's."""
    answer = charity.ask(question, policy=policy)
    assert not answer.answered, answer.answer
    assert answer.confidence < 0.5
    assert answer.pointers
    assert "how long" in answer.pointers[0].path.lower()


@pytest.mark.parametrize(("question", "policy", "expected"), [
    ("how long do we keep client account info after we stop working with them?", "aimigos",
     "plus 2 years"),
    ("how long do we hang on to DBS results?", "wetherby", "6 months after the check"),
    ("what's the retention period for direct debit mandates?", "wetherby", "13 months"),
    ("how long are gift aid records held for?", "wetherby", "6 years after the end of the tax"),
])
def test_a_row_that_names_the_record_still_answers(charity: KnowledgeBase, question: str,
                                                   policy: str, expected: str) -> None:
    answer = charity.ask(question, policy=policy)
    assert answer.answered, answer.answer
    assert expected in answer.answer


def test_long_table_rows_and_names_in_labels(charity: KnowledgeBase) -> None:
    """A 17-word row is still a row; "Direct Debit" and "Gift Aid" stay in the label."""
    answer = charity.ask("how long do we keep Direct Debit instructions?", policy="wetherby")
    assert answer.answer == "Direct Debit instructions: 13 months after the last payment"


def test_an_empty_section_that_names_the_question_is_a_no(charity: KnowledgeBase) -> None:
    """"8.2 Types of Cookies We Use" lost its list: the base points there, not elsewhere."""
    answer = charity.ask("what types of cookies do we use?", policy="aimigos")
    assert not answer.answered
    assert answer.pointers[0].heading == "Types of Cookies We Use"


def test_a_retention_row_naming_the_subject_is_no_lawful_basis(
        charity: KnowledgeBase) -> None:
    """The notice lists its lawful bases without naming CCTV; its retention table has a CCTV
    row. Before semantic similarity the row was the answer ("CCTV footage: 31 days"); a
    period is no lawful basis, and the base now declines, pointing at the lawful bases."""
    answer = charity.ask("what's the lawful basis for CCTV?", policy="wetherby")
    assert "31 days" not in answer.answer
    assert not answer.answered
    assert answer.pointers[0].heading == "Our lawful bases"


def test_automated_decisions_are_not_automatic_collection(charity: KnowledgeBase) -> None:
    answer = charity.ask("do we make automated decisions about people?", policy="imgn")
    assert not answer.answered, answer.answer
