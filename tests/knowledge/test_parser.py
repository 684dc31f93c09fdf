"""The parser reads the messy seeds and Markdown into sections and answerable units."""

from __future__ import annotations

import pytest

from knowledge import Policy, PolicyError, parse_policy


def _section(policy: Policy, heading: str) -> int:
    return next(i for i, s in enumerate(policy.sections) if s.heading == heading)


def test_numbered_headings_nest_with_paths(aimigos: Policy) -> None:
    section = aimigos.sections[_section(aimigos, "How Long We Keep Your Data")]
    assert section.number == "7.1"
    assert section.path == "7. Data Retention > 7.1 How Long We Keep Your Data"
    parent = aimigos.sections[section.parent or 0]
    assert parent.heading == "Data Retention"


def test_flattened_table_rows_become_facts(aimigos: Policy) -> None:
    retention = _section(aimigos, "How Long We Keep Your Data")
    facts = {u.answer for u in aimigos.units if u.section == retention and u.kind == "fact"}
    assert "Correspondence: 3 years from last contact" in facts
    assert "Financial records: 7 years (legal requirement)" in facts
    assert len(facts) == 6
    row = next(u for u in aimigos.units if u.answer.startswith("Correspondence:"))
    assert row.quote == "Correspondence 3 years from last contact"
    assert "Retention Period" in row.context


def test_lead_in_without_its_list_is_never_an_answer(aimigos: Policy) -> None:
    sharing = _section(aimigos, "Third Parties We Share Data With")
    kinds = [u.kind for u in aimigos.units if u.section == sharing]
    assert kinds == ["lead"]


def test_lead_in_with_its_list_is_one_unit(aimigos: Policy) -> None:
    automatic = _section(aimigos, "Information Collected Automatically")
    listed = [u for u in aimigos.units if u.section == automatic and u.kind == "list"]
    assert len(listed) == 1
    assert listed[0].quote.startswith("When you visit our website")
    assert "• IP address and device information" in listed[0].quote


def test_heading_glued_to_the_list_above_is_a_heading(imgn: Policy) -> None:
    security = imgn.sections[_section(imgn, "Data Security")]
    assert security.number == "1"
    transfers = _section(imgn, "International transfers")
    items = [u.quote for u in imgn.units if u.section == transfers and u.kind == "item"]
    assert not any("Data Security" in item for item in items)


def test_unnumbered_headings_and_site_navigation(imgn: Policy) -> None:
    headings = [s.heading for s in imgn.sections]
    assert "Disclosure of your information..." in headings
    assert "Google Analytics" in headings
    # Navigation lines become empty sections, which never answer.
    nav = _section(imgn, "Terms and Conditions Close")
    assert not [u for u in imgn.units if u.section == nav]


def test_markdown_headings_tables_and_lists(fernhill: Policy) -> None:
    retention = fernhill.sections[_section(fernhill, "How long we keep it")]
    assert retention.number == "6"
    assert retention.path.endswith("6. How long we keep it")
    facts = [u.answer for u in fernhill.units if u.kind == "fact"]
    assert "CCTV recordings: 30 days, unless needed for an investigation" in facts
    rights = _section(fernhill, "Your rights")
    items = [u.quote for u in fernhill.units if u.section == rights and u.kind == "item"]
    assert len(items) == 5
    # Inline markup and links are reduced to their words.
    assert all("**" not in u.quote for u in fernhill.units)


def test_policy_without_headings_is_one_section() -> None:
    policy = parse_policy("We keep invoices for six years. We never sell data.",
                          policy_id="tiny", title="Tiny")
    assert len(policy.sections) == 1
    assert policy.sections[0].heading == ""
    assert [u.quote for u in policy.units] == ["We keep invoices for six years.",
                                               "We never sell data."]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\x00\x01\x02binary\x00", "---\n***\n"])
def test_unusable_text_is_a_policy_error(text: str) -> None:
    with pytest.raises(PolicyError):
        parse_policy(text, policy_id="bad", title="Bad")


def test_sentences_do_not_split_after_abbreviations() -> None:
    policy = parse_policy("Intro\n\nWe use tools, e.g. Google Analytics, to count visits. "
                          "Then we stop.", policy_id="p", title="P")
    assert [u.quote for u in policy.units] == [
        "We use tools, e.g. Google Analytics, to count visits.", "Then we stop."]


