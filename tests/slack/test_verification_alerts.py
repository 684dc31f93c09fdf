"""The team hears of a disputed request and of a locked code in the ticket's Slack thread
(issue 16, items 1 and 11): the notifier follows the event log, these are its lines."""

from __future__ import annotations

from email import message_from_bytes, policy

from bot.desk import Desk
from bot.slack.service import SlackService
from intents import Classification, read_message
from tests.slack.conftest import client_mail, open_ticket
from tests.slack.fake_slack import FakeSlack


async def _reply(desk: Desk, reference: str, text: str) -> None:
    """A reply from the requester to our verification mail (our signed Message-ID)."""
    ours = (await desk.get_ticket(reference)).outbox[0]
    message_id = message_from_bytes(ours.raw, policy=policy.default)["Message-ID"]
    raw = client_mail(f"Re: [{reference}]", text).replace(
        b"Message-ID:", f"In-Reply-To: {message_id}\nMessage-ID:".encode(), 1)
    mail = read_message(raw)
    await desk.receive_mail("aimigos", raw, mail, Classification(intents=[]),
                            envelope_from=mail.from_address)


async def _thread(service: SlackService, fake: FakeSlack) -> str:
    await service.notifier.run_once()
    return "\n".join(str(call.args["text"]) for call in fake.of("chat.postMessage")
                     if call.args.get("thread_ts"))


async def test_a_denial_is_posted_in_the_tickets_thread(service: SlackService, fake: FakeSlack,
                                                        desk: Desk) -> None:
    opened = await open_ticket(desk, ["erasure"], text="Please delete my data.")
    await _reply(desk, opened.reference or "", "I never sent this, do NOT do anything.")
    thread = await _thread(service, fake)
    assert (":rotating_light: The address's owner says they did not make this request: "
            "request stopped") in thread
    assert "I never sent this" in thread


async def test_a_locked_code_is_posted_in_the_tickets_thread(service: SlackService,
                                                             fake: FakeSlack,
                                                             desk: Desk) -> None:
    opened = await open_ticket(desk, ["access"])
    for _ in range(5):
        await _reply(desk, opened.reference or "", "My code is 000000")
    thread = await _thread(service, fake)
    assert "Code locked after too many wrong tries" in thread
    assert "Mail to the requester: verification locked" in thread
