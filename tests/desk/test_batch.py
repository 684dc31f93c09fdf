"""Intake in batches (group commit): a batch does exactly what the same mails would do one by
one, duplicates inside a batch collapse, a mail that cannot be stored fails alone, and an
outage fails the whole batch until the retry."""

from __future__ import annotations

import asyncio

from sqlalchemy import text

from bot.desk import Desk, IntakeResult
from bot.desk.batch import Delivery, Outcome, receive_batch
from bot.organisations import Organisations
from storage import Database, StorageError, UnavailableError
from tests.channels.outage import database_outage
from tests.desk.conftest import PUBLIC_URL, SECRET, Clock, mail

POISON = "POISON"


def delivery(**kwargs: object) -> Delivery:
    raw, inbound, classification = mail(**kwargs)  # type: ignore[arg-type]
    return Delivery("aimigos", raw, inbound, classification,
                    envelope_from=inbound.from_address)


def results(outcomes: list[Outcome]) -> list[IntakeResult]:
    assert all(isinstance(outcome, IntakeResult) for outcome in outcomes), outcomes
    return [outcome for outcome in outcomes if isinstance(outcome, IntakeResult)]


async def poison_subjects(db: Database) -> None:
    """A real storage failure for one mail: the database refuses any message whose subject
    holds POISON (a trigger, as a constraint or a full disk would refuse a write)."""
    async with db.transaction() as tx:
        if db.dialect == "sqlite":
            await tx.connection.execute(text(
                "CREATE TRIGGER pb_poison BEFORE INSERT ON messages "
                f"WHEN NEW.subject LIKE '%{POISON}%' "
                "BEGIN SELECT RAISE(ABORT, 'poisoned mail refused'); END"))
            return
        await tx.connection.execute(text(
            "CREATE FUNCTION pb_poison() RETURNS trigger AS $$ BEGIN "
            f"IF NEW.subject LIKE '%{POISON}%' THEN RAISE EXCEPTION 'poisoned mail refused'; "
            "END IF; RETURN NEW; END $$ LANGUAGE plpgsql"))
        await tx.connection.execute(text(
            "CREATE TRIGGER pb_poison BEFORE INSERT ON messages "
            "FOR EACH ROW EXECUTE FUNCTION pb_poison()"))


def requests(who: str) -> list[Delivery]:
    """A mixed load; the opt-out comes before the same sender's access request, which must
    still get its verification request (suppression is for marketing only)."""
    return [
        delivery(sender=f"{who}1@example.com", intents=["erasure"], text="Delete my data"),
        delivery(sender=f"{who}2@example.com", intents=["opt_out"], text="Unsubscribe me"),
        delivery(sender=f"{who}2@example.com", intents=["access"], text="Send my data"),
        delivery(sender=f"{who}3@example.com", intents=["complaint"], text="I complain"),
        delivery(sender=f"{who}4@example.com", intents=[], text="Nice games"),
        delivery(sender=f"{who}5@example.com", intents=["access", "opt_out"], text="Both"),
    ]


def shape(result: IntakeResult) -> tuple[object, ...]:
    return (result.outcome, result.state, result.intents, result.replies, result.withheld,
            result.suppressed)


async def test_a_batch_does_what_the_same_mails_do_one_by_one(desk: Desk) -> None:
    one_by_one = [await desk.receive_mail(d.org_id, d.raw, d.mail, d.classification,
                                          envelope_from=d.envelope_from)
                  for d in requests("seq")]
    batched = results(await receive_batch(desk, requests("bat")))
    assert [shape(r) for r in batched] == [shape(r) for r in one_by_one]
    # the opt-out just before it does not hold back a rights request's verification mail
    assert batched[2].replies == ["verification_request"]
    refs = [r.reference for r in one_by_one + batched if r.reference]
    assert refs == [f"AIM-2026-{n:04d}" for n in range(1, 11)]  # gapless, in order
    for first, second in zip(one_by_one, batched, strict=True):
        if first.reference and second.reference:
            a, b = await desk.get_ticket(first.reference), await desk.get_ticket(second.reference)
            assert [e.kind for e in a.events] == [e.kind for e in b.events]
            assert [o.kind for o in a.outbox] == [o.kind for o in b.outbox]
            queued = [e.data["outbox_id"] for e in b.events if e.kind == "reply_queued"]
            assert queued == [o.id for o in b.outbox]  # filled in after the bulk insert
    assert len(await desk.unticketed()) == 2


async def test_copies_of_one_message_id_in_a_batch_make_one_ticket(desk: Desk) -> None:
    kwargs = {"message_id": "<same@example.com>", "intents": ["erasure"], "text": "Delete"}
    earlier = delivery(message_id="<earlier@example.com>", intents=["access"])
    [committed] = results(await receive_batch(desk, [earlier]))
    batch = [delivery(**kwargs), delivery(**kwargs), earlier, delivery(**kwargs)]
    out = results(await receive_batch(desk, batch))
    assert [r.outcome for r in out] == ["created", "duplicate", "duplicate", "duplicate"]
    assert out[1].reference == out[3].reference == out[0].reference == "AIM-2026-0002"
    assert out[2].reference == committed.reference == "AIM-2026-0001"
    assert len(await desk.list_tickets()) == 2
    assert len((await desk.get_ticket("AIM-2026-0002")).outbox) == 1  # one verification mail