def test_saved_web_page_is_read_like_markdown() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>x</title><script>var a = 1;</script></head><body>"
        "<nav><a href='/'>Home</a></nav><h1>Northwind Privacy Policy</h1>"
        "<h2>1. What we collect</h2><p>We collect:</p><ul><li>Your name and email</li>"
        "<li>Your address</li></ul><h2>2. Retention</h2><table><tr><th>Record</th>"
        "<th>Period</th></tr><tr><td>Support chats</td><td>12 months</td></tr></table>"
        "</body></html>")
    policy = parse_policy(page, policy_id="nw", title="Northwind")
    assert [s.path for s in policy.sections] == [
        "Northwind Privacy Policy", "Northwind Privacy Policy > 1. What we collect",
        "Northwind Privacy Policy > 2. Retention"]
    answers = [u.answer for u in policy.units]
    assert "Support chats: 12 months" in answers
    assert "We collect:\n• Your name and email\n• Your address" in answers
    assert not any("var a" in a or "Home" in a for a in answers)


def test_plain_text_heading_styles_of_other_policies() -> None:
    text = ("ACME PRIVACY POLICY\n\nSECTION 1 - INFORMATION WE COLLECT\nWe collect your name "
            "and location when you sign up.\n\nInformation We Share:\nWe share your "
            "information with advertising partners. We do not sell it.\n\nII. Data Retention"
            "\n\nWe retain account data for 30 days after deletion.\n")
    policy = parse_policy(text, policy_id="acme", title="Acme")
    titles = [f"{s.number} {s.heading}".strip() for s in policy.sections]
    assert titles == ["ACME PRIVACY POLICY", "SECTION 1 INFORMATION WE COLLECT",
                      "Information We Share", "II Data Retention"]
    assert "We do not sell it." in [u.quote for u in policy.units]


def test_web_page_laid_out_with_tables_and_bold_lines() -> None:
    page = (
        "<html><body><table><tr><td><a href='/'>Home</a></td><td>Shop</td></tr></table>"
        "<table><tr><td><p><strong>Our use of cookies</strong><br>We use cookies only with "
        "your permission. You can refuse them in your browser.<br><br><strong>Retention"
        "</strong><br>We keep orders for a while.</p><table><tr><th>Record</th><th>Kept for"
        "</th></tr><tr><td>Invoices</td><td>6 years</td></tr></table></td></tr></table>"
        "</body></html>")
    policy = parse_policy(page, policy_id="blue", title="Blue")
    assert [s.heading for s in policy.sections] == ["Our use of cookies", "Retention"]
    answers = [u.answer for u in policy.units]
    assert "You can refuse them in your browser." in answers
    assert "Invoices: 6 years" in answers
    assert not any("Home" in a for a in answers)


def test_title_case_heading_with_its_paragraph_right_under_it() -> None:
    text = ("Acme Privacy Notice\n\nInformation We Collect\nWe collect your name when you "
            "register.\n\nData Type Retention Period\nInvoices 6 years\nLogs 90 days\n")
    policy = parse_policy(text, policy_id="a", title="A")
    assert [s.heading for s in policy.sections] == ["Acme Privacy Notice",
                                                    "Information We Collect"]
    assert [u.answer for u in policy.units] == [
        "We collect your name when you register.", "Invoices: 6 years", "Logs: 90 days"]


def test_text_copied_from_a_web_page_keeps_headings_glued_between_paragraphs() -> None:
    # Copying a page drops the blank lines around its headings and indents its list items.
    text = (
        "Privacy Policy for Quill\n\nWe explain here what we do with your data.\n"
        "Interpretation and Definitions\nDefinitions\n\nFor the purposes of this policy:\n\n"
        "    Company refers to Quill Ltd, 4 Mill Lane, Leeds\n\n"
        "    Service refers to the Quill app\n"
        "Retention of Your Personal Data\n\nWe keep account data while the account is open "
        "and for one year after it is closed.\nUsage data is kept for a shorter time.\n"
        "Law enforcement\n\nWe may disclose your data when a court or the police require it "
        "by law.\n")
    policy = parse_policy(text, policy_id="quill", title="Quill")
    assert [s.heading for s in policy.sections] == [
        "Privacy Policy for Quill", "Interpretation and Definitions", "Definitions",
        "Retention of Your Personal Data", "Law enforcement"]
    disclosure = next(u for u in policy.units if "court" in u.answer)
    assert policy.sections[disclosure.section].heading == "Law enforcement"
    company = next(u for u in policy.units if "Mill Lane" in u.answer)
    assert policy.sections[company.section].heading == "Definitions"


