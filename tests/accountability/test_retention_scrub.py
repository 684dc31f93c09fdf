"""Retention scrubs events in SQL (storage/repos/json_scrub.py): the result must be what the
Python rule (bot.workflow.retention.scrub) gives, on every kind of value, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.workflow.retention import PERSONAL_EVENT_KEYS, REMOVED, scrub
from storage import Database
from storage.repos.json_scrub import scrub_sql
from storage.repos.retention import retention_store

AT = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)

# Every JSON kind under a personal key and beside it, the values the rule keeps (null, "",
# [], {}), values scrubbed before, nested values, quotes and non-ASCII text.
CASES: list[dict[str, Any]] = [
    {},
    {"state_to": "done", "reply": "acknowledgement"},
    {"sender": "ann@example.com", "state_to": "in_progress"},
    {"requester": "Ann <ann@example.com>", "note": "sent", "due_date": "2025-02-06"},
    {"words": ["erase", "delete"], "evidence": {"line": "please erase me", "score": 0.9}},
    {"sender": None, "subject": "", "extras": [], "evidence": {}},
    {"sender": None, "note": "kept apart", "count": 3},
    {"address": 0, "name": False, "error": 1.5, "to": True},
    {"from": "x@example.com", "message_id": "<m1@example.com>", "question": "Why?"},
    {"sender": REMOVED, "note": REMOVED},
    {"sender": REMOVED, "note": "new"},
    {"subject": "L'été \"déjà\" ñ 日本", "reason": "O'Brien's \\ request"},
    {"nested": {"sender": "inside@example.com"}, "list": [{"note": "in a list"}]},
    {"words": [""], "extras": [None], "evidence": {"a": None}},
    {"reply": "done_notice", "sender": "  "},
]


async def _events(db: Database) -> list[tuple[int, str, dict[str, Any]]]:
    async with db.transaction(readonly=True) as tx:
        found = await tx.events.after(0, limit=1000)
    return [(event.id, event.kind, dict(event.data)) for event in found]


async def _add_cases(db: Database) -> None:
    async with db.transaction() as tx:
        for number, data in enumerate(CASES):
            await tx.events.append(ticket_id=None, organisation="aimigos", actor="privacybot",
                                   channel="smtp", kind=f"case_{number}", data=data, at=AT)


async def test_sql_scrub_gives_what_the_python_rule_gives(db: Database) -> None:
    await _add_cases(db)
    before = await _events(db)
    expected = {pk: scrub(data) for pk, _, data in before}
    changing = sum(1 for pk, _, data in before if expected[pk] != data)
    assert changing == 10  # the cases are not all no-ops

    async with db.transaction(readonly=True) as tx:  # dry: counts, changes nothing
        counted = await retention_store(tx).scrub_ticketless_events(
            "aimigos", AT + timedelta(days=1), keys=PERSONAL_EVENT_KEYS, replacement=REMOVED,
            keep_kinds=[], keep_prefix="suppression", dry_run=True)
    assert counted == changing
    assert await _events(db) == before

    async with db.transaction() as tx:
        changed = await retention_store(tx).scrub_ticketless_events(
            "aimigos", AT + timedelta(days=1), keys=PERSONAL_EVENT_KEYS, replacement=REMOVED,
            keep_kinds=[], keep_prefix="suppression", dry_run=False)
    assert changed == changing
    after = await _events(db)
    for pk, kind, data in after:
        assert data == expected[pk], kind
        assert list(data) == list(expected[pk]), kind  # same keys, in the same order

    async with db.transaction() as tx:  # a second run finds nothing left to do
        again = await retention_store(tx).scrub_ticketless_events(
            "aimigos", AT + timedelta(days=1), keys=PERSONAL_EVENT_KEYS, replacement=REMOVED,
            keep_kinds=[], keep_prefix="suppression", dry_run=False)
    assert again == 0
    assert await _events(db) == after


async def test_sql_scrub_leaves_kept_kinds_and_newer_events(db: Database) -> None:
    await _add_cases(db)
    async with db.transaction() as tx:
        await tx.events.append(ticket_id=None, organisation="aimigos", actor="privacybot",
                               channel="smtp", kind="suppression_added",
                               data={"address": "gus@example.com"}, at=AT)
        await tx.events.append(ticket_id=None, organisation="aimigos", actor="privacybot",
                               channel="smtp", kind="mail_received",
                               data={"sender": "late@example.com"}, at=AT + timedelta(days=9))
        await tx.events.append(ticket_id=None, organisation="imgn", actor="privacybot",
                               channel="smtp", kind="mail_received",
                               data={"sender": "other@example.com"}, at=AT)
    async with db.transaction() as tx:
        await retention_store(tx).scrub_ticketless_events(
            "aimigos", AT + timedelta(days=1), keys=PERSONAL_EVENT_KEYS, replacement=REMOVED,
            keep_kinds=["case_2"], keep_prefix="suppression", dry_run=False)
    data = {kind + str(data.get("sender", "")): data for _, kind, data in await _events(db)}
    assert data["case_2ann@example.com"]["sender"] == "ann@example.com"
    assert data["suppression_added"]["address"] == "gus@example.com"
    assert "mail_receivedlate@example.com" in data
    assert "mail_receivedother@example.com" in data
    assert data["case_3"]["requester"] == REMOVED


@pytest.mark.parametrize("keys", [set(), {"sender", "bad key"}, {"x'); DROP TABLE events;--"}])
def test_sql_scrub_refuses_keys_that_are_not_plain_names(keys: set[str]) -> None:
    with pytest.raises(ValueError, match="plain names"):
        scrub_sql("sqlite", keys, REMOVED)
