"""The issue's targets, measured by the team scorer's own rule (see scoring.py).

The held-out sets in this folder were each written before the rules saw them (their
first-run figures are in docs/mail.md); they now guard against regressions on mail the rules
were not originally built from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.intents.scoring import score

HERE = Path(__file__).resolve().parent
HELD_OUT = sorted(p.name for p in HERE.glob("heldout*_mail.jsonl"))


def test_dev_set_meets_the_targets(shared_dir: Path) -> None:
    macro, exact, wrong = score(shared_dir, shared_dir / "eval" / "mail_dev.jsonl")
    assert macro >= 0.95, wrong
    assert exact >= 0.90, wrong


def test_request_templates_in_17_languages(shared_dir: Path) -> None:
    _, exact, wrong = score(shared_dir, shared_dir / "eval" / "dsr_templates")
    assert exact >= 0.95, wrong


def test_there_are_held_out_sets() -> None:
    assert len(HELD_OUT) >= 8


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_mail(shared_dir: Path, name: str) -> None:
    macro, exact, wrong = score(shared_dir, HERE / name)
    assert macro >= 0.90, wrong
    assert exact >= 0.85, wrong


def test_fresh_set_never_tuned_on(shared_dir: Path) -> None:
    """fresh_mail.jsonl was scored once and never tuned on (docs/mail.md): its first-run
    figures (0.909 / 86.5%) are the honest estimate for new mail; this guards them."""
    macro, exact, wrong = score(shared_dir, HERE / "fresh_mail.jsonl")
    assert macro >= 0.88, wrong
    assert exact >= 0.84, wrong
