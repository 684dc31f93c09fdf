"""State machine, references and address rules."""

from __future__ import annotations

import pytest

from bot.errors import IllegalTransitionError
from bot.workflow.addresses import (
    InvalidAddressError,
    clean_address,
    normalise_address,
    same_person,
)
from bot.workflow.references import (
    InvalidReferenceError,
    find_references,
    format_reference,
    normalise_reference,
    parse_reference,
)
from bot.workflow.states import (
    ALLOWED,
    FINAL,
    RejectionReason,
    TicketState,
    parse_rejection_reason,
    transition,
)

S = TicketState


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.RECEIVED, S.AWAITING_IDENTITY),
        (S.AWAITING_IDENTITY, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.EXTENDED),
        (S.EXTENDED, S.AWAITING_CLARIFICATION),
        (S.AWAITING_CLARIFICATION, S.EXTENDED),
        (S.IN_PROGRESS, S.DONE),
        (S.AWAITING_IDENTITY, S.CLOSED_UNVERIFIED),
        (S.IN_PROGRESS, S.REJECTED),
    ],
)
def test_allowed_transitions(current: TicketState, target: TicketState) -> None:
    assert transition(current, target) is target


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.DONE, S.IN_PROGRESS),
        (S.REJECTED, S.DONE),
        (S.CLOSED_UNVERIFIED, S.IN_PROGRESS),
        (S.AWAITING_IDENTITY, S.EXTENDED),  # no extension before the clock runs
        (S.EXTENDED, S.EXTENDED),  # one extension only
        (S.AWAITING_IDENTITY, S.DONE),  # nothing done for an unverified requester
        (S.RECEIVED, S.AWAITING_CLARIFICATION),
    ],
)
def test_illegal_transitions_are_refused(current: TicketState, target: TicketState) -> None:
    with pytest.raises(IllegalTransitionError, match=f"is {current.value}: cannot move"):
        transition(current, target, reference="AIM-2026-0001")


def test_final_states_have_no_way_out() -> None:
    assert {S.DONE, S.REJECTED, S.CLOSED_UNVERIFIED, S.MERGED} == FINAL
    assert all(ALLOWED[state] == frozenset() for state in FINAL)


def test_unknown_state_names_the_known_ones() -> None:
    with pytest.raises(IllegalTransitionError, match="known: received"):
        transition("received", "limbo")


def test_rejection_reasons() -> None:
    assert parse_rejection_reason("Manifestly unfounded") is RejectionReason.MANIFESTLY_UNFOUNDED
    with pytest.raises(IllegalTransitionError, match="manifestly_excessive"):
        parse_rejection_reason("because")


def test_references_round_trip() -> None:
    assert format_reference("AIM", 2026, 42) == "AIM-2026-0042"
    assert format_reference("IMG", 2027, 12345) == "IMG-2027-12345"
    assert parse_reference(" aim-2026-0042 ") == ("AIM", 2026, 42)
    assert normalise_reference("aim-2026-0042") == "AIM-2026-0042"


@pytest.mark.parametrize("bad", ["", "AIM-26-0042", "AIM-2026-42", "A-2026-0042", "AIM 2026 0042"])
def test_bad_references(bad: str) -> None:
    with pytest.raises(InvalidReferenceError, match="not a ticket reference"):
        parse_reference(bad)


def test_find_references_in_subjects() -> None:
    subject = "Re: Please confirm your request [AIM-2026-0042] (also IMG-2026-0007)"
    assert find_references(subject) == ["AIM-2026-0042", "IMG-2026-0007"]
    assert find_references(subject, frozenset({"IMG"})) == ["IMG-2026-0007"]
    assert find_references("no reference here") == []


def test_addresses_are_normalised() -> None:
    assert clean_address("Alice <Alice+News@Example.COM>") == "alice+news@example.com"
    assert normalise_address("Alice+News@Example.COM", plus_addressing=True) == "alice@example.com"
    assert normalise_address("Alice+News@Example.COM", plus_addressing=False) == (
        "alice+news@example.com"
    )
    assert same_person("bob+x@ex.com", "BOB@ex.com", plus_addressing=True)
    assert not same_person("bob+x@ex.com", "BOB@ex.com", plus_addressing=False)
    assert not same_person("not an address", "bob@ex.com", plus_addressing=True)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("a@b.co\r\nBcc: victim@x.com", "line break"),
        ("a@b.co\nX-Evil: 1", "line break"),
        ("a@b.co, c@d.co", "exactly one address"),
        ("a@b.co <c@d.co>", "exactly one address"),
        ("plainly wrong", "not a valid email address"),
        ("a@localhost", "not a valid email address"),
        ("", "empty"),
    ],
)
def test_bad_addresses_are_refused(raw: str, message: str) -> None:
    with pytest.raises(InvalidAddressError, match=message):
        clean_address(raw)
