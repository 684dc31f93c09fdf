"""The triage use cases on a real database: what awaits, opening with the mail's own clock,
dismissing, and every refusal leaving things as they were."""

from __future__ import annotations

import asyncio

import pytest

from bot.desk import Desk
from bot.desk.corrections import corrections
from bot.desk.triage import (
    Triage,
    TriageError,
    awaiting_triage,
    best_guess,
    parse_intents,
    parse_message,
)
from bot.workflow.deadlines import complaint_ack_due
from intents.models import RIGHTS_INTENTS
from storage import Database
from tests.desk.conftest import Clock
from tests.triage.conftest import client_mail, deliver

VAGUE = "Hi, I had an account with you years ago and I am not happy about what happened to it."


async def _waiting_pk(triage: Triage) -> int:
    page = await triage.page()
    assert page.total == 1
    return page.items[0].message.id


async def test_a_persons_mail_without_intent_awaits_and_automatic_mail_never_does(
        desk: Desk, triage: Triage, db: Database) -> None:
    assert (await deliver(desk, client_mail(VAGUE))).outcome == "no_intent"
    automatic = [
        client_mail("I am out of the office until Monday.", subject="Out of office",
                    Auto_Submitted="auto-replied"),
        client_mail("Our news this month.", subject="Newsletter", List_Unsubscribe="<x@y>",
                    Precedence="bulk"),
        client_mail("Delivery to the following recipient failed.",
                    subject="Undeliverable: hello", sender="MAILER-DAEMON@example.org"),
    ]
    for raw in automatic:
        assert (await deliver(desk, raw)).outcome == "ignored"
    # a bounce has an empty envelope sender
    assert (await deliver(desk, client_mail("returned", subject="x"),
                          envelope_from="<>")).outcome == "ignored"
    # our own mail coming back
    assert (await deliver(desk, client_mail("hi", sender="studio@imgnstudio.com"),
                          envelope_from="studio@imgnstudio.com")).outcome == "ignored"
    page = await triage.page()
    assert page.total == 1
    assert page.items[0].message.subject == "Hello"
    # the pure rule agrees with the query on every stored mail
    async with db.transaction(readonly=True) as tx:
        waiting = {m.id for m in await tx.triage.awaiting(limit=None)}
        everything = await tx.messages.unticketed(limit=100)
    assert len(everything) == 6
    assert {m.id for m in everything if awaiting_triage(m, False)} == waiting


async def test_open_as_access_counts_from_arrival_and_sends_verification(
        desk: Desk, triage: Triage, clock: Clock) -> None:
    arrived = clock.now
    await deliver(desk, client_mail(VAGUE))
    clock.advance(days=9)
    pk = await _waiting_pk(triage)
    result = await triage.open(str(pk), "access", by="cli:ann", channel="cli")
    assert result.state == "awaiting_identity"
    assert result.replies == ["verification_request"]
    view = await desk.get_ticket(result.reference)
    assert view.ticket.received_at == arrived  # the mail's arrival, not the day of triage
    assert view.ticket.intents == ["access"]
    assert view.outbox[0].kind == "verification_request"
    kinds = [e.kind for e in view.events]
    assert "ticket_opened" in kinds
    opened = next(e for e in view.events if e.kind == "triage_opened")
    assert opened.actor == "cli:ann"
    assert opened.data["verdict"]["scores"]  # what the classifier had said
    assert (await triage.page()).total == 0
    detail = await triage.detail(pk)
    assert detail.decision is not None
    assert detail.decision.decision == "opened"
    assert detail.reference == result.reference


async def test_open_as_complaint_is_due_from_the_day_the_mail_arrived(
        desk: Desk, triage: Triage, clock: Clock) -> None:
    arrived = clock.now.date()
    await deliver(desk, client_mail(VAGUE))
    clock.advance(days=20)
    result = await triage.open(await _waiting_pk(triage), ["complaint"], by="cli:ann",
                               channel="cli")
    assert result.due_date == complaint_ack_due(arrived)
    assert result.due_date != complaint_ack_due(clock.now.date())


async def test_dismiss_with_a_reason(desk: Desk, triage: Triage) -> None:
    await deliver(desk, client_mail("Thanks for the lovely photos!"))
    pk = await _waiting_pk(triage)
    decision = await triage.dismiss(pk, by="cli:bo", channel="cli", reason=" a thank-you ")
    assert decision.reason == "a thank-you"
    assert decision.decision == "dismissed"
    assert decision.verdict["scores"]
    assert (await triage.page()).total == 0
    backlog = await triage.backlog()
    assert backlog.count == 0
    assert backlog.oldest is None


