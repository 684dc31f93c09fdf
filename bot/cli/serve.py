"""`privacybot serve`: run the service (SMTP intake, HTTP, outbox worker) until SIGTERM/SIGINT.

With no `--only`, everything runs in one process on the embedded default (SQLite and the
.eml outbox under --data-dir); `--only smtp|http|worker` runs one part, as the Procfile does.
"""

from __future__ import annotations

import asyncio
import logging
from enum import StrEnum
from typing import Annotated

import typer

from bot.cli.common import DataDir, fail, load_settings
from bot.cli.terminal import echo
from bot.observability.logs import configure_logging
from bot.runtime import serve
from bot.settings import Settings


class Part(StrEnum):
    smtp = "smtp"
    http = "http"
    worker = "worker"


def _configure_logging(settings: Settings) -> None:
    if not logging.getLogger().handlers:  # leave a host's (or a test's) logging alone
        configure_logging(settings.log_format, pii=settings.log_pii)


def register(app: typer.Typer) -> None:
    """Add `serve` to the root app."""

    @app.command("serve")
    def serve_command(
        data_dir: DataDir = None,
        smtp_port: Annotated[int | None, typer.Option(
            "--smtp-port", min=0, max=65535, help="SMTP port (default 8025; 0: any free)."
        )] = None,
        http_port: Annotated[int | None, typer.Option(
            "--http-port", min=0, max=65535, help="HTTP port (default 3000; 0: any free)."
        )] = None,
        only: Annotated[Part | None, typer.Option(
            "--only", help="Run one part: smtp, http or worker (default: all three)."
        )] = None,
    ) -> None:
        """Run the service until SIGTERM or SIGINT; finishes the mail in hand on the way out."""
        settings = load_settings(data_dir, smtp_port=smtp_port, http_port=http_port)
        _configure_logging(settings)
        parts = {only.value} if only is not None else None
        try:
            asyncio.run(serve(settings, parts, announce=_announce))
        except OSError as exc:  # a port in use, a data dir we cannot write
            fail(f"cannot start: {exc}")


def _announce(line: str) -> None:
    # Plain and flushed, on stderr with the logs: scripts (and bench/crash.py) wait for it.
    echo(line, err=True)
