"""`privacybot triage`: the mail a person wrote that opened no ticket, and the team's decision.

    privacybot triage list [--org ORG] [--json] [--limit N] [--offset N]
    privacybot triage open MSG --intents access,erasure --by WHO [--json]
    privacybot triage dismiss MSG --by WHO [--reason TEXT]

MSG is the mail's number as `triage list` shows it. `list --json` prints an array of
`{"message", "organisation", "from", "subject", "received_at", "suggested_intents"}`;
`open --json` prints `{"reference"}` of the new ticket. See docs/triage.md.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from bot.cli.common import DataDir, JsonFlag, say, with_desk
from bot.cli.paging import DEFAULT_LIMIT, Limit, Offset, footer
from bot.cli.terminal import clean, echo, json_text
from bot.desk.triage import Triage, TriageItem
from intents.languages import is_read

By = Annotated[str, typer.Option("--by", help="Who is deciding (recorded in the audit trail).")]
Msg = Annotated[str, typer.Argument(help="The mail's number, as `triage list` shows it.")]

triage_app = typer.Typer(help="Mail that opened no ticket: list it, open it as a request, "
                              "or dismiss it.", no_args_is_help=True)


def item_json(item: TriageItem) -> dict[str, Any]:
    """The documented shape of `triage list --json` (docs/cli.md)."""
    m = item.message
    return {"message": m.id, "organisation": m.organisation, "from": m.from_address,
            "subject": m.subject, "received_at": m.received_at.isoformat(),
            "suggested_intents": list(item.suggested),
            "message_id": m.message_id, "reclassified_intents": list(item.reclassified),
            "language": m.language, "language_not_read": not is_read(m.language or "und")}


@triage_app.command("list")
def list_command(
    org: Annotated[str | None, typer.Option("--org", help="Only this organisation.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    as_json: JsonFlag = False,
    data_dir: DataDir = None,
) -> None:
    """Mail awaiting triage, oldest first."""
    page = with_desk(data_dir, lambda desk: Triage(desk).page(org, limit=limit, offset=offset))
    if as_json:
        echo(json_text([item_json(item) for item in page.items], indent=2))
    for item in [] if as_json else page.items:
        m = item.message
        guess = ", ".join(item.suggested) or "-"
        hint = f"; now reads as {', '.join(item.reclassified)}" if item.reclassified else ""
        if m.language and not is_read(m.language):
            hint += f"; language not read: {clean(m.language)}"
        echo(f"{m.id:>6} {m.received_at:%Y-%m-%d %H:%M} {clean(m.organisation):<10} "
             f"{clean(m.from_address)}: {clean(m.subject) or '(no subject)'} "
             f"[guess: {guess}{hint}]")
    footer(len(page.items), page.total, offset, "mail awaiting triage",
           as_json=as_json, plural="mails awaiting triage")


@triage_app.command("open")
def open_command(
    message: Msg,
    intents: Annotated[str, typer.Option(
        "--intents", help="The rights asked for, comma-separated (e.g. access,erasure).")],
    by: By,
    as_json: JsonFlag = False,
    data_dir: DataDir = None,
) -> None:
    """Open a ticket from the mail; its clock counts from the day the mail arrived."""
    result = with_desk(data_dir, lambda desk: Triage(desk).open(message, intents, by, "cli"))
    if as_json:
        echo(json_text({"reference": result.reference}))
    else:
        say(result, f"opened from mail {clean(message)}")


@triage_app.command("dismiss")
def dismiss_command(
    message: Msg,
    by: By,
    reason: Annotated[str | None, typer.Option(
        "--reason", help="Why it is not a request (kept with the decision).")] = None,
    data_dir: DataDir = None,
) -> None:
    """Not a request: the mail leaves the queue; nothing is sent."""
    decision = with_desk(data_dir, lambda desk: Triage(desk).dismiss(message, by, "cli",
                                                                     reason))
    echo(f"mail {decision.message_pk}: dismissed by {clean(decision.decided_by)}"
         + (f" ({clean(decision.reason)})" if decision.reason else ""))


def register(app: typer.Typer) -> None:
    app.add_typer(triage_app, name="triage")
