"""Staff questions through the real bolt app: DMs, mentions, `/privacy ask`, feedback, retries."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.knowledge_base import build_knowledge_base
from bot.organisations import Organisations
from bot.slack.answer_blocks import HELPFUL, UNHELPFUL
from bot.slack.questions import UNAVAILABLE, QuestionDesk
from storage import Database
from tests.slack.conftest import ASK_CHANNEL, OUTSIDER, TEAM_MEMBER, Slack, all_text
from tests.slack.fake_slack import FakeSlack


async def stored_questions(db: Database) -> list[tuple[str, bool, str | None, str | None]]:
    async with db.transaction(readonly=True) as tx:
        rows = await tx.questions.recent()
    return [(q.question, q.answered, q.organisation, q.feedback) for q in reversed(rows)]


async def test_dm_question_is_answered_in_thread_with_quote_and_section(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    response = await slack.dm("How long do we keep correspondence?")
    assert response.status == 200
    [post] = await fake.wait_for("chat.postMessage")
    assert post.args["channel"] == "DALICE"
    assert post.args["thread_ts"] == "1700000001.000100"
    text = all_text(post.args["blocks"])
    quote = next(b for b in post.args["blocks"] if b["type"] == "rich_text")
    assert "Correspondence 3 years from last contact" in all_text(quote)
    assert "Aimigos Studio \u00b7 7.1 How Long We Keep Your Data" in text
    actions = next(b for b in post.args["blocks"] if b["type"] == "actions")
    assert [e["action_id"] for e in actions["elements"]] == [HELPFUL, UNHELPFUL]
    assert await stored_questions(db) == [
        ("How long do we keep correspondence?", True, None, None)]


@pytest.mark.parametrize("question", [
    "What is the airspeed velocity of an unladen swallow?",
    "How many parking spaces does the office have?",
])
async def test_abstention_says_so_points_to_sections_and_is_kept_as_a_gap(
        question: str, slack: Slack, fake: FakeSlack, db: Database,
        orgs: Organisations) -> None:
    expected = build_knowledge_base(orgs).ask(question)
    assert not expected.answered
    await slack.dm(question)
    [post] = await fake.wait_for("chat.postMessage")
    text = all_text(post.args["blocks"])
    assert "couldn't find an answer" in text
    assert ("The closest sections are" in text) == bool(expected.pointers)
    for pointer in expected.pointers:
        assert f"{pointer.organisation} \u00b7 {pointer.section} {pointer.heading}".replace(
            "  ", " ") in text
    assert not any(b["type"] == "actions" for b in post.args["blocks"])
    async with db.transaction(readonly=True) as tx:
        gaps = await tx.questions.gaps()
    assert [g.question for g in gaps] == [question]


async def test_retried_event_is_answered_once(slack: Slack, fake: FakeSlack,
                                              db: Database) -> None:
    first = await slack.dm("Who is the data controller?", event_id="EvSame")
    retry = await slack.dm("Who is the data controller?", event_id="EvSame", retry=1)
    assert first.status == retry.status == 200
    await fake.wait_for("chat.postMessage")
    await asyncio.sleep(0.3)  # give a double answer the chance to show up
    assert len(fake.of("chat.postMessage")) == 1
    assert len(await stored_questions(db)) == 1


async def test_mention_in_mapped_channel_is_scoped_to_that_organisation(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    await slack.event({"type": "app_mention", "channel": ASK_CHANNEL, "user": OUTSIDER,
                       "text": "<@UBOT> how long do we keep correspondence?",
                       "ts": "1700000005.000200"}, event_id="EvMention")
    [post] = await fake.wait_for("chat.postMessage")
    assert post.args["thread_ts"] == "1700000005.000200"
    assert "IMGN" not in all_text(post.args["blocks"])
    assert (await stored_questions(db))[0][2] == "aimigos"


async def test_bot_messages_and_edits_in_dm_are_not_questions(slack: Slack,
                                                              fake: FakeSlack) -> None:
    await slack.event({"type": "message", "channel": "DALICE", "channel_type": "im",
                       "subtype": "message_changed", "ts": "1.2"}, event_id="EvEdit")
    await slack.event({"type": "message", "channel": "DALICE", "channel_type": "im",
                       "bot_id": "BOTHER", "user": "UOTHERBOT", "text": "hello",
                       "ts": "1.3"}, event_id="EvBot")
    await asyncio.sleep(0.3)
    assert fake.of("chat.postMessage") == []


async def test_privacy_ask_command_answers_and_shows_who_asked(slack: Slack,
                                                               fake: FakeSlack) -> None:
    response = await slack.command("ask how long do we keep correspondence?")
    assert response.status == 200
    [reply] = await fake.wait_for("response_url")
    assert reply.args["response_type"] == "in_channel"
    text = all_text(reply.args["blocks"])
    assert f"<@{TEAM_MEMBER}> asked: how long do we keep correspondence?" in text
    assert "7.1 How Long We Keep Your Data" in text


async def test_feedback_click_is_stored_and_replaces_the_buttons(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    await slack.dm("How long do we keep correspondence?")
    [post] = await fake.wait_for("chat.postMessage")
    buttons = next(b for b in post.args["blocks"] if b["type"] == "actions")["elements"]
    unhelpful = next(b for b in buttons if b["action_id"] == UNHELPFUL)
    await slack.click(UNHELPFUL, unhelpful["value"], user=OUTSIDER, channel="DALICE",
                      blocks=post.args["blocks"])
    [update] = await fake.wait_for("response_url")
    assert update.args["replace_original"] is True
    assert not any(b.get("block_id") == "answer_feedback" for b in update.args["blocks"])
    assert f"<@{OUTSIDER}> marked this answer not helpful" in all_text(update.args["blocks"])
    assert (await stored_questions(db))[0][3] == "unhelpful"
    async with db.transaction(readonly=True) as tx:
        assert [g.question for g in await tx.questions.gaps()] == [
            "How long do we keep correspondence?"]


async def test_feedback_for_an_unknown_question_changes_nothing(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    await slack.click(HELPFUL, "99999", channel="DALICE")
    [reply] = await fake.wait_for("response_url")
    assert reply.args["replace_original"] is False
    assert await stored_questions(db) == []


async def test_database_down_is_said_not_swallowed(fake: FakeSlack, orgs: Organisations,
                                                   tmp_path: Path) -> None:
    broken = await Database.connect(
        f"sqlite+aiosqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}", check=False)
    try:
        desk = QuestionDesk(db=broken, kb=build_knowledge_base(orgs), orgs=orgs)
        client = AsyncWebClient(token="xoxb-test", base_url=fake.base_url)
        await desk.reply_in_thread(client, {"user": TEAM_MEMBER, "channel": "DALICE",
                                            "text": "Who is the data controller?",
                                            "ts": "1.1"}, "EvDown")
    finally:
        await broken.close()
    [post] = fake.of("chat.postMessage")
    assert post.args["text"] == UNAVAILABLE
