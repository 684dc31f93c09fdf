"""Answers quote the smallest clean span: link text without its target (the target goes to the
citation), table cells as "header: value", a long list quoted only in part."""

from __future__ import annotations

from knowledge import KnowledgeBase, parse_policy

LINKED = """# Example Ltd Privacy Notice

## Cookies

We do not use advertising cookies. Full details are in our [Cookie Policy](https://example.org/cookies).

## Complaints

You can complain to the Information Commissioner's Office (https://ico.org.uk) at any time.
"""

TABLE = """# Example Ltd Privacy Notice

## Transfers

| Recipient | Designated Countries: | Safeguard |
| --- | --- | --- |
| Payroll provider | India | Standard contractual clauses |
"""


def _long_list() -> str:
    items = "\n".join(f"- Partner number {n} that provides a delivery or payment service to us"
                      for n in range(1, 31))
    return f"""# Example Ltd Privacy Notice

## Who we share data with

We share your details with the following partners:

{items}

## Retention

We keep invoices for six years.
"""


def test_link_text_is_quoted_and_its_target_cited() -> None:
    policy = parse_policy(LINKED, policy_id="ex", title="Example Ltd")
    unit = next(u for u in policy.units if "Cookie Policy" in u.quote)
    assert unit.quote == "Full details are in our Cookie Policy."
    assert unit.links == ("https://example.org/cookies",)
    answer = KnowledgeBase.build([policy]).ask("who can I complain to?")
    assert answer.answered, answer.answer
    assert "(https://" not in answer.answer
    assert "(https://" not in answer.citations[0].quote
    assert answer.citations[0].links == ("https://ico.org.uk",)


def test_a_link_target_still_answers_a_question_about_the_website() -> None:
    policy = parse_policy(LINKED, policy_id="ex", title="Example Ltd")
    answer = KnowledgeBase.build([policy]).ask("where is the cookie policy?")
    assert answer.answered, answer.answer
    assert "https://example.org/cookies" in answer.citations[0].links


def test_table_cells_read_header_colon_value() -> None:
    policy = parse_policy(TABLE, policy_id="ex", title="Example Ltd")
    row = next(u for u in policy.units if u.kind == "fact")
    assert "Designated Countries: India" in row.answer
    assert "::" not in row.answer


def test_a_long_list_is_quoted_in_part_and_its_items_answer_alone() -> None:
    policy = parse_policy(_long_list(), policy_id="ex", title="Example Ltd")
    whole = next(u for u in policy.units if u.kind == "list")
    assert len(whole.quote) < 700
    assert whole.quote.startswith("We share your details with the following partners:")
    assert whole.quote.endswith("more in this section)")
    items = [u for u in policy.units if u.kind == "item"]
    assert len(items) == 30
    assert all(len(u.quote) < 200 for u in items)
