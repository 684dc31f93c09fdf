"""`privacybot tickets recipients`: telling processors of an erasure, restriction or
rectification (GDPR Art. 19), only once a team member confirms.

    privacybot tickets recipients REF [--system NAME] [--note TEXT] [--json]
    privacybot tickets recipients REF --confirm --by WHO [--system NAME] [--note TEXT] [--json]

Without --confirm it shows the drafts and sends nothing; with it, it queues them in the
outbox (each an event on the ticket). A processor told before is not told again. --note adds
the team's details to each notice (what was corrected, say). JSON: `{"reference", "rights",
"verified", "confirmed", "notices": [{"system", "processor", "rights", "language",
"subject", "body", "outbox_id"}], "sent_before": [{"system", "processor", "rights"}]}`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.common import DataDir, JsonFlag, Ref, with_desk
from bot.cli.terminal import clean, echo, json_text
from bot.cli.tickets_group import tickets_app
from bot.desk import recipients
from bot.errors import WorkflowError


def _json(result: recipients.Recipients, confirmed: bool) -> dict[str, object]:
    return {"reference": result.reference, "rights": list(result.rights),
            "verified": result.verified, "confirmed": confirmed,
            "notices": [notice.model_dump(mode="json") for notice in result.notices],
            "sent_before": [each.model_dump(mode="json") for each in result.sent_before]}


def _show_drafts(result: recipients.Recipients) -> None:
    echo(recipients.summary(result, confirmed=False))
    for notice in result.notices:
        echo(f"--- to {clean(notice.processor)} ({clean(notice.system)}, {notice.language})")
        echo(f"subject: {clean(notice.subject)}")
        for line in notice.body.splitlines():
            echo(f"  {clean(line)}" if line else "")
    if result.notices:
        hint = "" if result.verified else " once the requester's identity is confirmed"
        echo(f"send them with: privacybot tickets recipients {result.reference} --confirm "
             f"--by WHO{hint}")


@tickets_app.command("recipients")
def recipients_command(
    reference: Ref,
    confirm: Annotated[bool, typer.Option(
        "--confirm", help="Send the notices (queued in the outbox); without it, show them.")
    ] = False,
    system: Annotated[str | None, typer.Option(
        "--system", help="Only this system's processor.")] = None,
    note: Annotated[str, typer.Option(
        "--note", help="Details added to each notice, e.g. what was corrected.")] = "",
    by: Annotated[str, typer.Option(
        "--by", help="Who confirms (recorded in the audit trail); needed with --confirm.")
    ] = "",
    as_json: JsonFlag = False,
    data_dir: DataDir = None,
) -> None:
    """The notices to the processors of the ticket's systems: drafts, or sent with --confirm."""
    if confirm and not by.strip():
        raise WorkflowError("--confirm needs --by WHO (recorded in the audit trail)")
    if confirm:
        result = with_desk(data_dir, lambda desk: recipients.confirm(
            desk.db, desk.config, reference, by, "cli", system=system, note=note))
    else:
        result = with_desk(data_dir, lambda desk: recipients.drafts(
            desk.db, desk.config, reference, system=system, note=note))
    if as_json:
        echo(json_text(_json(result, confirm), indent=2))
    elif confirm:
        echo(recipients.summary(result, confirmed=True))
    else:
        _show_drafts(result)


def register(app: typer.Typer) -> None:
    """The command joins the `tickets` group when this module is imported."""
