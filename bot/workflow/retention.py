"""Storage limitation, pure: retention periods, when data is past them, and how it is masked.

Each organisation says in the organisations file how long privacybot keeps each kind of data
it holds for it (bot.organisations.Retention): periods read "3 years", "18 months" or
"90 days". A period runs from the last contact on a closed ticket (its latest mail or event),
from a stored mail's arrival when no ticket holds it, and from the question for staff
questions. The use case that applies them is bot/desk/retention.py.

Masking: an address past its period becomes a keyed pseudonym (the same address gives the
same pseudonym, so repeated requests stay visible, but it cannot be read back without the
service key); an address whose owner's erasure request was done becomes ERASED. Personal
values inside events are replaced by REMOVED, keeping the event's other facts.
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from bot.errors import ConfigError

PSEUDONYM_PREFIX = "pseudonym:"
ERASED = "[erased]"
REMOVED = "[removed]"
# Event data that may hold what a requester wrote or who they are. Everything else in an
# event (kinds, states, dates, references, counts, the team's own reasons) stays: it is what
# the register and the audit trail are made of.
PERSONAL_EVENT_KEYS = frozenset({
    "sender", "requester", "address", "words", "evidence", "question", "note", "subject",
    "extras", "message_id", "error", "from", "to", "name",
})
# Event kinds put on a ticket that say what happened to the ticket's data, not contact.
OWN_KINDS = frozenset({"retention_applied", "own_data_erased", "legal_hold",
                       "legal_hold_released"})

_PERIOD = re.compile(r"^\s*(\d{1,4})\s*(day|days|month|months|year|years)\s*$", re.IGNORECASE)


class Period(NamedTuple):
    """A retention period: a number of days or of calendar months."""

    amount: int
    unit: str  # "days" or "months"

    def __str__(self) -> str:
        if self.unit == "months" and self.amount % 12 == 0:
            years = self.amount // 12
            return f"{years} year{'' if years == 1 else 's'}"
        return f"{self.amount} {self.unit if self.amount != 1 else self.unit[:-1]}"


def parse_period(text: str) -> Period:
    """"3 years" -> Period(36, "months"); ConfigError for anything else."""
    found = _PERIOD.match(text)
    if found is None:
        raise ConfigError(f"a retention period reads like '3 years', '18 months' or "
                          f"'90 days', not {text!r}")
    count, unit = int(found.group(1)), found.group(2).lower()
    if unit.startswith("year"):
        return Period(count * 12, "months")
    if unit.startswith("month"):
        return Period(count, "months")
    return Period(count, "days")


def _months_back(moment: datetime, months: int) -> datetime:
    """The corresponding moment `months` earlier (the month's last day where there is none)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return moment.replace(year=year, month=month + 1, day=min(moment.day, last))


def cutoff(now: datetime, period: Period) -> datetime:
    """Data whose period started before this moment is past it."""
    if period.unit == "days":
        return now - timedelta(days=period.amount)
    return _months_back(now, period.amount)


def pseudonym(secret: bytes, address: str) -> str:
    """A stable keyed stand-in for an address; a value already masked is left as it is."""
    if is_masked(address):
        return address
    digest = hmac.new(secret, b"retention:" + address.strip().lower().encode("utf-8"),
                      hashlib.sha256).hexdigest()
    return f"{PSEUDONYM_PREFIX}{digest[:20]}"


def is_masked(value: str | None) -> bool:
    return value is not None and (value.startswith(PSEUDONYM_PREFIX) or value == ERASED)


def scrub(data: Mapping[str, Any]) -> dict[str, Any]:
    """An event's data with its personal values replaced (the keys stay, so its shape does).
    Retention applies this rule in the database (storage/repos/json_scrub.py); this is the
    reference a test holds that SQL to."""
    return {key: (REMOVED if key in PERSONAL_EVENT_KEYS and value not in (None, "", [], {})
                  else value) for key, value in data.items()}
