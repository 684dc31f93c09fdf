"""Triage in Slack: a card per mail awaiting triage, following the event log, and its actions.

`TriageNotifier` follows the events as the ticket notifier does, with a cursor of its own: a
person's mail without a rights intent (`mail_without_intent`) posts a card to its
organisation's privacy channel; a decision or a newer classifier's reading updates it in
place. The cursor moves only after the card is saved, so a restart or a Slack outage repeats
at most the last step and loses nothing.

`TriageActions` handles "Open as..." and "Not a request": the mail number in a button or a
modal comes back from the client and is not trusted; the mail must exist, the click must come
from its organisation's privacy channel and the clicker be on its team (bot/slack/access.py).
Anyone else is told so in a message only they see, and nothing changes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.desk.triage import TRIAGE_EVENTS, Triage, TriageDetail, TriageError
from bot.errors import BotError, UnknownOrganisationError
from bot.organisations import Organisation, Organisations
from bot.slack import triage_blocks as tb
from bot.slack.access import TeamAccess
from bot.slack.escape import escape
from bot.slack.following import EventFollower
from intents.models import RIGHTS_INTENTS
from storage import Database, EventRecord, StorageError

log = logging.getLogger(__name__)

CURSOR = "triage_notifier"
ACTOR_PREFIX = "slack:"
GONE = frozenset({"message_not_found", "cant_update_message", "channel_not_found"})
UNAVAILABLE = "The mail records cannot be reached right now; nothing was changed. Try again soon."


def triage_card(detail: TriageDetail) -> tb.TriageCard:
    """What the card shows, from the desk's view of the mail."""
    m, verdict, decision = detail.message, detail.verdict, detail.decision
    evidence = tuple((str(e.get("intent", "")), str(e.get("text", "")))
                     for e in verdict.get("evidence") or [] if isinstance(e, dict))
    scores = {str(k): float(v) for k, v in (verdict.get("scores") or {}).items()
              if isinstance(v, int | float)}
    return tb.TriageCard(
        message=m.id, organisation=m.organisation, sender=m.from_address,
        sender_name=detail.sender_name, subject=m.subject or "", received_at=m.received_at,
        language=m.language, text=detail.text, scores=scores, evidence=evidence,
        threshold=float(verdict.get("threshold", 0.5)), suggested=tuple(detail.suggested),
        reclassified=tuple(detail.reclassified),
        decision=decision.decision if decision else None,
        decided_by=decision.decided_by if decision else "",
        decided_intents=tuple(decision.intents) if decision else (),
        reason=(decision.reason or "") if decision else "", reference=detail.reference)


class TriageNotifier(EventFollower):
    """`await run_once()` handles what is new; `await run()` keeps doing so until stopped."""

    name = "slack triage notifier"

    def __init__(self, *, db: Database, orgs: Organisations, client: AsyncWebClient,
                 triage: Triage, batch: int = 200, interval: float = 2.0) -> None:
        self._db = db
        self._orgs = orgs
        self._client = client
        self._triage = triage
        super().__init__(batch=batch, interval=interval)

    async def run_once(self) -> int:
        """Handle the events after the cursor; the number read."""
        async with self._db.transaction(readonly=True) as tx:
            cursor = await tx.slack.get_cursor(CURSOR)
            events = await tx.events.after(cursor, limit=self._batch)
        if not events:
            return 0
        latest: dict[int, int] = {}
        for event in events:
            if event.kind in TRIAGE_EVENTS:
                pk = await self._message_of(event)
                if pk is not None:
                    latest[pk] = event.id
        for pk, event_id in latest.items():
            await self._sync(pk, event_id)
        async with self._db.transaction() as tx:
            await tx.slack.set_cursor(CURSOR, events[-1].id)
        return len(events)

    async def _message_of(self, event: EventRecord) -> int | None:
        pk = event.data.get("message")
        if isinstance(pk, int):
            return pk
        message_id = event.data.get("message_id")
        if not event.organisation or not isinstance(message_id, str):
            return None
        async with self._db.transaction(readonly=True) as tx:
            found = await tx.messages.get_by_message_id(event.organisation, message_id)
        return found.id if found else None

    async def _sync(self, pk: int, event_id: int) -> None:
        """Post the mail's card, or bring it up to date."""
        detail = await self._triage.detail(pk)
        async with self._db.transaction(readonly=True) as tx:
            post = await tx.triage.get_card(pk)
        if post is not None and (post.posted_event_id or 0) >= event_id:
            return  # already shows this (a repeat after a crash)
        try:
            org = self._orgs.get(detail.message.organisation)
        except UnknownOrganisationError:
            return
        if post is None and (not detail.awaiting or not org.slack_channel):
            return  # decided or ticketed before Slack saw it: nothing to ask the team
        card = triage_card(detail)
        blocks, text = tb.triage_blocks(card), tb.triage_fallback_text(card)
        channel, ts = (post.channel, post.ts) if post else (org.slack_channel or "", "")
        try:
            if post is not None:
                try:
                    await self._client.chat_update(channel=channel, ts=ts, text=text,
                                                   blocks=blocks)
                except SlackApiError as exc:
                    if exc.response.get("error") not in GONE:
                        raise
                    post = None  # deleted: post it again
                    channel = org.slack_channel or channel
            if post is None:
                response = await self._client.chat_postMessage(
                    channel=channel, text=text, blocks=blocks, unfurl_links=False,
                    unfurl_media=False)
                ts = str(response["ts"])
        except SlackApiError as exc:  # refused for good (no such channel, ...): log it
            log.error("slack triage card for mail %s: %s", pk, exc.response.get("error"))
            return
        async with self._db.transaction() as tx:
            await tx.triage.save_card(message_pk=pk, channel=channel, ts=ts,
                                      posted_event_id=event_id)


