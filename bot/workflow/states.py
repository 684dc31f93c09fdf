"""The ticket state machine: which states exist and which moves between them are allowed.

A ticket starts `received`. Requests that need identity wait in `awaiting_identity`; the clock
runs in `in_progress` (and `extended`); it stands still in `awaiting_clarification`. A fee the
team asks for stops it in `awaiting_fee` (it starts afresh on the day the fee arrives; while
identity is still awaited the ticket stays `awaiting_identity` and the fee is read from its
events, see bot.workflow.fees). `done`,
`rejected`, `closed_unverified` and `merged` (joined into another ticket of the same
requester) are final. The team adding a right that needs identity to a running ticket sends it
back to `awaiting_identity`. Anything not in the table raises
IllegalTransitionError, so no channel can push a ticket somewhere the law does not allow.
"""

from __future__ import annotations

from enum import StrEnum

from bot.errors import IllegalTransitionError


class TicketState(StrEnum):
    RECEIVED = "received"
    AWAITING_IDENTITY = "awaiting_identity"
    IN_PROGRESS = "in_progress"
    EXTENDED = "extended"
    AWAITING_CLARIFICATION = "awaiting_clarification"
    AWAITING_FEE = "awaiting_fee"
    DONE = "done"
    REJECTED = "rejected"
    CLOSED_UNVERIFIED = "closed_unverified"
    MERGED = "merged"


S = TicketState

ALLOWED: dict[TicketState, frozenset[TicketState]] = {
    S.RECEIVED: frozenset({S.AWAITING_IDENTITY, S.IN_PROGRESS, S.DONE, S.REJECTED, S.MERGED}),
    # awaiting_fee: identity came while a fee asked earlier is still unpaid.
    S.AWAITING_IDENTITY: frozenset({S.IN_PROGRESS, S.AWAITING_FEE, S.CLOSED_UNVERIFIED,
                                    S.REJECTED, S.MERGED}),
    # awaiting_identity: the team added a right that needs identity (bot/desk/manual.py).
    S.IN_PROGRESS: frozenset({S.EXTENDED, S.AWAITING_CLARIFICATION, S.AWAITING_FEE, S.DONE,
                              S.REJECTED, S.AWAITING_IDENTITY, S.MERGED}),
    S.EXTENDED: frozenset({S.AWAITING_CLARIFICATION, S.DONE, S.REJECTED, S.MERGED}),
    # Resuming returns to whichever running state the ticket paused from.
    S.AWAITING_CLARIFICATION: frozenset({S.IN_PROGRESS, S.EXTENDED, S.DONE, S.REJECTED,
                                         S.MERGED}),
    # The fee arrived (clock starts), or the team closes or refuses the request unpaid.
    S.AWAITING_FEE: frozenset({S.IN_PROGRESS, S.DONE, S.REJECTED, S.MERGED}),
    S.DONE: frozenset(),
    S.REJECTED: frozenset(),
    S.CLOSED_UNVERIFIED: frozenset(),
    S.MERGED: frozenset(),
}

FINAL = frozenset(state for state, targets in ALLOWED.items() if not targets)
CLOCK_RUNNING = frozenset({S.IN_PROGRESS, S.EXTENDED})
OPEN = frozenset(TicketState) - FINAL


class RejectionReason(StrEnum):
    """Art. 12(5): the only grounds to refuse a request outright."""

    MANIFESTLY_UNFOUNDED = "manifestly_unfounded"
    MANIFESTLY_EXCESSIVE = "manifestly_excessive"


def parse_state(value: str) -> TicketState:
    """A state from its name, with the list of valid names in the error."""
    try:
        return TicketState(value.strip().lower())
    except ValueError:
        known = ", ".join(state.value for state in TicketState)
        raise IllegalTransitionError(f"unknown state {value!r} (known: {known})") from None


def parse_rejection_reason(value: str) -> RejectionReason:
    try:
        return RejectionReason(value.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        known = ", ".join(reason.value for reason in RejectionReason)
        raise IllegalTransitionError(
            f"a refusal must be {known}, not {value!r}"
        ) from None


def can_transition(current: TicketState, target: TicketState) -> bool:
    return target in ALLOWED[current]


def transition(
    current: TicketState | str, target: TicketState | str, *, reference: str = ""
) -> TicketState:
    """The new state, or IllegalTransitionError saying what is allowed from here."""
    here, there = parse_state(str(current)), parse_state(str(target))
    if there not in ALLOWED[here]:
        allowed = ", ".join(sorted(state.value for state in ALLOWED[here])) or "nothing (final)"
        label = f"ticket {reference} " if reference else "ticket "
        raise IllegalTransitionError(
            f"{label}is {here.value}: cannot move to {there.value} (allowed: {allowed})"
        )
    return there
