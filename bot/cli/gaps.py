"""`privacybot gaps`: what staff asked that the policy did not answer, or answered unhelpfully.

For the policy owner: each line is a question the knowledge base abstained on, or whose answer
someone marked "not helpful" in Slack, newest first. Only questions asked in Slack are
recorded: `privacybot ask` records nothing (it runs without a database, on policy files given
on the spot and on batches of test questions, none of which say what staff need to know).

A question someone sent to the privacy team ("Ask the privacy team" in Slack) says so, and,
once the team answered, which team answer it got (`privacybot answers show ID`).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import typer

from bot.cli.common import DataDir, JsonFlag, load_orgs, load_settings, open_existing_database
from bot.cli.paging import DEFAULT_LIMIT, Limit, Offset, footer
from bot.cli.terminal import clean, echo, json_text
from storage import QuestionRecord, TeamAnswerRecord


async def _gaps(url: str, organisation: str | None, since: datetime | None,
                limit: int, offset: int
                ) -> tuple[list[QuestionRecord], int, dict[int, TeamAnswerRecord]]:
    db = await open_existing_database(url)
    try:
        async with db.transaction(readonly=True) as tx:
            found = await tx.questions.gaps(organisation=organisation, since=since,
                                            limit=limit, offset=offset)
            team = await tx.team_answers.for_questions([record.id for record in found])
            return (found, await tx.questions.count_gaps(organisation=organisation, since=since),
                    team)
    finally:
        await db.close()


def why(record: QuestionRecord) -> str:
    return "unanswered" if not record.answered else "not helpful"


def team_note(team: TeamAnswerRecord | None) -> str:
    """"", "sent to the team", or "team answer #3" (with "retired" when it was)."""
    if team is None:
        return ""
    if team.status == "awaiting":
        return "sent to the team, awaiting"
    return f"team answer #{team.id}" + (" (retired)" if team.status == "retired" else "")


def team_json(team: TeamAnswerRecord | None) -> dict[str, Any] | None:
    if team is None:
        return None
    return {"id": team.id, "status": team.status, "author": team.author,
            "answered_at": team.answered_at.isoformat() if team.answered_at else None}


def as_json(record: QuestionRecord, team: TeamAnswerRecord | None = None) -> dict[str, Any]:
    return {"id": record.id, "asked_at": record.asked_at.isoformat(),
            "question": record.question, "organisation": record.organisation,
            "channel": record.channel, "user": record.user, "answered": record.answered,
            "confidence": record.confidence, "feedback": record.feedback, "why": why(record),
            "team_answer": team_json(team)}


def as_line(record: QuestionRecord, team: TeamAnswerRecord | None = None) -> str:
    scope = record.organisation or "all organisations"
    note = team_note(team)
    return (f"{record.asked_at:%Y-%m-%d %H:%M}  {why(record):<11}  {clean(scope)}: "
            f"{' '.join(clean(record.question).split())}" + (f"  [{note}]" if note else ""))


def register(app: typer.Typer) -> None:
    """Add `privacybot gaps` to the root app."""

    @app.command("gaps")
    def gaps(
        data_dir: DataDir = None,
        as_json_flag: JsonFlag = False,
        org: Annotated[str | None, typer.Option(
            "--org", help="Only questions asked in this organisation's channels.")] = None,
        days: Annotated[int | None, typer.Option(
            "--days", min=1, help="Only the last N days.")] = None,
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> None:
        """List questions asked in Slack that the policy did not answer (and answers marked
        not helpful). Questions asked with `privacybot ask` are not recorded."""
        settings = load_settings(data_dir)
        if org is not None:
            load_orgs(settings).get(org)  # an unknown id fails with the list of known ones
        since = datetime.now(UTC) - timedelta(days=days) if days else None
        found, total, team = asyncio.run(_gaps(settings.effective_database_url, org, since,
                                               limit, offset))
        if as_json_flag:
            echo(json_text([as_json(record, team.get(record.id)) for record in found]))
        elif total == 0:
            echo("No gaps: every question asked in Slack was answered and nobody marked an "
                 "answer unhelpful.")
            return
        for record in [] if as_json_flag else found:
            echo(as_line(record, team.get(record.id)))
        footer(len(found), total, offset, "question", as_json=as_json_flag)