class Refused(Exception):
    """The click may not act: the text says why, to that user only."""


class TriageActions:
    """What happens when someone clicks a triage card's button or submits its modal."""

    def __init__(self, *, db: Database, orgs: Organisations, triage: Triage,
                 access: TeamAccess, changed: Callable[[], None] = lambda: None) -> None:
        self._db = db
        self._orgs = orgs
        self._triage = triage
        self._access = access
        self._changed = changed

    async def authorise(self, message: str, channel: str, user: str) -> TriageDetail:
        try:
            detail = await self._triage.detail(message)
        except TriageError:
            raise Refused("There is no such mail awaiting triage.") from None
        org: Organisation | None = next(
            (o for o in self._orgs.items if o.id == detail.message.organisation), None)
        if org is None or not org.slack_channel or org.slack_channel != channel:
            raise Refused("That mail is not triaged in this channel.")
        if not await self._access.may_act(org, user):
            raise Refused(f"Only members of {escape(org.name)}'s privacy team can triage "
                          "its mail. Nothing was changed.")
        return detail

    async def clicked(self, client: AsyncWebClient, *, action_id: str, message: str,
                      channel: str, ts: str, user: str, trigger_id: str) -> None:
        """A card's button: check, then open the modal that asks which rights or why."""
        detail = await self._checked(client, message, channel, user)
        if detail is None:
            return
        if not detail.awaiting:
            await self._tell(client, channel, user, "That mail has been triaged already.")
            return
        context = tb.TriageContext(message=detail.message.id, channel=channel, ts=ts)
        view = (tb.open_modal(context, RIGHTS_INTENTS, tuple(detail.suggested))
                if action_id == tb.OPEN else tb.dismiss_modal(context))
        await client.views_open(trigger_id=trigger_id, view=view)

    async def submitted(self, client: AsyncWebClient, *, callback_id: str, metadata: str,
                        values: dict[str, dict[str, dict[str, object]]], user: str) -> None:
        """A modal's submission: check again (the modal could be old), then decide."""
        context = tb.decode_context(metadata)
        if context is None:
            log.warning("slack: triage modal %s with unreadable metadata", callback_id)
            return
        detail = await self._checked(client, str(context.message), context.channel, user)
        if detail is None:
            return
        actor = ACTOR_PREFIX + user
        if callback_id == tb.OPEN_MODAL:
            rights = tb.submitted_rights(values)
            await self._run(client, context.channel, user, self._triage.open(
                context.message, rights, actor, "slack"))
        elif callback_id == tb.DISMISS_MODAL:
            await self._run(client, context.channel, user, self._triage.dismiss(
                context.message, actor, "slack", tb.submitted_reason(values)))

    async def _checked(self, client: AsyncWebClient, message: str, channel: str,
                       user: str) -> TriageDetail | None:
        try:
            return await self.authorise(message, channel, user)
        except Refused as refusal:
            await self._tell(client, channel, user, str(refusal))
        except StorageError as exc:
            log.warning("slack: cannot check mail %s for %s: %s", message, user, exc)
            await self._tell(client, channel, user, UNAVAILABLE)
        return None

    async def _run(self, client: AsyncWebClient, channel: str, user: str,
                   action: Awaitable[object]) -> None:
        try:
            await action
        except (BotError, StorageError) as exc:
            await self._tell(client, channel, user, f"Nothing was changed: {escape(str(exc))}")
            return
        self._changed()

    @staticmethod
    async def _tell(client: AsyncWebClient, channel: str, user: str, text: str) -> None:
        try:
            await client.chat_postEphemeral(channel=channel, user=user, text=text)
        except SlackApiError as exc:
            log.info("slack: cannot tell %s in %s: %s", user, channel,
                     exc.response.get("error"))
