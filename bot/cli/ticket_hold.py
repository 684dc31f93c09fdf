"""`privacybot tickets hold|release`: a legal hold keeps a ticket whole through retention.

    privacybot tickets hold REF --reason TEXT --by WHO
    privacybot tickets release REF [--reason TEXT] --by WHO

A hold is for a ticket that may be needed as evidence (a complaint to the regulator, a
claim): retention (`privacybot retention run`) leaves its mail, copies and personal data as
they are until it is released. Both are events in the ticket's history.
"""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.common import By, DataDir, Ref, with_desk
from bot.cli.terminal import clean, echo
from bot.cli.tickets_group import tickets_app
from bot.desk.retention import set_hold


@tickets_app.command("hold")
def hold_command(
    reference: Ref,
    reason: Annotated[str, typer.Option("--reason", help="Why the ticket must be kept.")],
    by: By,
    data_dir: DataDir = None,
) -> None:
    """Put a ticket under legal hold: retention leaves it whole until released."""
    with_desk(data_dir, lambda desk: set_hold(desk.db, desk.config, reference, hold=True,
                                              reason=reason, actor=by, channel="cli"))
    echo(f"{clean(reference).upper()}: under legal hold")


@tickets_app.command("release")
def release_command(
    reference: Ref,
    by: By,
    reason: Annotated[str, typer.Option("--reason", help="Why the hold ends.")] = "",
    data_dir: DataDir = None,
) -> None:
    """End a ticket's legal hold: retention applies to it again."""
    with_desk(data_dir, lambda desk: set_hold(desk.db, desk.config, reference, hold=False,
                                              reason=reason, actor=by, channel="cli"))
    echo(f"{clean(reference).upper()}: legal hold released")


def register(app: typer.Typer) -> None:
    """The commands join the `tickets` group when this module is imported."""
