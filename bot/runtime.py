"""The wiring: build every service from Settings, run the parts, stop them cleanly.

    services = await build_services(settings)            # database (upgraded), desk, ...
    runtime = Runtime(services, parts={"smtp", "http", "worker"})
    await runtime.start()                                 # binds; `runtime.describe()` says where
    await runtime.stop()                                  # finishes the mail in hand

`serve(settings, parts)` does all of that and waits for SIGTERM/SIGINT in between.
Parts: smtp (intake), http (healthz, links, Slack events), worker (outbox sender, the desk's
periodic sweep, the daily retention run, Slack's own loops).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from aiohttp import web

from bot.channels import http_protocol
from bot.channels.health import PROBES_KEY, HealthProbe, WriteProbe, healthz
from bot.channels.http_app import build_http_app
from bot.channels.metrics import mount_metrics
from bot.channels.relay import parse_relay_url
from bot.channels.sender import OutboxSender
from bot.channels.smtp_intake import IntakeHandler
from bot.channels.smtp_server import SmtpServer
from bot.channels.transports import DirectoryTransport, RelayTransport, Transport
from bot.desk import Desk
from bot.desk.retention import RetentionReport, retention_loop
from bot.desk.retention_process import RetentionJob, run_retention_in_process
from bot.desk.routes import configured_routes, unconfirmed_suggestions
from bot.knowledge_base import build_knowledge_base, keep_embeddings_in
from bot.memory import tune_malloc
from bot.observability.metrics import Metrics
from bot.organisations import Organisations, load_organisations
from bot.secret_key import resolve_secret_key
from bot.settings import Settings
from bot.workflow import deadlines
from intents import Classification, InboundMail, classify, read_message
from knowledge import KnowledgeBase
from storage import Database, open_database
from storage.errors import StorageError

if TYPE_CHECKING:
    from bot.slack.service import SlackService

log = logging.getLogger("privacybot")

PARTS = ("smtp", "http", "worker")
SWEEP_SECONDS = 15 * 60
SMTP_GRACE_SECONDS = 30.0


def understand_mail(raw: bytes) -> tuple[InboundMail, Classification]:
    """Parse and classify one raw message (CPU work: the intake runs it on an executor)."""
    mail = read_message(raw)
    return mail, classify(mail)


@dataclass
class Services:
    """Everything the parts share; `close()` releases the database."""

    settings: Settings
    orgs: Organisations
    db: Database
    desk: Desk
    kb: KnowledgeBase
    slack: SlackService | None
    metrics: Metrics = field(default_factory=Metrics)  # this instance's own registry

    async def close(self) -> None:
        await self.db.close()


def _create_slack(settings: Settings, orgs: Organisations, db: Database, desk: Desk,
                  kb: KnowledgeBase, metrics: Metrics) -> SlackService | None:
    """Slack's service when its tokens are set (and its module is installed), else None."""
    try:
        from bot.slack.service import SlackService
    except ImportError:
        log.warning("slack: the Slack channel is not installed; Slack stays off")
        return None
    return SlackService.create(settings=settings, orgs=orgs, db=db, desk=desk, kb=kb,
                               metrics=metrics)


def build_desk(settings: Settings, orgs: Organisations, db: Database,
               kb: KnowledgeBase | None = None) -> Desk:
    """The Desk as the service runs it: the service key, public links, policy routes."""
    routes = configured_routes(orgs)
    if kb is not None:
        try:
            suggestions = unconfirmed_suggestions(kb, orgs)
        except Exception:  # mail intake must not depend on a search
            log.exception("complaint routes: the knowledge base failed; no suggestions")
            suggestions = {}
        for org_id, route in suggestions.items():
            log.info("complaint route: %s has none in the organisations file; its policy "
                     "suggests %r: set complaint_route to quote it in acknowledgements",
                     org_id, route)
    return Desk(db, orgs, secret=resolve_secret_key(settings),
                public_url=settings.effective_public_url, complaint_routes=routes,
                clock=lambda: datetime.now(UTC), pack_link_days=settings.pack_link_days)


