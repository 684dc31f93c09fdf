"""Fees (UK GDPR Art. 12(5), 15(3)): what a fee request is, and what it does to the clock.

A fee may be charged only where a request is manifestly unfounded or excessive, or for
further copies of data already supplied. The team asks for it; the requester is told the
amount and why; the clock does not run until it is paid. Under Art. 12(3) as the Data (Use
and Access) Act 2025 words it, the time limit starts on the latest of the day of receipt, the
day identity evidence arrives (where asked for) and the day the fee arrives (where asked
for): a fee restarts the clock from its own day, it does not pause it.

The fee's details live in the append-only events (`fee_requested`, `fee_received`), so
`fee_status` reads them back from a ticket's history; no I/O here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.errors import WorkflowError

FEE_REQUESTED = "fee_requested"
FEE_RECEIVED = "fee_received"
MAX_FEE = Decimal("10000")
# A complaint, an opt-out or a withdrawn consent never costs the requester anything; the
# other rights may, where a request is manifestly unfounded or excessive.
FREE_INTENTS = frozenset({"opt_out", "complaint", "consent_withdrawal"})


class FeeReason(StrEnum):
    MANIFESTLY_UNFOUNDED = "manifestly_unfounded"
    EXCESSIVE = "excessive"
    FURTHER_COPIES = "further_copies"


REASON_LABELS = {
    FeeReason.MANIFESTLY_UNFOUNDED: "we consider the request manifestly unfounded",
    FeeReason.EXCESSIVE: "we consider the request excessive",
    FeeReason.FURTHER_COPIES: "you asked for further copies of information already provided",
}


class FeeRequest(BaseModel):
    """A fee the team asks for: a positive amount with at most two decimals."""

    model_config = ConfigDict(frozen=True)

    amount: Decimal
    currency: str
    reason: FeeReason

    @property
    def label(self) -> str:
        return REASON_LABELS[self.reason]

    @property
    def display(self) -> str:
        return f"{self.amount:.2f} {self.currency}"


def parse_reason(value: str) -> FeeReason:
    try:
        return FeeReason(value.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        known = ", ".join(reason.value for reason in FeeReason)
        raise WorkflowError(f"a fee's reason must be {known}, not {value!r}") from None


def parse_fee(amount: str | Decimal, reason: str, currency: str = "GBP") -> FeeRequest:
    """A FeeRequest from what a person typed, or WorkflowError saying what is wrong."""
    try:
        value = Decimal(str(amount).strip())
    except InvalidOperation:
        raise WorkflowError(f"a fee's amount must be a number like 10.00, not {amount!r}") from None
    if not value.is_finite() or value <= 0:
        raise WorkflowError(f"a fee's amount must be more than 0, not {amount!r}")
    if value > MAX_FEE:
        raise WorkflowError(f"a fee of {value} is more than {MAX_FEE}: not a reasonable fee")
    if value != value.quantize(Decimal("0.01")):
        raise WorkflowError(f"a fee's amount has at most two decimals, not {amount!r}")
    code = currency.strip().upper()
    if len(code) != 3 or not code.isalpha() or not code.isascii():
        raise WorkflowError(f"a currency is a three-letter code like GBP, not {currency!r}")
    return FeeRequest(amount=value.quantize(Decimal("0.01")), currency=code,
                      reason=parse_reason(reason))


def chargeable(intents: Iterable[str]) -> bool:
    """Whether the ticket holds a rights request a fee can be charged for."""
    return bool(set(intents) - FREE_INTENTS)


class FeeStatus(BaseModel):
    """The latest fee asked on a ticket and whether it arrived."""

    model_config = ConfigDict(frozen=True)

    fee: FeeRequest | None = None
    requested_at: datetime | None = None
    paid_at: datetime | None = None

    @property
    def outstanding(self) -> bool:
        return self.fee is not None and self.paid_at is None

    @property
    def summary(self) -> str:
        """One line for people ("10.00 GBP (excessive), asked 2026-11-24, not paid yet")."""
        if self.fee is None or self.requested_at is None:
            return ""
        paid = f"paid {self.paid_at:%Y-%m-%d}" if self.paid_at else "not paid yet"
        return (f"{self.fee.display} ({self.fee.reason.value}), asked "
                f"{self.requested_at:%Y-%m-%d}, {paid}")


def fee_status(events: Iterable[tuple[str, datetime, Mapping[str, Any]]]) -> FeeStatus:
    """Read the fee from a ticket's history, oldest event first: (kind, at, data)."""
    status = FeeStatus()
    for kind, at, data in events:
        if kind == FEE_REQUESTED:
            fee = FeeRequest(amount=Decimal(str(data["amount"])), currency=str(data["currency"]),
                             reason=FeeReason(str(data["reason"])))
            status = FeeStatus(fee=fee, requested_at=at)
        elif kind == FEE_RECEIVED and status.fee is not None:
            status = FeeStatus(fee=status.fee, requested_at=status.requested_at, paid_at=at)
    return status


def clock_start(fee_paid_on: date, identity_done_on: date | None,
                needs_identity: bool) -> date | None:
    """The day the clock starts once a fee has arrived: the later of the fee's day and the day
    identity was complete; None while identity is still awaited."""
    if not needs_identity:
        return fee_paid_on
    if identity_done_on is None:
        return None
    return max(fee_paid_on, identity_done_on)
