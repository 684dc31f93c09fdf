"""Text extracted from documents (knowledge/layout.py): page furniture dropped, and headings
told by their numbers where blank lines no longer mark them."""

from __future__ import annotations

from knowledge import Policy, parse_policy
from knowledge.layout import sequence_headings, without_page_furniture
from knowledge.tokens import sentences

# A notice as a PDF-to-text tool gives it: a contents list with dot leaders, a running
# footer on each page, numbered headings glued to the text above, lettered subheadings.
EXTRACTED = """\
                     Harbourside Rowing Association
                         Privacy Notice for Members

Contents
1.   Who we are ............................................................ 1
2.   What we record about rowers and coxes .............................. 2
3.   Why we may use your details ........................................ 2
4.   How long records are held ........................................... 3

HRA-PN-2024 v3                                               Page 1 of 3


1.   Who we are
Harbourside Rowing Association is a members' club run by volunteers on the
river front. The committee decides how members' details are used.
2.   What we record about rowers and coxes
We record your name, date of birth, emergency contact and any medical condition
you tell us about, so that a coach can act if something happens on the water.
HRA-PN-2024 v3                                               Page 2 of 3


3.   Why we may use your details
    a. Running the club
       We use your details to book crews, send training times and collect
       subscriptions from members who row with us.
    b. Keeping you safe
       Medical notes are shown to the duty coach before an outing and to nobody else.
4.   How long records are held
Membership records are deleted two years after your membership ends. Accident
reports are kept for seven years because our insurer requires it.
HRA-PN-2024 v3                                               Page 3 of 3
"""


def _paths(policy: Policy) -> list[str]:
    return [section.path for section in policy.sections if section.path]


def _section_of(policy: Policy, words: str) -> str:
    unit = next(unit for unit in policy.units if words in unit.answer)
    return policy.sections[unit.section].path


def test_glued_numbered_headings_are_sections_in_order() -> None:
    policy = parse_policy(EXTRACTED, policy_id="hra", title="HRA")
    assert [path for path in _paths(policy) if ">" not in path] == [
        "1. Who we are", "2. What we record about rowers and coxes",
        "3. Why we may use your details", "4. How long records are held"]


def test_lettered_subheadings_sit_under_their_numbered_heading() -> None:
    policy = parse_policy(EXTRACTED, policy_id="hra", title="HRA")
    assert _section_of(policy, "Medical notes are shown") == (
        "3. Why we may use your details > b. Keeping you safe")
    assert _section_of(policy, "deleted two years after") == "4. How long records are held"


def test_contents_lines_and_running_footers_are_not_the_policy_s_words() -> None:
    policy = parse_policy(EXTRACTED, policy_id="hra", title="HRA")
    text = " ".join(unit.answer for unit in policy.units)
    assert "HRA-PN-2024" not in text
    assert "Page 2 of 3" not in text
    assert "......" not in text
    reasons = next(unit for unit in policy.units if "insurer requires" in unit.answer)
    assert reasons.answer.endswith("because our insurer requires it.")


def test_a_numbered_list_under_a_lead_in_stays_a_list() -> None:
    text = ("Sharing\n\nWe pass your details to these suppliers only:\n"
            "1. Our booking system provider\n2. Our payment processor\n"
            "3. The insurer of the club\n\nNobody else sees them.\n")
    policy = parse_policy(text, policy_id="x", title="X")
    assert _paths(policy) == ["Sharing"]
    assert sequence_headings(text.split("\n")) == {}


def test_numbered_sentences_are_not_headings() -> None:
    lines = ["1. We collect your name when you book a lesson.",
             "This is needed to run the lesson.",
             "2. We collect your card details when you pay.",
             "They go straight to our payment processor."]
    assert sequence_headings(lines) == {}


def test_a_long_numbered_heading_counts_when_the_sequence_goes_on() -> None:
    lines = ["1) Information about who is responsible for your data and how to reach them",
             "The controller is Fenwick Dog Walking, 4 Mill Lane, Ripon.",
             "2) Contact",
             "Write to us at the address above."]
    found = sequence_headings(lines)
    assert found[lines[0]] == (
        "1)", "Information about who is responsible for your data and how to reach them", False)
    assert lines[2] in found
    # alone, the same line is no heading: nothing numbered 2) follows with text between
    assert sequence_headings(lines[:2]) == {}


def test_furniture_is_only_what_recurs_a_page_apart_or_reads_as_a_page_number() -> None:
    page = [f"Line {n} of the policy's running text, which goes on." for n in range(9)]
    lines = ["Call us on 0800 123 456 between 9 and 5.", "Page 4 of 9", "- 7 -", "12/40",
             "Ref 2024/01", *page, "Ref 2024/02", *page, "Ref 2024/03", "Clause 3 applies."]
    assert without_page_furniture(lines) == [
        "Call us on 0800 123 456 between 9 and 5.", *page, *page, "Clause 3 applies."]


def test_a_table_s_recurring_values_are_not_furniture() -> None:
    lines = ["Record Kept for", "Invoices", "6 years", "Payroll", "3 years", "CVs", "1 years",
             "Contracts", "6 years"]
    assert without_page_furniture(lines) == lines


def test_legal_citations_do_not_end_a_sentence() -> None:
    paragraph = ("We handle bookings to perform our contract with you (Art. 6 par. 1 lit. b "
                 "GDPR). Invoices are kept for ten years under Sec. 147 AO, cf. Art. 17 par. 3 "
                 "lit. b GDPR. Nothing else is kept.")
    assert sentences(paragraph) == [
        "We handle bookings to perform our contract with you (Art. 6 par. 1 lit. b GDPR).",
        "Invoices are kept for ten years under Sec. 147 AO, cf. Art. 17 par. 3 lit. b GDPR.",
        "Nothing else is kept."]
