"""The suppression list as use cases: add, remove, check, list, and one-click unsubscribe.

Addresses are normalised the organisation's way (case; "+tag" where plus_addressing) before
they are stored or looked up, so alice+news@x and Alice@X are one entry. Each change is an
event without a ticket (organisation-wide), for the audit trail.
"""

from __future__ import annotations

from bot.desk.core import Unit
from bot.desk.results import SuppressionCheck, UnsubscribeResult
from bot.organisations import Organisation
from bot.workflow.addresses import normalise_address
from storage import Transaction


def key(org: Organisation, address: str) -> str:
    return normalise_address(address, plus_addressing=org.plus_addressing)


async def add(unit: Unit, org: Organisation, address: str, source: str) -> UnsubscribeResult:
    normal = key(org, address)
    _, added = await unit.tx.suppression.add(organisation=org.id, address=normal,
                                             source=source, added_by=unit.actor, at=unit.now)
    if added:
        unit.event("suppression_added", None, org.id, address=normal, source=source)
    return UnsubscribeResult(organisation=org.id, address=normal, added=added)


async def remove(unit: Unit, org: Organisation, address: str) -> bool:
    normal = key(org, address)
    removed = await unit.tx.suppression.remove(org.id, normal)
    if removed:
        unit.event("suppression_removed", None, org.id, address=normal)
    return removed


async def check(tx: Transaction, org: Organisation, address: str) -> SuppressionCheck:
    normal = key(org, address)
    entry = await tx.suppression.get(org.id, normal)
    return SuppressionCheck(organisation=org.id, address=normal, suppressed=entry is not None,
                            added_at=entry.added_at if entry else None,
                            source=entry.source if entry else None)
