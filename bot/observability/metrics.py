"""Prometheus metrics: counters bumped where things happen, gauges read from the store.

One `Metrics` per service instance, each with its own registry (not the library's global
default), so two services in one process (the tests) never add to each other's figures.

Counters count events in this process since it started: mails at the SMTP intake
(received, refused, deferred with 451), tickets opened by right, outbox deliveries and
failures, policy answers (latency, abstentions), Slack API errors. Gauges say how things
stand and are read from the database at each scrape (`refresh`), so any process that serves
/metrics reports them for the whole deployment: the triage backlog and its oldest mail, the
outbox queue, its oldest unsent mail and its failures, the tickets past their due date.
"""

from __future__ import annotations

from datetime import UTC, datetime

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from bot.observability.figures import StoreFigures, read_store_figures
from storage import Database
from storage.errors import StorageError

__all__ = ["CONTENT_TYPE_LATEST", "Metrics"]

# Policy answers take milliseconds when the index is warm; seconds mean something is wrong.
ANSWER_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """The service's metrics on a registry of its own; `render()` is the /metrics body."""

    def __init__(self) -> None:
        registry = self.registry = CollectorRegistry()
        self.mails_received = Counter(
            "privacybot_mails_received", "Mails the SMTP intake stored and answered 250.",
            registry=registry)
        self.mails_refused = Counter(
            "privacybot_mails_refused",
            "Recipients the SMTP intake refused, by reason (no_such_mailbox: 550, "
            "too_many_recipients: 452).", ["reason"], registry=registry)
        self.mails_deferred = Counter(
            "privacybot_mails_deferred",
            "Mails answered 451 (the sending server retries): they could not be stored.",
            registry=registry)
        self.tickets_opened = Counter(
            "privacybot_tickets_opened", "Tickets opened from mail, by right asked for.",
            ["right"], registry=registry)
        self.outbox_sent = Counter(
            "privacybot_outbox_sent", "Outbound mails handed to the relay or the outbox dir.",
            registry=registry)
        self.outbox_failures = Counter(
            "privacybot_outbox_failures",
            "Failed delivery attempts: retry (tried again later) or permanent (given up).",
            ["kind"], registry=registry)
        self.answer_seconds = Histogram(
            "privacybot_answer_seconds", "Time to answer a policy question asked in Slack.",
            buckets=ANSWER_BUCKETS, registry=registry)
        self.answers = Counter(
            "privacybot_answers",
            "Policy questions by outcome: answered, or abstained (the policy does not say).",
            ["outcome"], registry=registry)
        self.slack_api_errors = Counter(
            "privacybot_slack_api_errors", "Slack Web API calls that failed, by method.",
            ["method"], registry=registry)
        # Read from the database at each scrape.
        self.triage_backlog = Gauge(
            "privacybot_triage_backlog", "Inbound mails awaiting triage (no ticket made).",
            registry=registry)
        self.triage_oldest_age = Gauge(
            "privacybot_triage_oldest_age_seconds",
            "Age of the oldest mail awaiting triage (0 when none).", registry=registry)
        self.outbox_depth = Gauge(
            "privacybot_outbox_queue_depth", "Outbound mails not yet sent (pending, sending).",
            registry=registry)
        self.outbox_oldest_age = Gauge(
            "privacybot_outbox_oldest_unsent_age_seconds",
            "Age of the oldest outbound mail not yet sent (0 when none).", registry=registry)
        self.outbox_failed = Gauge(
            "privacybot_outbox_failed", "Outbound mails given up for good (status failed).",
            registry=registry)
        self.tickets_overdue = Gauge(
            "privacybot_tickets_overdue", "Open tickets past their statutory due date.",
            registry=registry)
        self.store_up = Gauge(
            "privacybot_store_up",
            "1 when the last scrape could read the database; 0 and the gauges above keep "
            "their previous values when it could not.", registry=registry)
        for outcome in ("answered", "abstained"):
            self.answers.labels(outcome)
        for kind in ("retry", "permanent"):
            self.outbox_failures.labels(kind)

    def answered(self, seconds: float, *, abstained: bool) -> None:
        """One policy question answered (or abstained on) in `seconds`."""
        self.answer_seconds.observe(seconds)
        self.answers.labels("abstained" if abstained else "answered").inc()

    def ticket_opened(self, rights: list[str]) -> None:
        """A ticket opened for these rights (one count for each)."""
        for right in rights or ["unknown"]:
            self.tickets_opened.labels(right).inc()

    def set_figures(self, figures: StoreFigures) -> None:
        self.triage_backlog.set(figures.triage_backlog)
        self.triage_oldest_age.set(figures.triage_oldest_age)
        self.outbox_depth.set(figures.outbox_depth)
        self.outbox_oldest_age.set(figures.outbox_oldest_age)
        self.outbox_failed.set(figures.outbox_failed)
        self.tickets_overdue.set(figures.tickets_overdue)

    async def refresh(self, db: Database, now: datetime | None = None) -> bool:
        """Read the gauges from the store; False (and store_up 0) when it cannot be read."""
        try:
            figures = await read_store_figures(db, now or datetime.now(UTC))
        except StorageError:
            self.store_up.set(0)
            return False
        self.set_figures(figures)
        self.store_up.set(1)
        return True

    def render(self) -> bytes:
        """The exposition text of every metric, as Prometheus scrapes it."""
        return generate_latest(self.registry)
