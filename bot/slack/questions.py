"""Answering staff questions in Slack: ask the knowledge base, keep the question, reply.

A channel mapped to an organisation (its privacy channel or one of its question channels)
scopes the answer to that organisation's policy; anywhere else every policy is searched and
each answer names its organisation. Every question is stored, answered or not, so that
`privacybot gaps` can show the policy owner what the policy does not cover.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.observability.metrics import Metrics
from bot.organisations import Organisations
from bot.slack.adapters import answer_view
from bot.slack.answer_blocks import answer_blocks, answer_fallback_text
from bot.slack.escape import Block, escape, mention, mrkdwn
from knowledge import KnowledgeBase, KnowledgeError
from storage import Database, NotFoundError, StorageError

log = logging.getLogger(__name__)

_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
MAX_QUESTION = 500
ANSWERING_AT_ONCE = 4
UNAVAILABLE = "Sorry, I can't reach my records right now. Please ask again in a minute."
HINT = ("Ask me about the privacy policy, e.g. _how long do we keep correspondence?_ "
        "(or `/privacy ask ...`, `/privacy tickets`).")


def clean_question(text: str) -> str:
    """The question without mentions of the bot and with Slack's escapes undone."""
    text = _MENTION.sub(" ", text or "")
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())[:MAX_QUESTION]


class QuestionDesk:
    """Answers one question at a time; shared by DMs, mentions and `/privacy ask`."""

    def __init__(self, *, db: Database, kb: KnowledgeBase, orgs: Organisations,
                 concurrency: int = ANSWERING_AT_ONCE, metrics: Metrics | None = None) -> None:
        self.metrics = metrics or Metrics()
        self._db = db
        self._kb = kb
        self._orgs = orgs
        # Answers run after the acknowledgement; a burst of events must queue here, without
        # a deadline, rather than in the database's writer queue (which gives up after its
        # busy timeout) or ahead of the acknowledgements on the event loop.
        self._slots = asyncio.Semaphore(concurrency)

    async def answer(self, text: str, *, user: str, channel: str,
                     event_id: str | None = None) -> tuple[list[Block], str] | None:
        """(blocks, fallback text) to post, or None when this Slack event was handled before.

        The question is recorded in the same transaction that marks the event id as seen, so
        a retried delivery of the same event answers nothing twice.
        """
        question = clean_question(text)
        if not question:
            return [{"type": "section", "text": mrkdwn(HINT)}], "Ask me about the privacy policy."
        scope = self._orgs.by_channel(channel)
        started = time.perf_counter()
        try:
            answer = self._kb.ask(question, scope.id if scope else None)
        except KnowledgeError as exc:
            log.info("question refused by the knowledge base: %s", exc)
            return [{"type": "section", "text": mrkdwn(
                f"I couldn't read that as a question ({escape(str(exc))}). {HINT}")}], HINT
        async with self._db.transaction() as tx:
            if event_id is not None and not await tx.slack.mark_seen(event_id):
                return None
            record = await tx.questions.add(
                user=f"slack:{user}", question=question, answered=answer.answered,
                confidence=answer.confidence, channel=channel,
                organisation=scope.id if scope else None)
        self.metrics.answered(time.perf_counter() - started, abstained=not answer.answered)
        view = answer_view(answer, question_id=record.id, orgs=self._orgs, scope=scope)
        return answer_blocks(view), answer_fallback_text(view)

    async def reply_in_thread(self, client: AsyncWebClient, event: dict[str, Any],
                              event_id: str | None) -> None:
        """Answer a DM or a mention in the thread of the message that asked."""
        user, channel = str(event.get("user", "")), str(event.get("channel", ""))
        async with self._slots:
            try:
                result = await self.answer(str(event.get("text", "")), user=user,
                                           channel=channel, event_id=event_id)
            except StorageError as exc:  # nothing recorded: say so rather than stay silent
                log.warning("slack question not recorded: %s", exc)
                result = [{"type": "section", "text": mrkdwn(UNAVAILABLE)}], UNAVAILABLE
            if result is None:
                log.info("slack event %s was already answered (a retry)", event_id)
                return
            blocks, text = result
            thread = event.get("thread_ts") or event.get("ts")
            await client.chat_postMessage(channel=channel, thread_ts=thread, text=text,
                                          blocks=blocks, unfurl_links=False,
                                          unfurl_media=False)

    async def record_feedback(self, question_id: str, user: str, helpful: bool) -> bool:
        """Store a helpful / not helpful click; False for a question we never asked."""
        if not question_id.isdigit():
            return False
        try:
            async with self._db.transaction() as tx:
                await tx.questions.set_feedback(int(question_id),
                                                "helpful" if helpful else "unhelpful",
                                                by=f"slack:{user}")
        except NotFoundError:
            return False
        return True


def command_answer_blocks(user: str, question: str, blocks: list[Block]) -> list[Block]:
    """A `/privacy ask` answer shows who asked what above the answer."""
    asked: Block = {"type": "context", "elements": [mrkdwn(
        f"{mention(user)} asked: {escape(clean_question(question))}")]}
    return [asked, *blocks]
