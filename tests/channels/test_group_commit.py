"""Group commit through the real SMTP server: many concurrent sessions share transactions,
and each still gets the answer its own mail deserves (250 committed, 451 not)."""

from __future__ import annotations

import asyncio
import smtplib
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.desk.batch import Delivery
from bot.desk.group_commit import GroupCommit
from bot.desk.results import IntakeResult
from intents.models import Classification, InboundMail
from tests.channels.harness import AIM, Harness, make_mail
from tests.channels.outage import database_outage
from tests.desk.test_batch import POISON, poison_subjects

CLIENTS = 20


def send_all(port: int, mails: list[bytes]) -> list[int]:
    """Each mail from its own smtplib client, all at once (a barrier lines them up)."""
    barrier = threading.Barrier(len(mails))

    def one(raw: bytes) -> int:
        with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
            client.ehlo("client.test")
            client.mail("client@example.org")
            client.rcpt(AIM)
            barrier.wait()
            code, _ = client.data(raw)
            return int(code)

    with ThreadPoolExecutor(len(mails)) as pool:
        return list(pool.map(one, mails))


async def test_concurrent_sessions_get_250_and_one_ticket_per_message_id(
        service: Harness) -> None:
    distinct = CLIENTS // 2
    mails = [make_mail("Please delete all my personal data.", sender=f"c{n % distinct}@ex.org",
                       message_id=f"<gc-{n % distinct}@example.org>") for n in range(CLIENTS)]
    codes = await asyncio.to_thread(send_all, service.smtp_port, mails)
    assert codes == [250] * CLIENTS
    tickets = await service.tickets()
    assert len(tickets) == distinct
    assert sorted(t.reference for t in tickets) == [f"AIM-2026-{n:04d}"
                                                    for n in range(1, distinct + 1)]
    assert await service.message_count() == distinct
    handler = service.runtime.smtp.handler if service.runtime.smtp else None
    assert handler is not None
    assert handler.queue.mails == CLIENTS
    assert handler.accepted == CLIENTS


async def test_a_mail_that_cannot_be_stored_gets_451_and_its_neighbours_250(
        service: Harness) -> None:
    await poison_subjects(service.services.db)
    mails = [make_mail("Please delete my data.", sender=f"n{n}@ex.org",
                       subject=f"{POISON} request" if n == 3 else "Request")
             for n in range(8)]
    codes = await asyncio.to_thread(send_all, service.smtp_port, mails)
    assert codes == [451 if n == 3 else 250 for n in range(8)]
    assert len(await service.tickets()) == 7
    assert await service.message_count() == 7


async def test_an_outage_answers_451_to_every_session_and_the_retry_succeeds(
        service: Harness, database_url: str) -> None:
    mails = [make_mail("Unsubscribe me please.", sender=f"o{n}@ex.org") for n in range(6)]
    async with database_outage(database_url):
        codes = await asyncio.to_thread(send_all, service.smtp_port, mails)
    assert codes == [451] * 6
    assert await service.message_count() == 0
    codes = await asyncio.to_thread(send_all, service.smtp_port, mails)  # the senders retry
    assert codes == [250] * 6
    assert len(await service.tickets()) == 6
    codes = await asyncio.to_thread(send_all, service.smtp_port, mails)  # and once more
    assert codes == [250] * 6
    assert await service.message_count() == 6


