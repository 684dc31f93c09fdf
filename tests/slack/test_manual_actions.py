"""The team's own hand in Slack, through signed requests to the real bolt app, the real desk
and the recording fake Slack: Reply (canned replies too), Change rights, notes from a
ticket's thread, the new-request shortcut, and every other CLI action on a ticket; anyone
outside the team changes nothing."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from slack_bolt.response import BoltResponse

from bot.desk import Desk
from bot.slack import manual_modals as mm
from bot.slack import modals
from bot.slack.manual_actions import CLOSE_MODAL
from bot.slack.service import SlackService
from bot.slack.signing import FORM, interaction_body
from bot.slack.ticket_blocks import (
    CLARIFY,
    CLOSE_UNVERIFIED,
    FEE,
    FEE_PAID,
    INTENTS,
    MERGE,
    MORE,
    REPLY,
    RESEND,
    RESUME,
    SPLIT,
)
from storage import Database, TicketRecord
from tests.slack.conftest import AIM_CHANNEL, OUTSIDER, TEAM_MEMBER, Slack, all_text, open_ticket
from tests.slack.fake_slack import FakeSlack
from tests.slack.test_tickets import eventually, posted, ticket


async def more(slack: Slack, action: str, reference: str, *, user: str = TEAM_MEMBER,
               ts: str = "1700000000.000001") -> BoltResponse:
    """Pick `action` in the card's "More" menu."""
    payload = {
        "type": "block_actions", "team": {"id": "T0001"}, "api_app_id": "A0001",
        "user": {"id": user, "team_id": "T0001"}, "trigger_id": "trigger.more",
        "container": {"type": "message", "channel_id": AIM_CHANNEL, "message_ts": ts},
        "channel": {"id": AIM_CHANNEL}, "response_url": slack.fake.response_url,
        "message": {"ts": ts, "blocks": []},
        "actions": [{"type": "static_select", "action_id": MORE, "block_id": "b",
                     "selected_option": {"value": f"{action}|{reference}"},
                     "action_ts": "1700000002.0"}],
    }
    return await slack.send(interaction_body(payload), FORM)


async def opened_view(fake: FakeSlack, count: int = 1) -> dict[str, Any]:
    calls = await fake.wait_for("views.open", count)
    view: dict[str, Any] = calls[-1].args["view"]
    return view


def text_values(block: str, value: str, action: str = mm.VALUE) -> dict[str, Any]:
    return {block: {action: {"type": "plain_text_input", "value": value}}}


def options(*values: str) -> dict[str, Any]:
    return {mm.CHOICE_BLOCK: {mm.CHOICE_ACTION: {
        "type": "checkboxes", "selected_options": [{"value": v} for v in values]}}}


async def events_of(desk: Desk, reference: str) -> list[str]:
    return [event.kind for event in (await desk.get_ticket(reference)).events]


