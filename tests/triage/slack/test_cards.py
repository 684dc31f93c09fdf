"""Triage in Slack, from outside: signed requests to the real bolt app, the recording fake
Slack, the real desk and database. Cards follow the event log; only the team may decide."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.desk import Desk
from bot.desk.triage import Triage
from bot.organisations import Organisations
from bot.slack import triage_blocks as tb
from bot.slack.digest import Digest
from bot.slack.service import SlackService
from bot.slack.triage import TriageNotifier
from intents import Classification, classify, read_message
from storage import Database
from tests.slack.conftest import (
    AIM_CHANNEL,
    IMG_CHANNEL,
    OUTSIDER,
    TEAM_MEMBER,
    Slack,
    all_text,
    client_mail,
)
from tests.slack.fake_slack import Call, FakeSlack

VAGUE = "Hi, I had an account with you years ago and I am not happy about what happened to it."


async def arrive(desk: Desk, subject: str = "About my account", text: str = VAGUE,
                 **headers: str) -> int:
    """A person's mail through the real reader and classifier; its stored number."""
    raw = client_mail(subject, text)
    if headers:
        raw = b"".join(f"{k}: {v}\r\n".encode() for k, v in headers.items()) + raw
    mail = read_message(raw)
    await desk.receive_mail("aimigos", raw, mail, classify(mail), envelope_from="bob@example.com")
    page = await Triage(desk).page()
    return page.items[-1].message.id if page.items else 0


def cards(fake: FakeSlack) -> list[Call]:
    return [c for c in fake.of("chat.postMessage") if "thread_ts" not in c.args
            and "triage" in all_text(c.args.get("blocks"))]