async def test_unused_reference_numbers_are_given_back(desk: Desk) -> None:
    batch = [delivery(intents=[]), delivery(intents=["access"]), delivery(auto_reply=True,
                                                                          intents=["access"])]
    out = results(await receive_batch(desk, batch))
    assert [r.outcome for r in out] == ["no_intent", "created", "ignored"]
    [later] = results(await receive_batch(desk, [delivery(intents=["erasure"])]))
    assert (out[1].reference, later.reference) == ("AIM-2026-0001", "AIM-2026-0002")


async def test_a_reply_in_the_same_batch_joins_the_new_ticket(desk: Desk) -> None:
    batch = [delivery(sender="bob@example.com", intents=["erasure"]),
             delivery(sender="bob@example.com", subject="Re: [AIM-2026-0001] your request",
                      text="Here is more detail", intents=[])]
    out = results(await receive_batch(desk, batch))
    assert [(r.outcome, r.reference) for r in out] == [
        ("created", "AIM-2026-0001"), ("joined", "AIM-2026-0001")]
    view = await desk.get_ticket("AIM-2026-0001")
    assert [e.kind for e in view.events].count("reply_received") == 1


async def test_a_mail_that_cannot_be_stored_fails_alone(desk: Desk, db: Database) -> None:
    await poison_subjects(db)
    batch = [delivery(intents=["erasure"]), delivery(subject=f"{POISON} pill", intents=["access"]),
             delivery(intents=["complaint"])]
    out = await receive_batch(desk, batch)
    assert isinstance(out[1], StorageError)
    assert not isinstance(out[1], UnavailableError)
    assert [r.reference for r in results([out[0], out[2]])] == ["AIM-2026-0001", "AIM-2026-0002"]
    assert len(await desk.list_tickets()) == 2  # the neighbours are committed, gapless


async def test_an_outage_fails_the_whole_batch_and_the_retry_succeeds(
        database_url: str, orgs: Organisations, clock: Clock) -> None:
    db = await Database.connect(database_url, busy_timeout=0.3)
    await db.upgrade()
    desk = Desk(db, orgs, secret=SECRET, public_url=PUBLIC_URL, clock=clock)
    batch = [delivery(intents=["erasure"]), delivery(intents=[]), delivery(intents=["opt_out"])]
    try:
        async with database_outage(database_url):
            out = await receive_batch(desk, batch)
        # SQLite: locked, UnavailableError for all at once. PostgreSQL: "not accepting
        # connections", which storage reports as a plain StorageError: retried one by one,
        # each failing at once. Either way every mail of the batch gets its 451.
        assert all(isinstance(outcome, StorageError) for outcome in out), out
        if db.dialect == "sqlite":
            assert all(isinstance(outcome, UnavailableError) for outcome in out)
        assert await desk.list_tickets() == []
        again = results(await receive_batch(desk, batch))
        assert [r.outcome for r in again] == ["created", "no_intent", "created"]
        assert len(await desk.list_tickets()) == 2
    finally:
        await db.close()


async def test_concurrent_batches_of_two_processes_make_one_ticket_per_message_id(
        desk: Desk, database_url: str, orgs: Organisations, clock: Clock) -> None:
    other_db = await Database.connect(database_url)  # a second process's own engine
    other = Desk(other_db, orgs, secret=SECRET, public_url=PUBLIC_URL, clock=clock)
    shared = [delivery(message_id=f"<both-{n}@example.com>", sender=f"s{n}@example.com",
                       intents=["erasure"]) for n in range(6)]
    try:
        first, second = await asyncio.gather(
            receive_batch(desk, shared), receive_batch(other, list(reversed(shared))))
    finally:
        await other_db.close()
    outcomes = results(first) + results(second)
    assert sorted(r.outcome for r in outcomes) == ["created"] * 6 + ["duplicate"] * 6
    tickets = await desk.list_tickets()
    assert sorted(t.reference for t in tickets) == [f"AIM-2026-{n:04d}" for n in range(1, 7)]
    by_id = {r.message_id: r.reference for r in outcomes if r.outcome == "created"}
    assert all(by_id[r.message_id] == r.reference for r in outcomes)  # copies name the ticket


async def test_a_new_request_in_a_reply_is_batched_as_one_by_one(desk: Desk) -> None:
    def load(who: str, first_ref: str) -> list[Delivery]:
        return [delivery(sender=f"{who}@example.com", intents=["complaint"]),
                delivery(sender=f"{who}@example.com", intents=["erasure"],
                         subject=f"Re: [{first_ref}]", text="Also delete my data")]

    one_by_one = [await desk.receive_mail(d.org_id, d.raw, d.mail, d.classification,
                                          envelope_from=d.envelope_from)
                  for d in load("seq", "AIM-2026-0001")]
    batched = results(await receive_batch(desk, load("bat", "AIM-2026-0003")))
    assert [shape(r) for r in batched] == [shape(r) for r in one_by_one]
    assert [(r.outcome, r.reference, r.linked_reference) for r in batched] == [
        ("created", "AIM-2026-0003", None), ("linked", "AIM-2026-0004", "AIM-2026-0003")]
    for first, second in zip(one_by_one, batched, strict=True):
        a, b = await desk.get_ticket(first.reference or ""), await desk.get_ticket(
            second.reference or "")
        assert [e.kind for e in a.events] == [e.kind for e in b.events]
        assert [o.kind for o in a.outbox] == [o.kind for o in b.outbox]
