"""`privacybot gaps`: what staff asked that the policy did not answer, or answered unhelpfully.

For the policy owner: each line is a question the knowledge base abstained on, or whose answer
someone marked "not helpful" in Slack, newest first.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import typer

from bot.cli.common import DataDir, JsonFlag, load_orgs, load_settings, open_existing_database
from storage import QuestionRecord


async def _gaps(url: str, organisation: str | None, since: datetime | None,
                limit: int) -> list[QuestionRecord]:
    db = await open_existing_database(url)
    try:
        async with db.transaction(readonly=True) as tx:
            return await tx.questions.gaps(organisation=organisation, since=since, limit=limit)
    finally:
        await db.close()


def why(record: QuestionRecord) -> str:
    return "unanswered" if not record.answered else "not helpful"


def as_json(record: QuestionRecord) -> dict[str, Any]:
    return {"id": record.id, "asked_at": record.asked_at.isoformat(),
            "question": record.question, "organisation": record.organisation,
            "channel": record.channel, "user": record.user, "answered": record.answered,
            "confidence": record.confidence, "feedback": record.feedback, "why": why(record)}


def as_line(record: QuestionRecord) -> str:
    scope = record.organisation or "all organisations"
    return (f"{record.asked_at:%Y-%m-%d %H:%M}  {why(record):<11}  {scope}: "
            f"{' '.join(record.question.split())}")


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
        limit: Annotated[int, typer.Option("--limit", min=1, max=10000)] = 500,
    ) -> None:
        """List questions the policy did not answer (and answers marked not helpful)."""
        settings = load_settings(data_dir)
        if org is not None:
            load_orgs(settings).get(org)  # an unknown id fails with the list of known ones
        since = datetime.now(UTC) - timedelta(days=days) if days else None
        found = asyncio.run(_gaps(settings.effective_database_url, org, since, limit))
        if as_json_flag:
            typer.echo(json.dumps([as_json(record) for record in found]))
            return
        if not found:
            typer.echo("No gaps: every question was answered and nobody marked an answer "
                       "unhelpful.")
            return
        for record in found:
            typer.echo(as_line(record))
        if len(found) == limit:
            typer.echo(f"(the newest {limit} shown; --limit shows more)", err=True)
