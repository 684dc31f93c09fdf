"""A person behind every "I don't know": questions sent to the privacy team, and their answers.

Where the policy does not say, or an answer was marked not helpful, the asker gets an **Ask the
privacy team** button. A click posts the question, with the bot's closest passages, to the
organisation's privacy channel; the first reply a team member writes in that post's thread
goes back to the asker (in the thread where they asked) and is kept as a *team answer*
(storage/repos/team_answers.py). Later questions of the same organisation that ask the same
thing get it (bot/desk/team_answers.py), labelled as the team's answer with its author and
date, never as the policy's words.

A team answer belongs to one organisation: a question gets one only when it belongs to that
organisation (asked in a channel mapped to it, or the deployment has no other organisation).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.desk.team_answers import Candidate, best_match
from bot.organisations import Organisation, Organisations
from bot.slack.access import TeamAccess
from bot.slack.adapters import source
from bot.slack.answer_blocks import source_label
from bot.slack.cards import Source
from bot.slack.escape import Block, escape, mention, mrkdwn, neutralise, plain, truncate
from knowledge import KnowledgeBase, KnowledgeError
from storage import ConflictError, Database, NotFoundError, StorageError, TeamAnswerRecord
from storage.unit import Transaction

log = logging.getLogger(__name__)

ASK_TEAM = "ask_privacy_team"
ACTOR = "slack:"
MAX_PASSAGES = 3
PASSAGE_LIMIT = 400
HOME_LINES = 10
MAX_OFFERS = 5  # buttons under one answer when the asker must choose the organisation


def question_organisation(scope: str | None, orgs: Organisations) -> str | None:
    """The organisation a question belongs to: its channel's, or the only one there is."""
    if scope is not None:
        return scope
    return orgs.items[0].id if len(orgs.items) == 1 else None


def targets(organisation: str | None, orgs: Organisations,
            named: Sequence[str] = ()) -> list[Organisation]:
    """Whose privacy team a question may go to: its organisation's, or (asked where no
    organisation is meant) any organisation's with a privacy channel, the asker choosing;
    those whose policy the answer named (by name) come first."""
    found = [org for org in orgs.items if org.slack_channel
             and (organisation is None or org.id == organisation)]
    return sorted(found, key=lambda org: org.name not in named)


def unescape(text: str) -> str:
    """Slack's message text with its three entities undone (mentions stay as they are)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


# -- blocks (pure) ---------------------------------------------------------------------------

def offer_blocks(question_id: int | str, choices: Sequence[Organisation]) -> list[Block]:
    """The "Ask the privacy team" button(s): one per organisation the question may go to."""
    blocks: list[Block] = []
    for org in choices[:MAX_OFFERS]:
        whose = "the privacy team" if len(choices) == 1 else f"{escape(org.name)}'s privacy team"
        blocks.append({
            "type": "section", "block_id": f"ask_team_{org.id}",
            "text": mrkdwn(f"Not what you needed? A person can answer: ask {whose}."),
            "accessory": {"type": "button", "action_id": ASK_TEAM,
                          "value": f"{question_id}:{org.id}",
                          "text": plain("Ask the privacy team")},
        })
    return blocks


def escalation_post_blocks(question: str, asker: str, passages: Sequence[Source]) -> list[Block]:
    """What the privacy channel sees: the question, who asked, the closest passages."""
    blocks: list[Block] = [
        {"type": "section", "text": mrkdwn(
            f":raising_hand: {mention(asker)} asked a question the policy does not answer "
            "well:")},
        {"type": "section", "text": mrkdwn(f"*{neutralise(question)}*")},
    ]
    if passages:
        blocks.append({"type": "context", "elements": [mrkdwn("The closest passages I found:")]})
        for passage in passages[:MAX_PASSAGES]:
            blocks.append({"type": "context", "elements": [plain(
                f"{source_label(passage)}: {truncate(passage.quote, PASSAGE_LIMIT)}", 2000)]})
    blocks.append({"type": "context", "elements": [mrkdwn(
        "Reply in this thread to answer. The first reply from the team goes back to the asker "
        "and is kept as the team's answer for later questions like it.")]})
    return blocks


def team_answer_blocks(record: TeamAnswerRecord, organisation: str) -> list[Block]:
    """A team answer, labelled as the team's (author, date), never as the policy's words."""
    when = f"{record.answered_at:%d %b %Y}" if record.answered_at else ""
    return [
        {"type": "context", "elements": [mrkdwn(
            f":busts_in_silhouette: *Answer from {escape(organisation)}'s privacy team*, "
            f"given by {mention(record.author or '')} on {when}. "
            "This is the team's answer, not the policy's words.")]},
        {"type": "section", "text": mrkdwn(neutralise(record.answer or ""))},
        {"type": "context", "elements": [plain(f"Asked before as: {record.question}", 300)]},
    ]


def team_answer_text(record: TeamAnswerRecord, organisation: str) -> str:
    return escape(truncate(f"{organisation}'s privacy team answered: {record.answer}", 300))


def home_blocks(lines: Sequence[tuple[str, int, list[TeamAnswerRecord]]]) -> list[Block]:
    """The App Home's team answers: per organisation, how many await and the current ones."""
    blocks: list[Block] = []
    for organisation, awaiting, current in lines:
        blocks.append({"type": "section", "text": mrkdwn(
            f"*Team answers of {escape(organisation)}*: {len(current)} current, "
            f"{awaiting} awaiting a reply in the privacy channel")})
        for record in current[:HOME_LINES]:
            when = f"{record.answered_at:%Y-%m-%d}" if record.answered_at else ""
            blocks.append({"type": "context", "elements": [mrkdwn(
                f"#{record.id} {neutralise(truncate(record.question, 150))} \u2192 "
                f"{neutralise(truncate(record.answer or '', 200))} "
                f"({mention(record.author or '')}, {when})")]})
        if current:
            blocks.append({"type": "context", "elements": [mrkdwn(
                "Retire an answer that no longer holds with `privacybot answers retire ID`.")]})
    if blocks:
        blocks.append({"type": "divider"})
    return blocks


