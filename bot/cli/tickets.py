"""`privacybot tickets`: the team's view of tickets and its actions on them.

    privacybot tickets list [--json] [--all | --state S] [--org ORG] [--due-before YYYY-MM-DD]
                            [--limit N] [--offset N]
    privacybot tickets show REF [--json]
    privacybot tickets verify REF (--code CODE | --method TEXT) --by WHO   (ticket_identity.py)
    privacybot tickets resend-code REF --by WHO                          (ticket_identity.py)
    privacybot tickets extend REF --reason TEXT --by WHO
    privacybot tickets clarify REF --question TEXT --by WHO
    privacybot tickets resume REF [--note TEXT] --by WHO
    privacybot tickets close REF [--note TEXT] [--override REASON] --by WHO
    privacybot tickets reject REF --reason TEXT [--ground manifestly_unfounded|..] --by WHO
    privacybot tickets assign REF --to WHO --by WHO
    privacybot tickets fee REF --amount 10.00 --reason R [--currency C] | fee-paid REF --by WHO
    privacybot tickets unticketed [--org ORG] [--json] [--limit N] [--offset N]
    privacybot tickets sweep [--json]
    privacybot tickets export REF [--out FILE] | --send --by WHO        (ticket_export.py)
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import typer

from bot.cli import (
    ticket_export,  # noqa: F401  (adds export to the group)
    ticket_identity,  # noqa: F401  (adds verify and resend-code to the group)
    ticket_manual,  # noqa: F401  (adds note, reply, intents, new, merge, split)
)
from bot.cli.common import By, DataDir, JsonFlag, Ref, say, with_desk
from bot.cli.due_date import parse_day
from bot.cli.paging import DEFAULT_LIMIT, Limit, Offset, footer
from bot.cli.terminal import clean, echo, json_text
from bot.cli.ticket_view import (
    LIST_HEADER,
    due_detail,
    event_line,
    letter_json,
    letter_lines,
    list_row,
)
from bot.cli.tickets_group import tickets_app
from bot.desk import Desk
from bot.desk.correspondence import Letter
from bot.desk.results import Page, TicketView
from bot.workflow.deadlines import complaint_due
from storage import TicketRecord


def ticket_json(ticket: TicketRecord) -> dict[str, Any]:
    """The documented shape of `tickets list --json` (docs/tickets.md)."""
    return {
        "reference": ticket.reference,
        "organisation": ticket.organisation,
        "intents": list(ticket.intents),
        "state": ticket.state,
        "requester": ticket.requester_address,
        "received_at": ticket.received_at.isoformat(),
        "due_date": ticket.due_date.isoformat() if ticket.due_date else None,
        "verified": ticket.verified_at is not None,
        # A complaint's own 30-day acknowledgement date, whatever the rest waits for.
        "complaint_due": _complaint_due(ticket),
    }


def _complaint_due(ticket: TicketRecord) -> str | None:
    due = complaint_due(ticket.intents, ticket.received_at.date())
    return due.isoformat() if due else None


@tickets_app.command("list")
def list_command(
    state: Annotated[str | None, typer.Option(
        "--state", help="Only this state (open or not).")] = None,
    show_all: Annotated[bool, typer.Option(
        "--all", help="Closed tickets too (done, rejected, closed_unverified).")] = False,
    org: Annotated[str | None, typer.Option("--org", help="Only this organisation.")] = None,
    due_before: Annotated[
        str | None, typer.Option("--due-before", help="Due on or before YYYY-MM-DD.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    as_json: JsonFlag = False,
    data_dir: DataDir = None,
) -> None:
    """Open tickets, soonest due first (--all: closed ones too); the count comes last."""
    before = parse_day(due_before, "--due-before") if due_before else None

    async def work(desk: Desk) -> tuple[Page[TicketRecord], dict[str, list[str]]]:
        page = await desk.ticket_page(state=state, org_id=org, due_before=before,
                                      open_only=not (show_all or state), limit=limit,
                                      offset=offset)
        return page, ({} if as_json else await desk.attention(page.items))

    page, notes = with_desk(data_dir, work)
    what, plural = ("ticket", None) if show_all or state else ("open ticket", None)
    if as_json:
        echo(json_text([ticket_json(ticket) for ticket in page.items], indent=2))
    elif page.items:
        echo(LIST_HEADER)
        for ticket in page.items:
            echo(list_row(ticket, notes.get(ticket.reference, []),
                          complaint_due=_complaint_due(ticket)))
    footer(len(page.items), page.total, offset, what, as_json=as_json, plural=plural)


@tickets_app.command("show")
def show_command(reference: Ref, as_json: JsonFlag = False, data_dir: DataDir = None) -> None:
    """One ticket: its details, its history and its mail (the client's text and ours)."""
    async def work(desk: Desk) -> tuple[TicketView, list[Letter]]:
        return await desk.get_ticket(reference), await desk.ticket_mail(reference)

    view, mail = with_desk(data_dir, work)
    ticket = view.ticket
    if as_json:
        data = ticket_json(ticket) | {
            "linked_reference": view.linked_reference, "attention": view.attention,
            "ticket": ticket.model_dump(mode="json"),
            "events": [event.model_dump(mode="json") for event in view.events],
            "mail": [{"kind": m.kind, "status": m.status, "created_at": m.created_at.isoformat()}
                     for m in view.outbox],
            "messages": [letter_json(letter) for letter in mail]}
        echo(json_text(data, indent=2))
        return
    rows = [("reference", ticket.reference), ("organisation", ticket.organisation),
            ("state", ticket.state), ("intents", ", ".join(ticket.intents)),
            ("requester", ticket.requester_address), ("subject", ticket.subject),
            ("received", ticket.received_at),
            ("clock started", ticket.clock_started_at), ("due", due_detail(ticket)),
            ("verified", ticket.verified_at), ("verification", ticket.verification_method),
            ("extension", ticket.extension_reason), ("refusal", ticket.rejection_reason),
            ("assigned to", ticket.assigned_to), ("linked to", view.linked_reference),
            ("fee", view.fee.summary), ("NEEDS ACTION", "; ".join(view.attention))]
    for label, value in rows:
        if value not in (None, ""):
            shown = f"{value:%Y-%m-%d %H:%M}" if isinstance(value, datetime) else clean(value)
            echo(f"{label + ':':<15} {shown}")
    echo("history:")
    for event in view.events:
        echo(f"  {event_line(event)}")
    echo("mail:" if mail else "mail: none stored")
    for letter in mail:
        for line in letter_lines(letter):
            echo(line)


@tickets_app.command("extend")
def extend_command(
    reference: Ref,
    by: By,
    reason: Annotated[str, typer.Option(
        "--reason", help="Why more time is needed; sent to the requester in the notice.")],
    data_dir: DataDir = None,
) -> None:
    """Extend by two further months (only inside the first month); the requester is mailed
    the new date and the --reason, word for word."""
    say(with_desk(data_dir, lambda desk: desk.extend(reference, reason, by, "cli")),
         "extended")


@tickets_app.command("clarify")
def clarify_command(
    reference: Ref,
    by: By,
    question: Annotated[str, typer.Option("--question", help="What the requester must say.")],
    data_dir: DataDir = None,
) -> None:
    """Ask the requester to clarify; the clock pauses until the answer."""
    say(with_desk(data_dir, lambda desk: desk.request_clarification(
        reference, question, by, "cli")), "clarification asked")


@tickets_app.command("resume")
def resume_command(
    reference: Ref,
    by: By,
    note: Annotated[str, typer.Option("--note", help="How the answer came.")] = "",
    data_dir: DataDir = None,
) -> None:
    """The clarification arrived (by phone, say): the clock runs again."""
    say(with_desk(data_dir, lambda desk: desk.clarification_received(
        reference, by, "cli", note)), "clock resumed")


@tickets_app.command("close")
def close_command(
    reference: Ref,
    by: By,
    note: Annotated[str, typer.Option(
        "--note", help="Sent to the requester in the closing mail, word for word.")] = "",
    override: Annotated[str, typer.Option(
        "--override", help="Why it is done with systems of its checklist left unticked.")] = "",
    data_dir: DataDir = None,
) -> None:
    """The request is answered: close it as done and mail the requester (with the --note)."""
    say(with_desk(data_dir, lambda desk: desk.close_done(reference, by, "cli", note, override)),
        "closed")


@tickets_app.command("reject")
def reject_command(
    reference: Ref,
    by: By,
    reason: Annotated[str, typer.Option(
        "--reason", help="Why; sent to the requester in the refusal, word for word.")],
    ground: Annotated[str, typer.Option(
        "--ground", help="manifestly_unfounded or manifestly_excessive.")] = "manifestly_unfounded",
    data_dir: DataDir = None,
) -> None:
    """Refuse the request; the requester is mailed the --reason and their right to complain
    to the supervisory authority."""
    say(with_desk(data_dir, lambda desk: desk.reject(reference, reason, by, "cli",
                                                      ground=ground)), "refused")


@tickets_app.command("assign")
def assign_command(
    reference: Ref,
    by: By,
    to: Annotated[str, typer.Option("--to", help="Who takes the ticket.")],
    data_dir: DataDir = None,
) -> None:
    """Give the ticket to a team member."""
    say(with_desk(data_dir, lambda desk: desk.assign(reference, by, "cli", to=to)),
         f"assigned to {to}")


@tickets_app.command("fee")
def fee_command(
    reference: Ref,
    by: By,
    amount: Annotated[str, typer.Option("--amount", help="The fee, e.g. 10.00.")],
    reason: Annotated[str, typer.Option(
        "--reason", help="manifestly_unfounded, excessive or further_copies.")],
    currency: Annotated[str, typer.Option("--currency", help="Three letters.")] = "GBP",
    data_dir: DataDir = None,
) -> None:
    """Ask for a fee; the clock stops until it arrives and the requester is told why."""
    say(with_desk(data_dir, lambda desk: desk.request_fee(
        reference, amount, reason, by, "cli", currency=currency)), "fee asked")


@tickets_app.command("fee-paid")
def fee_paid_command(reference: Ref, by: By, data_dir: DataDir = None) -> None:
    """The fee arrived: the clock starts today (or when identity arrives, if that is later)."""
    say(with_desk(data_dir, lambda d: d.fee_received(reference, by, "cli")), "fee received")


@tickets_app.command("unticketed")
def unticketed_command(
    org: Annotated[str | None, typer.Option("--org", help="Only this organisation.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    as_json: JsonFlag = False,
    data_dir: DataDir = None,
) -> None:
    """Mail that opened no ticket (no rights intent, auto-replies), newest first: for the
    team to read."""
    page = with_desk(data_dir, lambda desk: desk.unticketed_page(org, limit=limit,
                                                                 offset=offset))
    if as_json:
        echo(json_text([{"organisation": m.organisation, "message_id": m.message_id,
                         "from": m.from_address, "subject": m.subject,
                         "received_at": m.received_at.isoformat(),
                         "auto_reply": m.auto_reply, "excerpt": m.excerpt}
                        for m in page.items], indent=2))
    for m in [] if as_json else page.items:
        flag = " (auto-reply)" if m.auto_reply else ""
        echo(f"{m.received_at:%Y-%m-%d %H:%M} {clean(m.organisation):<10} "
             f"{clean(m.from_address) or '-'}: {clean(m.subject) or '(no subject)'}{flag}")
    footer(len(page.items), page.total, offset, "unticketed mail", as_json=as_json,
           plural="unticketed mails")


@tickets_app.command("sweep")
def sweep_command(as_json: JsonFlag = False, data_dir: DataDir = None) -> None:
    """Remind, then close, requests whose identity never came."""
    result = with_desk(data_dir, lambda desk: desk.sweep())
    if as_json:
        echo(result.model_dump_json())
    else:
        echo(f"reminded: {', '.join(result.reminded) or 'none'}; "
                   f"closed: {', '.join(result.closed) or 'none'}")


def register(app: typer.Typer) -> None:
    """Add `tickets` to the root app (with the commands of the ticket_* modules beside it)."""
    app.add_typer(tickets_app, name="tickets")
