"""The later blind sets: long policies of other companies and staff-worded questions.

blind2/ holds a web page flattened to text with its navigation crumbs (brambleway_policy.txt,
an online shop) and a Markdown policy (ledgerly_policy.md, a SaaS and mobile app), 2,000 words
each, and 120 questions over them and the two shipped policies, 22 of them about things the
policy does not cover. The set was written and scored (90/120) before the ranker saw it; the
floor below keeps the mechanisms that lifted it, without which it falls back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import KnowledgeBase, Policy, read_policy_file
from tests.knowledge.test_eval import score

HERE = Path(__file__).resolve().parent
BLIND2 = HERE / "blind2"


@pytest.fixture(scope="module")
def kb2(aimigos: Policy, imgn: Policy) -> KnowledgeBase:
    """The organisations of blind2/blind2_orgs.toml."""
    shop = read_policy_file(BLIND2 / "brambleway_policy.txt", policy_id="brambleway",
                            title="Brambleway Home")
    app = read_policy_file(BLIND2 / "ledgerly_policy.md", policy_id="ledgerly",
                           title="Ledgerly")
    return KnowledgeBase.build([aimigos, imgn, shop, app])


def test_second_blind_set_is_at_least_80_percent_right(kb2: KnowledgeBase) -> None:
    got, total, wrong = score(kb2, BLIND2 / "blind2_qa.jsonl")
    assert total >= 100
    assert got / total >= 0.80, f"{got}/{total}, wrong: {wrong}"


@pytest.mark.parametrize(("name", "extra", "floor"), [
    ("blind3", [("blind3/harbourlane_policy.txt", "harbourlane", "Harbour Lane Dental Practice")],
     0.80),
    ("blind4", [("blind3/harbourlane_policy.txt", "harbourlane", "Harbour Lane Dental Practice")],
     0.70),
    ("blind5", [("blind5/puzzlepine_policy.txt", "puzzlepine", "Puzzlepine Games")], 0.80),
])
def test_later_blind_sets_keep_their_floor(kb2: KnowledgeBase, name: str,
                                           extra: list[tuple[str, str, str]],
                                           floor: float) -> None:
    """blind3 (a dental practice's notice with question headings), blind4 (first-person
    questions in the style of public QA sets) and blind5 (a US game policy with capitals
    headings), each scored once before the ranker saw it: 34/42, 21/36, 25/33."""
    added = [read_policy_file(HERE / path, policy_id=pid, title=title)
             for path, pid, title in extra]
    policies = [kb2.policy(pid) for pid in kb2.policy_ids()]
    kb = KnowledgeBase.build([*policies, *added] if name != "blind5"
                             else [*policies[:2], *added])
    got, total, wrong = score(kb, HERE / name / f"{name}_qa.jsonl")
    assert total >= 30
    assert got / total >= floor, f"{got}/{total}, wrong: {wrong}"


def test_abstaining_means_something(kb2: KnowledgeBase) -> None:
    """A question the policy does not answer gets a confidence below the answer threshold,
    not a certainty borrowed from its generic words."""
    for question, policy in [("who is our data protection officer?", "imgn"),
                             ("who is our data protection officer?", "aimigos"),
                             ("what is the DPO's phone number?", "ledgerly"),
                             ("do we carry out DPIAs?", "aimigos")]:
        answer = kb2.ask(question, policy=policy)
        assert not answer.answered, (question, policy, answer.answer)
        assert answer.confidence < 0.5


def test_smallest_span_under_the_matching_heading(kb2: KnowledgeBase) -> None:
    """'do we send data outside the UK?' gets the transfers sentence, not a long disclosure list."""
    answer = kb2.ask("do we send data outside the UK?", policy="imgn")
    assert answer.answered
    assert answer.citations[0].heading.endswith("International transfers")
    assert answer.answer.startswith("Some of our external third parties are based outside the UK")


def test_scoped_answers_do_not_depend_on_other_policies(aimigos: Policy, imgn: Policy,
                                                         kb2: KnowledgeBase) -> None:
    """A question scoped to one policy weighs its words by that policy's own statistics."""
    alone = KnowledgeBase.build([imgn])
    for question in ["how long do we keep data", "do we sell customer data?",
                     "can people say no to cookies", "what's our company registration number"]:
        here, there = kb2.ask(question, policy="imgn"), alone.ask(question, policy="imgn")
        assert (here.answered, here.answer, here.confidence) == (
            there.answered, there.answer, there.confidence), question