async def build_services(settings: Settings, *, slack: bool = True,
                         busy_timeout: float = 5.0) -> Services:
    """Open (and upgrade) the database and build the desk, the knowledge base and Slack.

    `busy_timeout`: how long a SQLite writer waits for the lock before the intake gives up
    with 451 (the sending server retries later).
    """
    orgs = load_organisations(settings.config_path)
    keep_embeddings_in(settings.embeddings_dir)
    kb = await asyncio.to_thread(build_knowledge_base, orgs)
    await asyncio.to_thread(deadlines.prepare_calendars, orgs.items, datetime.now(UTC).date())
    db = await open_database(settings.effective_database_url, upgrade=True,
                             busy_timeout=busy_timeout)
    metrics = Metrics()
    try:
        desk = build_desk(settings, orgs, db, kb)
        slack_service = _create_slack(settings, orgs, db, desk, kb, metrics) if slack else None
    except BaseException:
        await db.close()
        raise
    return Services(settings=settings, orgs=orgs, db=db, desk=desk, kb=kb, slack=slack_service,
                    metrics=metrics)


def make_transport(settings: Settings) -> Transport:
    """The relay when SMTP_RELAY_URL is set, else .eml files in the data dir's outbox."""
    if settings.smtp_relay_url:
        return RelayTransport(parse_relay_url(settings.smtp_relay_url))
    return DirectoryTransport(settings.outbox_dir)


