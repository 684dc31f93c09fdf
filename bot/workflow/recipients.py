"""Telling recipients (GDPR Art. 19), pure: who must hear of an erasure, a restriction or a
rectification, and who has been told already.

A controller that erased, restricted or rectified a person's data tells each recipient it
disclosed that data to. privacybot's recipients are the processors the organisation lists
for its systems (bot.organisations.System.processor). For a ticket about one of those
rights, each system with a processor gives one notice; a notice sent is the event
`recipient_notified` (system, processor, rights), so a second confirmation finds nothing left
to send for it. Access, portability, objection and the rest tell no one.

Notices are matched to systems by name (any case) and processor address (any case): a
processor whose address changed in the organisations file is a new recipient, and gets the
notice when the team confirms again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.errors import WorkflowError
from bot.workflow.checklist import SystemLike, find_system

NOTIFIED = "recipient_notified"
TEMPLATE = "recipient_notice"
# The rights whose carrying out is told to recipients (Art. 19: Art. 16, 17(1) and 18).
RIGHTS = ("erasure", "restriction", "rectification")
# Final states in which nothing was, or will be, carried out.
NOTHING_DONE = frozenset({"rejected", "closed_unverified", "merged", "withdrawn"})


class Recipient(BaseModel):
    """One processor to tell, for one system, about the rights the ticket carries out."""

    model_config = ConfigDict(frozen=True)

    system: str
    processor: str
    rights: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str]:
        return self.system.lower(), self.processor.lower()


class Plan(BaseModel):
    """The notices still to send and the ones sent before (from the ticket's history)."""

    model_config = ConfigDict(frozen=True)

    rights: tuple[str, ...]
    to_send: tuple[Recipient, ...] = ()
    sent: tuple[Recipient, ...] = ()


def rights_to_tell(intents: Iterable[str]) -> tuple[str, ...]:
    """The ticket's rights that recipients hear of, in RIGHTS order; empty: none."""
    wanted = set(intents)
    return tuple(right for right in RIGHTS if right in wanted)


def already_told(history: Iterable[tuple[str, Mapping[str, Any]]]) -> set[tuple[str, str]]:
    """(system, processor), lower-cased, of every notice the history says was queued."""
    return {(str(data.get("system", "")).lower(), str(data.get("processor", "")).lower())
            for kind, data in history if kind == NOTIFIED}


def plan(systems: Sequence[SystemLike], intents: Iterable[str],
         history: Iterable[tuple[str, Mapping[str, Any]]], *,
         only: str | None = None) -> Plan:
    """Who is to be told, and who was; `only` narrows it to one system (by name), which must
    exist and have a processor."""
    rights = rights_to_tell(intents)
    chosen = list(systems)
    if only is not None:
        found = find_system(systems, only)
        if not found.processor.strip():
            raise WorkflowError(f"system {found.name!r} lists no processor: nobody to tell")
        chosen = [found]
    if not rights:
        return Plan(rights=rights)
    told = already_told(history)
    to_send: list[Recipient] = []
    sent: list[Recipient] = []
    for system in chosen:
        if not system.processor.strip():
            continue
        recipient = Recipient(system=system.name, processor=system.processor.strip(),
                              rights=rights)
        (sent if recipient.key in told else to_send).append(recipient)
    return Plan(rights=rights, to_send=tuple(to_send), sent=tuple(sent))


def refuse_confirmation(reference: str, state: str, verified: bool,
                        rights: Sequence[str]) -> None:
    """Raise the WorkflowError that says why notices may not go out now, if any."""
    if not rights:
        raise WorkflowError(f"ticket {reference} asks for no erasure, restriction or "
                            "rectification: no recipients to tell")
    if state in NOTHING_DONE:
        raise WorkflowError(f"ticket {reference} is {state}: nothing was carried out to tell "
                            "recipients about")
    if not verified:
        raise WorkflowError(f"ticket {reference}: the requester's identity is not confirmed "
                            "yet, so nothing can be carried out or told")
