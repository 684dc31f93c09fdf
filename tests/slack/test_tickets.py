"""Tickets in Slack through the real bolt app and desk: the posted message, every button by a
team member and by an outsider, modals, and updates that follow the event log."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from bot.desk import Desk
from bot.slack import modals
from bot.slack.service import SlackService
from bot.slack.ticket_blocks import ASSIGN, DONE, EXTEND, MORE, REJECT, REPLY, VERIFY
from storage import Database, TicketRecord
from tests.slack.conftest import (
    AIM_CHANNEL,
    GROUP_MEMBER,
    IMG_CHANNEL,
    OUTSIDER,
    TEAM_MEMBER,
    Slack,
    all_text,
    open_ticket,
)
from tests.slack.fake_slack import Call, FakeSlack


async def ticket(db: Database, reference: str) -> TicketRecord:
    async with db.transaction(readonly=True) as tx:
        return await tx.tickets.get_by_reference(reference)


async def eventually(check: Callable[[], Awaitable[bool]], within: float = 5.0) -> None:
    """Poll the database until the action that runs after Slack's ack has landed."""
    deadline = asyncio.get_running_loop().time() + within
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, "the change never landed"
        await asyncio.sleep(0.02)


def buttons(call: Call) -> list[str]:
    actions = [b for b in call.args["blocks"] if b["type"] == "actions"]
    return [e["action_id"] for a in actions for e in a["elements"]]


async def posted(service: SlackService, fake: FakeSlack) -> Call:
    """The ticket message the notifier posts (not the lines in its thread)."""
    await service.notifier.run_once()
    [card] = await fake.wait_for("chat.postMessage", where=lambda c: "thread_ts" not in c.args)
    return card


async def test_new_ticket_is_posted_to_its_channel_with_what_the_team_needs(
        service: SlackService, fake: FakeSlack, desk: Desk, db: Database) -> None:
    opened = await open_ticket(desk, ["access"], subject="Subject access request",
                               text="Hello,\nplease send me all the data you hold about me.")
    card = await posted(service, fake)
    assert card.args["channel"] == AIM_CHANNEL
    text = all_text(card.args["blocks"])
    for expected in (opened.reference or "?", "access", "Bob Client <bob@example.com>",
                     "Received: ", "Due: not running yet", "Identity: not verified",
                     "Subject: Subject access request", "please send me all the data"):
        assert expected.replace("<", "&lt;").replace(">", "&gt;") in text, expected
    assert buttons(card) == [VERIFY, REJECT, ASSIGN, REPLY, MORE]
    async with db.transaction(readonly=True) as tx:
        post = await tx.slack.get_post((await ticket(db, opened.reference or "")).id)
    assert post is not None
    assert post.channel == AIM_CHANNEL
    [line] = [c for c in fake.of("chat.postMessage") if c.args.get("thread_ts")]
    assert "Mail to the requester: verification request" in line.args["text"]
    # Nothing new: running again posts nothing more.
    assert await service.notifier.run_once() == 0
    assert len(fake.of("chat.postMessage")) == 2


async def test_mail_cannot_ping_or_format_in_slack(service: SlackService, fake: FakeSlack,
                                                    desk: Desk) -> None:
    await open_ticket(desk, ["complaint"], subject="<!channel> *URGENT* <@U123ABC>",
                      text="<!here> ping <https://evil.example|your bank>\n_italic_ ~gone~")
    card = await posted(service, fake)
    text = all_text(card.args["blocks"]) + card.args["text"]
    for dangerous in ("<!channel>", "<!here>", "<@U123ABC>", "<https://evil"):
        assert dangerous not in text
    assert "&lt;!channel&gt; *URGENT* &lt;@U123ABC&gt;" in text
    mail_block = card.args["blocks"][2]
    assert mail_block["text"]["type"] == "plain_text"  # mrkdwn from mail is shown literally
    assert "_italic_ ~gone~" in mail_block["text"]["text"]


