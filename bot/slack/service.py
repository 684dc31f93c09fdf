"""The Slack channel as one service the runtime starts: HTTP route, Socket Mode, loops.

    slack = SlackService.create(settings=settings, orgs=orgs, db=db, desk=desk, kb=kb)
    if slack is not None:            # None when Slack is not configured
        slack.mount(http_app)        # POST /slack/events (before the app starts)
        await slack.start()          # Socket Mode if SLACK_APP_TOKEN; notifier and digest
        ...
        await slack.stop()

The loops: the ticket and triage notifiers, the daily digest, the monthly summary (posted
once per organisation and month) and the pruning of handled event ids.
`start(listen=False)` runs only the loops (a worker process); `start(notify=False)` only
listens (a web process), so that exactly one process follows the event log.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.desk import Desk
from bot.desk.triage import Triage
from bot.observability.metrics import Metrics
from bot.organisations import Organisations
from bot.settings import Settings
from bot.slack.access import TeamAccess
from bot.slack.app import build_app
from bot.slack.counted import ErrorCounter
from bot.slack.digest import Digest
from bot.slack.escalation import Escalations
from bot.slack.files import TicketFiles
from bot.slack.manual_actions import ManualActions
from bot.slack.monthly import MonthlySummary
from bot.slack.notifier import Notifier
from bot.slack.overview import Overview
from bot.slack.questions import QuestionDesk
from bot.slack.recipient_actions import RecipientActions, install
from bot.slack.ticket_actions import TicketActions
from bot.slack.triage import TriageActions, TriageNotifier
from knowledge import KnowledgeBase
from storage import Database
from storage.errors import StorageError

log = logging.getLogger(__name__)

ROUTE = "/slack/events"
WATCH_INTERVAL = 10.0
STOP_GRACE = 10.0
PING_INTERVAL = 10.0
# Slack retries an event for about an hour at most: a day of handled ids is plenty.
SEEN_EVENTS_KEPT = timedelta(days=1)
PRUNE_INTERVAL = 3600.0


def web_client(settings: Settings, metrics: Metrics | None = None) -> AsyncWebClient:
    """The Web API client: SLACK_API_URL when set (tests, GovSlack), retrying rate limits."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    client = AsyncWebClient(token=token)
    if settings.slack_api_url:
        client = AsyncWebClient(token=token, base_url=settings.slack_api_url.rstrip("/") + "/")
    # First, so that it sees every response; bolt copies these to its per-request clients.
    client.retry_handlers.insert(0, ErrorCounter(metrics or Metrics()))
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=2))
    return client


