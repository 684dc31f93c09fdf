"""An answer is quoted with its neighbour when the neighbour ranks as well: two sentences of one
paragraph that answer together ("joined"), and a lone answer quoted alone."""

from __future__ import annotations

from knowledge import KnowledgeBase, parse_policy
from knowledge.base import joined
from knowledge.models import Unit, UnitKind


def _unit(quote: str, kind: UnitKind = "sentence") -> Unit:
    return Unit(section=0, kind=kind, quote=quote, answer=quote)


def test_joined_runs_sentences_on_in_order() -> None:
    answer, quote = joined(_unit("We keep invoices."), _unit("They are deleted after six years."))
    assert answer == "We keep invoices. They are deleted after six years."
    assert quote == answer


def test_joined_puts_items_on_lines_of_their_own() -> None:
    answer, quote = joined(_unit("payment processors", "item"), _unit("couriers", "item"))
    assert answer == "payment processors\ncouriers"
    assert quote == "payment processors\ncouriers"


def test_joined_does_not_repeat_a_quote_that_holds_the_other() -> None:
    first = _unit("Our DPO is Ann Lee.")
    second = _unit("Our DPO is Ann Lee. You can write to her at dpo@example.org.")
    assert joined(first, second) == (second.answer, second.quote)
    assert joined(second, first) == (second.answer, second.quote)



def test_joined_does_not_repeat_the_sentence_the_second_leans_on() -> None:
    first = _unit("Enquiries are deleted once they have been answered.")
    second = Unit(section=0, kind="sentence",
                  quote="That is when nothing further is owed to either side.",
                  answer="Enquiries are deleted once they have been answered. That is when "
                         "nothing further is owed to either side.",
                  context="Enquiries are deleted once they have been answered.")
    answer, quote = joined(first, second)
    assert answer == second.answer
    assert answer.count("Enquiries are deleted") == 1
    assert quote == ("Enquiries are deleted once they have been answered. That is when nothing "
                     "further is owed to either side.")

GREENHOUSE = """# Greenhouse Garden Centre Privacy Notice

## Loyalty card

When you join the loyalty card scheme we record your name and postcode. Each time you buy
plants we add the purchase to your card so that you can collect points.

## Deliveries

Our van drivers see your delivery address and phone number on the day of delivery only.

## Data protection contact

Write to the manager at 4 Mill Lane, Stroud, GL5 1AA about anything in this notice.
"""


def _greenhouse() -> KnowledgeBase:
    return KnowledgeBase.build([parse_policy(GREENHOUSE, policy_id="greenhouse",
                                             title="Greenhouse Garden Centre")])


def test_two_sentences_of_one_paragraph_answer_together() -> None:
    answer = _greenhouse().ask("what do we note down about loyalty scheme members' shopping?")
    assert answer.answered
    quote = answer.citations[0].quote
    assert "record your name and postcode" in quote
    assert "add the purchase to your card" in quote
    assert quote.index("record your name") < quote.index("add the purchase")
    assert answer.citations[0].heading == "Loyalty card"


def test_a_lone_answer_is_quoted_alone() -> None:
    answer = _greenhouse().ask("who sees a customer's phone number for deliveries?")
    assert answer.answered
    assert answer.answer == ("Our van drivers see your delivery address and phone number on the "
                             "day of delivery only.")
