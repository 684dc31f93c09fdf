"""Retention of privacybot's own data with a frozen "now" moved years ahead, on SQLite and
PostgreSQL: what is past its period goes, and nothing else; a dry run changes nothing."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.cli import app
from bot.cli.common import run_cli
from bot.desk import Desk
from bot.desk.register import read_register
from bot.desk.retention import retention_loop, run_retention, set_hold
from bot.errors import BotError, ConfigError, WorkflowError
from bot.organisations import load_organisations
from bot.workflow.retention import ERASED, PSEUDONYM_PREFIX, cutoff, parse_period
from storage import Database, Transaction
from storage import tables as t
from storage.repos.retention import RetentionStore
from tests.accountability.conftest import START, month_of_requests
from tests.conftest import DEFAULT_CONFIG
from tests.desk.conftest import Clock, mail

THREE_YEARS_ON = datetime(2029, 3, 1, 12, 0, tzinfo=UTC)


async def snapshot(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every row of the tables retention may change, as plain values."""
    tables = [t.tickets, t.messages, t.outbox, t.events, t.suppression, t.verifications,
              t.questions]
    found: dict[str, list[dict[str, Any]]] = {}
    async with db.transaction(readonly=True) as tx:
        for table in tables:
            rows = (await tx.connection.execute(select(table).order_by(table.c.id))).all()
            found[table.name] = [dict(row._mapping) for row in rows]
    return found


async def _by_ticket(db: Database, reference: str) -> dict[str, Any]:
    async with db.transaction(readonly=True) as tx:
        ticket = await tx.tickets.get_by_reference(reference)
        raws = [await tx.messages.get_raw(m.id) for m in await tx.messages.for_ticket(ticket.id)]
        return {"ticket": ticket, "messages": await tx.messages.for_ticket(ticket.id),
                "raws": raws, "outbox": await tx.outbox.for_ticket(ticket.id),
                "events": await tx.events.for_ticket(ticket.id)}


def test_periods_read_as_the_organisations_file_writes_them() -> None:
    assert str(parse_period("3 years")) == "3 years"
    assert str(parse_period("18 Months")) == "18 months"
    assert str(parse_period("1 day")) == "1 day"
    now = datetime(2029, 2, 28, 12, 0, tzinfo=UTC)
    assert cutoff(now, parse_period("1 year")) == datetime(2028, 2, 28, 12, 0, tzinfo=UTC)
    assert cutoff(datetime(2028, 3, 31, tzinfo=UTC), parse_period("1 month")) == datetime(
        2028, 2, 29, tzinfo=UTC)
    assert cutoff(now, parse_period("90 days")) == now - timedelta(days=90)
    for bad in ("3", "three years", "3 weeks", "-1 days", ""):
        with pytest.raises(BotError):  # one line at the CLI
            parse_period(bad)


