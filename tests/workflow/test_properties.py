"""Properties that must hold for every input, checked with hypothesis."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.workflow.addresses import InvalidAddressError, clean_address
from bot.workflow.deadlines import add_calendar_months, due_date, is_working_day
from bot.workflow.outbound import clean_subject, safe_message_id


@dataclass(frozen=True)
class England:
    jurisdiction: str = "GB"
    subdivision: str | None = "ENG"


DAYS = st.dates(min_value=date(2025, 1, 1), max_value=date(2029, 12, 31))


@settings(max_examples=300, deadline=None)
@given(start=DAYS, extended=st.sampled_from([0, 2]), paused=st.integers(0, 60))
def test_due_date_is_a_working_day_in_range(start: date, extended: int, paused: int) -> None:
    due = due_date(start, England(), extended_months=extended, paused_days=paused)
    raw = add_calendar_months(start, 1 + extended) + timedelta(days=paused)
    assert is_working_day(due, England())
    assert raw <= due <= raw + timedelta(days=6)  # the longest run of days off is short
    assert (due - start).days >= 28 * (1 + extended)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_clean_address_never_lets_a_line_break_through(text: str) -> None:
    try:
        address = clean_address(text)
    except InvalidAddressError:
        return
    assert "\r" not in address
    assert "\n" not in address
    assert address.count("@") == 1
    assert address == address.lower()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_subjects_and_ids_are_single_line(text: str) -> None:
    subject = clean_subject(text)
    assert "\r" not in subject
    assert "\n" not in subject
    assert len(subject) <= 200
    assert subject.isprintable()
    message_id = safe_message_id(text)
    assert message_id is None or (message_id.isprintable() and " " not in message_id)