class SlackService:
    """privacybot's Slack app: answers, ticket messages and the team's actions."""

    def __init__(self, *, settings: Settings, orgs: Organisations, db: Database, desk: Desk,
                 kb: KnowledgeBase, client: AsyncWebClient,
                 metrics: Metrics | None = None) -> None:
        secret = settings.slack_signing_secret
        self._secret = secret.get_secret_value() if secret else None
        app_token = settings.slack_app_token
        self._app_token = app_token.get_secret_value() if app_token else None
        self.client = client
        self._db = db
        self._stopping = asyncio.Event()
        self.prune_interval = PRUNE_INTERVAL
        self.access = TeamAccess(orgs, client)
        self.notifier = Notifier(db=db, orgs=orgs, client=client)
        self.digest = Digest(db=db, orgs=orgs, client=client)
        self.monthly = MonthlySummary(db=db, orgs=orgs, client=client)
        self.questions = QuestionDesk(db=db, kb=kb, orgs=orgs, metrics=metrics)
        self.actions = TicketActions(db=db, orgs=orgs, desk=desk, access=self.access,
                                     changed=self.notifier.poke)
        self.triage = Triage(desk)
        self.triage_notifier = TriageNotifier(db=db, orgs=orgs, client=client,
                                              triage=self.triage)
        self.triage_actions = TriageActions(db=db, orgs=orgs, triage=self.triage,
                                            access=self.access,
                                            changed=self._triage_changed)
        self.escalations = Escalations(db=db, kb=kb, orgs=orgs, access=self.access)
        self.overview = Overview(db=db, access=self.access, escalations=self.escalations)
        self.manual = ManualActions(db=db, orgs=orgs, desk=desk, access=self.access,
                                    tickets=self.actions)
        token = settings.slack_bot_token
        self.files = TicketFiles(db=db, orgs=orgs, desk=desk, access=self.access,
                                 token=token.get_secret_value() if token else None,
                                 api_url=settings.slack_api_url)
        self.app: AsyncApp = build_app(client=client, signing_secret=self._secret,
                                       questions=self.questions, actions=self.actions,
                                       overview=self.overview, manual=self.manual,
                                       triage=self.triage_actions,
                                       escalations=self.escalations, files=self.files)
        # The "Tell processors" button (GDPR Art. 19) routes itself.
        install(self.app, RecipientActions(desk=desk, tickets=self.actions))
        self._socket: AsyncSocketModeHandler | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._connected = False
        self._watcher: asyncio.Task[None] | None = None
        self.watch_interval = WATCH_INTERVAL  # how often Socket Mode's health is checked
        self.ping_interval = PING_INTERVAL  # Socket Mode heartbeat, and its wait to reconnect

    def _triage_changed(self) -> None:
        """A triage decision: its card (and a new ticket's card) update at once."""
        self.triage_notifier.poke()
        self.notifier.poke()

    @classmethod
    def create(cls, *, settings: Settings, orgs: Organisations, db: Database, desk: Desk,
               kb: KnowledgeBase, metrics: Metrics | None = None) -> SlackService | None:
        """The service, or None when Slack is not configured.

        Needs SLACK_BOT_TOKEN and a way in: SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN
        (Socket Mode).
        """
        if settings.slack_bot_token is None:
            return None
        if settings.slack_signing_secret is None and settings.slack_app_token is None:
            log.warning("slack: SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET nor "
                        "SLACK_APP_TOKEN; Slack stays off")
            return None
        return cls(settings=settings, orgs=orgs, db=db, desk=desk, kb=kb,
                   client=web_client(settings, metrics), metrics=metrics)

    @property
    def socket_mode(self) -> bool:
        return self._app_token is not None

    def mount(self, app: web.Application) -> None:
        """Add POST /slack/events (events, slash commands, interactions) to the HTTP app."""
        app.router.add_post(ROUTE, self.handle)

    async def handle(self, request: web.Request) -> web.Response:
        """One Slack request over HTTP: verified by bolt (401 if not), then dispatched."""
        if self._secret is None:  # Socket Mode only: nothing arriving over HTTP is verifiable
            return web.Response(status=401, text="")
        bolt_response = await self.app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    async def start(self, *, listen: bool = True, notify: bool = True) -> None:
        """Connect Socket Mode (when configured and `listen`) and start the loops (`notify`)."""
        if listen and self._app_token is not None:
            self._socket = AsyncSocketModeHandler(self.app, self._app_token,
                                                  web_client=self.client,
                                                  ping_interval=self.ping_interval)
            # Connecting retries until Slack answers: in the background, so that Slack being
            # away never holds up the rest of the service (mail intake above all).
            self._watcher = asyncio.create_task(self._watch_socket(), name="slack-socket-watch")
        if notify:
            self._stopping.clear()
            self._spawn(self.notifier.run(), "notifier")
            self._spawn(self.triage_notifier.run(), "triage-notifier")
            self._spawn(self.digest.run(), "digest")
            self._spawn(self.monthly.run(), "monthly-summary")
            self._spawn(self._prune_loop(), "prune-seen-events")

    async def stop(self) -> None:
        """Let the loops finish what they are doing (a bounded wait), then close Socket Mode."""
        self.notifier.stop()
        self.triage_notifier.stop()
        self.digest.stop()
        self.monthly.stop()
        self._stopping.set()
        if self._watcher is not None:  # only sleeps between checks: nothing to finish
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
            self._watcher = None
        if self._tasks:
            _, late = await asyncio.wait(self._tasks, timeout=STOP_GRACE)
            for task in late:
                task.cancel()
            for task in self._tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        self._tasks.clear()
        if self._socket is not None:
            await self._socket.client.close()  # type: ignore[no-untyped-call]
            self._socket = None
            self._connected = False

    def healthy(self) -> bool:
        """False when a loop died or Socket Mode has been disconnected for a while."""
        if any(task.done() for task in self._tasks):
            return False
        if self._watcher is not None and self._watcher.done():
            return False
        return self._connected if self._socket is not None else True

    async def prune_seen_events(self, now: datetime) -> int:
        """Forget handled Slack event ids older than SEEN_EVENTS_KEPT; how many went."""
        async with self._db.transaction() as tx:
            return await tx.slack.forget_seen_before(now - SEEN_EVENTS_KEPT)

    async def _prune_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                dropped = await self.prune_seen_events(datetime.now(UTC))
                if dropped:
                    log.info("slack: forgot %d handled event ids", dropped)
            except StorageError as exc:  # the database away: the next round tries again
                log.warning("slack: cannot prune handled event ids: %s", exc)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.prune_interval)

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        self._tasks.append(asyncio.create_task(work, name=f"slack-{name}"))

    async def _watch_socket(self) -> None:
        """Connect, then keep checking: Socket Mode can drop silently; reconnect after two
        failed checks."""
        if self._socket is None:
            return
        await self._socket.client.connect()  # type: ignore[no-untyped-call]
        self._connected = True
        misses = 0
        while self._socket is not None:
            await asyncio.sleep(self.watch_interval)
            try:
                self._connected = await self._socket.client.is_connected()
            except Exception:
                self._connected = False
            misses = 0 if self._connected else misses + 1
            if misses >= 2:
                log.warning("slack: Socket Mode disconnected; reconnecting")
                with contextlib.suppress(Exception):
                    await self._socket.client.connect_to_new_endpoint()
                misses = 0
