"""The issue's targets, measured by the team scorer's own rule (see scoring.py), in one
parametrised test over every mail corpus: each with its floor.

The held-out sets in this folder were each written before the rules saw them (their
first-run figures are in docs/evaluation.md); they now guard against regressions on mail the
rules were not originally built from. fresh_mail.jsonl was scored once and never tuned on:
its first-run figures (0.909 / 86.5%) are the honest estimate for new mail; its floor guards
them.

The six sets written by new writers for issue 15 (bench/unseen_mail/README.md says who and
how) were first scored there, out of pass/fail; once their errors had been read to change
the rules (docs/evaluation.md, "Six writers' mail, read closely"), they moved here as
regression sets, each held a little under its figure after those changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.intents.scoring import score

HERE = Path(__file__).resolve().parent
HELD_OUT = sorted(p.name for p in HERE.glob("heldout*_mail.jsonl"))


@dataclass(frozen=True)
class MailSet:
    path: str  # in this folder, or in the shared eval folder when `shared`
    macro_f1: float | None  # None: scored on exact matches only
    exact: float
    shared: bool = False


SETS = {
    "dev": MailSet("mail_dev.jsonl", 0.95, 0.90, shared=True),
    # Request templates in 17 languages.
    "templates": MailSet("dsr_templates", None, 0.95, shared=True),
    "fresh": MailSet("fresh_mail.jsonl", 0.88, 0.84),
    **{name.removesuffix("_mail.jsonl"): MailSet(name, 0.90, 0.85) for name in HELD_OUT},
    # New writers' sets, looked at closely (issue 15): floors under their figures after the
    # changes made from them (macro-F1 0.946 / 0.972 / 0.934 / 0.900 / 0.931 / 0.924; exact
    # 90.0 / 95.0 / 90.0 / 85.0 / 90.0 / 85.0 %).
    "studio_clients": MailSet("studio_clients_mail.jsonl", 0.93, 0.88),
    "eighteen_languages": MailSet("eighteen_languages_mail.jsonl", 0.95, 0.93),
    "varied_voices": MailSet("varied_voices_mail.jsonl", 0.92, 0.88),
    "support_desk": MailSet("support_desk_mail.jsonl", 0.88, 0.83),
    "many_languages": MailSet("many_languages_mail.jsonl", 0.91, 0.88),
    "english_voices": MailSet("english_voices_mail.jsonl", 0.91, 0.83),
}


def test_there_are_held_out_sets() -> None:
    assert len(HELD_OUT) >= 8


@pytest.mark.parametrize("name", list(SETS))
def test_each_mail_corpus_keeps_its_floor(shared_dir: Path, name: str) -> None:
    case = SETS[name]
    folder = shared_dir / "eval" if case.shared else HERE
    macro, exact, wrong = score(shared_dir, folder / case.path)
    if case.macro_f1 is not None:
        assert macro >= case.macro_f1, wrong
    assert exact >= case.exact, wrong
