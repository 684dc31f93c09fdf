"""Statutory clocks: the due date of a rights request and of a complaint acknowledgement.

UK GDPR Art. 12(3) as the ICO reads it: one calendar month from the start day to the
corresponding date of the next month; where that month is shorter, its last day; where the
result is not a working day in the organisation's jurisdiction, the next working day. An
extension adds up to two further months (three from the start). Days the clock stood still
while the team waited for a clarification it asked for push the date back by as many days.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import Protocol

import holidays

from bot.errors import WorkflowError

COMPLAINT_ACK_DAYS = 30
MAX_EXTENSION_MONTHS = 2


class Jurisdiction(Protocol):
    """The part of an organisation the clock needs (an Organisation satisfies it)."""

    @property
    def jurisdiction(self) -> str: ...

    @property
    def subdivision(self) -> str | None: ...


@lru_cache(maxsize=32)
def _calendar(country: str, subdivision: str | None) -> holidays.HolidayBase:
    try:
        return holidays.country_holidays(country, subdiv=subdivision)
    except NotImplementedError as exc:  # the package's error for an unknown country/subdiv
        raise WorkflowError(
            f"no bank-holiday calendar for {country}{'/' + subdivision if subdivision else ''}"
        ) from exc


def prepare_calendars(places: Iterable[Jurisdiction], today: date) -> None:
    """Load each place's bank holidays for this year and the next ahead of time: the
    holidays package imports its calendars and builds each year on first use (a few hundred
    milliseconds), which would otherwise land on the first ticket's SMTP session."""
    for where in places:
        days_off = _calendar(where.jurisdiction, where.subdivision)
        for year in (today.year, today.year + 1):
            _ = date(year, 1, 1) in days_off


def is_working_day(day: date, where: Jurisdiction) -> bool:
    """Monday to Friday and not a bank holiday (substitute days included) there."""
    return day.weekday() < 5 and day not in _calendar(where.jurisdiction, where.subdivision)


def next_working_day(day: date, where: Jurisdiction) -> date:
    """The day itself when it is a working day, else the first working day after it."""
    while not is_working_day(day, where):
        day += timedelta(days=1)
    return day


def add_calendar_months(start: date, months: int) -> date:
    """The corresponding date `months` later, or that month's last day when there is none."""
    if months < 0:
        raise WorkflowError("months must not be negative")
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


def due_date(
    start: date, where: Jurisdiction, *, extended_months: int = 0, paused_days: int = 0
) -> date:
    """When the answer is due for a clock that started on `start`.

    `extended_months` (0-2) is the extension granted; `paused_days` the whole days the clock
    was paused for a clarification, added before rolling to a working day.
    """
    if not 0 <= extended_months <= MAX_EXTENSION_MONTHS:
        raise WorkflowError(f"an extension is 0 to {MAX_EXTENSION_MONTHS} further months")
    if paused_days < 0:
        raise WorkflowError("paused days must not be negative")
    raw = add_calendar_months(start, 1 + extended_months) + timedelta(days=paused_days)
    return next_working_day(raw, where)


def can_extend(start: date, today: date, where: Jurisdiction, *, paused_days: int = 0) -> bool:
    """An extension may only be decided inside the first month (before the original due date
    has passed)."""
    return today <= due_date(start, where, paused_days=paused_days)


def complaint_ack_due(received: date) -> date:
    """Complaints are acknowledged within 30 days of receipt (calendar days, no roll)."""
    return received + timedelta(days=COMPLAINT_ACK_DAYS)


def complaint_due(intents: Iterable[str], received: date) -> date | None:
    """The acknowledgement date of the complaint a ticket holds (its own 30 days from
    receipt, whatever the rest of the ticket waits for), or None when it holds none."""
    return complaint_ack_due(received) if "complaint" in set(intents) else None


def paused_days_between(paused_on: date, resumed_on: date) -> int:
    """Whole days the clock stood still: the day of asking counts, the day of answer runs."""
    return max(0, (resumed_on - paused_on).days)
