"""`privacybot tickets note|reply|intents|new|merge|split|close-unverified`: the team's own
hand on tickets (bot/desk/manual.py, bot/desk/merging.py).

    privacybot tickets note REF --by WHO --text TEXT
    privacybot tickets reply REF --by WHO (--text TEXT | --file PATH)
    privacybot tickets intents REF [--add LIST] [--remove LIST] --reason TEXT --by WHO
    privacybot tickets new --org ORG --requester EMAIL --intents LIST
                           --channel phone|letter|in_person|other --received YYYY-MM-DD
                           --by WHO [--note TEXT] [--name NAME] [--language xx] [--json]
    privacybot tickets merge REF_KEEP REF_OTHER --by WHO
    privacybot tickets split REF --intents LIST --by WHO [--json]
    privacybot tickets close-unverified REF --by WHO

LIST is comma-separated intent names (access,erasure). `tickets.register` adds these to the
same `tickets` group.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import By, DataDir, JsonFlag, Ref, fail, say, with_desk
from bot.cli.due_date import parse_day
from bot.cli.terminal import echo, json_text
from bot.cli.tickets_group import tickets_app

MAX_FILE = 200_000
IntentList = Annotated[str, typer.Option(
    "--intents", help="Comma-separated rights, e.g. access,erasure.")]


@tickets_app.command("note")
def note_command(
    reference: Ref,
    by: By,
    text: Annotated[str, typer.Option("--text", help="The note; never sent to anyone.")],
    data_dir: DataDir = None,
) -> None:
    """Leave an internal note on the ticket (for the team only; never mailed)."""
    say(with_desk(data_dir, lambda desk: desk.add_note(reference, text, by, "cli")),
        "note added")


def _reply_text(text: str | None, file: Path | None) -> str:
    if (text is None) == (file is None):
        fail("give exactly one of --text or --file")
    if file is None:
        return text or ""
    try:
        data = file.read_bytes()[:MAX_FILE + 1]
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")
    if len(data) > MAX_FILE:
        fail(f"{file} is longer than {MAX_FILE} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        fail(f"{file} is not UTF-8 text")


@tickets_app.command("reply")
def reply_command(
    reference: Ref,
    by: By,
    text: Annotated[str | None, typer.Option("--text", help="What to tell the requester.")] = None,
    file: Annotated[Path | None, typer.Option(
        "--file", help="A UTF-8 text file holding the reply.")] = None,
    data_dir: DataDir = None,
) -> None:
    """Mail the requester your own words (threaded on their last mail, via the outbox)."""
    body = _reply_text(text, file)
    say(with_desk(data_dir, lambda desk: desk.reply(reference, body, by, "cli")), "reply queued")


@tickets_app.command("intents")
def intents_command(
    reference: Ref,
    by: By,
    reason: Annotated[str, typer.Option("--reason", help="Why (kept on the ticket).")],
    add: Annotated[str, typer.Option("--add", help="Rights to add, comma-separated.")] = "",
    remove: Annotated[str, typer.Option(
        "--remove", help="Rights to remove, comma-separated.")] = "",
    data_dir: DataDir = None,
) -> None:
    """Correct the rights a ticket holds; adding one that needs identity to a ticket without
    it sends a verification request."""
    result = with_desk(data_dir, lambda desk: desk.change_intents(
        reference, add=add, remove=remove, reason=reason, actor=by, channel="cli"))
    say(result, "intents changed")


@tickets_app.command("new")
def new_command(
    by: By,
    org: Annotated[str, typer.Option("--org", help="The organisation asked.")],
    requester: Annotated[str, typer.Option("--requester", help="The requester's e-mail.")],
    intents: IntentList,
    channel: Annotated[str, typer.Option(
        "--channel", help="How it came: phone, letter, in_person or other.")],
    received: Annotated[str, typer.Option(
        "--received", help="The day it arrived, YYYY-MM-DD (the clock counts from it).")],
    note: Annotated[str, typer.Option("--note", help="An internal note.")] = "",
    name: Annotated[str | None, typer.Option("--name", help="The requester's name.")] = None,
    language: Annotated[str | None, typer.Option(
        "--language", help="Two letters (en, es, de, fr) for our mail.")] = None,
    as_json: JsonFlag = False,
    data_dir: DataDir = None,
) -> None:
    """Record a request that came another way (phone, letter, in person...)."""
    day = parse_day(received, "--received")
    result = with_desk(data_dir, lambda desk: desk.open_manual(
        org, requester=requester, intents=intents, came_by=channel, received=day, actor=by,
        channel="cli", note=note, name=name, language=language))
    if as_json:
        echo(json_text({"reference": result.reference}))
        return
    say(result, "opened")


@tickets_app.command("merge")
def merge_command(
    keep: Annotated[str, typer.Argument(help="The ticket that stays (its clock stands).")],
    other: Annotated[str, typer.Argument(help="The ticket that joins it and closes.")],
    by: By,
    data_dir: DataDir = None,
) -> None:
    """Merge two tickets of one requester about the same request."""
    say(with_desk(data_dir, lambda desk: desk.merge(keep, other, by, "cli")),
        f"{other.strip().upper()} merged into it")


@tickets_app.command("split")
def split_command(
    reference: Ref,
    by: By,
    intents: IntentList,
    as_json: JsonFlag = False,
    data_dir: DataDir = None,
) -> None:
    """Move a second request (the --intents named) out of a ticket into a new one."""
    result = with_desk(data_dir, lambda desk: desk.split(reference, intents, by, "cli"))
    if as_json:
        echo(json_text({"reference": result.reference}))
        return
    say(result, f"split out of {reference.strip().upper()}")


@tickets_app.command("close-unverified")
def close_unverified_command(reference: Ref, by: By, data_dir: DataDir = None) -> None:
    """Close a request whose identity never came, now (the sweep does it after the
    organisation's days); a complaint in it goes on as its own ticket."""
    say(with_desk(data_dir, lambda desk: desk.close_unverified(reference, by, "cli")),
        "closed unverified")
