"""`privacybot answers list|show|retire`: the privacy team's answers, kept current.

A team answer is what a team member replied in the privacy channel to a question the policy
did not answer ("Ask the privacy team" in Slack). Later questions of the same organisation
that ask the same thing get it, labelled as the team's answer. An answer that no longer holds
(the policy changed, the office moved) is retired: it stays on record but is offered no more.

    privacybot answers list [--org ID] [--status awaiting|current|retired] [--json]
    privacybot answers show ID [--json]
    privacybot answers retire ID --by WHO [--json]
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

import typer

from bot.cli.common import DataDir, JsonFlag, fail, load_orgs, load_settings, open_existing_database
from bot.cli.paging import DEFAULT_LIMIT, Limit, Offset, footer
from bot.cli.terminal import clean, echo, json_text
from storage import TeamAnswerRecord
from storage.repos.team_answers import STATUSES
from storage.unit import Transaction

T = TypeVar("T")

answers_app = typer.Typer(help="The privacy team's answers to questions the policy does not "
                               "answer: list, show, retire.", no_args_is_help=True)

AnswerId = Annotated[int, typer.Argument(help="The team answer's number (see `answers list`).",
                                         min=1)]


def _run(data_dir: Any, work: Callable[[Transaction], Awaitable[T]],
         readonly: bool = True) -> T:
    url = load_settings(data_dir).effective_database_url

    async def run() -> T:
        db = await open_existing_database(url)
        try:
            async with db.transaction(readonly=readonly) as tx:
                return await work(tx)
        finally:
            await db.close()
    return asyncio.run(run())


def as_json(record: TeamAnswerRecord) -> dict[str, Any]:
    def at(value: Any) -> str | None:
        return value.isoformat() if value is not None else None
    return {"id": record.id, "status": record.status, "organisation": record.organisation,
            "question": record.question, "answer": record.answer, "author": record.author,
            "answered_at": at(record.answered_at), "asked_by": record.asked_by,
            "escalated_at": at(record.escalated_at), "question_id": record.question_id,
            "retired_at": at(record.retired_at), "retired_by": record.retired_by}


def as_line(record: TeamAnswerRecord) -> str:
    when = record.answered_at or record.escalated_at
    answer = clean(" ".join((record.answer or "(awaiting a reply in the privacy channel)")
                            .split()))
    return (f"#{record.id:<4} {record.status:<8} {when:%Y-%m-%d}  {clean(record.organisation)}: "
            f"{' '.join(clean(record.question).split())} -> {answer}")


def details(record: TeamAnswerRecord) -> list[str]:
    lines = [f"Team answer #{record.id} ({record.status}), {clean(record.organisation)}",
             f"Question:  {clean(record.question)}",
             f"Asked by:  {clean(record.asked_by)} on {record.escalated_at:%Y-%m-%d %H:%M} UTC"]
    if record.answer is not None and record.answered_at is not None:
        lines += [f"Answer:    {clean(record.answer)}",
                  f"Answered:  by {clean(record.author or '')} on "
                  f"{record.answered_at:%Y-%m-%d %H:%M} UTC"]
    else:
        lines.append("Answer:    none yet (awaiting a reply in the privacy channel)")
    if record.retired_at is not None:
        lines.append(f"Retired:   by {clean(record.retired_by or '')} on "
                     f"{record.retired_at:%Y-%m-%d %H:%M} UTC")
    return lines


@answers_app.command("list")
def list_command(
    data_dir: DataDir = None,
    as_json_flag: JsonFlag = False,
    org: Annotated[str | None, typer.Option("--org", help="Only this organisation's.")] = None,
    status: Annotated[str | None, typer.Option(
        "--status", help="Only awaiting, current or retired answers.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> None:
    """List team answers, newest first."""
    if status is not None and status not in STATUSES:
        fail(f"--status must be one of {', '.join(STATUSES)}, not {status!r}")
    if org is not None:
        load_orgs(load_settings(data_dir)).get(org)  # an unknown id: the list of known ones

    async def work(tx: Transaction) -> tuple[list[TeamAnswerRecord], int]:
        return (await tx.team_answers.list(organisation=org, status=status, limit=limit,
                                           offset=offset),
                await tx.team_answers.count(organisation=org, status=status))
    found, total = _run(data_dir, work)
    if as_json_flag:
        echo(json_text([as_json(record) for record in found]))
    elif total == 0:
        echo("No team answers yet: none of the questions sent to the privacy team has one.")
        return
    for record in [] if as_json_flag else found:
        echo(as_line(record))
    footer(len(found), total, offset, "team answer", as_json=as_json_flag)


@answers_app.command("show")
def show_command(answer_id: AnswerId, data_dir: DataDir = None,
                 as_json_flag: JsonFlag = False) -> None:
    """Show one team answer: the question, the answer, who gave it and when."""
    record = _run(data_dir, lambda tx: tx.team_answers.get(answer_id))
    echo(json_text(as_json(record)) if as_json_flag else "\n".join(details(record)))


@answers_app.command("retire")
def retire_command(
    answer_id: AnswerId,
    by: Annotated[str, typer.Option("--by", help="Who is retiring it (kept with it).")],
    data_dir: DataDir = None,
    as_json_flag: JsonFlag = False,
) -> None:
    """Stop offering a team answer to later questions (it stays on record)."""
    if not by.strip():
        fail("--by must name who is retiring the answer")
    record = _run(data_dir, lambda tx: tx.team_answers.retire(answer_id, by=by.strip()),
                  readonly=False)
    echo(json_text(as_json(record)) if as_json_flag
         else f"Team answer #{record.id} retired: later questions no longer get it.")


def register(app: typer.Typer) -> None:
    """Add `privacybot answers` to the root app."""
    app.add_typer(answers_app, name="answers")
