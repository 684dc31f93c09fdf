"""The monthly summary as a picture: requests by right over the last months, and days to
respond against the days allowed, for the requests answered in the month.

`render_chart(...)` is pure apart from matplotlib itself (its Agg backend draws into memory,
no screen, no file): it takes register rows (bot/desk/register.py) and gives PNG bytes.
matplotlib is imported on first use, so commands that draw nothing do not pay for it.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from datetime import date

from bot.desk.register import RegisterRow
from bot.workflow.deadlines import add_calendar_months

MONTHS_SHOWN = 6
ANSWERED = frozenset({"done", "refused"})


def months_before(month: date, count: int) -> list[date]:
    """The `count` months ending with `month`, oldest first (first days)."""
    found = [month]
    for _ in range(count - 1):
        first = found[0]
        found.insert(0, date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1))
    return found


def by_right_per_month(rows: Sequence[RegisterRow], months: Sequence[date]
                       ) -> dict[str, list[int]]:
    """Right -> requests received in each month (a request counts for each of its rights)."""
    counts: dict[date, Counter[str]] = {month: Counter() for month in months}
    for row in rows:
        month = row.received_at.date().replace(day=1)
        if month in counts:
            counts[month].update(row.rights)
    rights = sorted({right for counter in counts.values() for right in counter})
    return {right: [counts[month][right] for month in months] for right in rights}


def answered_in(rows: Sequence[RegisterRow], month: date) -> list[tuple[int, int, bool]]:
    """(days allowed, days taken, on time) of the requests answered in the month."""
    after = add_calendar_months(month, 1)
    found = []
    for row in rows:
        if (row.outcome in ANSWERED and row.closed_at is not None and row.due_date is not None
                and month <= row.closed_at.date() < after):
            received = row.received_at.date()
            found.append(((row.due_date - received).days, (row.closed_at.date() - received).days,
                          bool(row.on_time)))
    return found


def render_chart(rows: Sequence[RegisterRow], month: date, title: str) -> bytes:
    """A PNG: left, requests by right for the MONTHS_SHOWN months up to `month`; right, each
    request answered in `month` as a point (days allowed, days taken), late ones above the
    line."""
    import matplotlib

    matplotlib.use("Agg")  # draws into memory: no display, safe in a server or a test
    from matplotlib.figure import Figure

    months = months_before(month, MONTHS_SHOWN)
    series = by_right_per_month(rows, months)
    figure = Figure(figsize=(11, 4.5), dpi=100, layout="constrained")
    left, right = figure.subplots(1, 2)
    labels = [f"{m:%b %Y}" for m in months]
    bottom = [0] * len(months)
    for name, values in series.items():
        left.bar(labels, values, bottom=bottom, label=name.replace("_", " "))
        bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    left.set_title("Requests received, by right")
    left.set_ylabel("requests")
    left.tick_params(axis="x", labelrotation=30)
    if series:
        left.legend(fontsize="small")
    points = answered_in(rows, month)
    on_time = [(a, t) for a, t, ok in points if ok]
    late = [(a, t) for a, t, ok in points if not ok]
    if on_time:
        right.scatter([a for a, _ in on_time], [t for _, t in on_time], label="on time",
                      color="tab:green")
    if late:
        right.scatter([a for a, _ in late], [t for _, t in late], label="late",
                      color="tab:red", marker="x")
    top = max([40, *[max(a, t) for a, t, _ in points]]) + 5
    right.plot([0, top], [0, top], color="grey", linestyle="--", linewidth=1,
               label="due date")
    right.set_xlim(0, top)
    right.set_ylim(0, top)
    right.set_xlabel("days allowed (receipt to due date)")
    right.set_ylabel("days taken (receipt to answer)")
    right.set_title(f"Answered in {month:%B %Y}: {len(points)}")
    right.legend(fontsize="small", loc="upper left")
    figure.suptitle(title)
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
