"""The "Tell processors" button (GDPR Art. 19) through signed requests to the real bolt app,
the real desk and the recording fake Slack: the click is the confirmation, the notices reach
the outbox only then, once per processor, and a second click sends nothing again; anyone
outside the team changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.desk import Desk
from bot.organisations import Organisations, load_organisations
from bot.slack.recipient_blocks import TELL
from bot.slack.service import SlackService
from storage import Database, OutboxRecord
from tests.desk.conftest import code_in
from tests.slack.conftest import ORGANISATIONS, OUTSIDER, TEAM_MEMBER, Slack, open_ticket
from tests.slack.fake_slack import FakeSlack
from tests.slack.test_tickets import buttons, eventually, posted

SYSTEMS = """
[[organisation.systems]]
name = "CRM"
erasure = "delete the contact"

[[organisation.systems]]
name = "Mailchimp"
processor = "privacy@mailchimp.example"

[[organisation.systems]]
name = "Zendesk"
processor = "dpo@zendesk.example"

"""


@pytest.fixture
def orgs(tmp_path: Path) -> Organisations:
    second = ORGANISATIONS.index("[[organisation]]", 5)
    path = tmp_path / "organisations.toml"
    path.write_text(ORGANISATIONS[:second] + SYSTEMS + ORGANISATIONS[second:], encoding="utf-8")
    return load_organisations(path)


async def verified_ticket(desk: Desk, intents: list[str]) -> str:
    reference = (await open_ticket(desk, intents)).reference or ""
    view = await desk.get_ticket(reference)
    await desk.verify_code(reference, code_in(view.outbox[0]), "requester", "slack")
    return reference


async def notices(db: Database) -> list[OutboxRecord]:
    async with db.transaction(readonly=True) as tx:
        rows = await tx.outbox.by_status("pending", "sent", "failed")
    return [row for row in rows if row.kind == "recipient_notice"]


async def test_the_click_confirms_and_a_second_sends_nothing(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = await verified_ticket(desk, ["erasure"])
    card = await posted(service, fake)
    assert TELL in buttons(card)
    button = next(e for b in card.args["blocks"] if b["type"] == "actions"
                  for e in b["elements"] if e["action_id"] == TELL)
    assert button["value"] == reference
    assert "erasure" in button["confirm"]["text"]["text"]
    assert await notices(db) == []  # shown, not sent

    await slack.click(TELL, reference, user=OUTSIDER)
    [refused] = await fake.wait_for("chat.postEphemeral")
    assert "Only members" in refused.args["text"]
    assert await notices(db) == []

    await slack.click(TELL, reference)
    [_, told] = await fake.wait_for("chat.postEphemeral", 2)
    assert told.args["user"] == TEAM_MEMBER
    assert "told Mailchimp (privacy@mailchimp.example), Zendesk" in told.args["text"]
    assert sorted(row.to_address for row in await notices(db)) == [
        "dpo@zendesk.example", "privacy@mailchimp.example"]
    events = [e for e in (await desk.get_ticket(reference)).events
              if e.kind == "recipient_notified"]
    assert {e.actor for e in events} == {f"slack:{TEAM_MEMBER}"}

    async def thread_updated() -> bool:
        await service.notifier.run_once()
        return any("had the processor of `Zendesk` told of the erasure: "
                   "`dpo@zendesk.example`" in str(c.args)
                   for c in fake.of("chat.postMessage") if "thread_ts" in c.args)
    await eventually(thread_updated)

    await slack.click(TELL, reference)
    [*_, again] = await fake.wait_for("chat.postEphemeral", 3)
    assert "nothing left to send" in again.args["text"]
    assert len(await notices(db)) == 2


async def test_no_button_and_no_notice_for_access(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference = await verified_ticket(desk, ["access"])
    card = await posted(service, fake)
    assert TELL not in buttons(card)
    await slack.click(TELL, reference)  # a forged click
    [told] = await fake.wait_for("chat.postEphemeral")
    assert "no recipients to tell" in told.args["text"]
    assert await notices(db) == []


async def test_no_button_before_identity(service: SlackService, fake: FakeSlack,
                                         desk: Desk) -> None:
    await open_ticket(desk, ["restriction"])
    assert TELL not in buttons(await posted(service, fake))
