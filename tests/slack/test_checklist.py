"""The systems checklist in Slack, through the real bolt app and desk: progress on the card,
the owners mentioned in the thread when it starts, ticking from a modal (recorded exactly as
`privacybot tickets tick` records it), and "Mark done" with systems left asking for the
override reason that the register shows."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.desk import Desk, checklist
from bot.desk.register import read_register
from bot.organisations import Organisations, load_organisations
from bot.slack import modals
from bot.slack.checklist_blocks import DONE_MODAL, SYSTEM_ACTION, SYSTEM_BLOCK, TICK_MODAL
from bot.slack.service import SlackService
from bot.slack.ticket_blocks import DONE, TICK
from storage import Database
from tests.slack.conftest import ORGANISATIONS, OUTSIDER, TEAM_MEMBER, Slack, all_text, open_ticket
from tests.slack.fake_slack import Call, FakeSlack
from tests.slack.test_tickets import buttons, eventually, posted, ticket

SYSTEMS = '''
[[organisation.systems]]
name = "CRM"
owner = "U123CRM"
access = "export the contact record"
erasure = "delete the contact and its deals"

[[organisation.systems]]
name = "Mailchimp"
owner = "U456MKT"
erasure = "archive and delete the subscriber"
processor = "privacy@mailchimp.example"
'''


@pytest.fixture
def orgs(tmp_path: Path) -> Organisations:
    """The test organisations, Aimigos Studio (the first) with two systems."""
    second = ORGANISATIONS.index("[[organisation]]", ORGANISATIONS.index("[[organisation]]") + 1)
    path = tmp_path / "organisations.toml"
    path.write_text(ORGANISATIONS[:second] + SYSTEMS + ORGANISATIONS[second:], encoding="utf-8")
    return load_organisations(path)


def typed(text: str) -> dict[str, Any]:
    return {modals.TEXT_BLOCK: {modals.TEXT_ACTION: {"type": "plain_text_input",
                                                     "value": text}}}


def chosen(system: str, note: str) -> dict[str, Any]:
    return {SYSTEM_BLOCK: {SYSTEM_ACTION: {"type": "static_select", "selected_option": {
        "text": {"type": "plain_text", "text": system}, "value": system}}}, **typed(note)}


def thread(fake: FakeSlack) -> str:
    return "\n".join(c.args["text"] for c in fake.of("chat.postMessage") if c.args.get("thread_ts"))


async def verified_ticket(service: SlackService, fake: FakeSlack, desk: Desk) -> str:
    """An access and erasure request, posted, then identity confirmed: its checklist starts."""
    reference = (await open_ticket(desk, ["access", "erasure"])).reference or ""
    first = await posted(service, fake)
    assert "Systems:" not in all_text(first.args["blocks"])  # none before identity
    assert TICK not in buttons(first)
    await desk.record_manual_check(reference, "matched the account's date of birth",
                                   "slack:" + TEAM_MEMBER, "slack")
    await service.notifier.run_once()
    return reference


async def latest_card(service: SlackService, fake: FakeSlack, count: int) -> Call:
    await service.notifier.run_once()
    return (await fake.wait_for("chat.update", count=count))[-1]


async def test_card_shows_progress_owners_are_mentioned_and_a_system_is_ticked_from_slack(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = await verified_ticket(service, fake, desk)
    [card] = await fake.wait_for("chat.update")
    assert "Systems: 0/2 systems (left: CRM, Mailchimp)" in all_text(card.args["blocks"])
    assert TICK in buttons(card)
    said = thread(fake)
    assert "Checklist: 2 systems" in said
    assert "*CRM*, <@U123CRM>: access: export the contact record; erasure: delete" in said
    assert "*Mailchimp*, <@U456MKT>: erasure: archive" in said
    assert "`privacy@mailchimp.example`" in said
    # The owners' message has its own button: ticking from the thread opens the same modal.
    [owners] = [c for c in fake.of("chat.postMessage") if "Checklist:" in c.args["text"]]
    assert owners.args["thread_ts"] == card.args["ts"]
    assert buttons(owners) == [TICK]
    await slack.click(TICK, reference, ts="1700000000.000099")
    assert (await fake.wait_for("views.open"))[0].args["view"]["callback_id"] == TICK_MODAL
    fake.clear()

    await slack.click(TICK, reference)
    [opened] = await fake.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == TICK_MODAL
    select = next(b for b in view["blocks"] if b.get("block_id") == SYSTEM_BLOCK)
    assert [o["value"] for o in select["element"]["options"]] == ["CRM", "Mailchimp"]
    assert (await slack.submit(view, chosen("CRM", "2 contact records and 3 deals erased"))
            ).status == 200

    async def ticked() -> bool:
        _, found = await checklist.status(db, desk.config, reference)
        return found is not None and found.done == 1
    await eventually(ticked)
    # Recorded exactly as the command line's tick: the same event, with who and what.
    async with db.transaction(readonly=True) as tx:
        events = await tx.events.for_ticket((await ticket(db, reference)).id)
    [tick] = [e for e in events if e.kind == "checklist_ticked"]
    assert tick.data == {"system": "CRM", "note": "2 contact records and 3 deals erased",
                         "by": "slack:" + TEAM_MEMBER}
    assert (tick.actor, tick.channel) == ("slack:" + TEAM_MEMBER, "slack")

    update = await latest_card(service, fake, 1)
    assert "Systems: 1/2 systems (left: Mailchimp)" in all_text(update.args["blocks"])
    assert (f"<@{TEAM_MEMBER}> ticked `CRM` off the checklist: "
            "`2 contact records and 3 deals erased`") in thread(fake)
    # The modal now offers only what is left, chosen already.
    await slack.click(TICK, reference)
    again = (await fake.wait_for("views.open", count=2))[-1].args["view"]
    select = next(b for b in again["blocks"] if b.get("block_id") == SYSTEM_BLOCK)
    assert select["element"]["initial_option"]["value"] == "Mailchimp"


async def test_done_with_systems_left_asks_for_the_override_reason_the_register_shows(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = await verified_ticket(service, fake, desk)
    await checklist.tick(db, desk.config, reference, "CRM", "nothing found", "cli:bob", "cli")
    await slack.click(DONE, reference)
    [opened] = await fake.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == DONE_MODAL
    assert "1/2 systems" in all_text(view["blocks"])
    assert "left: *Mailchimp*" in all_text(view["blocks"])
    assert (await ticket(db, reference)).state == "in_progress"  # nothing closed yet

    reason = "Mailchimp confirmed in writing that it holds nothing on this person"
    await slack.submit(view, typed(reason))

    async def closed() -> bool:
        return (await ticket(db, reference)).state == "done"
    await eventually(closed)
    [row] = await read_register(db, today=datetime.now(UTC).date())
    assert row.checklist_override == reason
    await service.notifier.run_once()
    assert (f"<@{TEAM_MEMBER}> closed it with systems left (`Mailchimp`, 1/2 systems): "
            f"`{reason}`") in thread(fake)


async def test_done_when_the_checklist_is_complete_closes_at_once(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = await verified_ticket(service, fake, desk)
    for system in ("CRM", "Mailchimp"):
        await checklist.tick(db, desk.config, reference, system, "erased", "cli:bob", "cli")
    card = await latest_card(service, fake, 2)
    assert "Systems: 2/2 systems" in all_text(card.args["blocks"])
    assert TICK not in buttons(card)
    await slack.click(DONE, reference)

    async def closed() -> bool:
        return (await ticket(db, reference)).state == "done"
    await eventually(closed)
    assert fake.of("views.open") == []
    [row] = await read_register(db, today=datetime.now(UTC).date())
    assert row.checklist_override is None


async def test_ticking_refuses_outsiders_stale_modals_empty_notes_and_tickets_without_one(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = await verified_ticket(service, fake, desk)
    await slack.click(TICK, reference, user=OUTSIDER)
    [refused] = await fake.wait_for("chat.postEphemeral")
    assert "Only members of Aimigos Studio's privacy team" in refused.args["text"]
    assert fake.of("views.open") == []

    await slack.click(TICK, reference)
    [opened] = await fake.wait_for("views.open")
    view = opened.args["view"]
    await slack.submit(view, chosen("CRM", "   "))
    empty = (await fake.wait_for("chat.postEphemeral", count=2))[-1]
    assert "a note of what was found or erased is required" in empty.args["text"]
    # Someone ticks CRM meanwhile: the modal opened before is stale.
    await checklist.tick(db, desk.config, reference, "CRM", "erased", "cli:bob", "cli")
    await slack.submit(view, chosen("CRM", "erased it too"))
    stale = (await fake.wait_for("chat.postEphemeral", count=3))[-1]
    assert "CRM was already ticked by cli:bob: erased" in stale.args["text"]
    await slack.submit(view, chosen("Salesforce", "a forged option"))
    forged = (await fake.wait_for("chat.postEphemeral", count=4))[-1]
    assert "no system called 'Salesforce'" in forged.args["text"]
    _, found = await checklist.status(db, desk.config, reference)
    assert found is not None
    assert found.progress == "1/2 systems"

    unverified = (await open_ticket(desk, ["erasure"], subject="other")).reference or ""
    await slack.click(TICK, unverified)  # no button on its card, but a forged click
    late = (await fake.wait_for("chat.postEphemeral", count=5))[-1]
    assert "has no checklist: it starts when the requester's identity is confirmed" in (
        late.args["text"])
    assert len(fake.of("views.open")) == 1


def test_names_from_the_organisations_file_cannot_ping_or_link() -> None:
    """System names, owners and what to do come from a file, not from Slack: still escaped,
    and an owner that is not a user id is shown literally rather than mentioned."""
    from bot.slack.checklist_blocks import done_modal, owners_text, tick_modal
    from bot.slack.modals import ModalContext
    from bot.workflow.checklist import Checklist, Item

    items = [Item(system="<!channel> CRM", owner="U123CRM", todo="erase <https://x|y>",
                  processor="", done=False, note="", by=None),
             Item(system="Files", owner="<!here>", todo="", processor="", done=False, note="",
                  by=None)]
    found = Checklist(items=items, override=None)
    context = ModalContext(reference="AIM-2026-0001", channel="C1")
    tick = tick_modal(context, found)
    [select] = [b for b in tick["blocks"] if b.get("block_id") == SYSTEM_BLOCK]
    # An option's value is the name as configured, for the desk to match; Slack shows only
    # the option's (escaped) text.
    assert [o.pop("value") for o in select["element"]["options"]] == ["<!channel> CRM", "Files"]
    text = owners_text(found) + all_text(tick) + all_text(done_modal(context, found))
    for dangerous in ("<!channel>", "<!here>", "<https://x"):
        assert dangerous not in text
    assert "&lt;!channel&gt; CRM" in text
    assert "<@U123CRM>" in owners_text(found)
    assert "`&lt;!here&gt;`" in owners_text(found)
