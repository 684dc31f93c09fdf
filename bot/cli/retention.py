"""`privacybot retention run`: apply each organisation's retention periods to privacybot's
own data now (the worker does it daily); `--dry-run` only says what it would do.

    privacybot retention run [--dry-run] [--json]

JSON: `{"at", "dry_run", "organisations": [{"organisation", "raw_mail", ...counts}]}`.
What each count means: bot/desk/retention.py and docs/accountability.md.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from bot.cli.common import DataDir, JsonFlag, with_desk
from bot.cli.terminal import echo, json_text
from bot.desk.retention import run_retention

retention_app = typer.Typer(help="privacybot's own data: retention periods applied.",
                            no_args_is_help=True)


@retention_app.command("run")
def run_command(
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Change nothing; count what a run would change.")] = False,
    as_json: JsonFlag = False,
    data_dir: DataDir = None,
) -> None:
    """Empty or pseudonymise what is past its period; open and held tickets and the
    suppression list are never touched."""
    report = with_desk(data_dir, lambda desk: run_retention(
        desk.db, desk.config, now=datetime.now(UTC), dry_run=dry_run))
    if as_json:
        echo(json_text(report.model_dump(mode="json"), indent=2))
        return
    verb = "would change" if dry_run else "changed"
    for counts in report.organisations:
        done = {name: value for name, value in counts.model_dump().items()
                if name != "organisation" and not name.endswith("_kept") and value}
        kept = f"kept {counts.open_tickets_kept} open and {counts.held_tickets_kept} held tickets"
        what = ", ".join(f"{name.replace('_', ' ')} {value}" for name, value in done.items())
        echo(f"{counts.organisation}: {verb} {what or 'nothing'}; {kept}")


def register(app: typer.Typer) -> None:
    """Add `retention` to the root app."""
    app.add_typer(retention_app, name="retention")
