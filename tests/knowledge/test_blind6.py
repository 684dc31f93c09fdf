"""The sixth blind set: a wildlife charity's notice, and deciding when not to answer.

blind6/ holds a membership charity's privacy notice flattened from its web page (navigation
crumbs, a retention table with long rows, fundraising, Gift Aid, children, sharing with named
processors, transfers, cookies, rights) and 81 staff-worded questions over it and the two
shipped policies, 29 of them about things the policies do not cover but that sound close
(retention of a record the table does not list, a processor not named, a right or a DPO the
policy omits). Scored once before anything changed: 54/81 (38/52 answered right, 16/29
declined right); 66/81 after the changes. The floor keeps the answer-or-abstain checks
(knowledge/support.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeBase, Policy, read_policy_file
from tests.knowledge.test_eval import score

HERE = Path(__file__).resolve().parent
BLIND6 = HERE / "blind6"


@pytest.fixture(scope="module")
def kb6(aimigos: Policy, imgn: Policy) -> KnowledgeBase:
    """The organisations of blind6/blind6_orgs.toml."""
    trust = read_policy_file(BLIND6 / "wetherby_policy.txt", policy_id="wetherby",
                             title="Wetherby Moor Wildlife Trust")
    return KnowledgeBase.build([aimigos, imgn, trust])


def test_sixth_blind_set_keeps_its_floor(kb6: KnowledgeBase) -> None:
    got, total, wrong = score(kb6, BLIND6 / "blind6_qa.jsonl")
    assert total >= 70
    assert got / total >= 0.78, f"{got}/{total}, wrong: {wrong}"


@pytest.mark.parametrize(("question", "policy"), [
    ("how long do we keep job applications?", "aimigos"),
    ("what's the retention period for complaint records?", "wetherby"),
    ("how long do we keep job applicants' CVs?", "wetherby"),
])
def test_a_retention_table_that_does_not_name_the_record_is_a_no(
        kb6: KnowledgeBase, question: str, policy: str) -> None:
    """A row about other records is not the answer; neither is a sentence about another's."""
    answer = kb6.ask(question, policy=policy)
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
def test_a_row_that_names_the_record_still_answers(kb6: KnowledgeBase, question: str,
                                                   policy: str, expected: str) -> None:
    answer = kb6.ask(question, policy=policy)
    assert answer.answered, answer.answer
    assert expected in answer.answer


def test_long_table_rows_and_names_in_labels(kb6: KnowledgeBase) -> None:
    """A 17-word row is still a row; "Direct Debit" and "Gift Aid" stay in the label."""
    answer = kb6.ask("how long do we keep Direct Debit instructions?", policy="wetherby")
    assert answer.answer == "Direct Debit instructions: 13 months after the last payment"


def test_an_empty_section_that_names_the_question_is_a_no(kb6: KnowledgeBase) -> None:
    """"8.2 Types of Cookies We Use" lost its list: the base points there, not elsewhere."""
    answer = kb6.ask("what types of cookies do we use?", policy="aimigos")
    assert not answer.answered
    assert answer.pointers[0].heading == "Types of Cookies We Use"


def test_a_labelled_line_after_the_sentence_finishes_the_answer(
        kb6: KnowledgeBase) -> None:
    answer = kb6.ask("what's the lawful basis for CCTV?", policy="wetherby")
    assert answer.answered
    assert "CCTV" in answer.answer


def test_automated_decisions_are_not_automatic_collection(kb6: KnowledgeBase) -> None:
    answer = kb6.ask("do we make automated decisions about people?", policy="imgn")
    assert not answer.answered, answer.answer
