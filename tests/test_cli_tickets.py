"""The team's command line: due-date, tickets and suppression, on a real database."""

from __future__ import annotations

import json

import pytest

from bot.cli import app
from bot.cli.common import run_cli


def test_due_date_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, ["due-date", "2026-11-25", "--org", "aimigos", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"due_date": "2026-12-29"}
    assert run_cli(app, ["due-date", "2026-01-31", "--org", "imgn", "--extended", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"due_date": "2026-04-30"}
    assert run_cli(app, ["due-date", "2028-01-31", "--org", "aimigos"]) == 0
    assert capsys.readouterr().out.strip() == "2028-02-29 (Tuesday 29 February 2028)"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["due-date", "2026-02-30", "--org", "aimigos"], "must be YYYY-MM-DD"),
        (["due-date", "yesterday", "--org", "aimigos"], "must be YYYY-MM-DD"),
        (["due-date", "2026-01-01", "--org", "nobody"], "unknown organisation 'nobody'"),
    ],
)
def test_due_date_bad_input(argv: list[str], message: str,
                            capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("privacybot: error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1