async def matching_answer(tx: Transaction, question: str,
                          organisation: str | None) -> TeamAnswerRecord | None:
    """The current team answer of `organisation` that fits `question`, or None."""
    if organisation is None:
        return None
    current = await tx.team_answers.current(organisation)
    match = best_match(question, organisation, [
        Candidate(id=r.id, organisation=r.organisation, question=r.question,
                  answered_at=r.answered_at) for r in current if r.answered_at is not None])
    return next((r for r in current if match is not None and r.id == match.id), None)


async def deliver(client: AsyncWebClient, channel: str, thread: str | None, asker: str | None,
                  *, text: str, blocks: list[Block] | None = None) -> bool:
    """Post in the thread; when that fails (a `/privacy` answer in a channel the bot is not
    in, a thread since deleted) send it to the asker directly instead. False if neither went."""
    targets = [(channel, thread)]
    if asker and asker.startswith(ACTOR):
        targets.append((asker.removeprefix(ACTOR), None))  # a DM with the bot
    for where, in_thread in targets:
        try:
            await client.chat_postMessage(channel=where, thread_ts=in_thread, text=text,
                                          blocks=blocks, unfurl_links=False)
            return True
        except (SlackApiError, SlackClientError) as exc:
            log.warning("slack: message to %s not delivered: %s", where, exc)
    return False


