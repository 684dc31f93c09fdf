"""What every command shares: the --data-dir option, settings, and the one-line error contract."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from bot.cli.terminal import clean
from bot.errors import BotError
from bot.organisations import Organisations, load_organisations
from bot.settings import Settings
from intents.errors import IntentsError
from knowledge.errors import KnowledgeError
from storage import Database, open_database
from storage.errors import StorageError

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Where the database and outbox live (default ./data)."),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]

# Errors a user can cause or fix: shown as one line, exit status 1.
EXPECTED_ERRORS: tuple[type[Exception], ...] = (
    BotError,
    KnowledgeError,
    IntentsError,
    StorageError,
)


def load_settings(data_dir: Path | None = None, **overrides: object) -> Settings:
    """Settings from the environment with the command's flags on top."""
    return Settings().with_overrides(data_dir=data_dir, **overrides)


def load_orgs(settings: Settings) -> Organisations:
    return load_organisations(settings.config_path)


async def open_existing_database(url: str) -> Database:
    """The database a command works on, which must exist already: only `db upgrade` and
    `serve` create one, so a mistyped --data-dir is one error line, not a new empty database
    (nor a data dir) that the command then reports as empty."""
    return await open_database(url, create=False)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clean error line and exit; the contract for every command."""
    typer.echo(f"privacybot: error: {clean(message)}", err=True)
    raise typer.Exit(code)


def run_cli(app: Callable[..., object], argv: Sequence[str] | None = None) -> int:
    """Run the typer app and turn every failure into one line and a non-zero status."""
    try:
        result = app(args=list(argv) if argv is not None else None,
                     standalone_mode=False, prog_name="privacybot")
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.TyperException as exc:  # usage errors: typer's own (vendored) click
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        return int(getattr(exc, "exit_code", 2))
    except typer.Abort:
        typer.echo("privacybot: aborted", err=True)
        return 130
    except KeyboardInterrupt:
        return 130
    except EXPECTED_ERRORS as exc:
        typer.echo(f"privacybot: error: {clean(exc)}", err=True)
        return 1
    except Exception as exc:  # the contract: never a traceback
        typer.echo(f"privacybot: internal error: {type(exc).__name__}: {clean(exc)}", err=True)
        return 70
    return result if isinstance(result, int) else 0


def exit_with(code: int) -> NoReturn:
    sys.exit(code)
