"""Due dates on a table of hard cases: month ends, leap years, weekends, bank holidays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from bot.errors import WorkflowError
from bot.workflow.deadlines import (
    add_calendar_months,
    can_extend,
    complaint_ack_due,
    due_date,
    is_working_day,
    paused_days_between,
)


@dataclass(frozen=True)
class Place:
    jurisdiction: str = "GB"
    subdivision: str | None = "ENG"


ENGLAND = Place()
SCOTLAND = Place(subdivision="SCT")

CASES = [
    # start, extended months, paused days, expected, why
    (date(2026, 11, 24), 0, 0, date(2026, 12, 24), "plain Thursday"),
    (date(2026, 3, 31), 0, 0, date(2026, 4, 30), "31 Mar -> 30 Apr (no 31st)"),
    (date(2026, 1, 31), 0, 0, date(2026, 3, 2), "31 Jan -> Sat 28 Feb -> Mon 2 Mar"),
    (date(2028, 1, 31), 0, 0, date(2028, 2, 29), "leap year: 31 Jan -> Tue 29 Feb"),
    (date(2028, 2, 29), 0, 0, date(2028, 3, 29), "from a leap day"),
    (date(2027, 1, 29), 0, 0, date(2027, 3, 1), "29 Jan 2027 -> Sun 28 Feb -> Mon 1 Mar"),
    (date(2026, 5, 13), 0, 0, date(2026, 6, 15), "Saturday rolls to Monday"),
    (date(2026, 11, 25), 0, 0, date(2026, 12, 29), "Christmas Fri, Boxing Day Sat -> Mon sub"),
    (date(2027, 11, 25), 0, 0, date(2027, 12, 29), "Christmas Sat: both substitute days"),
    (date(2027, 11, 27), 0, 0, date(2027, 12, 29), "lands on the Christmas substitute"),
    (date(2026, 3, 3), 0, 0, date(2026, 4, 7), "Good Friday, weekend, Easter Monday"),
    (date(2028, 3, 14), 0, 0, date(2028, 4, 18), "Good Friday 2028"),
    (date(2027, 2, 28), 0, 0, date(2027, 3, 30), "Sun 28 Mar, then Easter Monday 2027"),
    (date(2027, 12, 1), 0, 0, date(2028, 1, 4), "New Year Sat -> Mon 3 Jan substitute"),
    (date(2026, 1, 31), 2, 0, date(2026, 4, 30), "extended: three months from the start"),
    (date(2026, 11, 30), 2, 0, date(2027, 3, 1), "extended to Sun 28 Feb 2027"),
    (date(2026, 9, 25), 2, 0, date(2026, 12, 29), "extended into Christmas"),
    (date(2027, 11, 30), 2, 0, date(2028, 2, 29), "extended to a leap day"),
    (date(2026, 11, 2), 0, 5, date(2026, 12, 7), "five paused days"),
    (date(2026, 11, 20), 0, 5, date(2026, 12, 29), "pause pushes into Christmas"),
]


@pytest.mark.parametrize(("start", "extended", "paused", "expected", "why"), CASES)
def test_due_date_table(start: date, extended: int, paused: int, expected: date, why: str) -> None:
    assert due_date(start, ENGLAND, extended_months=extended, paused_days=paused) == expected, why


def test_scotland_has_its_own_new_year() -> None:
    # 2 Jan is a bank holiday in Scotland and not in England.
    assert due_date(date(2027, 12, 2), ENGLAND) == date(2028, 1, 4)
    assert due_date(date(2027, 12, 2), SCOTLAND) == date(2028, 1, 5)


def test_other_countries_use_their_calendar() -> None:
    spain = Place(jurisdiction="ES", subdivision=None)
    assert not is_working_day(date(2026, 1, 6), spain)  # Epiphany
    assert is_working_day(date(2026, 1, 6), ENGLAND)


def test_unknown_jurisdiction_is_a_clear_error() -> None:
    with pytest.raises(WorkflowError, match="no bank-holiday calendar for XX"):
        due_date(date(2026, 1, 1), Place(jurisdiction="XX", subdivision=None))


def test_add_calendar_months_clamps_to_month_end() -> None:
    assert add_calendar_months(date(2026, 8, 31), 1) == date(2026, 9, 30)
    assert add_calendar_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_calendar_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


@pytest.mark.parametrize(("extended", "paused"), [(3, 0), (-1, 0), (0, -2)])
def test_out_of_range_arguments_are_refused(extended: int, paused: int) -> None:
    with pytest.raises(WorkflowError):
        due_date(date(2026, 1, 1), ENGLAND, extended_months=extended, paused_days=paused)


def test_extension_only_inside_the_first_month() -> None:
    start = date(2026, 1, 31)  # first month ends Mon 2 Mar 2026
    assert can_extend(start, date(2026, 3, 2), ENGLAND)
    assert not can_extend(start, date(2026, 3, 3), ENGLAND)
    assert can_extend(start, date(2026, 3, 5), ENGLAND, paused_days=5)


def test_complaint_acknowledged_within_thirty_days() -> None:
    assert complaint_ack_due(date(2026, 12, 10)) == date(2027, 1, 9)


def test_paused_days() -> None:
    assert paused_days_between(date(2026, 5, 1), date(2026, 5, 6)) == 5
    assert paused_days_between(date(2026, 5, 6), date(2026, 5, 1)) == 0


def test_calendars_are_prepared_for_this_year_and_the_next() -> None:
    from bot.workflow.deadlines import _calendar, prepare_calendars

    wales = Place(jurisdiction="GB", subdivision="WLS")
    prepare_calendars([wales], date(2031, 6, 1))
    assert {2031, 2032} <= set(_calendar("GB", "WLS").years)
    with pytest.raises(WorkflowError, match="no bank-holiday calendar"):
        prepare_calendars([Place(jurisdiction="XX", subdivision=None)], date(2031, 6, 1))
