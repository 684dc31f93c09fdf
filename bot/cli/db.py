"""`privacybot db`: bring the database schema up to date (`db upgrade`) or show where it is.

The service also upgrades an empty database on start; this command is for deployments that
migrate before starting (the Procfile's release step, `make run`).
"""

from __future__ import annotations

import asyncio
import json

import typer

from bot.cli.common import DataDir, JsonFlag, load_settings
from storage import Database, open_database
from storage.migrate import head_revision

db_app = typer.Typer(help="The database: schema migrations.", no_args_is_help=True)


async def _upgrade(url: str) -> tuple[str | None, str | None, str]:
    db = await open_database(url, upgrade=False)
    try:
        before = await db.revision()
        after = await db.upgrade()
        return before, after, db.url
    finally:
        await db.close()


async def _status(url: str) -> tuple[str | None, str]:
    db = await Database.connect(url, create=False)
    try:
        return await db.revision(), db.url
    finally:
        await db.close()


@db_app.command("upgrade")
def upgrade_command(data_dir: DataDir = None, as_json: JsonFlag = False) -> None:
    """Apply every pending migration (creates the SQLite file and its folder if needed)."""
    settings = load_settings(data_dir)
    before, after, shown = asyncio.run(_upgrade(settings.effective_database_url))
    if as_json:
        typer.echo(json.dumps({"database": shown, "from": before, "to": after,
                               "changed": before != after}))
    elif before == after:
        typer.echo(f"database already at revision {after} ({shown})")
    else:
        typer.echo(f"database upgraded from {before or 'empty'} to revision {after} ({shown})")


@db_app.command("status")
def status_command(data_dir: DataDir = None, as_json: JsonFlag = False) -> None:
    """Show the database's schema revision and the newest this version knows."""
    settings = load_settings(data_dir)
    current, shown = asyncio.run(_status(settings.effective_database_url))
    head = head_revision()
    if as_json:
        typer.echo(json.dumps({"database": shown, "revision": current, "head": head,
                               "up_to_date": current == head}))
    else:
        state = "up to date" if current == head else f"needs `privacybot db upgrade` to {head}"
        typer.echo(f"database at revision {current or 'none (empty)'}, {state} ({shown})")


def register(app: typer.Typer) -> None:
    """Add the `db` command group to the root app."""
    app.add_typer(db_app, name="db")
