"""The triage repository on each backend: what awaits, one decision per mail, card posts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from storage import ConflictError, Database, InvalidValueError, Transaction
from storage.records import MessageRecord

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
_ids = iter(range(1, 10**6))


async def inbound(tx: Transaction, org: str = "aimigos", **values: Any) -> MessageRecord:
    row: dict[str, Any] = dict(organisation=org, message_id=f"<m{next(_ids)}@example.org>",
                               from_address="ann@example.org", to_address="hello@aimigos.studio",
                               received_at=NOW, raw=b"Subject: hi\r\n\r\nhello\r\n")
    row.update(values)
    record, _ = await tx.messages.add_inbound(**row)
    return record


async def test_what_awaits_triage(db: Database) -> None:
    async with db.transaction() as tx:
        person = await inbound(tx, received_at=NOW + timedelta(minutes=5))
        older = await inbound(tx, org="imgn")
        await inbound(tx, auto_reply=True)  # auto-reply, bounce, list mail, our own loop
        await inbound(tx, from_address="")  # no usable sender
        number = await tx.references.next_number("aimigos", 2026)
        ticket = await tx.tickets.create(
            reference=f"AIM-2026-{number:04d}", organisation="aimigos", state="received",
            intents=["access"], requester_address="ann@example.org", received_at=NOW, now=NOW)
        await inbound(tx, ticket_id=ticket.id)  # opened or joined a ticket
        await tx.messages.add_outbound(
            organisation="aimigos", message_id="<out1@aimigos.studio>",
            from_address="hello@aimigos.studio", to_address="ann@example.org", sent_at=NOW,
            raw=b"x")
    async with db.transaction(readonly=True) as tx:
        assert [m.id for m in await tx.triage.awaiting()] == [older.id, person.id]  # oldest first
        assert await tx.triage.count_awaiting() == 2
        assert [m.id for m in await tx.triage.awaiting(organisation="aimigos")] == [person.id]
        assert await tx.triage.count_awaiting(organisation="imgn") == 1
        assert [m.id for m in await tx.triage.awaiting(limit=1, offset=1)] == [person.id]
    async with db.transaction() as tx:
        decided = await tx.triage.decide(
            message_pk=person.id, organisation="aimigos", decision="dismissed", intents=[],
            decided_by="cli:ann", reason="a thank-you note", at=NOW,
            verdict={"intents": [], "scores": {"access": 0.3}, "evidence": []})
    assert decided.decision == "dismissed"
    assert decided.verdict["scores"] == {"access": 0.3}
    async with db.transaction(readonly=True) as tx:
        assert [m.id for m in await tx.triage.awaiting()] == [older.id]
        assert await tx.triage.decision_for(person.id) == decided
        assert await tx.triage.decision_for(older.id) is None
        assert await tx.triage.decisions() == [decided]
        assert await tx.triage.decisions(since=NOW + timedelta(seconds=1)) == []


async def test_one_decision_per_mail(db: Database) -> None:
    async with db.transaction() as tx:
        message = await inbound(tx)
        await tx.triage.decide(message_pk=message.id, organisation="aimigos",
                               decision="opened", intents=["access"], decided_by="a",
                               verdict={})

    async def again() -> None:
        async with db.transaction() as tx:
            await tx.triage.decide(message_pk=message.id, organisation="aimigos",
                                   decision="dismissed", intents=[], decided_by="b",
                                   verdict={})

    with pytest.raises(ConflictError):
        await again()
    async with db.transaction() as tx:
        with pytest.raises(InvalidValueError):
            await tx.triage.decide(message_pk=message.id, organisation="aimigos",
                                   decision="maybe", intents=[], decided_by="b", verdict={})
        assert (await tx.triage.decision_for(message.id)).decided_by == "a"  # type: ignore[union-attr]


async def test_card_posts(db: Database) -> None:
    async with db.transaction() as tx:
        message = await inbound(tx)
        assert await tx.triage.get_card(message.id) is None
        await tx.triage.save_card(message_pk=message.id, channel="C1", ts="1.1",
                                  posted_event_id=3)
        moved = await tx.triage.save_card(message_pk=message.id, channel="C1", ts="1.1",
                                          posted_event_id=7)
        assert moved.posted_event_id == 7
        assert await tx.triage.get_card(message.id) == moved


async def test_suggestions_keep_the_latest_reading(db: Database) -> None:
    async with db.transaction() as tx:
        message = await inbound(tx)
        await tx.triage.suggest(message_pk=message.id, intents=["erasure"],
                                scores={"erasure": 0.6}, at=NOW)
        later = await tx.triage.suggest(message_pk=message.id, intents=["access"],
                                        scores={"access": 0.7}, at=NOW + timedelta(days=1))
    async with db.transaction(readonly=True) as tx:
        assert await tx.triage.suggestions([message.id, 999]) == {message.id: later}
        assert await tx.triage.suggestions([]) == {}
        assert await tx.triage.count_awaiting() == 1  # a suggestion decides nothing
