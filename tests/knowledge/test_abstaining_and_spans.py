"""Declining what a policy does not say, the smallest span under the matching heading, and
answers scoped to one policy that do not depend on the others: over an online shop's web page
flattened to text with its navigation crumbs and a SaaS app's Markdown policy (blind2/)."""

from __future__ import annotations

from knowledge import KnowledgeBase, Policy


def test_abstaining_means_something(shop_and_app: KnowledgeBase) -> None:
    """A question the policy does not answer gets a confidence below the answer threshold,
    not a certainty borrowed from its generic words."""
    for question, policy in [("who is our data protection officer?", "imgn"),
                             ("who is our data protection officer?", "aimigos"),
                             ("what is the DPO's phone number?", "ledgerly"),
                             ("do we carry out DPIAs?", "aimigos")]:
        answer = shop_and_app.ask(question, policy=policy)
        assert not answer.answered, (question, policy, answer.answer)
        assert answer.confidence < 0.5


def test_smallest_span_under_the_matching_heading(shop_and_app: KnowledgeBase) -> None:
    """'do we send data outside the UK?' gets the transfers sentence, not a long disclosure list."""
    answer = shop_and_app.ask("do we send data outside the UK?", policy="imgn")
    assert answer.answered
    assert answer.citations[0].heading.endswith("International transfers")
    assert answer.answer.startswith("Some of our external third parties are based outside the UK")


def test_scoped_answers_do_not_depend_on_other_policies(aimigos: Policy, imgn: Policy,
                                                         shop_and_app: KnowledgeBase) -> None:
    """A question scoped to one policy weighs its words by that policy's own statistics."""
    alone = KnowledgeBase.build([imgn])
    for question in ["how long do we keep data", "do we sell customer data?",
                     "can people say no to cookies", "what's our company registration number"]:
        here, there = shop_and_app.ask(question, policy="imgn"), alone.ask(question, policy="imgn")
        assert (here.answered, here.answer, here.confidence) == (
            there.answered, there.answer, there.confidence), question
