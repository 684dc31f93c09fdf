"""Benchmark what watching the service costs: a log line through the structlog formatter
(with and without redaction, against the standard library's plain formatter), and a /metrics
scrape's read of the store with a large backlog and outbox. Prints figures; asserts nothing.

Run: .venv/bin/python bench/observability.py [--lines N] [--rows N] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This folder holds bench/storage.py, which would shadow the storage package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from bot.observability.logs import log_formatter  # noqa: E402
from bot.observability.metrics import Metrics  # noqa: E402
from storage import open_database  # noqa: E402
from storage.tables import messages, outbox  # noqa: E402

LINE = ("outbox %s: sent to %s (%s)", (17, "alice.requester@example.org", "acknowledgement"))


def _record() -> logging.LogRecord:
    record = logging.LogRecord("bot.channels.sender", logging.INFO, __file__, 1, LINE[0],
                               LINE[1], None)
    record.reference = "AIM-2026-0042"
    return record


def per_line(formatter: logging.Formatter, lines: int) -> float:
    """Microseconds per formatted line (median of five runs)."""
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(lines):
            formatter.format(_record())
        runs.append((time.perf_counter() - started) / lines * 1e6)
    return statistics.median(runs)


async def scrape(url: str, rows: int) -> tuple[float, float]:
    """Milliseconds for Metrics.refresh (the store read) and render, median of ten."""
    db = await open_database(url)
    now = datetime.now(UTC)
    async with db.transaction() as tx:
        await tx.connection.execute(insert(messages), [{
            "organisation": "aimigos", "ticket_id": None, "direction": "in",
            "message_id": f"<m{i}@bench>", "in_reply_to": None, "references": [],
            "from_address": f"u{i}@example.org", "to_address": "hello@aimigos.studio",
            "subject": "hello", "received_at": now - timedelta(minutes=i), "language": "en",
            "intents": [], "scores": {}, "auto_reply": False, "excerpt": "", "raw": b"x",
        } for i in range(rows)])
        await tx.connection.execute(insert(outbox), [{
            "organisation": "aimigos", "ticket_id": None, "kind": "bench",
            "to_address": f"u{i}@example.org", "message_id": f"<o{i}@bench>", "raw": b"x",
            "status": ("sent", "pending", "failed")[i % 3], "attempts": 1,
            "next_attempt_at": now, "claimed_by": None, "claimed_until": None,
            "created_at": now - timedelta(minutes=i), "sent_at": None, "last_error": None,
        } for i in range(rows)])
    metrics = Metrics()
    refresh, render = [], []
    for _ in range(10):
        started = time.perf_counter()
        assert await metrics.refresh(db)
        refresh.append((time.perf_counter() - started) * 1e3)
        started = time.perf_counter()
        metrics.render()
        render.append((time.perf_counter() - started) * 1e3)
    await db.close()
    return statistics.median(refresh), statistics.median(render)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    plain = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    print(f"log line, µs (median of 5 x {args.lines}):")
    print(f"  stdlib Formatter            {per_line(plain, args.lines):6.1f}")
    for fmt in ("text", "json"):
        for pii in (True, False):
            label = f"structlog {fmt:4} {'PII kept' if pii else 'redacted'}"
            print(f"  {label:28}{per_line(log_formatter(fmt, pii=pii), args.lines):6.1f}")
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        refresh, render = asyncio.run(scrape(url, args.rows))
    print(f"/metrics with {args.rows} mails awaiting triage and {args.rows} outbox rows:")
    print(f"  store read {refresh:.1f} ms, render {render:.2f} ms (median of 10)")


if __name__ == "__main__":
    main()
