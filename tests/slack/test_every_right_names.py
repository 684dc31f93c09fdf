"""Slack names every right readably: the ticket card the notifier posts and the daily digest
show "restriction", "automated-decision review", "consent withdrawal", never an intent's
code name."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.desk import Desk
from bot.slack.service import SlackService
from storage import Database, TicketUpdate
from tests.slack.conftest import AIM_CHANNEL, all_text, open_ticket
from tests.slack.fake_slack import FakeSlack

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

NAMES = {"rectification": "rectification", "restriction": "restriction",
         "portability": "portability", "objection": "objection",
         "automated_decision": "automated-decision review",
         "consent_withdrawal": "consent withdrawal"}


async def test_cards_and_digest_name_each_right(service: SlackService, fake: FakeSlack,
                                                desk: Desk, db: Database) -> None:
    references = {right: (await open_ticket(desk, [right])).reference or ""
                  for right in NAMES}
    await service.notifier.run_once()
    posted = [c for c in fake.of("chat.postMessage") if "thread_ts" not in c.args]
    assert {c.args["channel"] for c in posted} == {AIM_CHANNEL}
    for right, name in NAMES.items():
        [card] = [c for c in posted if references[right] in all_text(c.args["blocks"])]
        text = all_text(card.args["blocks"])
        assert name in text
        assert right == name or right not in text
    # Every ticket due tomorrow: all six in the digest, by name.
    today = datetime.now(UTC).date()
    async with db.transaction() as tx:
        for reference in references.values():
            record = await tx.tickets.get_by_reference(reference)
            await tx.tickets.update(record.id, TicketUpdate(due_date=today + timedelta(days=1)))
    fake.clear()
    morning = datetime.combine(today, datetime.min.time(), UTC).replace(hour=9)
    assert await service.digest.send_due(morning) == ["aimigos"]
    [digest] = fake.of("chat.postMessage")
    text = all_text(digest.args["blocks"])
    for name in NAMES.values():
        assert name in text
    assert "automated_decision" not in text
    assert "consent_withdrawal" not in text
