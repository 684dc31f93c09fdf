"""The fulfilment checklist, pure: one item per system the organisation lists, ticked off.

An access or erasure request (any right about a person's data: those that need identity) is
carried out in each of the organisation's systems (bot.organisations.System). Once identity
is confirmed, the ticket's checklist has one item per system, with what to do there for the
rights asked; a team member ticks an item with a note of what was found or erased (event
`checklist_ticked`). "Done" waits until every item is ticked, or takes an override with a
reason (event `checklist_overridden`), which the register shows.

The items are the organisation's systems as configured when the checklist is read, matched
to ticks by name: a system added later joins every open checklist, one removed no longer
blocks anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

from bot.errors import WorkflowError
from bot.workflow.verification import needs_verification

TICKED = "checklist_ticked"
OVERRIDDEN = "checklist_overridden"


class SystemLike(Protocol):
    """What the checklist reads of a configured system (bot.organisations.System)."""

    @property
    def name(self) -> str: ...
    @property
    def owner(self) -> str: ...
    @property
    def access(self) -> str: ...
    @property
    def erasure(self) -> str: ...
    @property
    def processor(self) -> str: ...


class Item(BaseModel):
    model_config = ConfigDict(frozen=True)

    system: str
    owner: str
    todo: str
    processor: str
    done: bool
    note: str
    by: str | None


class Checklist(BaseModel):
    model_config = ConfigDict(frozen=True)

    items: list[Item]
    override: str | None

    @property
    def done(self) -> int:
        return sum(1 for item in self.items if item.done)

    @property
    def complete(self) -> bool:
        return self.done == len(self.items)

    @property
    def progress(self) -> str:
        """ "3/5 systems" """
        return f"{self.done}/{len(self.items)} systems"

    @property
    def missing(self) -> list[str]:
        return [item.system for item in self.items if not item.done]


def applies(intents: Sequence[str], verified: bool, systems: Sequence[SystemLike]) -> bool:
    """Whether a ticket has a checklist: a request about a person's data, identity
    confirmed, and an organisation that lists its systems."""
    return bool(systems) and verified and needs_verification(intents)


def _todo(system: SystemLike, intents: Sequence[str]) -> str:
    steps = []
    if "access" in intents and system.access:
        steps.append(f"access: {system.access}")
    if "erasure" in intents and system.erasure:
        steps.append(f"erasure: {system.erasure}")
    return "; ".join(steps)


def build(systems: Sequence[SystemLike], intents: Sequence[str],
          history: Iterable[tuple[str, Mapping[str, Any]]]) -> Checklist:
    """The checklist from the systems and the ticket's (kind, data) events, oldest first."""
    ticks: dict[str, tuple[str, str | None]] = {}
    override = None
    for kind, data in history:
        if kind == TICKED:
            ticks[str(data.get("system", "")).lower()] = (str(data.get("note") or ""),
                                                         data.get("by"))
        elif kind == OVERRIDDEN:
            override = str(data.get("reason") or "")
    items = []
    for system in systems:
        note, by = ticks.get(system.name.lower(), ("", None))
        items.append(Item(system=system.name, owner=system.owner, todo=_todo(system, intents),
                          processor=system.processor, done=system.name.lower() in ticks,
                          note=note, by=by))
    return Checklist(items=items, override=override)


def find_system(systems: Sequence[SystemLike], name: str) -> SystemLike:
    """The system with this name (any case), or a WorkflowError naming the known ones."""
    for system in systems:
        if system.name.lower() == name.strip().lower():
            return system
    known = ", ".join(system.name for system in systems) or "none configured"
    raise WorkflowError(f"no system called {name.strip()!r} (known: {known})")


def refuse_incomplete(reference: str, checklist: Checklist) -> None:
    """The error of closing as done with systems left: which, and how to go on."""
    raise WorkflowError(
        f"ticket {reference}: the checklist is not complete ({checklist.progress}; left: "
        f"{', '.join(checklist.missing)}): tick them, or close with --override REASON")