class Escalations:
    """Handlers the bolt app calls (bot/slack/app.py) for the button and the thread reply."""

    def __init__(self, *, db: Database, kb: KnowledgeBase, orgs: Organisations,
                 access: TeamAccess) -> None:
        self._db = db
        self._kb = kb
        self._orgs = orgs
        self._access = access

    async def offer(self, question_id: str) -> list[Block]:
        """The button for a question marked not helpful (none if it was sent already)."""
        if not question_id.isdigit():
            return []
        try:
            async with self._db.transaction(readonly=True) as tx:
                question = await tx.questions.get(int(question_id))
                if await tx.team_answers.for_question(question.id) is not None:
                    return []
        except StorageError:
            return []
        owner = question_organisation(question.organisation, self._orgs)
        return offer_blocks(question.id, targets(owner, self._orgs))

    async def clicked(self, client: AsyncWebClient, *, value: str, user: str, channel: str,
                      thread: str) -> None:
        """Post the question to the chosen privacy channel and remember where to answer."""
        number, _, org_id = value.partition(":")
        try:
            async with self._db.transaction(readonly=True) as tx:
                question = await tx.questions.get(int(number)) if number.isdigit() else None
                sent = await tx.team_answers.for_question(question.id) if question else None
        except NotFoundError:
            question, sent = None, None
        except StorageError as exc:
            log.warning("slack: escalation of %s not read: %s", value, exc)
            await self._tell(client, channel, user, "I can't reach my records right now.")
            return
        if question is None:
            await self._tell(client, channel, user, "That question is no longer on record.")
            return
        owner = question_organisation(question.organisation, self._orgs)
        org = next((o for o in targets(owner, self._orgs) if o.id == org_id), None)
        if org is None:
            await self._tell(client, channel, user,
                             "That question cannot go to that organisation's privacy team.")
            return
        if sent is not None:
            await self._tell(client, channel, user,
                             f"That question was sent to the privacy team on "
                             f"{sent.escalated_at:%d %b %Y}.")
            return
        try:
            post = await client.chat_postMessage(
                channel=org.slack_channel, text=f"A question for the privacy team: "
                f"{escape(truncate(question.question, 200))}", unfurl_links=False,
                blocks=escalation_post_blocks(question.question, ACTOR + user,
                                              self._passages(question.question, org.id)))
        except (SlackApiError, SlackClientError) as exc:  # e.g. the bot left the channel
            log.warning("slack: escalation to %s not posted: %s", org.slack_channel, exc)
            await self._tell(client, channel, user, f"I couldn't reach {org.name}'s privacy "
                             "channel. Please try again later, or ask the team directly.")
            return
        try:
            async with self._db.transaction() as tx:
                await tx.team_answers.escalate(
                    organisation=org.id, question=question.question, asked_by=ACTOR + user,
                    post_channel=org.slack_channel, post_ts=str(post["ts"]),
                    reply_channel=channel, reply_thread=thread or None,
                    question_id=question.id)
        except ConflictError:  # two clicks at once: the other one is on record
            return
        except StorageError as exc:
            log.warning("slack: escalation of question %s not recorded: %s", question.id, exc)
            await self._tell(client, channel, user, "I posted your question to the privacy "
                             "team but couldn't record it; their reply may not reach you here.")
            return
        await deliver(client, channel, thread or None, ACTOR + user,
                      text=f"I've asked {escape(org.name)}'s privacy team. Their answer will "
                           "come here.")

    def _passages(self, question: str, organisation: str) -> list[Source]:
        try:
            answer = self._kb.ask(question, organisation)
        except KnowledgeError:
            return []
        found = [*answer.citations, *answer.pointers][:MAX_PASSAGES]
        return [source(c, self._orgs) for c in found]

    async def answer_from_thread(self, client: AsyncWebClient, event: dict[str, Any]) -> bool:
        """A reply under an escalation post: True when the thread was an escalation's (so
        it is no ticket note), whether or not the reply became the answer."""
        channel, ts = str(event.get("channel", "")), str(event.get("ts", ""))
        parent, user = str(event.get("thread_ts") or ""), str(event.get("user") or "")
        if not parent or parent == ts:
            return False
        try:
            async with self._db.transaction(readonly=True) as tx:
                post = await tx.team_answers.find_post(channel, parent)
        except StorageError as exc:
            log.warning("slack: thread reply in %s not checked: %s", channel, exc)
            return False
        if post is None:
            return False
        text = unescape(str(event.get("text") or "")).strip()
        org = next((o for o in self._orgs.items if o.id == post.organisation), None)
        if (org is None or not user or event.get("bot_id") or not text
                or event.get("subtype") not in (None, "thread_broadcast")
                or not await self._access.may_act(org, user)):
            return True  # the asker or anyone else chatting in the thread: not an answer
        try:
            async with self._db.transaction() as tx:
                stored = await tx.team_answers.answer(post.id, answer=text, author=ACTOR + user)
        except StorageError as exc:
            log.warning("slack: team answer to %s not stored: %s", post.id, exc)
            return True
        if stored is None:  # answered already (or this is a retried event)
            return True
        await deliver(client, stored.reply_channel, stored.reply_thread, stored.asked_by,
                      text=team_answer_text(stored, org.name),
                      blocks=[{"type": "section", "text": mrkdwn(
                          f"{mention(stored.asked_by)}, the privacy team answered your "
                          "question.")}, *team_answer_blocks(stored, org.name)])
        await deliver(client, channel, parent, None,
                      text=f"Sent to {mention(stored.asked_by)} and kept as team answer "
                           f"#{stored.id}; later questions like it get it. "
                           f"`privacybot answers retire {stored.id}` withdraws it.")
        return True

    async def home(self, organisations: Sequence[Organisation]) -> list[Block]:
        """The App Home's section for the organisations the viewer is on the team of."""
        lines: list[tuple[str, int, list[TeamAnswerRecord]]] = []
        async with self._db.transaction(readonly=True) as tx:
            for org in organisations:
                awaiting = await tx.team_answers.count(organisation=org.id, status="awaiting")
                current = await tx.team_answers.list(organisation=org.id, status="current",
                                                     limit=HOME_LINES)
                if awaiting or current:
                    lines.append((org.name, awaiting, current))
        return home_blocks(lines)

    async def _tell(self, client: AsyncWebClient, channel: str, user: str, text: str) -> None:
        try:
            await client.chat_postEphemeral(channel=channel, user=user, text=text)
        except (SlackApiError, SlackClientError) as exc:
            log.warning("slack: could not tell %s: %s", user, exc)
