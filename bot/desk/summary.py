"""A month's figures for the team and the regulator, computed from the register's rows.

`summarise(...)` is pure: it takes the register rows (bot/desk/register.py) and the few counts
the register does not hold, so every figure can be recomputed from `report register`.
Definitions (also in docs/accountability.md); months are calendar months in UTC:
- volume: requests received in the month, by right (a request with two rights counts for
  each) and by channel;
- responded: requests answered in the month (outcome done or refused), whenever received;
  `on_time_share` is the share of those answered no later than their due date;
- days to respond: calendar days from receipt to the answer, for those answered in the month;
  the median, and the 90th percentile interpolated linearly between the nearest ranks;
- overdue now: open requests whose due date has passed, at the time of the report;
- unverified rate: of the requests received in the month that needed identity (access,
  erasure, ...), the share closed because it was never confirmed;
- complaints acknowledged within 30 days: of the complaints received in the month, how
  many were acknowledged (or answered) no later than 30 days after receipt;
- opt-outs processed: entries added to the suppression list in the month;
- triage backlog: stored mail that opened no ticket, now;
- minutes from mail to ticket: for requests received in the month from a mail, the median
  minutes between the mail's arrival and the ticket's opening (0 when the intake opened it;
  more when a person opened it from triage).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta

import numpy as np
from pydantic import BaseModel, ConfigDict

from bot.desk.register import COMPLAINT_ACK, RegisterRow, day_start, register_row
from bot.errors import BotError
from bot.workflow.deadlines import COMPLAINT_ACK_DAYS, add_calendar_months
from bot.workflow.verification import needs_verification
from storage import Database, Transaction
from storage.repos.accountability import accountability

ANSWERED = frozenset({"done", "refused"})
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> date:
    """The first day of a YYYY-MM month, or a BotError saying what is expected."""
    found = _MONTH.match(text.strip())
    if found is None or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 1:
        raise BotError(f"the month must be YYYY-MM, got {text!r}")
    return date(int(found.group(1)), int(found.group(2)), 1)


class Summary(BaseModel):
    """The figures of one month (of one organisation, or all)."""

    model_config = ConfigDict(frozen=True)

    month: str
    organisation: str | None
    received: int
    by_right: dict[str, int]
    by_channel: dict[str, int]
    responded: int
    responded_on_time: int
    on_time_share: float | None
    median_days_to_respond: float | None
    p90_days_to_respond: float | None
    overdue_now: int
    needing_identity: int
    closed_unverified: int
    unverified_rate: float | None
    complaints: int
    complaints_acknowledged_within_30_days: int
    opt_outs_processed: int
    triage_backlog: int
    median_minutes_mail_to_ticket: float | None

    def lines(self) -> list[str]:
        """The figures for a person, one per line."""
        def share(value: float | None) -> str:
            return "-" if value is None else f"{value:.0%}"

        def number(value: float | None) -> str:
            return "-" if value is None else f"{value:g}"

        rights = ", ".join(f"{k} {v}" for k, v in sorted(self.by_right.items())) or "none"
        channels = ", ".join(f"{k} {v}" for k, v in sorted(self.by_channel.items())) or "none"
        return [
            f"{self.month} {self.organisation or 'all organisations'}",
            f"received: {self.received} (by right: {rights}; by channel: {channels})",
            f"answered: {self.responded}, on time {self.responded_on_time}"
            f" ({share(self.on_time_share)})",
            f"days to respond: median {number(self.median_days_to_respond)},"
            f" 90th percentile {number(self.p90_days_to_respond)}",
            f"overdue now: {self.overdue_now}",
            f"unverified: {self.closed_unverified} of {self.needing_identity}"
            f" ({share(self.unverified_rate)})",
            f"complaints acknowledged within {COMPLAINT_ACK_DAYS} days:"
            f" {self.complaints_acknowledged_within_30_days} of {self.complaints}",
            f"opt-outs processed: {self.opt_outs_processed}",
            f"triage backlog: {self.triage_backlog}",
            f"median minutes from mail to ticket:"
            f" {number(self.median_minutes_mail_to_ticket)}",
        ]


def _in(moment: datetime | None, first: date, after: date) -> bool:
    return moment is not None and first <= moment.date() < after


def summarise(rows: Sequence[RegisterRow], *, month: date, today: date,
              organisation: str | None = None, opt_outs: int = 0, triage_backlog: int = 0,
              mail_to_ticket_minutes: Sequence[float] = ()) -> Summary:
    """The month's figures from register rows (bot.desk.register.RegisterRow). Pure."""
    after = add_calendar_months(month, 1)
    received = [row for row in rows if _in(row.received_at, month, after)]
    answered = [row for row in rows
                if row.outcome in ANSWERED and _in(row.closed_at, month, after)]
    on_time = sum(1 for row in answered if row.on_time)
    timed = [row for row in answered if row.on_time is not None]
    days = [float((row.closed_at.date() - row.received_at.date()).days)
            for row in answered if row.closed_at is not None]
    identity = [row for row in received if needs_verification(row.rights)]
    unverified = sum(1 for row in identity if row.outcome == "closed_unverified")
    complaints = [row for row in received if "complaint" in row.rights]
    acknowledged = sum(
        1 for row in complaints if row.complaint_acknowledged_at is not None
        and row.complaint_acknowledged_at.date()
        <= row.received_at.date() + timedelta(days=COMPLAINT_ACK_DAYS))
    overdue = sum(1 for row in rows if row.outcome == "open" and row.due_date is not None
                  and row.due_date < today)
    return Summary(
        month=f"{month:%Y-%m}", organisation=organisation, received=len(received),
        by_right=dict(Counter(right for row in received for right in row.rights)),
        by_channel=dict(Counter(row.channel for row in received)),
        responded=len(answered), responded_on_time=on_time,
        on_time_share=on_time / len(timed) if timed else None,
        median_days_to_respond=statistics.median(days) if days else None,
        p90_days_to_respond=float(np.percentile(days, 90)) if days else None,
        overdue_now=overdue, needing_identity=len(identity), closed_unverified=unverified,
        unverified_rate=unverified / len(identity) if identity else None,
        complaints=len(complaints), complaints_acknowledged_within_30_days=acknowledged,
        opt_outs_processed=opt_outs, triage_backlog=triage_backlog,
        median_minutes_mail_to_ticket=(statistics.median(mail_to_ticket_minutes)
                                       if mail_to_ticket_minutes else None))


