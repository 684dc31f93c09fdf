"""The `privacybot` command line: a typer app; each command (group) lives in its own module."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

from bot.cli import (
    answers,
    ask,
    classify,
    db,
    due_date,
    gaps,
    report,
    report_post,
    retention,
    serve,
    suppression,
    ticket_checklist,
    ticket_hold,
    ticket_recipients,
    tickets,
    triage,
)
from bot.cli import mail as mail_cli
from bot.cli.common import run_cli

app = typer.Typer(
    name="privacybot",
    help="A privacy team's front desk: policy answers, rights requests, tickets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (ask, classify, tickets, suppression, due_date, db, serve, gaps):
    _module.register(app)
# Triage and mail corrections; accountability: the register, retention, legal holds, the
# checklist and telling recipients (these join the `tickets` group).
for _module in (triage, mail_cli, report, report_post, retention, ticket_hold, ticket_checklist,
                ticket_recipients):
    _module.register(app)
# The privacy team's answers to what the policy does not say.
for _module in (answers,):
    _module.register(app)


@app.callback()
def _root() -> None:
    """privacybot: answers staff from the privacy policy and runs the rights-request desk."""


def main(argv: Sequence[str] | None = None) -> None:
    sys.exit(run_cli(app, argv))
