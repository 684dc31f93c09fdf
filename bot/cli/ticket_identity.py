"""`privacybot tickets verify|resend-code`: the team's part in a requester's identity check.

    privacybot tickets verify REF (--code CODE | --method TEXT) --by WHO
    privacybot tickets resend-code REF --by WHO

Kept apart from bot/cli/tickets.py (the list, show and decisions) so each file stays small;
these commands join the same `tickets` group (bot/cli/tickets_group.py); the helpers both
use are in bot/cli/common.py, so neither module imports the other.
"""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.common import By, DataDir, Ref, fail, say, with_desk
from bot.cli.tickets_group import tickets_app


@tickets_app.command("verify")
def verify_command(
    reference: Ref,
    by: By,
    code: Annotated[str | None, typer.Option("--code", help="The code the requester gave.")] = None,
    method: Annotated[
        str | None, typer.Option("--method", help="A manual identity check: how.")] = None,
    data_dir: DataDir = None,
) -> None:
    """Record the requester's code, or a manual identity check (method and who)."""
    if (code is None) == (method is None):
        fail("give exactly one of --code or --method")
    if code is not None:
        result = with_desk(data_dir, lambda desk: desk.verify_code(reference, code, by, "cli"))
        say(result, "code accepted")
    else:
        result = with_desk(data_dir, lambda desk: desk.record_manual_check(
            reference, method or "", by, "cli"))
        say(result, "manual check recorded")


@tickets_app.command("resend-code")
def resend_code_command(reference: Ref, by: By, data_dir: DataDir = None) -> None:
    """Send the requester a fresh code and link (earlier ones stop working), e.g. after too
    many wrong codes or when the first mail was held back."""
    say(with_desk(data_dir, lambda desk: desk.resend_code(reference, by, "cli")),
        "new code sent")

