"""A month of requests made through the desk's real use cases on a real database, with a
clock the test moves: the material of the register, summary and retention tests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from bot.desk import Desk
from bot.organisations import Organisations
from storage import Database
from tests.desk.conftest import PUBLIC_URL, ROUTE, SECRET, Clock, code_in, mail

# A Monday; long enough ago that "today" on any machine running the suite is later.
START = datetime(2025, 11, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock(now=START)


@pytest.fixture
def desk(db: Database, orgs: Organisations, clock: Clock) -> Desk:
    return Desk(db, orgs, secret=SECRET, public_url=PUBLIC_URL,
                complaint_routes={"aimigos": ROUTE}, clock=clock)


@dataclass
class Month:
    """References of the scenario's tickets, by what happened to them."""

    on_time: str      # erasure, verified, done after 9 days
    late: str         # access, verified, done 8 days after its due date
    extended: str     # access, verified, extended, done before the new due date
    refused: str      # access, verified, refused as manifestly excessive
    unverified: str   # erasure, never verified, closed by the sweep after 30 days
    complaint: str    # complaint, acknowledged at once, done after 6 days
    opt_out: str      # opt-out, done at once
    overdue: str      # access, verified, never answered
    imgn: str         # another organisation's access request, closed unverified by the sweep


async def _received(desk: Desk, intents: list[str], sender: str, org: str) -> str:
    return await send(desk, intents, sender, org)


async def send(desk: Desk, intents: list[str], sender: str, org: str = "aimigos",
               text: str = "Hello, please act on my request.") -> str:
    raw, inbound, classification = mail(intents=intents, sender=sender, text=text,
                                        subject="My request")
    result = await desk.receive_mail(org, raw, inbound, classification,
                                     envelope_from=inbound.from_address)
    assert result.reference is not None, result
    return result.reference


async def verify(desk: Desk, reference: str) -> None:
    view = await desk.get_ticket(reference)
    await desk.verify_code(reference, code_in(view.outbox[0]), "alice", "cli")


Send = Callable[[Desk, list[str], str, str], Awaitable[str]]
Verify = Callable[[Desk, str], Awaitable[None]]


async def month_of_requests(desk: Desk, clock: Clock, sender: Send | None = None,
                            verifier: Verify | None = None) -> Month:
    """Every kind of ending a register must show; the clock ends on 2025-12-21 09:00. The
    requests reach the desk through `sender` and the requesters confirm through `verifier`
    (by default the desk's own intake and the code in our stored mail; the SMTP server and
    the mail the requester received in test_register_smtp.py)."""

    async def send(desk: Desk, intents: list[str], address: str, org: str = "aimigos") -> str:
        return await (sender or _received)(desk, intents, address, org)

    refs = Month(
        on_time=await send(desk, ["erasure"], "Ann One <ann@example.com>"),
        late=await send(desk, ["access"], "Bob Two <bob@example.com>"),
        extended=await send(desk, ["access"], "Cat Three <cat@example.com>"),
        refused=await send(desk, ["access"], "Dan Four <dan@example.com>"),
        unverified=await send(desk, ["erasure"], "Eve Five <eve@example.com>"),
        complaint=await send(desk, ["complaint"], "Fay Six <fay@example.com>"),
        opt_out=await send(desk, ["opt_out"], "Gus Seven <gus@example.com>"),
        overdue=await send(desk, ["access"], "Hal Eight <hal@example.com>"),
        imgn=await send(desk, ["access"], "Ivy Nine <ivy@example.com>", org="imgn"),
    )
    # A mail with no request in it: it waits for triage.
    await send_without_intent(desk)
    for reference in (refs.on_time, refs.late, refs.extended, refs.refused, refs.overdue):
        await (verifier or verify)(desk, reference)
    clock.now = START + timedelta(days=3)
    await desk.reject(refs.refused, "the third identical request this month", "dora", "cli",
                      ground="manifestly_excessive")
    clock.now = START + timedelta(days=4)
    await desk.extend(refs.extended, "many systems to search", "alice", "cli")
    clock.now = START + timedelta(days=6)
    await desk.close_done(refs.complaint, "dora", "cli", note="we looked into it")
    clock.now = START + timedelta(days=9)
    await desk.close_done(refs.on_time, "alice", "cli", note="erased")
    clock.now = START + timedelta(days=30, hours=1)
    await desk.sweep(clock.now)
    clock.now = START + timedelta(days=38)
    await desk.close_done(refs.late, "bob-the-handler", "cli", note="here is your data")
    clock.now = START + timedelta(days=48)
    await desk.close_done(refs.extended, "alice", "cli", note="here is your data")
    await deliver_all(desk, clock)
    return refs


async def deliver_all(desk: Desk, clock: Clock) -> None:
    """What the outbox sender does: every queued mail marked delivered."""
    async with desk.db.transaction() as tx:
        for record in await tx.outbox.claim("test-sender", clock.now, limit=1000):
            await tx.outbox.mark_sent(record.id, clock.now, worker_id="test-sender")


async def send_without_intent(desk: Desk) -> None:
    raw, inbound, classification = mail(intents=[], sender="Zed <zed@example.com>",
                                        text="Do you sell gift cards?")
    result = await desk.receive_mail("aimigos", raw, inbound, classification,
                                     envelope_from=inbound.from_address)
    assert result.outcome == "no_intent"