def test_short_lines_of_a_wrapped_paragraph_or_a_table_stay_text() -> None:
    text = (
        "How We Keep Your Data\n\n"
        "We keep the records of every booking for six years after the booking ends. The\n"
        "records of a cancelled booking are kept for two years. We\n"
        "Also keep a copy of any complaint with the booking it concerns, for the same time.\n"
        "\nRecord Retention period\nMembership records 6 years after your membership ends\n"
        "Donation and Gift Aid records 6 years after the end of the tax year in which the gift "
        "was made\nEvent bookings 2 years after the event\n")
    policy = parse_policy(text, policy_id="w", title="W")
    assert [s.heading for s in policy.sections] == ["How We Keep Your Data"]
    assert "Membership records: 6 years after your membership ends" in [
        u.answer for u in policy.units]


def test_markdown_with_tags_in_it_is_read_as_markdown_and_its_front_matter_dropped() -> None:
    text = (
        "---\ntitle: Client Privacy Policy\ndraft: false\n# Optional header image\nheader:\n"
        "  image: \"\"\n---\n\n{{< toc >}}\n\n## Who we share your data with\nWe share it "
        "with our clinical supervisors.<br/>\n\n| Purpose | Basis |\n| --- | --- |\n"
        "| Billing<br/>and invoices | Contract<br/>with you |\n| Audits | Legitimate interests |\n"
        "\n## How long we keep it\nWe keep records for seven years after therapy ends.<br/>\n"
        "<br/><br/>\n")
    policy = parse_policy(text, policy_id="t", title="T")
    assert [s.heading for s in policy.sections] == [
        "Client Privacy Policy", "Who we share your data with", "How long we keep it"]
    answers = [u.answer for u in policy.units]
    assert "We keep records for seven years after therapy ends." in answers
    assert not any("draft" in a or "<br" in a for a in answers)


def test_a_rule_under_the_first_lines_is_no_front_matter() -> None:
    text = ("---\nWe keep your data safe.\n---\n\n# Retention\n\nWe keep invoices for six "
            "years.\n\n# Rights\n\nYou may ask for a copy.\n")
    policy = parse_policy(text, policy_id="r", title="R")
    assert any("We keep your data safe." in u.answer for u in policy.units)


def test_markdown_backslash_escapes_read_as_the_characters_they_escape() -> None:
    policy = parse_policy(
        "# Example Trust privacy notice\n\n## 3\\. Keeping your records\n\n"
        "We keep donor records for six years \\*after\\* your last gift.\n\n"
        "## 4\\. Your choices\n\nYou can ask us to stop at any time.\n",
        policy_id="trust", title="Example Trust")
    headings = [(s.number, s.heading) for s in policy.sections if s.heading]
    assert ("3", "Keeping your records") in headings
    assert any(unit.quote == "We keep donor records for six years *after* your last gift."
               for unit in policy.units)


def test_a_saved_page_with_one_title_and_bold_headings_reads_its_sections() -> None:
    policy = parse_policy(
        "# Privacy at Riverside Surgery\n\nThis page explains how we use your details.\n\n"
        " **Why do we hold your records?**  \nTo give you safe care and to run the practice.\n\n"
        "Back to top\n\n"
        " **Who else sees them?**  \nThe hospital trust, when we refer you.\n\n"
        "**How long are they kept?**\nUntil ten years after your death.\n",
        policy_id="surgery", title="Riverside Surgery")
    headings = [s.heading for s in policy.sections if s.heading]
    assert headings[1:] == ["Why do we hold your records?", "Who else sees them?",
                            "How long are they kept?"]
