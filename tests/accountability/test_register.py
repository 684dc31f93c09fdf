"""The register and the monthly summary over a month of real requests (SQLite and PostgreSQL):
every row is checked against the ticket's own events, every figure recomputed here."""

from __future__ import annotations

import statistics
from datetime import date, timedelta

import pytest

from bot.desk import Desk
from bot.desk.register import read_register
from bot.desk.summary import read_summary
from bot.organisations import Organisations
from bot.workflow.deadlines import add_calendar_months, due_date
from storage import Database
from tests.accountability.conftest import START, Month, month_of_requests
from tests.desk.conftest import Clock

CLOSING_KINDS = {"closed_done", "rejected", "closed_unverified"}


async def test_every_row_matches_its_tickets_events(desk: Desk, clock: Clock, db: Database,
                                                    orgs: Organisations) -> None:
    refs = await month_of_requests(desk, clock)
    await check_register(desk, clock, db, orgs, refs)


async def check_register(desk: Desk, clock: Clock, db: Database, orgs: Organisations,
                         refs: Month) -> None:
    """Every row of the month's register against its ticket and events."""
    today = clock.now.date()
    rows = {row.reference: row for row in await read_register(db, today=today)}
    assert set(rows) == set(vars(refs).values())
    for reference, row in rows.items():
        view = await desk.get_ticket(reference)
        ticket, events = view.ticket, view.events
        closing = [event for event in events if event.kind in CLOSING_KINDS]
        assert row.organisation == ticket.organisation
        assert row.rights == ticket.intents
        assert row.received_at == ticket.received_at == START
        assert row.channel == "mail"
        assert row.due_date == ticket.due_date
        assert row.identity_verified_at == ticket.verified_at
        assert row.closed_at == (closing[-1].at if closing else None)
        if row.closed_at is not None and row.due_date is not None and \
                row.outcome != "closed_unverified":
            late = (row.closed_at.date() - row.due_date).days
            assert row.on_time is (late <= 0)
            assert row.days_late == max(0, late)
        # Nothing personal: the row survives retention.
        text = str(row.as_json())
        assert "@example.com" not in text
        assert "My request" not in text

    first_due = due_date(START.date(), orgs.get("aimigos"))
    late = rows[refs.late]
    assert (late.outcome, late.on_time, late.first_due_date) == ("done", False, first_due)
    assert late.days_late == (START.date() + timedelta(days=38) - first_due).days
    assert late.handler == "bob-the-handler"
    extended = rows[refs.extended]
    assert extended.extended
    assert extended.extension_reason == "many systems to search"
    assert extended.first_due_date == first_due
    assert extended.due_date == due_date(START.date(), orgs.get("aimigos"), extended_months=2)
    assert (extended.outcome, extended.on_time) == ("done", True)
    refused = rows[refs.refused]
    assert (refused.outcome, refused.refusal_ground) == ("refused", "manifestly_excessive")
    assert refused.refusal_reason == "the third identical request this month"
    assert refused.on_time is True
    assert refused.handler == "dora"
    unverified = rows[refs.unverified]
    assert (unverified.outcome, unverified.on_time, unverified.days_late) == (
        "closed_unverified", None, 0)
    assert unverified.identity_verified_at is None
    assert unverified.handler is None
    overdue = rows[refs.overdue]
    assert (overdue.outcome, overdue.closed_at, overdue.on_time) == ("open", None, False)
    assert overdue.days_late == (today - first_due).days
    complaint = rows[refs.complaint]
    assert complaint.complaint_acknowledged_at == START
    assert complaint.due_date == START.date() + timedelta(days=30)
    assert rows[refs.opt_out].outcome == "done"
    assert rows[refs.opt_out].on_time is True

    only_imgn = await read_register(db, organisation="imgn", today=today)
    assert [row.reference for row in only_imgn] == [refs.imgn]
    assert await read_register(db, received_from=START.date() + timedelta(days=1),
                               today=today) == []
    assert len(await read_register(db, received_from=START.date(), received_to=START.date(),
                                   today=today)) == len(rows)


def _percentile(values: list[float], share: float) -> float:
    """Linear interpolation between the closest ranks, written out."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


async def _recompute(desk: Desk, refs: Month, month: date, today: date) -> dict[str, object]:
    """The summary's figures from the tickets' events, without the register's code."""
    after = add_calendar_months(month, 1)
    views = [await desk.get_ticket(ref) for ref in vars(refs).values()]
    views = [view for view in views if view.ticket.organisation == "aimigos"]
    received = [v for v in views if month <= v.ticket.received_at.date() < after]
    answered, days = 0, []
    on_time = 0
    for view in views:
        closing = [e for e in view.events if e.kind in {"closed_done", "rejected"}]
        if closing and month <= closing[-1].at.date() < after:
            answered += 1
            days.append(float((closing[-1].at.date() - view.ticket.received_at.date()).days))
            on_time += closing[-1].at.date() <= (view.ticket.due_date or date.max)
    identity = [v for v in received if {"access", "erasure"} & set(v.ticket.intents)]
    return {
        "received": len(received),
        "responded": answered,
        "on_time_share": on_time / answered if answered else None,
        "median_days_to_respond": statistics.median(days) if days else None,
        "p90_days_to_respond": _percentile(days, 0.9) if days else None,
        "overdue_now": sum(1 for v in views if v.ticket.is_open and v.ticket.due_date
                           and v.ticket.due_date < today),
        "unverified_rate": (sum(1 for v in identity if v.ticket.state == "closed_unverified")
                            / len(identity)) if identity else None,
    }


async def test_summary_figures_recomputed_from_the_events(desk: Desk, clock: Clock,
                                                          db: Database) -> None:
    refs = await month_of_requests(desk, clock)
    today = clock.now.date()
    november = await read_summary(db, organisation="aimigos", month=START.date().replace(day=1),
                                  now=clock.now)
    expected = await _recompute(desk, refs, START.date().replace(day=1), today)
    for name, value in expected.items():
        assert getattr(november, name) == pytest.approx(value), name
    assert november.received == 8
    assert november.by_right == {"erasure": 2, "access": 4, "complaint": 1, "opt_out": 1}
    assert november.by_channel == {"mail": 8}
    assert (november.responded, november.responded_on_time) == (4, 4)
    assert november.median_days_to_respond == 4.5
    assert november.p90_days_to_respond == pytest.approx(8.1)
    assert november.overdue_now == 1
    assert (november.needing_identity, november.closed_unverified) == (6, 1)
    assert (november.complaints, november.complaints_acknowledged_within_30_days) == (1, 1)
    assert november.opt_outs_processed == 1
    assert november.triage_backlog == 1
    assert november.median_minutes_mail_to_ticket == 0

    december = await read_summary(db, organisation="aimigos", month=date(2025, 12, 1),
                                  now=clock.now)
    expected = await _recompute(desk, refs, date(2025, 12, 1), today)
    assert december.received == expected["received"] == 0
    assert december.responded == expected["responded"] == 2
    assert december.on_time_share == expected["on_time_share"] == 0.5
    assert december.median_days_to_respond == expected["median_days_to_respond"] == 43
    assert december.overdue_now == 1

    everyone = await read_summary(db, organisation=None, month=date(2025, 11, 1), now=clock.now)
    assert everyone.received == 9
    assert everyone.closed_unverified == 2
