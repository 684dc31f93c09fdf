"""A person behind every "I don't know", through the real bolt app and the recording fake
Slack: the asker's "Ask the privacy team" click, the post in the privacy channel, a team
member's reply in its thread going back to the asker and kept, and a later question like it
getting the team's answer, labelled as the team's, in its own organisation only."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from bot.slack.answer_blocks import HELPFUL, UNHELPFUL
from bot.slack.escalation import ASK_TEAM
from bot.slack.signing import FORM, interaction_body
from storage import Database, TeamAnswerRecord
from tests.slack.conftest import (
    AIM_CHANNEL,
    ASK_CHANNEL,
    GROUP_MEMBER,
    IMG_CHANNEL,
    OUTSIDER,
    TEAM_MEMBER,
    Slack,
    all_text,
)
from tests.slack.fake_slack import Call, FakeSlack

UNANSWERED = "How many parking spaces does the office have?"
LATER = "How many parking spaces are there at the office?"
ASKED_AT = "1700000005.000200"
ANSWER_TS = "1700000005.000300"
TEAM_REPLY = "Twelve spaces; ask reception for a visitor permit & a badge."


async def mention(slack: Slack, text: str, *, channel: str = ASK_CHANNEL,
                  ts: str = ASKED_AT, event_id: str = "EvAsk") -> None:
    await slack.event({"type": "app_mention", "channel": channel, "user": OUTSIDER,
                       "text": f"<@UBOT> {text}", "ts": ts}, event_id=event_id)


def ask_team_buttons(blocks: list[dict[str, Any]]) -> list[str]:
    return [b["accessory"]["value"] for b in blocks
            if b.get("accessory", {}).get("action_id") == ASK_TEAM]


async def click_ask_team(slack: Slack, value: str, *, channel: str = ASK_CHANNEL,
                         user: str = OUTSIDER) -> None:
    """The click as Slack sends it for a button on the bot's reply in the asker's thread."""
    payload = {
        "type": "block_actions", "team": {"id": "T0001"}, "api_app_id": "A0001",
        "user": {"id": user, "team_id": "T0001"}, "trigger_id": "trigger.click",
        "container": {"type": "message", "channel_id": channel, "message_ts": ANSWER_TS},
        "channel": {"id": channel}, "response_url": slack.fake.response_url,
        "message": {"ts": ANSWER_TS, "thread_ts": ASKED_AT, "blocks": []},
        "actions": [{"type": "button", "action_id": ASK_TEAM, "block_id": "b",
                     "value": value, "action_ts": "1700000006.0"}],
    }
    response = await slack.send(interaction_body(payload), FORM)
    assert response.status == 200


def thread_reply(parent: str, user: str, text: str, ts: str,
                 channel: str = AIM_CHANNEL, **extra: Any) -> dict[str, Any]:
    return {"type": "message", "channel": channel, "channel_type": "channel", "user": user,
            "text": text, "ts": ts, "thread_ts": parent, **extra}


def to(channel: str) -> Callable[[Call], bool]:
    return lambda call: call.args.get("channel") == channel


async def team_answers(db: Database) -> list[TeamAnswerRecord]:
    async with db.transaction(readonly=True) as tx:
        return await tx.team_answers.list()


async def escalate(slack: Slack, fake: FakeSlack, db: Database) -> TeamAnswerRecord:
    """Ask an unanswerable question in Aimigos' question channel and click the button."""
    await mention(slack, UNANSWERED)
    [reply] = await fake.wait_for("chat.postMessage")
    [value] = ask_team_buttons(reply.args["blocks"])
    assert value.endswith(":aimigos")
    await click_ask_team(slack, value)
    await fake.wait_for("chat.postMessage", where=to(AIM_CHANNEL))
    await fake.wait_for("chat.postMessage", count=2, where=to(ASK_CHANNEL))
    [record] = await team_answers(db)
    return record