async def test_retention_removes_old_mail_and_keeps_the_register(
        desk: Desk, clock: Clock, db: Database) -> None:
    refs = await month_of_requests(desk, clock)
    async with db.transaction() as tx:
        await tx.questions.add(user="U1", question="Do we keep CVs?", answered=False,
                               confidence=0.1, organisation="aimigos", asked_at=START)
        await tx.questions.add(user="U1", question="And invoices?", answered=False,
                               confidence=0.1, organisation="aimigos",
                               asked_at=THREE_YEARS_ON - timedelta(days=30))
    # A closed ticket under legal hold, and one held then released.
    await set_hold(db, desk.config, refs.late, hold=True, reason="claim in county court",
                   actor="dora", channel="cli")
    await set_hold(db, desk.config, refs.refused, hold=True, reason="checking", actor="dora",
                   channel="cli")
    await set_hold(db, desk.config, refs.refused, hold=False, reason="", actor="dora",
                   channel="cli")
    with pytest.raises(WorkflowError, match="already under legal hold"):
        await set_hold(db, desk.config, refs.late, hold=True, reason="again", actor="dora",
                       channel="cli")
    with pytest.raises(WorkflowError, match="not under legal hold"):
        await set_hold(db, desk.config, refs.on_time, hold=False, reason="", actor="dora",
                       channel="cli")
    with pytest.raises(WorkflowError, match="needs a reason"):
        await set_hold(db, desk.config, refs.on_time, hold=True, reason="  ", actor="dora",
                       channel="cli")
    register_before = await read_register(db, today=THREE_YEARS_ON.date())
    before = await snapshot(db)

    dry = await run_retention(db, desk.config, now=THREE_YEARS_ON, dry_run=True)
    assert await snapshot(db) == before  # a dry run changes nothing
    report = await run_retention(db, desk.config, now=THREE_YEARS_ON)
    assert [c.model_dump() for c in dry.organisations] == [
        c.model_dump() for c in report.organisations]  # and says what a run does
    aimigos = report.organisations[0]
    assert aimigos.organisation == "aimigos"
    assert aimigos.held_tickets_kept == 1
    assert aimigos.open_tickets_kept == 1
    assert aimigos.staff_questions == 1
    assert aimigos.unticketed_mail == 1  # the mail with no request in it
    # The erasure done in 2025 was also past its grace: its requester is erased.
    assert aimigos.requesters_erased == 1

    after = await snapshot(db)
    # The register reads the same: references, dates and outcomes stayed.
    assert await read_register(db, today=THREE_YEARS_ON.date()) == register_before
    # The suppression list is never touched.
    assert after["suppression"] == before["suppression"]
    assert [row["address"] for row in after["suppression"]] == ["gus@example.com"]

    for reference in (refs.late, refs.overdue):  # held, and open: whole
        kept = await _by_ticket(db, reference)
        assert kept["ticket"].requester_address.endswith("@example.com")
        assert all(kept["raws"])
        assert all(m.excerpt for m in kept["messages"])
        assert all(o.raw for o in kept["outbox"])
    for reference in (refs.refused, refs.extended, refs.complaint, refs.unverified):
        gone = await _by_ticket(db, reference)
        assert gone["ticket"].requester_address.startswith(PSEUDONYM_PREFIX)
        assert gone["ticket"].requester_name is None
        assert gone["ticket"].subject is None
        assert not any(gone["raws"])
        assert not any(m.excerpt or m.subject for m in gone["messages"])
        assert not any(o.raw for o in gone["outbox"] if o.status in ("sent", "failed"))
        assert all(m.from_address.startswith(PSEUDONYM_PREFIX) or m.direction == "out"
                   for m in gone["messages"])
        text = str([e.data for e in gone["events"]])
        assert "@example.com" not in text
        assert "My request" not in text
    erased = await _by_ticket(db, refs.on_time)
    assert erased["ticket"].requester_address == ERASED
    assert [e.kind for e in erased["events"]][-1] == "own_data_erased"
    # Same requester, same pseudonym: repeated requests stay visible without the address.
    events = [row for row in after["events"] if row["kind"] == "retention_applied"]
    assert len(events) == 2  # one per organisation
    assert "@" not in str(events)
    assert events[0]["data"]["periods"]["raw_mail"] == "3 years"

    again = await run_retention(db, desk.config, now=THREE_YEARS_ON)
    counts = again.organisations[0].model_dump()
    assert {k: v for k, v in counts.items() if k not in (
        "organisation", "held_tickets_kept", "open_tickets_kept")} == dict.fromkeys(
        (k for k in counts if k not in ("organisation", "held_tickets_kept",
                                        "open_tickets_kept")), 0)


async def test_nothing_is_past_its_period_a_year_on(desk: Desk, clock: Clock,
                                                    db: Database) -> None:
    await month_of_requests(desk, clock)
    before = await snapshot(db)
    # The erasure's grace has passed, nothing else: only Ann's data goes.
    report = await run_retention(db, desk.config, now=START + timedelta(days=365))
    counts = report.organisations[0]
    assert counts.requesters_erased == 1
    assert counts.tickets_pseudonymised == 1
    after = await snapshot(db)
    changed = [row["reference"] for row, old in zip(after["tickets"], before["tickets"],
                                                    strict=True) if row != old]
    assert len(changed) == 1


async def test_an_erasure_done_erases_its_requester_after_the_grace(
        desk: Desk, clock: Clock, db: Database) -> None:
    refs = await month_of_requests(desk, clock)
    # Ann writes again after her erasure was done, a mail with no request in it.
    raw, inbound, classification = mail(intents=[], sender="Ann One <ann@example.com>",
                                        text="Thanks!")
    await desk.receive_mail("aimigos", raw, inbound, classification,
                            envelope_from="ann@example.com")
    done_at = START + timedelta(days=9)  # Ann's erasure was done: her ticket's last contact
    early = await run_retention(db, desk.config, now=done_at + timedelta(days=29))
    assert early.organisations[0].requesters_erased == 0
    # Past the grace, and after Ann's later mail.
    report = await run_retention(db, desk.config, now=clock.now + timedelta(days=1))
    counts = report.organisations[0]
    assert counts.requesters_erased == 1
    assert counts.unticketed_mail == 1  # Ann's later mail; Zed's is kept
    ann = await _by_ticket(db, refs.on_time)
    assert ann["ticket"].requester_address == ERASED
    assert not any(ann["raws"])
    bob = await _by_ticket(db, refs.late)
    assert bob["ticket"].requester_address == "bob@example.com"
    assert all(bob["raws"])
    async with db.transaction(readonly=True) as tx:
        waiting = await tx.messages.unticketed(organisation="aimigos")
    assert sorted(m.from_address for m in waiting) == [ERASED, "zed@example.com"]
    erased_event = [e for e in ann["events"] if e.kind == "own_data_erased"]
    assert len(erased_event) == 1
    assert erased_event[0].data["unticketed_mail"] == 1
    assert "@" not in str(erased_event[0].data)


