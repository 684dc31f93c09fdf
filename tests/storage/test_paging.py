"""Listings page with limit/offset, and their counts agree with their filters, on each
backend (what `privacybot ... --limit --offset` and its "showing X of N" line rely on)."""

from __future__ import annotations

from datetime import date, timedelta

from storage import Database, TicketUpdate
from tests.storage.conftest import NOW, make_ticket


async def test_tickets_page_and_count(db: Database) -> None:
    async with db.transaction() as tx:
        made = [await make_ticket(tx, address=f"p{n}@example.org") for n in range(5)]
        for number, ticket in enumerate(made):
            await tx.tickets.update(ticket.id, TicketUpdate(due_date=date(2026, 5, 5 - number)))
        await tx.tickets.update(made[0].id, TicketUpdate(state="done"))
    async with db.transaction(readonly=True) as tx:
        every = [x.id for x in await tx.tickets.list()]
        assert every == [t.id for t in reversed(made)]
        assert [x.id for x in await tx.tickets.list(limit=2, offset=2)] == every[2:4]
        assert await tx.tickets.list(limit=2, offset=9) == []
        assert await tx.tickets.count_matching() == 5
        assert await tx.tickets.count_matching(open_only=True) == 4
        assert await tx.tickets.count_matching(states=["done"]) == 1
        assert await tx.tickets.count_matching(due_before=date(2026, 5, 2)) == 2
        assert await tx.tickets.count_matching(requester_address="P1@example.org") == 1
        assert await tx.tickets.count_matching(organisation="imgn") == 0


async def test_unticketed_suppression_and_gaps_page_and_count(db: Database) -> None:
    async with db.transaction() as tx:
        for number in range(4):
            await tx.messages.add_inbound(
                organisation="aimigos" if number else "imgn", message_id=f"<m{number}@x>",
                from_address="a@example.org", to_address="hello@aimigos.studio",
                received_at=NOW + timedelta(minutes=number), raw=b"x")
            await tx.suppression.add(organisation="aimigos", address=f"s{number}@example.org",
                                     source="cli", added_by="alice")
            await tx.questions.add(user="slack:U1", question=f"q{number}?", answered=False,
                                   confidence=0.1, asked_at=NOW + timedelta(minutes=number))
    async with db.transaction(readonly=True) as tx:
        page = await tx.messages.unticketed(limit=2, offset=1)
        assert [m.message_id for m in page] == ["<m2@x>", "<m1@x>"]  # newest first
        assert await tx.messages.count_unticketed() == 4
        assert await tx.messages.count_unticketed(organisation="imgn") == 1
        assert await tx.messages.count_unticketed(since=NOW + timedelta(minutes=2)) == 2
        entries = await tx.suppression.entries("aimigos", limit=2, offset=2)
        assert [e.address for e in entries] == ["s2@example.org", "s3@example.org"]
        assert len(await tx.suppression.entries()) == 4  # export: no limit
        assert await tx.suppression.count() == 4
        assert await tx.suppression.count("imgn") == 0
        gaps = await tx.questions.gaps(limit=1, offset=3)
        assert [q.question for q in gaps] == ["q0?"]
        assert await tx.questions.count_gaps() == 4
        assert await tx.questions.count_gaps(since=NOW + timedelta(minutes=3)) == 1