class Runtime:
    """The chosen parts of the service, started and stopped together."""

    def __init__(self, services: Services, parts: set[str] | None = None, *,
                 sweep_seconds: float = SWEEP_SECONDS, poll_seconds: float = 1.0) -> None:
        unknown = set(parts or ()) - set(PARTS)
        if unknown:
            raise ValueError(f"unknown parts: {', '.join(sorted(unknown))}")
        self.services = services
        self.parts = set(parts or PARTS)
        self.smtp: SmtpServer | None = None
        self.sender: OutboxSender | None = None
        self._http_runner: web.AppRunner | None = None
        self.http_address: tuple[str, int] | None = None
        self._stop_worker = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._sweep_seconds = sweep_seconds
        self._poll_seconds = poll_seconds
        self._slack_started = False

    async def start(self) -> None:
        settings = self.services.settings
        try:
            if "worker" in self.parts:
                await self._start_worker(settings)
            if "http" in self.parts:
                await self._start_http(settings)
            elif settings.metrics_port is not None:  # `--only smtp|worker`: its own figures
                await self._start_http(settings, metrics_only=True)
            await self._start_slack()
            if "smtp" in self.parts:
                handler = IntakeHandler(
                    orgs=self.services.orgs, desk=self.services.desk,
                    understand=understand_mail,
                    on_stored=self.sender.wake if self.sender is not None else None,
                    metrics=self.services.metrics)
                self.smtp = SmtpServer(handler, host=settings.smtp_host, port=settings.smtp_port,
                                       max_message_bytes=settings.max_message_bytes,
                                       data_budget_bytes=settings.smtp_data_budget_bytes)
                await self.smtp.start()
        except BaseException:
            await self.stop()
            raise

    async def _start_worker(self, settings: Settings) -> None:
        self.sender = OutboxSender(self.services.db, make_transport(settings),
                                   self.services.orgs, poll_seconds=self._poll_seconds,
                                   metrics=self.services.metrics)
        self._tasks.append(asyncio.create_task(self.sender.run(self._stop_worker),
                                               name="outbox-sender"))
        self._tasks.append(asyncio.create_task(self._sweep_loop(), name="desk-sweep"))
        config = self.services.desk.config

        def in_own_process(now: datetime) -> Awaitable[RetentionReport]:
            return run_retention_in_process(RetentionJob(
                database_url=settings.effective_database_url,
                organisations_file=settings.config_path, secret=config.secret, now=now))

        self._tasks.append(asyncio.create_task(retention_loop(
            self.services.db, config, self._stop_worker, run=in_own_process),
            name="retention"))

    async def _start_slack(self) -> None:
        """Socket Mode listens with the http part; the notifier and digest loops run with the
        worker part, so that exactly one process follows the event log."""
        slack = self.services.slack
        listen, notify = "http" in self.parts, "worker" in self.parts
        if slack is None or not (listen or notify):
            return
        await slack.start(listen=listen, notify=notify)
        self._slack_started = True

    async def _start_http(self, settings: Settings, *, metrics_only: bool = False) -> None:
        """The HTTP part; or, for a process without it, /metrics and /healthz alone on
        PRIVACYBOT_METRICS_PORT (its counters live in that process only)."""
        db = self.services.db
        probes: dict[str, HealthProbe] = {
            "database": WriteProbe(db.check_writable, quick=db.check_file)}
        # The parts this process runs (with `--only`, the others report in their own).
        if "smtp" in self.parts:
            probes["smtp"] = self._smtp_ok
        if self._tasks:  # the worker runs in this process too: report whether it still does
            probes["outbox"] = self._worker_ok
        slack = self.services.slack
        if slack is not None:
            probes["slack"] = self._slack_ok
        if metrics_only:
            app = web.Application()
            app[PROBES_KEY] = probes
            app.router.add_get("/healthz", healthz)
        else:
            app = build_http_app(desk=self.services.desk, probes=probes, kb=self.services.kb)
            if slack is not None:
                slack.mount(app)
        mount_metrics(app, self.services.metrics, db)
        runner = web.AppRunner(app, access_log=None, handle_signals=False,
                               shutdown_timeout=10.0, **http_protocol.RUNNER_OPTIONS)
        await runner.setup()
        self._http_runner = runner
        port = settings.metrics_port if metrics_only else settings.http_port
        site = web.TCPSite(runner, settings.http_host, port)
        await site.start()
        host, port = runner.addresses[0][:2]
        self.http_address = (str(host), int(port))

    async def _smtp_ok(self) -> bool:
        if self.smtp is None or not self.smtp.listening:
            raise ConnectionError("not listening")
        return True

    async def _worker_ok(self) -> bool:
        """The outbox sender and the desk's sweep are still running."""
        stopped = [task.get_name() for task in self._tasks if task.done()]
        if stopped:
            raise RuntimeError(f"stopped: {', '.join(stopped)}")
        return True

    async def _slack_ok(self) -> bool:
        slack = self.services.slack
        if slack is not None and not slack.healthy():
            raise ConnectionError("Socket Mode disconnected or a Slack loop stopped")
        return True

    async def _sweep_loop(self) -> None:
        while not self._stop_worker.is_set():
            try:
                # The desk's clock, as every use case reads it (a test moves it).
                result = await self.services.desk.sweep(self.services.desk.config.clock())
                if getattr(result, "reminded", None) or getattr(result, "closed", None):
                    log.info("sweep: reminded %s, closed %s", result.reminded, result.closed)
            except StorageError as exc:
                log.warning("sweep: database unavailable: %s", exc)
            except Exception:
                log.exception("sweep failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop_worker.wait(), self._sweep_seconds)

    def describe(self) -> str:
        """The startup line: what listens where."""
        pieces: list[str] = []
        if self.smtp is not None:
            host, port = self.smtp.address
            pieces.append(f"smtp on {host}:{port}")
        if self.http_address is not None:
            what = "http" if "http" in self.parts else "metrics"
            pieces.append(f"{what} on {self.http_address[0]}:{self.http_address[1]}")
        if "worker" in self.parts:
            pieces.append(make_transport(self.services.settings).describe())
        pieces.append(f"database {self.services.db.url}")
        links = self.services.settings.effective_public_url
        if any(host in links for host in ("://127.", "://localhost", "://[::1]")):
            links += " (loopback: set PRIVACYBOT_PUBLIC_URL before real mail goes out)"
        pieces.append(f"links {links}")
        pieces.append("slack on" if self.services.slack is not None else "slack off")
        return "privacybot: " + ", ".join(pieces)

    async def stop(self) -> None:
        """SMTP first (finishing the messages in hand), then HTTP, then the worker."""
        if self.smtp is not None:
            await self.smtp.stop(SMTP_GRACE_SECONDS)
            self.smtp = None
        if self._http_runner is not None:
            await self._http_runner.cleanup()
            self._http_runner = None
        if self._slack_started and self.services.slack is not None:
            await self.services.slack.stop()
            self._slack_started = False
        self._stop_worker.set()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
            self._tasks.clear()


async def serve(settings: Settings, parts: set[str] | None = None, *,
                announce: Callable[[str], None] | None = None) -> None:
    """Run until SIGTERM or SIGINT; then stop cleanly and release everything."""
    if settings.malloc_tuning:  # before the threads that would make their own arenas
        tune_malloc()
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        wanted = set(parts or PARTS)
        services = await build_services(settings, slack=bool(wanted & {"http", "worker"}))
        try:
            runtime = Runtime(services, wanted)
            await runtime.start()
            (announce or log.info)(runtime.describe())
            try:
                await stop.wait()
            finally:
                log.info("stopping")
                await runtime.stop()
        finally:
            await services.close()
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
