"""KnowledgeBase.ask: quoted, cited answers; abstentions with pointers; bad questions."""

from __future__ import annotations

import time

import pytest

from knowledge import KnowledgeBase, Policy, QuestionError, UnknownPolicyError, parse_policy


def test_retention_question_is_answered_by_its_table_row(kb: KnowledgeBase) -> None:
    answer = kb.ask("how long do we keep correspondence?", policy="aimigos")
    assert answer.answered
    assert answer.answer == "Correspondence: 3 years from last contact"
    first = answer.citations[0]
    assert first.policy == "aimigos"
    assert first.organisation == "Aimigos Studio"
    assert first.section == "7.1"
    assert first.heading == "How Long We Keep Your Data"
    assert first.path == "7. Data Retention > 7.1 How Long We Keep Your Data"
    assert first.quote == "Correspondence 3 years from last contact"
    assert 0.5 <= answer.confidence <= 1.0
    assert answer.pointers == []


def test_staff_wording_and_typos_reach_policy_wording(kb: KnowledgeBase) -> None:
    hang_on = kb.ask("how long do we hang on to invoices?", policy="aimigos")
    assert "7 years" in hang_on.answer
    typo = kb.ask("how long do we keep corespondance", policy="aimigos")
    assert "3 years from last contact" in typo.answer
    wipe = kb.ask("when are backups wiped?", policy="aimigos")
    assert "90 days" in wipe.answer


def test_unanswerable_question_abstains_with_two_pointers(kb: KnowledgeBase) -> None:
    answer = kb.ask("How long do we keep visitor sign-in sheets at reception?",
                    policy="aimigos")
    assert not answer.answered
    assert answer.answer.startswith("The policy doesn't say")
    assert answer.citations == []
    assert len(answer.pointers) == 2
    assert answer.confidence < 0.5
    assert len({p.path for p in answer.pointers}) == 2


def test_question_about_nothing_in_the_policy_abstains(kb: KnowledgeBase) -> None:
    for question in ("What's the parking situation at the office?", "How do I book annual leave?"):
        assert not kb.ask(question, policy="aimigos").answered


@pytest.mark.parametrize(
    ("policy", "expected"),
    [("aimigos", "0303 123 1113"), ("imgn", "Information Commissioner"),
     ("fernhill", "ico.org.uk")],
)
@pytest.mark.parametrize(
    "question",
    ["How can I complain?", "supervisory authority", "ICO", "how do people complain to the "
     "regulator about us?"],
)
def test_complaint_route_is_found_in_every_policy(kb: KnowledgeBase, policy: str,
                                                  expected: str, question: str) -> None:
    answer = kb.ask(question, policy=policy)
    assert answer.answered, answer.answer
    text = answer.answer + " ".join(c.quote for c in answer.citations)
    assert expected in text or "ICO" in text


def test_across_all_policies_citations_name_their_organisation(kb: KnowledgeBase) -> None:
    answer = kb.ask("What is the ICO helpline number?")
    assert answer.answered
    assert {c.organisation for c in answer.citations} <= {"Aimigos Studio", "Fernhill Cycles"}
    assert "0303 123 1113" in answer.answer + answer.citations[0].quote


def test_naming_an_organisation_scopes_the_question(kb: KnowledgeBase) -> None:
    answer = kb.ask("What is IMGN Studio's email address?")
    assert answer.citations[0].policy == "imgn"
    assert "studio@imgnstudio.com" in answer.answer


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_question_is_a_question_error(kb: KnowledgeBase, question: str) -> None:
    with pytest.raises(QuestionError):
        kb.ask(question)


def test_unknown_policy_is_an_error(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownPolicyError, match="known: aimigos, imgn, fernhill, pebble"):
        kb.ask("cookies?", policy="nobody")


def test_ten_thousand_character_question_answers_or_abstains(kb: KnowledgeBase) -> None:
    rambling = ("I was wondering about the retention of correspondence and parking and "
                "everything else that might matter to a client of ours ") * 80
    question = rambling[:10_000]
    started = time.perf_counter()
    answer = kb.ask(question, policy="aimigos")
    assert time.perf_counter() - started < 5
    assert answer.answered in (True, False)
    assert answer.question.startswith("I was wondering")


def test_question_of_only_stop_words_abstains(kb: KnowledgeBase) -> None:
    answer = kb.ask("what is it?", policy="imgn")
    assert not answer.answered


def test_one_policy_without_headings_answers() -> None:
    policy = parse_policy("We keep invoices for six years. We never sell your data to "
                          "anyone.", policy_id="tiny", title="Tiny Ltd")
    kb = KnowledgeBase.build([policy])
    assert kb.policy_ids() == ["tiny"]
    answer = kb.ask("Do we sell customer data?")
    assert answer.answered
    assert answer.answer == "We never sell your data to anyone."
    assert answer.citations[0].path == ""


def test_answers_are_the_same_whatever_else_is_indexed(aimigos: Policy, imgn: Policy) -> None:
    alone = KnowledgeBase.build([aimigos]).ask("What are cookies?", policy="aimigos")
    both = KnowledgeBase.build([aimigos, imgn]).ask("What are cookies?", policy="aimigos")
    assert alone.answer == both.answer
    assert "small text files" in alone.answer


def test_lost_list_is_pointed_at_not_guessed_around(kb: KnowledgeBase) -> None:
    # 5.1 lost its list of recipients: the answer is not some other section's sentence.
    answer = kb.ask("Who do we share client data with?", policy="aimigos")
    assert not answer.answered
    assert answer.pointers[0].path == ("5. Data Sharing and Disclosure > "
                                       "5.1 Third Parties We Share Data With")
    assert answer.pointers[0].quote == "We may share your personal data with:"
