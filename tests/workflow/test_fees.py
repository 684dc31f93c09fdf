"""Fees, pure: parsing what a person typed, reading the fee from a ticket's history, the day
the clock starts, the state moves a fee makes, and what a ticket needs from the team."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from bot.errors import IllegalTransitionError, WorkflowError
from bot.workflow.attention import attention
from bot.workflow.fees import (
    FeeReason,
    chargeable,
    clock_start,
    fee_status,
    parse_fee,
)
from bot.workflow.states import TicketState, transition

S = TicketState
AT = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def test_parse_fee() -> None:
    fee = parse_fee("10", "Excessive")
    assert fee.amount == Decimal("10.00")
    assert fee.display == "10.00 GBP"
    assert fee.reason is FeeReason.EXCESSIVE
    assert "excessive" in fee.label
    assert parse_fee(" 7.5 ", "further-copies", "eur").display == "7.50 EUR"
    assert parse_fee("1", "manifestly unfounded").reason is FeeReason.MANIFESTLY_UNFOUNDED


@pytest.mark.parametrize(
    ("amount", "reason", "currency", "message"),
    [
        ("ten", "excessive", "GBP", "must be a number"),
        ("0", "excessive", "GBP", "more than 0"),
        ("-5", "excessive", "GBP", "more than 0"),
        ("NaN", "excessive", "GBP", "more than 0"),
        ("10.001", "excessive", "GBP", "at most two decimals"),
        ("20000", "excessive", "GBP", "not a reasonable fee"),
        ("10", "because", "GBP", "manifestly_unfounded, excessive, further_copies"),
        ("10", "excessive", "pounds", "three-letter code"),
        ("10", "excessive", "£", "three-letter code"),
    ],
)
def test_bad_fees(amount: str, reason: str, currency: str, message: str) -> None:
    with pytest.raises(WorkflowError, match=message):
        parse_fee(amount, reason, currency)


def test_only_rights_requests_are_chargeable() -> None:
    assert chargeable(["access"])
    assert chargeable(["erasure", "complaint"])
    assert not chargeable(["complaint"])
    assert not chargeable(["opt_out", "complaint"])
    assert not chargeable([])


def test_fee_status_reads_the_latest_fee() -> None:
    asked = ("fee_requested", AT, {"amount": "10.00", "currency": "GBP", "reason": "excessive"})
    assert not fee_status([]).outstanding
    assert fee_status([asked]).outstanding
    paid = fee_status([asked, ("fee_received", LATER, {})])
    assert not paid.outstanding
    assert paid.paid_at == LATER
    assert paid.fee is not None
    assert paid.fee.amount == Decimal("10.00")
    # A receipt with no fee asked changes nothing; a new fee after a paid one is outstanding.
    assert fee_status([("fee_received", AT, {})]).fee is None
    assert fee_status([asked, ("fee_received", AT, {}), asked]).outstanding


def test_clock_starts_on_the_later_day() -> None:
    fee_day, identity_day = date(2026, 12, 4), date(2026, 11, 26)
    assert clock_start(fee_day, None, needs_identity=False) == fee_day
    assert clock_start(fee_day, None, needs_identity=True) is None
    assert clock_start(fee_day, identity_day, needs_identity=True) == fee_day
    assert clock_start(identity_day, fee_day, needs_identity=True) == fee_day


def test_fee_moves_in_the_state_machine() -> None:
    assert transition(S.IN_PROGRESS, S.AWAITING_FEE) is S.AWAITING_FEE
    assert transition(S.AWAITING_IDENTITY, S.AWAITING_FEE) is S.AWAITING_FEE
    assert transition(S.AWAITING_FEE, S.IN_PROGRESS) is S.IN_PROGRESS
    assert transition(S.AWAITING_FEE, S.REJECTED) is S.REJECTED
    for source in (S.DONE, S.REJECTED, S.CLOSED_UNVERIFIED, S.EXTENDED,
                   S.AWAITING_CLARIFICATION):
        with pytest.raises(IllegalTransitionError, match="cannot move to awaiting_fee"):
            transition(source, S.AWAITING_FEE, reference="AIM-2026-0001")
    for target in (S.EXTENDED, S.AWAITING_CLARIFICATION, S.CLOSED_UNVERIFIED):
        with pytest.raises(IllegalTransitionError, match="is awaiting_fee"):
            transition(S.AWAITING_FEE, target)


def test_attention_notes() -> None:
    withheld = ("complaint_ack_needed", AT, {"ack_due": "2026-12-24", "reason": "suppressed"})
    assert attention("in_progress", [withheld]) == [
        "complaint acknowledgement not sent: acknowledge by 2026-12-24"]
    sent = ("reply_queued", LATER, {"reply": "complaint_ack"})
    assert attention("in_progress", [withheld, sent]) == []
    assert attention("done", [withheld]) == []  # closed: nothing left to do
    asked = ("fee_requested", AT, {"amount": "5", "currency": "GBP", "reason": "excessive"})
    manual: tuple[str, datetime, dict[str, str]] = ("manual_check_needed", AT, {})
    assert attention("awaiting_identity", [manual, asked]) == [
        "identity must be checked by the team", "fee of 5.00 GBP awaited"]
    paid: tuple[str, datetime, dict[str, str]] = ("fee_received", LATER, {})
    assert attention("awaiting_fee", [asked, paid]) == []