async def test_waiting_mails_are_written_together_and_each_gets_its_own_result() -> None:
    seen: list[int] = []

    async def receive(deliveries: object) -> list[IntakeResult | Exception]:
        batch = list(deliveries)  # type: ignore[call-overload]
        seen.append(len(batch))
        await asyncio.sleep(0.01)  # a commit takes a while; more mails queue meanwhile
        return [ValueError("bad") if d.org_id == "bad" else
                IntakeResult(outcome="created", message_id=d.org_id) for d in batch]

    queue = GroupCommit(receive, max_batch=4)
    mail = InboundMail()

    def item(org: str) -> Delivery:
        return Delivery(org, b"", mail, Classification(), envelope_from=None)

    async def late(org: str) -> IntakeResult:
        await asyncio.sleep(0.005)  # arrives while the first batch commits
        return await queue.submit(item(org))

    first = asyncio.ensure_future(queue.submit(item("lone")))
    rest = [late(f"m{n}") for n in range(5)] + [late("bad")]
    out = await asyncio.gather(first, *rest, return_exceptions=True)
    assert seen == [1, 4, 2]  # a lone mail at once; then the waiting ones, at most 4 a batch
    assert [r.message_id for r in out[:-1] if isinstance(r, IntakeResult)] == [
        "lone", "m0", "m1", "m2", "m3", "m4"]
    assert isinstance(out[-1], ValueError)


def _recorder(seen: list[int]) -> object:
    async def receive(deliveries: object) -> list[IntakeResult | Exception]:
        batch = list(deliveries)  # type: ignore[call-overload]
        seen.append(len(batch))
        return [IntakeResult(outcome="created", message_id=d.org_id) for d in batch]
    return receive


def _item(org: str) -> Delivery:
    return Delivery(org, b"", InboundMail(), Classification(), envelope_from=None)


async def test_the_writer_waits_briefly_for_mails_on_their_way() -> None:
    seen: list[int] = []
    on_the_way = ["second"]
    queue = GroupCommit(_recorder(seen), coming=lambda: len(on_the_way),  # type: ignore[arg-type]
                        gather_seconds=5.0)

    async def second() -> IntakeResult:
        await asyncio.sleep(0.01)  # its client is still sending DATA
        on_the_way.clear()
        return await queue.submit(_item("second"))

    out = await asyncio.gather(queue.submit(_item("first")), second())
    assert seen == [2]  # one transaction for both, not a lone first and then a second
    assert [r.message_id for r in out] == ["first", "second"]


async def test_a_lone_mail_is_written_at_once_and_a_stuck_session_is_not_waited_for() -> None:
    seen: list[int] = []
    alone = GroupCommit(_recorder(seen), coming=lambda: 0,  # type: ignore[arg-type]
                        gather_seconds=5.0)
    assert (await asyncio.wait_for(alone.submit(_item("alone")), 1.0)).message_id == "alone"
    # A session that said MAIL FROM and then went quiet: the wait is bounded.
    stuck = GroupCommit(_recorder(seen), coming=lambda: 1,  # type: ignore[arg-type]
                        gather_seconds=0.05)
    assert (await asyncio.wait_for(stuck.submit(_item("next")), 5.0)).message_id == "next"
    assert seen == [1, 1]


async def test_sessions_between_mail_from_and_data_are_counted(service: Harness) -> None:
    handler = service.runtime.smtp.handler if service.runtime.smtp else None
    assert handler is not None

    def open_then_abandon() -> tuple[int, int]:
        with smtplib.SMTP("127.0.0.1", service.smtp_port, timeout=30) as client:
            client.ehlo("client.test")
            client.mail("client@example.org")
            client.rcpt(AIM)
            during = handler.mails_on_the_way()
            client.rset()  # the transaction is abandoned: it must stop counting
            client.noop()
            return during, handler.mails_on_the_way()

    during, after = await asyncio.to_thread(open_then_abandon)
    assert (during, after) == (1, 0)


async def test_cancelling_the_writer_while_it_gathers_fails_every_waiting_mail() -> None:
    seen: list[int] = []
    queue = GroupCommit(_recorder(seen), coming=lambda: 1,  # type: ignore[arg-type]
                        gather_seconds=30.0)
    submitted = asyncio.ensure_future(queue.submit(_item("waiting")))
    await asyncio.sleep(0.01)  # the writer is now gathering for the mail "on its way"
    writer = queue._writer
    assert writer is not None
    writer.cancel()
    # The session gets an error (its SMTP answer is 451), not a wait without end.
    with pytest.raises(RuntimeError, match="cancelled"):
        await asyncio.wait_for(submitted, 5.0)
    assert seen == []
