"""'Check the intents': the pure rule, and the ticket card that shows it."""

from __future__ import annotations

from bot.workflow.uncertainty import MARGIN, MARGIN_ABOVE, check_intents


def test_close_calls_are_flagged_and_clear_ones_are_not() -> None:
    assert check_intents(["access"], {"access": 0.95, "erasure": 0.0}) == []
    held = check_intents(["access"], {"access": 0.55, "erasure": 0.0})
    assert held == ["access scored 0.55, just over the threshold 0.50"]
    missed = check_intents(["access"], {"access": 0.9, "erasure": 0.45})
    assert missed == ["erasure scored 0.45, just under the threshold 0.50"]
    assert check_intents([], {"access": 0.5 - MARGIN - 0.01}) == []
    # held, but in the band where unseen mail was right only 3 times in 10
    assert check_intents(["access"], {"access": 0.65}) == [
        "access scored 0.65, just over the threshold 0.50"]
    assert check_intents(["access"], {"access": 0.5 + MARGIN_ABOVE}) == []


def test_conflicting_signals_and_a_persons_choice() -> None:
    # the mail also reads as a right the ticket does not act on
    reasons = check_intents(["access"], {"access": 0.9, "rectification": 0.8},
                            ticket_intents=["access"])
    assert reasons == ["the mail also reads as rectification, which the ticket does not cover"]
    # a person chose the rights (triage): nothing to check
    assert check_intents([], {"access": 0.45}, ticket_intents=["access"]) == []