async def test_verify_by_team_member_opens_modal_records_check_and_updates_message(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = (await open_ticket(desk, ["erasure"])).reference or ""
    card = await posted(service, fake)
    await slack.click(VERIFY, reference, ts=card.args.get("ts", "1700000000.000001"))
    [opened] = await fake.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == modals.VERIFY_MODAL
    response = await slack.submit(view, {modals.TEXT_BLOCK: {modals.TEXT_ACTION: {
        "type": "plain_text_input", "value": "Matched date of birth on a call"}}})
    assert response.status == 200

    async def verified() -> bool:
        return (await ticket(db, reference)).state == "in_progress"
    await eventually(verified)
    await service.notifier.run_once()
    [update] = await fake.wait_for("chat.update")
    assert update.args["channel"] == AIM_CHANNEL
    assert "Identity: verified" in all_text(update.args["blocks"])
    assert VERIFY not in buttons(update)
    thread = [c for c in fake.of("chat.postMessage") if c.args.get("thread_ts")]
    assert thread
    assert "Matched date of birth on a call" in thread[-1].args["text"]
    assert f"<@{TEAM_MEMBER}>" in thread[-1].args["text"]


async def test_extend_reject_done_and_assign_by_team_members(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    first = (await open_ticket(desk, ["complaint"], subject="One")).reference or ""
    second = (await open_ticket(desk, ["complaint"], subject="Two")).reference or ""
    await service.notifier.run_once()

    await slack.click(EXTEND, first)
    [extend_modal] = await fake.wait_for("views.open")
    await slack.submit(extend_modal.args["view"], {modals.TEXT_BLOCK: {modals.TEXT_ACTION: {
        "value": "Thousands of recordings to review"}}})
    await slack.click(ASSIGN, first)
    await slack.click(REJECT, second)
    [_, reject_modal] = await fake.wait_for("views.open", 2)
    await slack.submit(reject_modal.args["view"], {
        modals.REASON_BLOCK: {modals.REASON_ACTION: {"selected_option": {
            "value": "manifestly_excessive"}}},
        modals.TEXT_BLOCK: {modals.TEXT_ACTION: {"value": "Fifth identical request this week"}},
    })

    async def settled() -> bool:
        one, two = await ticket(db, first), await ticket(db, second)
        return (one.state, one.assigned_to, two.state) == (
            "extended", f"slack:{TEAM_MEMBER}", "rejected")
    await eventually(settled)
    assert (await ticket(db, second)).rejection_reason == (
        "manifestly_excessive: Fifth identical request this week")

    await slack.click(DONE, first)

    async def done() -> bool:
        return (await ticket(db, first)).state == "done"
    await eventually(done)
    fake.clear()
    await service.notifier.run_once()
    updates = {c.args["ts"]: c for c in fake.of("chat.update")}
    assert len(updates) == 2
    lines = "\n".join(c.args["text"] for c in fake.of("chat.postMessage"))
    assert "Extended by" in lines
    assert "Thousands of recordings to review" in lines
    assert f"Assigned to <@{TEAM_MEMBER}>" in lines
    assert "Rejected by" in lines
    assert "manifestly excessive" in lines
    assert "Marked done by" in lines
    assert all(buttons(update) == [] for update in updates.values())
    assert fake.of("chat.postEphemeral") == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("action_id", [VERIFY, EXTEND, DONE, REJECT, ASSIGN])
async def test_outsider_gets_ephemeral_refusal_and_nothing_changes(
        action_id: str, service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk,
        db: Database) -> None:
    reference = (await open_ticket(desk, ["access"])).reference or ""
    await service.notifier.run_once()
    before = await ticket(db, reference)
    await slack.click(action_id, reference, user=OUTSIDER)
    [refusal] = await fake.wait_for("chat.postEphemeral")
    assert refusal.args["user"] == OUTSIDER
    assert "Only members of Aimigos Studio's privacy team" in refusal.args["text"]
    await asyncio.sleep(0.1)
    assert fake.of("views.open") == []
    assert await ticket(db, reference) == before


async def test_outsider_submitting_an_old_modal_is_refused(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = (await open_ticket(desk, ["erasure"])).reference or ""
    view = modals.verify_modal(modals.ModalContext(reference=reference, channel=AIM_CHANNEL))
    await slack.submit(view, {modals.TEXT_BLOCK: {modals.TEXT_ACTION: {"value": "trust me"}}},
                       user=OUTSIDER)
    await fake.wait_for("chat.postEphemeral")
    assert (await ticket(db, reference)).state == "awaiting_identity"


async def test_button_values_are_checked_on_the_server(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = (await open_ticket(desk, ["complaint"])).reference or ""
    # A reference that does not exist, one that is not a reference, and a real Aimigos ticket
    # clicked from IMGN's channel by IMGN's own team member.
    await slack.click(DONE, "AIM-2026-9999")
    await slack.click(DONE, "'; DROP TABLE tickets; --")
    await slack.click(DONE, reference, user=GROUP_MEMBER, channel=IMG_CHANNEL)
    refusals = [c.args["text"] for c in await fake.wait_for("chat.postEphemeral", 3)]
    assert any("There is no ticket AIM-2026-9999" in r for r in refusals)
    assert any("not a ticket reference" in r for r in refusals)
    assert any("not handled in this channel" in r for r in refusals)
    assert (await ticket(db, reference)).state == "in_progress"


async def test_user_group_member_may_act_on_their_organisation(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = (await open_ticket(desk, ["complaint"], org="imgn")).reference or ""
    await slack.click(ASSIGN, reference, user=GROUP_MEMBER, channel=IMG_CHANNEL)

    async def assigned() -> bool:
        return (await ticket(db, reference)).assigned_to == f"slack:{GROUP_MEMBER}"
    await eventually(assigned)
    [lookup] = fake.of("usergroups.users.list")
    assert lookup.args["usergroup"] == "S0IMGNTEAM"


async def test_desk_refusal_is_told_to_the_clicker(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = (await open_ticket(desk, ["complaint"])).reference or ""
    await slack.click(DONE, reference)
    await eventually(lambda: _state_is(db, reference, "done"))
    await slack.click(DONE, reference)  # a stale message: the ticket is already done
    [told] = await fake.wait_for("chat.postEphemeral")
    assert f"Could not mark done {reference}" in told.args["text"]
    assert "cannot move to done" in told.args["text"]


async def _state_is(db: Database, reference: str, state: str) -> bool:
    return (await ticket(db, reference)).state == state



async def test_refusing_an_unverified_request_warns_the_clicker(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = (await open_ticket(desk, ["erasure"])).reference or ""
    await service.notifier.run_once()
    await slack.click(REJECT, reference)
    [reject_modal] = await fake.wait_for("views.open")
    await slack.submit(reject_modal.args["view"], {
        modals.REASON_BLOCK: {modals.REASON_ACTION: {"selected_option": {
            "value": "manifestly_unfounded"}}},
        modals.TEXT_BLOCK: {modals.TEXT_ACTION: {"value": "Her ex-partner sent it"}},
    })
    await eventually(lambda: _state_is(db, reference, "rejected"))
    [told] = await fake.wait_for("chat.postEphemeral")
    assert told.args["user"] == TEAM_MEMBER
    assert "reason was not sent" in told.args["text"]
    fake.clear()
    await service.notifier.run_once()
    lines = "\n".join(c.args["text"] for c in fake.of("chat.postMessage"))
    assert "without its reason" in lines