async def test_bad_input_is_refused_and_changes_nothing(desk: Desk, triage: Triage) -> None:
    await deliver(desk, client_mail(VAGUE))
    pk = await _waiting_pk(triage)
    for intents in ("", " , ", "acess", "access,teleport"):
        with pytest.raises(TriageError):
            await triage.open(pk, intents, by="cli:ann", channel="cli")
    with pytest.raises(TriageError, match="no stored mail 999"):
        await triage.open(999, "access", by="cli:ann", channel="cli")
    with pytest.raises(TriageError, match="--by"):
        await triage.dismiss(pk, by=" ", channel="cli")
    with pytest.raises(TriageError, match="not a mail number"):
        await triage.dismiss("<abc@x>", by="ann", channel="cli")
    assert (await triage.page()).total == 1  # nothing happened
    ticketed = await deliver(desk, client_mail("Please delete all my data.",
                                               sender="bo@example.org"),
                             envelope_from="bo@example.org")
    assert ticketed.reference is not None
    view = await desk.get_ticket(ticketed.reference)
    async with desk.db.transaction(readonly=True) as tx:
        stored = await tx.messages.for_ticket(view.ticket.id)
    with pytest.raises(TriageError, match=f"already belongs to ticket {ticketed.reference}"):
        await triage.open(stored[0].id, "access", by="ann", channel="cli")
    await triage.dismiss(pk, by="ann", channel="cli")
    with pytest.raises(TriageError, match="already triaged: dismissed by ann"):
        await triage.open(pk, "access", by="bo", channel="cli")
    with pytest.raises(TriageError, match="already triaged"):
        await triage.dismiss(pk, by="bo", channel="cli")


async def test_backlog_counts_and_names_the_oldest(desk: Desk, triage: Triage,
                                                   clock: Clock) -> None:
    await deliver(desk, client_mail(VAGUE, subject="first"))
    clock.advance(hours=3)
    await deliver(desk, client_mail(VAGUE, subject="second"))
    backlog = await triage.backlog("aimigos")
    assert backlog.count == 2
    assert backlog.oldest is not None
    assert backlog.oldest.subject == "first"
    assert (await triage.backlog("imgn")).count == 0


def test_pure_parts() -> None:
    assert parse_intents("Erasure, access") == ["access", "erasure"]
    assert parse_intents(["opt-out"]) == ["opt_out"]
    assert parse_message(" #12 ") == 12
    assert best_guess([], {"access": 0.3, "erasure": 0.45}) == ["erasure"]
    assert best_guess([], {"access": 0.0}) == []
    assert best_guess(["complaint"], {}) == ["complaint"]
    # every right the classifier knows may be chosen, not only the first four
    assert parse_intents(",".join(RIGHTS_INTENTS)) == list(RIGHTS_INTENTS)


async def test_two_team_members_deciding_at_once_make_one_decision(
        desk: Desk, triage: Triage) -> None:
    await deliver(desk, client_mail(VAGUE))
    pk = await _waiting_pk(triage)
    results = await asyncio.gather(
        triage.open(pk, "access", by="ann", channel="cli"),
        triage.open(pk, "complaint", by="bo", channel="cli"),
        return_exceptions=True)
    won = [r for r in results if not isinstance(r, BaseException)]
    lost = [r for r in results if isinstance(r, BaseException)]
    assert len(won) == 1
    assert len(lost) == 1
    assert isinstance(lost[0], TriageError)
    assert [t.reference for t in await desk.list_tickets()] == [won[0].reference]


async def test_corrections_export_intent_changes_with_before_and_after(
        desk: Desk, triage: Triage, db: Database) -> None:
    result = await deliver(desk, client_mail("Please delete all my personal data."))
    assert result.reference is not None
    view = await desk.get_ticket(result.reference)
    async with db.transaction() as tx:  # what a change of the ticket's rights records
        await tx.events.append(ticket_id=view.ticket.id, actor="cli:ann", channel="cli",
                               kind="intents_changed", organisation="aimigos",
                               data={"before": ["erasure"], "after": ["erasure", "access"],
                                     "reason": "asked for a copy too"})
    lines = [line async for line in corrections(db)]
    assert len(lines) == 1
    [line] = lines
    assert line["labels"] == ["access", "erasure"]
    assert line["before"] == ["erasure"]
    assert line["classifier"] == ["erasure"]
    assert line["source"] == "intents_changed"
    assert "delete all my personal data" in line["body"]
    assert line["note"] == "intents changed by cli:ann: asked for a copy too"


# The rules read no request here; the learned model reads an access request.
LEARNED = "Who in your company can see my personal data?"


async def test_a_reading_of_the_learned_model_alone_awaits_triage_preselected(
        desk: Desk, triage: Triage, db: Database) -> None:
    result = await deliver(desk, client_mail(LEARNED, subject="question"))
    assert result.outcome == "no_intent"  # no ticket, no acknowledgement
    page = await triage.page()
    assert page.total == 1
    assert page.items[0].suggested == ["access"]
    async with db.transaction(readonly=True) as tx:
        assert await tx.tickets.count() == 0