async def eventually(check: Callable[[], Awaitable[bool]], within: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + within
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, "the change never landed"
        await asyncio.sleep(0.02)


async def test_card_shows_the_mail_escaped_and_what_the_classifier_saw(
        service: SlackService, fake: FakeSlack, desk: Desk) -> None:
    await arrive(desk, subject="<!channel> *URGENT* <@U123ABC>")
    await service.triage_notifier.run_once()
    [card] = cards(fake)
    assert card.args["channel"] == AIM_CHANNEL
    text = all_text(card.args["blocks"]) + card.args["text"]
    for dangerous in ("<!channel>", "<@U123ABC>"):
        assert dangerous not in text
    assert "bob@example.com" in text
    assert "not happy" in text
    for intent in ("access", "erasure", "opt-out", "complaint"):  # every score, under too
        assert intent in text
    actions = [b for b in card.args["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in actions[0]["elements"]] == [tb.OPEN, tb.DISMISS]
    # a second round (or a restart) posts nothing more
    await service.triage_notifier.run_once()
    assert len(cards(fake)) == 1


async def test_member_opens_as_access_from_the_card(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    pk = await arrive(desk)
    await service.triage_notifier.run_once()
    [card] = cards(fake)
    await slack.click(tb.OPEN, str(pk), ts=card.args.get("ts", ""))
    [opened] = await fake.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == tb.OPEN_MODAL
    suggested = (await Triage(desk).detail(pk)).suggested
    element = view["blocks"][-1]["element"]
    assert [o["value"] for o in element.get("initial_options", [])] == suggested
    assert [o["value"] for o in element["options"]][:4] == [
        "access", "erasure", "opt_out", "complaint"]
    await slack.submit(view, {tb.RIGHTS_BLOCK: {tb.RIGHTS_ACTION: {
        "type": "multi_static_select",
        "selected_options": [{"value": "access", "text": {"type": "plain_text",
                                                          "text": "access"}}]}}})

    async def ticketed() -> bool:
        return bool(await desk.list_tickets())
    await eventually(ticketed)
    [ticket] = await desk.list_tickets()
    async with db.transaction(readonly=True) as tx:
        message = await tx.messages.get(pk)
    assert ticket.intents == ["access"]
    assert ticket.received_at == message.received_at
    view_ = await desk.get_ticket(ticket.reference)
    assert [o.kind for o in view_.outbox] == ["verification_request"]
    opened_event = next(e for e in view_.events if e.kind == "triage_opened")
    assert opened_event.actor == f"slack:{TEAM_MEMBER}"
    await service.triage_notifier.run_once()
    [update] = await fake.wait_for("chat.update")
    async with db.transaction(readonly=True) as tx:
        saved = await tx.triage.get_card(pk)
    assert saved is not None
    assert update.args["ts"] == saved.ts  # the same card, updated in place
    assert len(cards(fake)) == 1
    shown = all_text(update.args["blocks"])
    assert ticket.reference in shown
    assert f"<@{TEAM_MEMBER}>" in shown
    assert tb.OPEN not in [e.get("action_id") for b in update.args["blocks"]
                           if b["type"] == "actions" for e in b["elements"]]


async def test_member_dismisses_with_a_reason(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk) -> None:
    pk = await arrive(desk)
    await service.triage_notifier.run_once()
    await slack.click(tb.DISMISS, str(pk))
    [opened] = await fake.wait_for("views.open")
    await slack.submit(opened.args["view"], {tb.REASON_BLOCK: {tb.REASON_ACTION: {
        "value": "a <!here> thank-you"}}})

    async def decided() -> bool:
        return (await Triage(desk).detail(pk)).decision is not None
    await eventually(decided)
    await service.triage_notifier.run_once()
    [update] = await fake.wait_for("chat.update")
    shown = all_text(update.args["blocks"])
    assert "Not a request" in shown
    assert "thank-you" in shown
    assert "<!here>" not in shown
    assert await desk.list_tickets() == []


async def test_anyone_else_changes_nothing(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk) -> None:
    pk = await arrive(desk)
    await service.triage_notifier.run_once()
    await slack.click(tb.OPEN, str(pk), user=OUTSIDER)
    [refusal] = await fake.wait_for("chat.postEphemeral")
    assert refusal.args["user"] == OUTSIDER
    assert "Only members of Aimigos Studio's privacy team" in refusal.args["text"]
    await slack.click(tb.OPEN, str(pk), channel=IMG_CHANNEL)  # a member, the wrong channel
    await fake.wait_for("chat.postEphemeral", 2)
    await slack.click(tb.OPEN, "99999")  # no such mail
    await fake.wait_for("chat.postEphemeral", 3)
    # an outsider submitting an old modal
    view = tb.open_modal(tb.TriageContext(message=pk, channel=AIM_CHANNEL), ("access",), ())
    await slack.submit(view, {tb.RIGHTS_BLOCK: {tb.RIGHTS_ACTION: {
        "selected_options": [{"value": "access"}]}}}, user=OUTSIDER)
    await fake.wait_for("chat.postEphemeral", 4)
    # a member choosing nothing
    await slack.submit(view, {tb.RIGHTS_BLOCK: {tb.RIGHTS_ACTION: {"selected_options": []}}})
    [*_, empty] = await fake.wait_for("chat.postEphemeral", 5)
    assert "no right given" in empty.args["text"]
    await asyncio.sleep(0.1)
    assert fake.of("views.open") == []
    assert await desk.list_tickets() == []
    assert (await Triage(desk).page()).total == 1


async def test_slack_away_loses_no_card(service: SlackService, fake: FakeSlack, desk: Desk,
                                        db: Database, orgs: Organisations) -> None:
    await arrive(desk)
    down = TriageNotifier(db=db, orgs=orgs, triage=Triage(desk), client=AsyncWebClient(
        token="xoxb-test", base_url="http://127.0.0.1:9/api/"))
    with pytest.raises(Exception):  # noqa: B017,PT011 - whatever aiohttp raises for a refused port
        await down.run_once()
    await service.triage_notifier.run_once()
    assert len(cards(fake)) == 1


async def test_automatic_mail_gets_no_card(service: SlackService, fake: FakeSlack,
                                           desk: Desk) -> None:
    await arrive(desk, subject="Out of office", text="Away until Monday.",
                 **{"Auto-Submitted": "auto-replied"})
    await arrive(desk, subject="Our news", text="This month...",
                 **{"List-Unsubscribe": "<mailto:x@example.com>", "Precedence": "bulk"})
    await service.triage_notifier.run_once()
    assert cards(fake) == []
    assert (await Triage(desk).page()).total == 0


async def test_digest_and_home_show_the_backlog(service: SlackService, slack: Slack,
                                                fake: FakeSlack, desk: Desk, db: Database,
                                                orgs: Organisations) -> None:
    await arrive(desk)
    await arrive(desk, subject="Second")
    digest = Digest(db=db, orgs=orgs, client=service.client)
    assert await digest.send_due(datetime.now(UTC).replace(hour=9)) == ["aimigos"]
    [posted] = [c for c in fake.of("chat.postMessage") if c.args["channel"] == AIM_CHANNEL]
    assert "2 mails awaiting triage" in all_text(posted.args["blocks"])
    await slack.event({"type": "app_home_opened", "user": TEAM_MEMBER, "tab": "home"},
                      event_id="EvHome")
    [home] = await fake.wait_for("views.publish")
    assert "2 mails awaiting triage" in all_text(home.args["view"]["blocks"])


async def test_a_close_call_says_check_the_intents_on_its_ticket_card(
        service: SlackService, fake: FakeSlack, desk: Desk) -> None:
    for subject, scores in (("close", {"access": 0.55, "erasure": 0.1}),
                            ("clear", {"access": 0.95, "erasure": 0.0})):
        raw = client_mail(subject, "Please send me my data.")
        await desk.receive_mail("aimigos", raw, read_message(raw), Classification(
            intents=["access"], scores=scores), envelope_from="bob@example.com")
    await service.notifier.run_once()
    posted = {c.args["text"]: all_text(c.args["blocks"]) for c in fake.of("chat.postMessage")
              if "thread_ts" not in c.args}
    close, clear = (next(text for text in posted.values() if f"{subject}" in text)
                    for subject in ("Subject: close", "Subject: clear"))
    assert "Check the intents" in close
    assert "access scored 0.55" in close
    assert "Check the intents" not in clear


async def test_a_ticket_opened_from_triage_is_not_flagged(
        service: SlackService, fake: FakeSlack, desk: Desk) -> None:
    pk = await arrive(desk)
    reference = (await Triage(desk).open(pk, ["access"], "slack:UALICE", "slack")).reference
    await service.notifier.run_once()
    [card] = [c for c in fake.of("chat.postMessage") if "thread_ts" not in c.args
              and reference in all_text(c.args["blocks"])]
    assert "Check the intents" not in all_text(card.args["blocks"])


async def test_reclassify_updates_the_card_and_opens_nothing(
        service: SlackService, fake: FakeSlack, desk: Desk) -> None:
    raw = client_mail("Old reading", "Please delete all my personal data.")
    # stored as an older classifier read it: no request
    await desk.receive_mail("aimigos", raw, read_message(raw), Classification(),
                            envelope_from="bob@example.com")
    await service.triage_notifier.run_once()
    assert len(cards(fake)) == 1
    found = await Triage(desk).reclassify()
    assert [item.intents for item in found] == [["erasure"]]
    await service.triage_notifier.run_once()
    [update] = await fake.wait_for("chat.update")
    assert "now reads it as *erasure*" in all_text(update.args["blocks"])
    assert await desk.list_tickets() == []
    assert (await Triage(desk).page()).items[0].suggested == ["erasure"]
    assert await Triage(desk).reclassify() == found  # the same reading again: no new event
    await service.triage_notifier.run_once()
    assert len(fake.of("chat.update")) == 1