async def triage_backlog(tx: Transaction, organisation: str | None) -> int:
    """Stored mail that opened no ticket and waits for a person: the one place that says
    what the backlog is, so that triage can refine it (dismissed mail) here alone."""
    return await tx.messages.count_unticketed(organisation=organisation)


async def read_summary(db: Database, *, organisation: str | None, month: date,
                       now: datetime) -> Summary:
    """Read what the month's figures need and compute them."""
    since, before = day_start(month), day_start(add_calendar_months(month, 1))
    today = now.date()
    async with db.transaction(readonly=True) as tx:
        reads = accountability(tx)
        # Received before the month's end and either received in it, still open (overdue
        # now), or changed since it began (answered in it).
        tickets = await reads.tickets(organisation=organisation, received_from=since,
                                      received_before=before, touched_since=since)
        histories = await reads.histories(organisation=organisation, received_from=since,
                                          received_before=before, touched_since=since,
                                          replies=[COMPLAINT_ACK])
        first_mail = await reads.first_mail_at(organisation=organisation, received_from=since,
                                               received_before=before)
        opt_outs = await reads.suppressions_added(organisation=organisation, since=since,
                                                  before=before)
        backlog = await triage_backlog(tx, organisation)
        # Open tickets received after the month are overdue now too.
        later = [ticket for ticket in await tx.tickets.list(organisation=organisation,
                                                             open_only=True)
                 if ticket.received_at >= before]
    rows = [register_row(ticket, histories.get(ticket.id, []), today) for ticket in tickets]
    rows += [register_row(ticket, [], today) for ticket in later]
    minutes = [max(0.0, (ticket.created_at - first_mail[ticket.id]).total_seconds() / 60)
               for ticket in tickets if ticket.id in first_mail
               and since <= ticket.received_at < before]
    return summarise(rows, month=month, today=today, organisation=organisation,
                     opt_outs=opt_outs, triage_backlog=backlog,
                     mail_to_ticket_minutes=minutes)


async def read_chart(db: Database, *, organisation: str | None, month: date,
                     now: datetime) -> bytes:
    """The month's chart (bot/desk/chart.py) as PNG bytes: the register rows of the months
    it shows, and of the requests answered in the month whenever received."""
    from bot.desk.chart import MONTHS_SHOWN, months_before, render_chart

    first = months_before(month, MONTHS_SHOWN)[0]
    since, before = day_start(first), day_start(add_calendar_months(month, 1))
    async with db.transaction(readonly=True) as tx:
        reads = accountability(tx)
        tickets = await reads.tickets(organisation=organisation, received_from=since,
                                      received_before=before, touched_since=day_start(month))
        histories = await reads.histories(organisation=organisation, received_from=since,
                                          received_before=before,
                                          touched_since=day_start(month),
                                          replies=[COMPLAINT_ACK])
    rows = [register_row(ticket, histories.get(ticket.id, []), now.date())
            for ticket in tickets]
    title = f"{organisation or 'All organisations'}: {month:%B %Y}"
    return render_chart(rows, month, title)
