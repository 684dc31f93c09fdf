"""Retention with a different period for each kind of data (SQLite and PostgreSQL): each
stored mail and outbox copy is changed by one UPDATE doing what is past its period and
nothing else, so a ticket past one period only loses that, run after run."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.desk import Desk
from bot.desk.retention import run_retention
from bot.organisations import Organisations, load_organisations
from bot.workflow.retention import PSEUDONYM_PREFIX
from storage import Database
from tests.accountability.conftest import START, month_of_requests
from tests.conftest import DEFAULT_CONFIG
from tests.desk.conftest import PUBLIC_URL, SECRET, Clock

PERIODS = {"raw_mail": "1 year", "outbox_copies": "2 years", "message_bodies": "3 years",
           "ticket_personal_data": "4 years"}


@pytest.fixture
def orgs(tmp_path: Path) -> Organisations:
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    for name, period in PERIODS.items():
        text = text.replace(f'{name} = "3 years"', f'{name} = "{period}"', 1)
    config = tmp_path / "organisations.toml"
    config.write_text(text, encoding="utf-8")
    (tmp_path / "policies").mkdir(exist_ok=True)
    found = load_organisations(config)
    assert found.items[0].retention.model_dump()["outbox_copies"] == "2 years"
    return found


async def _state(db: Database, reference: str) -> dict[str, Any]:
    async with db.transaction(readonly=True) as tx:
        ticket = await tx.tickets.get_by_reference(reference)
        messages = await tx.messages.for_ticket(ticket.id)
        return {
            "raw": [bool(await tx.messages.get_raw(m.id)) for m in messages],
            "text": [bool(m.excerpt or m.subject) for m in messages],
            "copies": [bool(o.raw) for o in await tx.outbox.for_ticket(ticket.id)
                       if o.status == "sent"],
            "masked": [ticket.requester_address.startswith(PSEUDONYM_PREFIX)] + [
                m.from_address.startswith(PSEUDONYM_PREFIX) for m in messages
                if m.direction == "in"]}


async def test_each_kind_goes_after_its_own_period(db: Database, orgs: Organisations) -> None:
    clock = Clock(now=START)
    desk = Desk(db, orgs, secret=SECRET, public_url=PUBLIC_URL, clock=clock)
    refs = await month_of_requests(desk, clock)
    fresh = await _state(db, refs.extended)
    assert all(fresh["raw"])
    assert all(fresh["text"])
    assert fresh["copies"]
    assert all(fresh["copies"])
    assert not any(fresh["masked"])
    expected = {  # years on: raw, text, copies, masked (True: still there / masked)
        1: (False, True, True, False), 2: (False, True, False, False),
        3: (False, False, False, False), 4: (False, False, False, True)}
    for years, (raw, text, copies, masked) in expected.items():
        now = START + timedelta(days=366 * years + 60)
        dry = await run_retention(db, desk.config, now=now, dry_run=True)
        report = await run_retention(db, desk.config, now=now)
        assert dry.organisations == report.organisations
        state = await _state(db, refs.extended)
        assert all(value is raw for value in state["raw"]), years
        assert all(value is text for value in state["text"]), years
        assert all(value is copies for value in state["copies"]), years
        assert all(value is masked for value in state["masked"]), years
        again = (await run_retention(db, desk.config, now=now)).organisations[0]
        assert (again.raw_mail, again.message_bodies, again.outbox_copies,
                again.tickets_pseudonymised) == (0, 0, 0, 0)  # nothing twice
    counts = report.organisations[0]
    assert counts.tickets_pseudonymised > 0
    overdue = await _state(db, refs.overdue)  # open: never touched
    assert all(overdue["raw"])
    assert all(overdue["copies"])
    assert not any(overdue["masked"])