async def test_round_trip_asker_channel_team_answer_back_and_a_later_question(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    record = await escalate(slack, fake, db)
    [post] = [c for c in fake.of("chat.postMessage") if c.args["channel"] == AIM_CHANNEL]
    shown = all_text(post.args["blocks"])
    assert UNANSWERED in shown
    assert f"<@{OUTSIDER}>" in shown
    assert "closest passages" in shown  # the bot's nearest sections go with the question
    told = [c for c in fake.of("chat.postMessage") if c.args["channel"] == ASK_CHANNEL][-1]
    assert told.args["thread_ts"] == ASKED_AT
    assert "privacy team" in told.args["text"]
    assert (record.organisation, record.question, record.asked_by, record.status) == (
        "aimigos", UNANSWERED, f"slack:{OUTSIDER}", "awaiting")
    assert (record.post_channel, record.reply_channel, record.reply_thread) == (
        AIM_CHANNEL, ASK_CHANNEL, ASKED_AT)

    fake.clear()
    await slack.event(thread_reply(record.post_ts, TEAM_MEMBER,
                                   TEAM_REPLY.replace("&", "&amp;"), "1700000007.000001"),
                      "EvTeam")
    [back] = await fake.wait_for("chat.postMessage", where=to(ASK_CHANNEL))
    assert back.args["thread_ts"] == ASKED_AT
    text = all_text(back.args["blocks"])
    assert "visitor permit" in text
    assert f"<@{OUTSIDER}>" in text
    assert "privacy team" in text
    assert f"<@{TEAM_MEMBER}>" in text
    await fake.wait_for("chat.postMessage", where=to(AIM_CHANNEL))  # "sent back" in the thread
    [stored] = await team_answers(db)
    assert (stored.answer, stored.author, stored.status) == (
        TEAM_REPLY, f"slack:{TEAM_MEMBER}", "current")
    assert stored.answered_at is not None
    assert stored.answered_at.date() == datetime.now(UTC).date()

    fake.clear()
    await mention(slack, LATER, ts="1700000008.000100", event_id="EvLater")
    [later] = await fake.wait_for("chat.postMessage")
    blocks = later.args["blocks"]
    text = all_text(blocks)
    assert "Answer from Aimigos Studio's privacy team" in text
    assert "not the policy's words" in text
    assert f"<@{TEAM_MEMBER}>" in text
    assert stored.answered_at.strftime("%d %b %Y") in text
    quotes = all_text([b for b in blocks if b["type"] == "rich_text"])
    assert "visitor permit" not in quotes  # never shown as a quote of the policy
    assert "visitor permit" in later.args["text"]
    assert ask_team_buttons(blocks) == []  # answered: feedback instead of a new escalation
    feedback = next(b for b in blocks if b["type"] == "actions")
    assert [e["action_id"] for e in feedback["elements"]] == [HELPFUL, UNHELPFUL]


async def test_a_team_answer_never_reaches_another_organisation(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    record = await escalate(slack, fake, db)
    await slack.event(thread_reply(record.post_ts, TEAM_MEMBER, TEAM_REPLY,
                                   "1700000007.000001"), "EvTeam")
    await fake.wait_for("chat.postMessage", count=2, where=to(AIM_CHANNEL))
    fake.clear()
    # The same question in IMGN Studio's channel, and in a DM (no organisation meant).
    await mention(slack, UNANSWERED, channel=IMG_CHANNEL, ts="1700000009.000001",
                  event_id="EvImg")
    await slack.dm(UNANSWERED, user=OUTSIDER, event_id="EvDmSame")
    replies = await fake.wait_for("chat.postMessage", count=2)
    for reply in replies:
        text = all_text(reply.args["blocks"]) + reply.args["text"]
        assert "visitor permit" not in text
        assert "privacy team answered" not in text
        assert "Answer from" not in text
    imgn = next(r for r in replies if r.args["channel"] == IMG_CHANNEL)
    assert [v.split(":")[1] for v in ask_team_buttons(imgn.args["blocks"])] == ["imgn"]
    dm = next(r for r in replies if r.args["channel"] == "DALICE")
    assert sorted(v.split(":")[1] for v in ask_team_buttons(dm.args["blocks"])) == [
        "aimigos", "imgn"]  # asked where no organisation is meant: the asker chooses


async def test_only_a_team_member_answers_and_only_once(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    record = await escalate(slack, fake, db)
    fake.clear()
    await slack.event(thread_reply(record.post_ts, OUTSIDER, "I think about ten?",
                                   "1700000007.000001"), "EvOut")
    await slack.event(thread_reply(record.post_ts, TEAM_MEMBER, "from a bot",
                                   "1700000007.000002", bot_id="B1"), "EvBot")
    await slack.event(thread_reply(record.post_ts, TEAM_MEMBER, "edited",
                                   "1700000007.000003", subtype="message_changed"), "EvEdit")
    await asyncio.sleep(0.3)  # give a wrong answer the chance to be stored or relayed
    assert fake.of("chat.postMessage") == []
    assert (await team_answers(db))[0].status == "awaiting"
    async with db.transaction(readonly=True) as tx:  # nor did it become a ticket note
        assert await tx.events.last_id() == 0

    await slack.event(thread_reply(record.post_ts, TEAM_MEMBER, TEAM_REPLY,
                                   "1700000007.000004"), "EvTeam")
    await slack.event(thread_reply(record.post_ts, TEAM_MEMBER, TEAM_REPLY,
                                   "1700000007.000004"), "EvTeam", retry=1)
    await fake.wait_for("chat.postMessage", where=to(ASK_CHANNEL))
    await fake.wait_for("chat.postMessage", where=to(AIM_CHANNEL))
    await slack.event(thread_reply(record.post_ts, TEAM_MEMBER, "Actually, let me check",
                                   "1700000007.000005"), "EvTeam2")
    await asyncio.sleep(0.3)
    assert len(fake.of("chat.postMessage")) == 2  # back to the asker, and "sent" once
    [stored] = await team_answers(db)
    assert stored.answer == TEAM_REPLY


async def test_not_helpful_offers_the_team_and_a_second_click_sends_nothing(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    await mention(slack, "How long do we keep correspondence?")
    [post] = await fake.wait_for("chat.postMessage")
    assert ask_team_buttons(post.args["blocks"]) == []  # answered: no offer yet
    buttons = next(b for b in post.args["blocks"] if b["type"] == "actions")["elements"]
    question_id = buttons[0]["value"]
    await slack.click(UNHELPFUL, question_id, user=OUTSIDER, channel=ASK_CHANNEL,
                      blocks=post.args["blocks"])
    [update] = await fake.wait_for("response_url")
    assert ask_team_buttons(update.args["blocks"]) == [f"{question_id}:aimigos"]
    await click_ask_team(slack, f"{question_id}:aimigos")
    await fake.wait_for("chat.postMessage", where=to(AIM_CHANNEL))
    await fake.wait_for("chat.postMessage", count=2, where=to(ASK_CHANNEL))
    await click_ask_team(slack, f"{question_id}:aimigos")
    [again] = await fake.wait_for("chat.postEphemeral")
    assert "was sent to the privacy team" in again.args["text"]
    assert len([c for c in fake.of("chat.postMessage") if c.args["channel"] == AIM_CHANNEL]) == 1
    assert len(await team_answers(db)) == 1


async def test_a_question_cannot_be_sent_to_another_organisations_team(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    await mention(slack, UNANSWERED)
    [reply] = await fake.wait_for("chat.postMessage")
    [value] = ask_team_buttons(reply.args["blocks"])
    await click_ask_team(slack, value.replace(":aimigos", ":imgn"))
    await click_ask_team(slack, "99999:aimigos")
    await click_ask_team(slack, "nonsense")
    told = await fake.wait_for("chat.postEphemeral", count=3)
    texts = sorted(t.args["text"] for t in told)  # the three clicks are handled concurrently
    assert sum("cannot go to that organisation" in t for t in texts) == 1
    assert sum("no longer on record" in t for t in texts) == 2
    assert [c for c in fake.of("chat.postMessage") if c.args["channel"] == IMG_CHANNEL] == []
    assert await team_answers(db) == []


async def test_a_confident_policy_answer_comes_before_the_teams(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    question = "How long do we keep correspondence?"  # the policy answers it, confidently
    async with db.transaction() as tx:
        record = await tx.team_answers.escalate(
            organisation="aimigos", question=question, asked_by="slack:UBOB",
            post_channel=AIM_CHANNEL, post_ts="1.1", reply_channel=ASK_CHANNEL)
        await tx.team_answers.answer(record.id, answer="Three years, then we shred it.",
                                     author=f"slack:{TEAM_MEMBER}")
    await mention(slack, "how long is correspondence kept?")
    [post] = await fake.wait_for("chat.postMessage")
    kinds = [("policy" if b["type"] == "rich_text" else
              "team" if "privacy team*" in all_text(b) else b["type"])
             for b in post.args["blocks"]]
    assert kinds.index("policy") < kinds.index("team") < kinds.index("actions")
    assert "Correspondence 3 years" in post.args["text"]  # the notification is the policy's


async def test_app_home_lists_the_team_answers_to_the_team_only(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    record = await escalate(slack, fake, db)
    await slack.event(thread_reply(record.post_ts, TEAM_MEMBER, TEAM_REPLY,
                                   "1700000007.000001"), "EvTeam")
    await fake.wait_for("chat.postMessage", count=2, where=to(AIM_CHANNEL))
    for user, event_id in ((TEAM_MEMBER, "EvHome1"), (OUTSIDER, "EvHome2")):
        await slack.event({"type": "app_home_opened", "user": user, "tab": "home"}, event_id)
    published = await fake.wait_for("views.publish", count=2)
    views = {c.args["user_id"]: all_text(c.args["view"]) for c in published}
    assert "Team answers of Aimigos Studio" in views[TEAM_MEMBER]
    assert "visitor permit" in views[TEAM_MEMBER]
    assert f"#{record.id}" in views[TEAM_MEMBER]
    assert "visitor permit" not in views[OUTSIDER]


async def test_asked_in_a_dm_the_asker_chooses_the_team_and_the_answer_comes_to_the_dm(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    await slack.dm(UNANSWERED, user=OUTSIDER)
    [reply] = await fake.wait_for("chat.postMessage")
    imgn = next(v for v in ask_team_buttons(reply.args["blocks"]) if v.endswith(":imgn"))
    await click_ask_team(slack, imgn, channel="DALICE")
    [post] = await fake.wait_for("chat.postMessage", where=to(IMG_CHANNEL))
    assert UNANSWERED in all_text(post.args["blocks"])
    await fake.wait_for("chat.postMessage", count=2, where=to("DALICE"))  # "I've asked"
    [record] = await team_answers(db)
    assert (record.organisation, record.reply_channel) == ("imgn", "DALICE")
    fake.clear()
    # IMGN's team is a user group: Aimigos' listed member may not answer for it; its member may.
    await slack.event(thread_reply(record.post_ts, TEAM_MEMBER, "Not ours to say",
                                   "1700000007.000001", channel=IMG_CHANNEL), "EvWrongTeam")
    await asyncio.sleep(0.3)
    assert fake.of("chat.postMessage") == []
    await slack.event(thread_reply(record.post_ts, GROUP_MEMBER, "Four, behind the studio.",
                                   "1700000007.000002", channel=IMG_CHANNEL), "EvImgTeam")
    [back] = await fake.wait_for("chat.postMessage", where=to("DALICE"))
    assert back.args["thread_ts"] == ASKED_AT
    assert "Four, behind the studio." in all_text(back.args["blocks"])
    assert "IMGN Studio's privacy team" in all_text(back.args["blocks"])
    assert (await team_answers(db))[0].author == f"slack:{GROUP_MEMBER}"


async def test_an_unreachable_privacy_channel_is_said_and_nothing_is_kept(
        slack: Slack, fake: FakeSlack, db: Database) -> None:
    await mention(slack, UNANSWERED)
    [reply] = await fake.wait_for("chat.postMessage")
    [value] = ask_team_buttons(reply.args["blocks"])
    fake.failing["chat.postMessage"] = "not_in_channel"
    await click_ask_team(slack, value)
    [told] = await fake.wait_for("chat.postEphemeral")
    assert "couldn't reach Aimigos Studio's privacy channel" in told.args["text"]
    assert await team_answers(db) == []
    del fake.failing["chat.postMessage"]
    await click_ask_team(slack, value)  # and it can be asked again once the channel is back
    await fake.wait_for("chat.postMessage", count=2, where=to(ASK_CHANNEL))
    assert len(await team_answers(db)) == 1
