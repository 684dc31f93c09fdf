"""What every command shares: the --data-dir option, settings, the one-line error contract,
and a Desk for one command (with the options and the result line of the ticket commands,
which bot/cli/tickets.py, ticket_identity.py and suppression.py all use)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from bot.cli.terminal import clean, echo
from bot.desk import ActionResult, Desk
from bot.errors import BotError
from bot.organisations import Organisations, load_organisations
from bot.secret_key import resolve_secret_key
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
By = Annotated[str, typer.Option("--by", help="Who is acting (recorded in the audit trail).")]
Ref = Annotated[str, typer.Argument(help="Ticket reference, e.g. AIM-2026-0042.")]
T = TypeVar("T")

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


@asynccontextmanager
async def open_desk(data_dir: Any) -> AsyncIterator[Desk]:
    """A Desk on the configured database, for one command."""
    settings = load_settings(data_dir)
    orgs = load_orgs(settings)
    db = await open_existing_database(settings.effective_database_url)
    try:
        secret = resolve_secret_key(settings)  # after the database, which must exist
        yield Desk(db, orgs, secret=secret, public_url=settings.effective_public_url,
                   clock=lambda: datetime.now(UTC), pack_link_days=settings.pack_link_days)
    finally:
        await db.close()


def with_desk(data_dir: Any, work: Callable[[Desk], Awaitable[T]]) -> T:
    async def run() -> T:
        async with open_desk(data_dir) as desk:
            return await work(desk)

    return asyncio.run(run())


def say(result: ActionResult, what: str) -> None:
    """One line: what was done, the state now, and the mail it queued or held back."""
    line = f"{result.reference}: {what}; now {result.state}"
    if result.state == "awaiting_clarification":
        line += ", clock paused"  # the due date moves on when it resumes
    elif result.due_date:
        line += f", due {result.due_date.isoformat()}"
    if result.replies:
        line += f"; requester told ({', '.join(result.replies)})"
    if result.withheld:
        line += f"; not mailed ({', '.join(result.withheld)})"
    echo(line)
    if result.message:
        echo(f"warning: {result.message}", err=True)


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
