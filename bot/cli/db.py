"""`privacybot db`: bring the database schema up to date (`db upgrade`) or show where it is,
and back it up to one file or restore it from one (`db backup PATH`, `db restore PATH`).

The service also upgrades an empty database on start; `db upgrade` is for deployments that
migrate before starting (the Procfile's release step, `make run`). Backups go through
SQLite's online backup API or pg_dump/pg_restore (storage/backup.py); a restore goes into a
fresh database only, unless --force. docs/operations.md says how to schedule and test them.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import DataDir, JsonFlag, load_settings
from bot.cli.terminal import clean, echo
from storage import Database, backup, open_database
from storage.migrate import head_revision

db_app = typer.Typer(help="The database: schema migrations, backups and restores.",
                     no_args_is_help=True)
File = Annotated[Path, typer.Argument(help="The backup file.")]


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


@db_app.command("backup")
def backup_command(
    path: File,
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
    data_dir: DataDir = None,
    as_json: JsonFlag = False,
) -> None:
    """Back the database up into the file PATH, consistently, while the service runs
    (SQLite: its online backup API; PostgreSQL: pg_dump's custom format)."""
    settings = load_settings(data_dir)
    done = asyncio.run(backup.backup(settings.effective_database_url, path, force=force))
    if as_json:
        echo(json.dumps({"file": done.path, "bytes": done.size, "revision": done.revision}))
    else:
        echo(f"backed up to {clean(done.path)} ({done.size} bytes, schema revision "
             f"{done.revision or 'none'})")


@db_app.command("restore")
def restore_command(
    path: File,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace a database that is not empty.")] = False,
    data_dir: DataDir = None,
    as_json: JsonFlag = False,
) -> None:
    """Restore the backup file PATH into the configured database, which must be fresh (no
    tables) unless --force. Stop the service first."""
    settings = load_settings(data_dir)
    done = asyncio.run(backup.restore(path, settings.effective_database_url, force=force))
    head = head_revision()
    if as_json:
        echo(json.dumps({"file": str(path), "revision": done.revision, "head": head,
                         "up_to_date": done.revision == head}))
        return
    echo(f"restored {clean(path)} (schema revision {done.revision or 'none'})")
    if done.revision != head:
        echo(f"run `privacybot db upgrade` to bring it to revision {head}")


def register(app: typer.Typer) -> None:
    """Add the `db` command group to the root app."""
    app.add_typer(db_app, name="db")