async def test_reply_modal_warns_offers_canned_replies_and_sends_threaded(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = (await open_ticket(desk, ["access"])).reference or ""
    await posted(service, fake)
    await slack.click(REPLY, reference)
    view = await opened_view(fake)
    assert view["callback_id"] == mm.REPLY_MODAL
    assert "Identity not verified" in all_text(view["blocks"])
    canned = next(b for b in view["blocks"] if b.get("block_id") == "canned")
    names = [o["value"] for o in canned["elements"][0]["options"]]
    assert "working_on_it" in names
    # Picking a canned reply fills the text in (a new block id, so Slack shows it).
    payload = {
        "type": "block_actions", "team": {"id": "T0001"}, "api_app_id": "A0001",
        "user": {"id": TEAM_MEMBER, "team_id": "T0001"}, "trigger_id": "trigger.canned",
        "container": {"type": "view", "view_id": "V1"},
        "view": {"id": "V1", "hash": "h1", "type": "modal", "callback_id": mm.REPLY_MODAL,
                 "private_metadata": view["private_metadata"], "blocks": view["blocks"]},
        "actions": [{"type": "static_select", "action_id": mm.CANNED_ACTION,
                     "block_id": "canned", "selected_option": {"value": "working_on_it"},
                     "action_ts": "1700000003.0"}],
    }
    await slack.send(interaction_body(payload), FORM)
    [update] = await fake.wait_for("views.update")
    assert update.args["view_id"] == "V1"
    text_block = next(b for b in update.args["view"]["blocks"]
                      if b.get("block_id", "").startswith(mm.REPLY_TEXT))
    assert text_block["block_id"] == f"{mm.REPLY_TEXT}_1"
    assert f"your request {reference}" in text_block["element"]["initial_value"]

    await slack.submit(view, {f"{mm.REPLY_TEXT}_1": {modals.TEXT_ACTION: {
        "type": "plain_text_input", "value": "Dear Bob, we are on it."}}})

    async def replied() -> bool:
        return "team_reply_sent" in await events_of(desk, reference)
    await eventually(replied)
    view_now = await desk.get_ticket(reference)
    mail = view_now.outbox[-1]
    assert mail.kind == "team_reply"
    assert b"In-Reply-To:" in mail.raw
    assert b"Dear Bob, we are on it." in mail.raw
    [told] = await fake.wait_for("chat.postEphemeral")
    assert told.args["user"] == TEAM_MEMBER
    assert "not verified" in told.args["text"]


async def test_change_rights_starts_verification(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = (await open_ticket(desk, ["complaint"])).reference or ""
    await more(slack, INTENTS, reference)
    view = await opened_view(fake)
    assert view["callback_id"] == mm.INTENTS_MODAL
    await slack.submit(view, {**options("access", "complaint"),
                              **text_values(modals.TEXT_BLOCK, "asked on the phone",
                                            modals.TEXT_ACTION)})

    async def waiting() -> bool:
        return (await ticket(db, reference)).state == "awaiting_identity"
    await eventually(waiting)
    view_now = await desk.get_ticket(reference)
    assert view_now.ticket.intents == ["access", "complaint"]
    assert view_now.outbox[-1].kind == "verification_request"
    [changed] = [e for e in view_now.events if e.kind == "intents_changed"]
    assert changed.data["before"] == ["complaint"]
    assert changed.actor == f"slack:{TEAM_MEMBER}"
    fake.clear()
    await service.notifier.run_once()
    lines = "\n".join(c.args["text"] for c in fake.of("chat.postMessage"))
    assert "changed the rights" in lines


async def test_a_team_members_thread_message_is_a_note_nobody_elses(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = (await open_ticket(desk, ["erasure"])).reference or ""
    await posted(service, fake)
    async with db.transaction(readonly=True) as tx:
        post = await tx.slack.get_post((await ticket(db, reference)).id)
    assert post is not None
    parent = post.ts
    before = await desk.get_ticket(reference)

    def message(user: str, text: str, ts: str, **extra: Any) -> dict[str, Any]:
        return {"type": "message", "channel": AIM_CHANNEL, "channel_type": "channel",
                "user": user, "text": text, "ts": ts, "thread_ts": parent, **extra}
    await slack.event(message(OUTSIDER, "I can see this", "1700000100.000001"), "EvN1")
    await slack.event(message(TEAM_MEMBER, "bot text", "1700000100.000002", bot_id="B1"),
                      "EvN2")
    await slack.event({**message(TEAM_MEMBER, "top level", "1700000100.000003"),
                       "thread_ts": None}, "EvN3")
    await slack.event(message(TEAM_MEMBER, "She called: &lt;b&gt; is her old address",
                              "1700000100.000004"), "EvN4")
    await slack.event(message(TEAM_MEMBER, "She called: &lt;b&gt; is her old address",
                              "1700000100.000004"), "EvN4", retry=1)

    async def noted() -> bool:
        return "note_added" in await events_of(desk, reference)
    await eventually(noted)
    await asyncio.sleep(0.1)
    after = await desk.get_ticket(reference)
    notes = [e for e in after.events if e.kind == "note_added"]
    assert [n.data["text"] for n in notes] == ["She called: <b> is her old address"]
    assert notes[0].actor == f"slack:{TEAM_MEMBER}"
    assert len(after.outbox) == len(before.outbox)  # a note is never mailed
    fake.clear()
    await service.notifier.run_once()
    lines = "\n".join(c.args["text"] for c in fake.of("chat.postMessage"))
    assert "kept as an internal note" in lines
    assert "old address" not in lines  # the thread already shows it


def shortcut_body(user: str) -> str:
    return interaction_body({"type": "shortcut", "callback_id": "privacy_new_request",
                             "team": {"id": "T0001"}, "user": {"id": user, "team_id": "T0001"},
                             "trigger_id": "trigger.shortcut", "action_ts": "1700000004.0"})


def new_values(received: str, intents: tuple[str, ...] = ("access",)) -> dict[str, Any]:
    return {
        mm.ORG_BLOCK: {mm.VALUE: {"type": "static_select",
                                  "selected_option": {"value": "aimigos"}}},
        **text_values(mm.REQUESTER_BLOCK, "carol@example.org"),
        **options(*intents),
        mm.CAME_BY_BLOCK: {mm.VALUE: {"type": "static_select",
                                      "selected_option": {"value": "phone"}}},
        mm.RECEIVED_BLOCK: {mm.VALUE: {"type": "datepicker", "selected_date": received}},
        **text_values(mm.NOTE_BLOCK, "she rang at 9"),
    }


async def test_the_shortcut_records_a_phone_request(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    await slack.send(shortcut_body(TEAM_MEMBER), FORM)
    view = await opened_view(fake)
    assert view["callback_id"] == mm.NEW_MODAL
    response = await slack.submit(view, new_values("2999-01-01"))
    assert response.status == 200
    assert json.loads(response.body)["response_action"] == "errors"
    assert mm.RECEIVED_BLOCK in json.loads(response.body)["errors"]
    async with db.transaction(readonly=True) as tx:
        assert await tx.tickets.count() == 0
    received = view["blocks"][5]["element"]["initial_date"]
    response = await slack.submit(view, new_values(received, ("erasure",)))
    assert response.body in ("", None)
    [dm] = await fake.wait_for("chat.postMessage", where=lambda c: c.args["channel"] == TEAM_MEMBER)
    assert "Opened AIM-" in dm.args["text"]
    async with db.transaction(readonly=True) as tx:
        [created] = await tx.tickets.list()
    assert created.requester_address == "carol@example.org"
    assert created.intents == ["erasure"]
    assert created.state == "awaiting_identity"
    view_now = await desk.get_ticket(created.reference)
    assert [m.kind for m in view_now.outbox] == ["verification_request"]
    assert view_now.events[0].data["came_by"] == "phone"


async def test_the_shortcut_refuses_outsiders(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    await slack.send(shortcut_body(OUTSIDER), FORM)
    [dm] = await fake.wait_for("chat.postMessage", where=lambda c: c.args["channel"] == OUTSIDER)
    assert "Only members of a privacy team" in dm.args["text"]
    assert fake.of("views.open") == []
    # A modal kept from elsewhere and submitted by an outsider opens nothing.
    today = datetime.now(UTC).date()
    view = mm.new_request_modal([("aimigos", "Aimigos Studio")], ["access"], today)
    response = await slack.submit(view, new_values(today.isoformat()), user=OUTSIDER)
    assert mm.ORG_BLOCK in json.loads(response.body)["errors"]
    async with db.transaction(readonly=True) as tx:
        assert await tx.tickets.count() == 0


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("action", [REPLY, RESUME, FEE_PAID, f"{MORE}:{INTENTS}",
                                    f"{MORE}:{RESEND}", f"{MORE}:{CLOSE_UNVERIFIED}",
                                    f"{MORE}:{MERGE}", f"{MORE}:{SPLIT}"])
async def test_outsiders_clicks_change_nothing(
        action: str, service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk,
        db: Database) -> None:
    reference = (await open_ticket(desk, ["access", "complaint"])).reference or ""
    before = await desk.get_ticket(reference)
    if action.startswith(MORE):
        await more(slack, action.split(":")[1], reference, user=OUTSIDER)
    else:
        await slack.click(action, reference, user=OUTSIDER)
    [refusal] = await fake.wait_for("chat.postEphemeral")
    assert refusal.args["user"] == OUTSIDER
    assert "Only members of Aimigos Studio's privacy team" in refusal.args["text"]
    await asyncio.sleep(0.1)
    assert fake.of("views.open") == []
    assert await desk.get_ticket(reference) == before


async def test_outsider_submitting_an_old_reply_modal_sends_nothing(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk) -> None:
    reference = (await open_ticket(desk, ["complaint"])).reference or ""
    view = mm.reply_modal(modals.ModalContext(reference=reference, channel=AIM_CHANNEL),
                          unverified=False, canned=[])
    await slack.submit(view, {f"{mm.REPLY_TEXT}_0": {modals.TEXT_ACTION: {"value": "hi"}}},
                       user=OUTSIDER)
    await fake.wait_for("chat.postEphemeral")
    assert [m.kind for m in (await desk.get_ticket(reference)).outbox] == ["complaint_ack"]


async def _state(db: Database, reference: str, state: str) -> None:
    async def reached() -> bool:
        return (await ticket(db, reference)).state == state
    await eventually(reached)


async def test_every_other_cli_action_has_its_slack_way(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    first = (await open_ticket(desk, ["access", "complaint"])).reference or ""
    second = (await open_ticket(desk, ["erasure"], subject="again")).reference or ""
    await more(slack, RESEND, first)

    async def resent() -> bool:
        return "verification_resent" in await events_of(desk, first)
    await eventually(resent)

    await more(slack, SPLIT, first)
    view = await opened_view(fake)
    await slack.submit(view, options("complaint"))

    async def split() -> bool:
        return (await ticket(db, first)).intents == ["access"]
    await eventually(split)

    await more(slack, MERGE, first)
    view = await opened_view(fake, 2)
    await slack.submit(view, text_values(mm.OTHER_BLOCK, second))
    await _state(db, second, "merged")
    assert (await ticket(db, first)).intents == ["access", "erasure"]

    await desk.record_manual_check(first, "passport seen", "alice", "cli")
    await more(slack, CLARIFY, first)
    view = await opened_view(fake, 3)
    await slack.submit(view, text_values(modals.TEXT_BLOCK, "Which account?",
                                         modals.TEXT_ACTION))
    await _state(db, first, "awaiting_clarification")
    await slack.click(RESUME, first)
    await _state(db, first, "in_progress")

    await more(slack, FEE, first)
    view = await opened_view(fake, 4)
    await slack.submit(view, {**text_values(mm.AMOUNT_BLOCK, "10.00"),
                              **text_values(mm.CURRENCY_BLOCK, "GBP"),
                              mm.FEE_REASON_BLOCK: {mm.VALUE: {
                                  "type": "static_select",
                                  "selected_option": {"value": "further_copies"}}}})
    await _state(db, first, "awaiting_fee")
    await slack.click(FEE_PAID, first)
    await _state(db, first, "in_progress")

    third = (await open_ticket(desk, ["erasure"], subject="third")).reference or ""
    await more(slack, CLOSE_UNVERIFIED, third)
    view = await opened_view(fake, 5)
    assert view["callback_id"] == CLOSE_MODAL
    await slack.submit(view, {})
    await _state(db, third, "closed_unverified")
    assert fake.of("chat.postEphemeral") == []
    record: TicketRecord = await ticket(db, first)
    assert record.is_open
