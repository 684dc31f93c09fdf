"""Listings a page at a time, and never a silent cut: every list says how many there are.

Every listing command takes `--limit N` (default 100) and `--offset N`. In text mode the
last line says how many there are in all and, when some were left out, how to see the next
page. With `--json` stdout stays a bare JSON array (the contract scripts rely on); when the
array is not the whole list the same line goes to stderr instead.
"""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.terminal import echo

DEFAULT_LIMIT = 100
MAX_LIMIT = 10_000

Limit = Annotated[int, typer.Option(
    "--limit", min=1, max=MAX_LIMIT, help="Show at most this many (default 100).")]
Offset = Annotated[int, typer.Option(
    "--offset", min=0, help="Skip this many first (the next page: --offset 100).")]


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """ "1 address", "2 addresses", "no tickets"."""
    return f"{number or 'no'} {singular if number == 1 else plural or singular + 's'}"


def summary(shown: int, total: int, offset: int, singular: str,
            plural: str | None = None) -> str:
    """ "3 tickets", or "showing 101-200 of 600 tickets; next: --offset 200"."""
    whole = counted(total, singular, plural)
    if offset == 0 and shown >= total:
        return whole
    if shown == 0:
        return f"none shown from offset {offset}; there are {whole}"
    line = f"showing {offset + 1}-{offset + shown} of {whole}"
    if offset + shown < total:
        line += f"; next: --offset {offset + shown}"
    return line


def footer(shown: int, total: int, offset: int, singular: str, *, as_json: bool,
           plural: str | None = None) -> None:
    """The count line: after the rows in text mode; on stderr, and only when the page is not
    the whole list, with --json."""
    line = summary(shown, total, offset, singular, plural)
    if not as_json:
        echo(line)
    elif offset > 0 or shown < total:
        echo(line, err=True)
