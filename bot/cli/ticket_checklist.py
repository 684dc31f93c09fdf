"""`privacybot tickets checklist|tick`: carrying a request out in each of the systems.

    privacybot tickets checklist REF [--json]
    privacybot tickets tick REF --system NAME --note TEXT --by WHO

The organisation lists its systems in the organisations file (`[[organisation.systems]]`:
name, owner, access, erasure, processor). Once the requester's identity is confirmed, an
access or erasure ticket has one item per system; `tickets close` waits until every item is
ticked, or takes `--override REASON`. JSON: `{"reference", "progress", "complete",
"override", "items": [{"system", "owner", "todo", "processor", "done", "note", "by"}]}`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.common import By, DataDir, JsonFlag, Ref, with_desk
from bot.cli.terminal import clean, echo, json_text
from bot.cli.tickets_group import tickets_app
from bot.desk import checklist
from bot.workflow.checklist import Checklist


def _json(reference: str, found: Checklist | None) -> dict[str, object]:
    if found is None:
        return {"reference": reference, "progress": None, "complete": None, "override": None,
                "items": []}
    return {"reference": reference, "progress": found.progress, "complete": found.complete,
            "override": found.override,
            "items": [item.model_dump() for item in found.items]}


def _show(reference: str, found: Checklist | None) -> None:
    if found is None:
        echo(f"{reference}: no checklist (it starts when identity is confirmed, for an access "
             "or erasure request of an organisation that lists its systems)")
        return
    echo(f"{reference}: {found.progress}")
    for item in found.items:
        mark = "x" if item.done else " "
        line = f"[{mark}] {clean(item.system)}"
        if item.owner:
            line += f" (owner {clean(item.owner)})"
        if item.todo:
            line += f": {clean(item.todo)}"
        if item.done:
            line += f" - {clean(item.note)} ({clean(item.by)})"
        echo(line)
    if found.override:
        echo(f"closed with systems left: {clean(found.override)}")


@tickets_app.command("checklist")
def checklist_command(reference: Ref, as_json: JsonFlag = False,
                      data_dir: DataDir = None) -> None:
    """The ticket's systems: what to do in each, and which are done."""
    ticket, found = with_desk(data_dir, lambda desk: checklist.status(
        desk.db, desk.config, reference))
    if as_json:
        echo(json_text(_json(ticket.reference, found), indent=2))
    else:
        _show(ticket.reference, found)


@tickets_app.command("tick")
def tick_command(
    reference: Ref,
    system: Annotated[str, typer.Option("--system", help="The system's name.")],
    note: Annotated[str, typer.Option("--note", help="What was found or erased there.")],
    by: By,
    data_dir: DataDir = None,
) -> None:
    """Tick one system off, with a note of what was found or erased."""
    found = with_desk(data_dir, lambda desk: checklist.tick(
        desk.db, desk.config, reference, system, note, by, "cli"))
    echo(f"{clean(reference).upper()}: {clean(system)} ticked; {found.progress}")


def register(app: typer.Typer) -> None:
    """The commands join the `tickets` group when this module is imported."""
