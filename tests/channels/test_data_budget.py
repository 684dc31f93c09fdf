"""The budget of mail data in flight: large mails past it are told to come back later
(451 after their data, 452 at MAIL FROM when their declared SIZE cannot fit), small mails
always pass, and every mail refused for room is taken when it comes back."""

from __future__ import annotations

import asyncio
import smtplib
import threading
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

from bot.channels.smtp_budget import ByteBudget
from bot.channels.smtp_intake import IntakeHandler
from bot.channels.smtp_server import SmtpServer
from bot.desk import IntakeResult
from bot.organisations import Organisations
from bot.runtime import understand_mail
from intents import Classification, InboundMail
from tests.channels.harness import AIM, Harness, make_mail, running_service

MB = 1024 * 1024


def _big_mail(n: int, size: int) -> bytes:
    line = "Please erase every piece of personal data you hold about me, thank you.\n"
    return make_mail(line * (size // len(line)), sender=f"big{n}@example.org",
                     subject="Erasure", message_id=f"<big-{n}@example.org>")


@pytest.fixture
async def tight(database_url: str, tmp_path: Path, premigrated: None) -> AsyncIterator[Harness]:
    async with running_service(database_url, tmp_path, max_message_bytes=4 * MB,
                               data_budget_bytes=3 * MB) as harness:
        yield harness


class _Held:
    """A client in the middle of DATA: `size` bytes sent, no end-of-data dot yet."""

    def __init__(self, port: int, raw: bytes) -> None:
        self.client = smtplib.SMTP("127.0.0.1", port, timeout=30)
        self.client.ehlo("held.test")
        assert self.client.mail("big0@example.org")[0] == 250
        assert self.client.rcpt(AIM)[0] == 250
        assert self.client.putcmd("data") is None
        assert self.client.getreply()[0] == 354
        self.client.send(raw)

    def finish(self) -> int:
        self.client.send(b"\r\n.\r\n")
        code = self.client.getreply()[0]
        self.client.quit()
        return code


def _send(port: int, raw: bytes, sender: str, options: tuple[str, ...] = ()) -> int:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.ehlo("client.test")
        code = client.mail(sender, list(options))[0]
        if code != 250:
            return code
        client.rcpt(AIM)
        return client.data(raw)[0]


async def _holding(service: Harness, size: int) -> _Held:
    assert service.runtime.smtp is not None
    budget = service.runtime.smtp.budget
    held = await asyncio.to_thread(_Held, service.smtp_port, _big_mail(0, size))
    await service.wait_for(lambda: budget.used >= size)
    return held


async def test_a_large_mail_past_the_budget_is_told_to_retry_and_then_taken(
        tight: Harness) -> None:
    held = await _holding(tight, 2 * MB)
    second = _big_mail(1, 2 * MB)
    assert await asyncio.to_thread(_send, tight.smtp_port, second, "big1@example.org") == 451
    # a small request is never held up by large ones
    small = make_mail("Please erase my data.", sender="small@example.org")
    assert await asyncio.to_thread(_send, tight.smtp_port, small, "small@example.org") == 250
    # the sender declares its size: refused at MAIL FROM, before it sends 2 MB for nothing
    assert await asyncio.to_thread(_send, tight.smtp_port, second, "big1@example.org",
                                   (f"SIZE={len(second)}",)) == 452
    # one that can never fit is refused for good, budget or not
    assert await asyncio.to_thread(_send, tight.smtp_port, second, "big1@example.org",
                                   (f"SIZE={5 * MB}",)) == 552
    assert await asyncio.to_thread(held.finish) == 250
    # its retry, once the first is stored, is taken
    assert await asyncio.to_thread(_send, tight.smtp_port, second, "big1@example.org",
                                   (f"SIZE={len(second)}",)) == 250
    senders = sorted(ticket.requester_address for ticket in await tight.tickets())
    assert senders == ["big0@example.org", "big1@example.org", "small@example.org"]
    assert tight.runtime.smtp is not None
    assert tight.runtime.smtp.budget.used == 0


@pytest.mark.usefixtures("premigrated")
async def test_one_large_mail_is_taken_even_past_a_tiny_budget(database_url: str,
                                                               tmp_path: Path) -> None:
    async with running_service(database_url, tmp_path, max_message_bytes=4 * MB,
                               data_budget_bytes=1) as service:
        raw = _big_mail(1, 3 * MB)
        assert await asyncio.to_thread(_send, service.smtp_port, raw, "big1@example.org",
                                       (f"SIZE={len(raw)}",)) == 250


async def test_a_client_that_hangs_up_mid_data_gives_its_bytes_back(tight: Harness) -> None:
    held = await _holding(tight, 2 * MB)
    held.client.close()
    assert tight.runtime.smtp is not None
    budget = tight.runtime.smtp.budget
    await tight.wait_for(lambda: budget.used == 0)
    assert await tight.message_count() == 0


def test_the_budget_counts_and_gives_back() -> None:
    budget = ByteBudget(10, small=4)
    first, second, small = budget.hold(), budget.hold(), budget.hold()
    assert first.take(8)           # large, alone: taken
    assert second.take(2)          # still small
    assert not second.take(3)      # would become a second large one past the limit
    assert small.take(4)           # small messages always pass
    assert budget.used == 14
    assert budget.peak == 14
    assert not budget.room_for(5)
    assert budget.room_for(4)
    first.release()
    assert budget.used == 6
    assert budget.room_for(5)
    assert second.take(3)
    second.release()
    small.release()
    assert (budget.used, budget.large) == (0, 0)
    assert budget.refused == 1


async def test_large_mails_are_understood_one_at_a_time(orgs: Organisations) -> None:
    """Parsing costs several times a mail's size: two large mails must never be parsed at
    once. Each parse waits a moment for another to join it; none may."""
    inside, most = 0, 0
    lock = threading.Condition()

    def understand(raw: bytes) -> tuple[InboundMail, Classification]:
        nonlocal inside, most
        with lock:
            inside += 1
            most = max(most, inside)
            lock.notify_all()
            lock.wait_for(lambda: inside > 1, timeout=1.0)
            inside -= 1
        return understand_mail(raw)

    async def store_nothing(deliveries: Sequence[object]) -> list[IntakeResult | Exception]:
        return [IntakeResult(outcome="no_intent", message_id="<none>") for _ in deliveries]

    handler = IntakeHandler(orgs=orgs, desk=None, understand=understand,  # type: ignore[arg-type]
                            receive=store_nothing)
    server = SmtpServer(handler, host="127.0.0.1", port=0, max_message_bytes=4 * MB)
    _, port = await server.start()
    try:
        codes = await asyncio.gather(*[
            asyncio.to_thread(_send, port, _big_mail(n, 2 * MB), f"big{n}@example.org")
            for n in range(3)])
    finally:
        await server.stop()
    assert codes == [250, 250, 250]
    assert most == 1