@pytest.mark.parametrize("value", ["forever", "3 weeks", "", "0.5 years"])
def test_a_bad_period_in_the_organisations_file_is_one_line(
        value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "organisations.toml"
    config.write_text(DEFAULT_CONFIG.read_text(encoding="utf-8").replace(
        'outbox_copies = "3 years"', f'outbox_copies = "{value}"', 1), encoding="utf-8")
    monkeypatch.setenv("PRIVACYBOT_CONFIG", str(config))
    with pytest.raises(ConfigError, match=r"retention\.outbox_copies"):
        load_organisations(config)
    assert run_cli(app, ["retention", "run", "--dry-run", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("privacybot: error: ")
    assert "a retention period reads like '3 years'" in err
    assert len(err.strip().splitlines()) == 1


def test_an_organisation_without_a_retention_block_gets_the_documented_defaults(
        tmp_path: Path) -> None:
    config = tmp_path / "organisations.toml"
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    config.write_text(text[:text.index("[organisation.retention]")], encoding="utf-8")
    first = load_organisations(config).items[0]
    assert first.retention.model_dump() == {
        "raw_mail": "3 years", "message_bodies": "3 years", "outbox_copies": "3 years",
        "staff_questions": "1 year", "ticket_personal_data": "3 years",
        "erasure_grace": "30 days"}


async def test_the_worker_loop_runs_retention_and_stops(desk: Desk, clock: Clock,
                                                        db: Database) -> None:
    await month_of_requests(desk, clock)
    clock.now = THREE_YEARS_ON
    stop = asyncio.Event()
    loop = asyncio.create_task(retention_loop(db, desk.config, stop, every_seconds=3600,
                                              first_after_seconds=0))
    for _ in range(400):  # wait for the first run's events, then stop the loop
        applied = [row for row in (await snapshot(db))["events"]
                   if row["kind"] == "retention_applied"]
        if len(applied) == 2:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(loop, 10)
    assert len(applied) == 2
    assert applied[0]["at"] == THREE_YEARS_ON
    assert applied[0]["data"]["tickets_pseudonymised"] > 0


async def test_a_hold_put_between_a_chunks_read_and_its_write_keeps_the_ticket_whole(
        desk: Desk, clock: Clock, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk is read before the writer's lock is taken: holds are read again under it."""
    refs = await month_of_requests(desk, clock)
    async with db.transaction(readonly=True) as tx:
        target = (await tx.tickets.get_by_reference(refs.refused)).id
    planned: list[int] = []
    plan_masks = RetentionStore.plan_masks

    async def planning(self: RetentionStore, ids: Sequence[int],
                       mask: Callable[[str], str]) -> list[dict[str, Any]]:
        planned.extend(ids)
        return await plan_masks(self, ids, mask)

    monkeypatch.setattr(RetentionStore, "plan_masks", planning)
    transaction = db.transaction
    held = False

    @contextlib.asynccontextmanager
    async def holding_after_the_read(**options: bool) -> AsyncIterator[Transaction]:
        nonlocal held
        async with transaction(**options) as tx:
            yield tx
        if options.get("readonly") and target in planned and not held:
            held = True
            await set_hold(db, desk.config, refs.refused, hold=True, reason="claim",
                           actor="dora", channel="cli")

    monkeypatch.setattr(db, "transaction", holding_after_the_read)
    await run_retention(db, desk.config, now=THREE_YEARS_ON)
    assert held
    kept = await _by_ticket(db, refs.refused)
    assert kept["ticket"].requester_address.endswith("@example.com")
    assert kept["ticket"].requester_name is not None
    assert all(kept["raws"])
    assert all(o.raw for o in kept["outbox"])
    assert "@example.com" in str([e.data for e in kept["events"]])
    other = await _by_ticket(db, refs.extended)  # its chunk was written all the same
    assert other["ticket"].requester_address.startswith(PSEUDONYM_PREFIX)
