"""Short hyphenated prefixes, a regulator outside the UK, everyday words for policy words,
tax numbers with their letters, age limits, and "them" carrying the sentence before: tested
over a small hostel's notice of their own; the coworking space's Markdown policy (blind10/)
is in the corpus test."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, parse_policy
from knowledge.query import analyse
from knowledge.shapes import holds_value
from knowledge.tokens import words

HOSTEL = """# Privacy Notice: Hostal Sol

## 1. Who we are

Hostal Sol is run by Sol Hostelería S.L., CIF B12345678, Calle del Prado 12, 28014 Madrid.
Email us at privacy@hostalsol.example.

## 2. Bookings

Rooms can be booked online or at the front desk. Guests must be aged 18 or over to book a room.

Identity data includes your name, nationality, date of birth and marital status.

## 3. Wi-Fi

Guests connect to our Wi-Fi with a code from the front desk. We log the time each device
connects, never the pages you visit.

## 4. Security cameras

Cameras cover the front door and the lobby. There are no cameras in the washrooms or the
dormitories.

### Door fobs

Each room has a key fob. Every use of a fob is logged with the door and the time.

## 5. How long we keep data

- **Booking records:** six years.
- **Video recordings:** 30 days, then overwritten.
- **Fob logs:** 60 days.

## 6. Other guests

Your phone number is never shown to other guests.

## 7. Complaints

You can complain to the Spanish Data Protection Agency (AEPD) at www.aepd.es.
"""


@pytest.fixture(scope="module")
def hostel() -> KnowledgeBase:
    return KnowledgeBase.build([parse_policy(HOSTEL, policy_id="sol", title="Hostal Sol")])


@pytest.mark.parametrize(("written", "read"), [
    ("Wi-Fi", ["wifi"]), ("wi-fi", ["wifi"]), ("WiFi", ["wifi"]), ("E-Mail", ["email"]),
    ("co-op", ["coop"]),
    # a stop word is no prefix ("in the app"), nor are two capitals (two countries)
    ("in-app", ["in", "app"]), ("UK-US", ["uk", "us"]), ("day-pass", ["day", "pass"]),
])
def test_a_short_hyphenated_prefix_is_part_of_the_word(written: str, read: list[str]) -> None:
    assert words(written) == read


def test_the_joined_form_finds_the_hyphenated_one(hostel: KnowledgeBase) -> None:
    answer = hostel.ask("is the wifi monitored?")
    assert answer.answered, answer.answer
    assert answer.citations[0].heading == "Wi-Fi"


@pytest.mark.parametrize("question", [
    "who is the regulator here?",
    "what data protection authority can I go to?",
])
def test_a_regulator_outside_the_uk_is_the_regulator(hostel: KnowledgeBase,
                                                     question: str) -> None:
    answer = hostel.ask(question)
    assert answer.answered, answer.answer
    assert "Data Protection Agency" in answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("how long is cctv footage kept?", "Video recordings: 30 days"),
    ("are we filmed in the loos?", "no cameras in the washrooms"),
    ("what is logged when I swipe my key card?", "Every use of a fob is logged"),
    ("will other guests see my mobile?", "phone number is never shown"),
    ("do you ask if guests are married?", "marital status"),
])
def test_everyday_words_find_the_policy_words(hostel: KnowledgeBase, question: str,
                                              expected: str) -> None:
    answer = hostel.ask(question)
    assert answer.answered, answer.answer
    assert expected in answer.answer


def test_a_tax_number_is_looked_up_with_its_letters(hostel: KnowledgeBase) -> None:
    assert holds_value("digits", "CIF B12345678")
    assert holds_value("digits", "VAT number GB 123 4567 89")
    answer = hostel.ask("whats the company's tax ID number?")
    assert answer.answered, answer.answer
    assert "B12345678" in answer.answer


def test_a_stated_age_is_what_the_question_turns_on(hostel: KnowledgeBase) -> None:
    answer = hostel.ask("a 15-year-old wants to book a room online, can they?")
    assert answer.answered, answer.answer
    assert "18 or over" in answer.answer  # not "Rooms can be booked online"
    stats = hostel._index.stats(0, hostel._index.size)
    aged = {c.word: c.weight for c in analyse("can a 15 year old book online?", stats, set())}
    plain = {c.word: c.weight for c in analyse("can a child book online?", stats, set())}
    assert aged["child"] == pytest.approx(2 * plain["child"])


def test_an_age_limit_answers_a_question_about_age(hostel: KnowledgeBase) -> None:
    assert holds_value("age", "We do not knowingly collect data from children under 13.")
    assert holds_value("age", "Guests must be aged 18 or over.")
    assert not holds_value("age", "Children's data is handled with care.")
    answer = hostel.ask("is there a minimum age?")
    assert answer.answered, answer.answer
    assert "18 or over" in answer.answer


MESSAGES = """# Notice

## 1. Messages

We send offers by email only to guests who ask for them. Messages about your booking, such as
check-in times and invoices, are not offers. Guests keep getting them after unsubscribing from
offers.

## 2. Contact

Email us at hello@example.org.
"""


def test_them_early_in_a_sentence_carries_the_sentence_before() -> None:
    kb = KnowledgeBase.build([parse_policy(MESSAGES, policy_id="inn", title="Example Inn")])
    answer = kb.ask("if I unsubscribe will I still get check-in times?")
    assert answer.answered, answer.answer
    assert answer.answer.startswith("Guests keep getting them")
