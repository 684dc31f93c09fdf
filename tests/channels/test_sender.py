"""The outbox sender against a real database and a real (stand-in) relay on loopback."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.channels.relay import parse_relay_url
from bot.channels.sender import OutboxSender, retry_delay
from bot.channels.transports import DirectoryTransport, RelayTransport
from bot.organisations import Organisations
from storage import Database, open_database
from tests.channels.relay_stub import CapturingRelay, running_relay


@pytest.fixture
async def relay() -> AsyncIterator[CapturingRelay]:
    async with running_relay() as captured:
        yield captured


def _raw(n: int, to: str) -> bytes:
    return (f"From: Aimigos Studio <hello@aimigos.studio>\r\nTo: {to}\r\n"
            f"Subject: [AIM-2026-{n:04d}] test\r\nMessage-ID: <out{n}@aimigos.studio>\r\n"
            f"Auto-Submitted: auto-replied\r\n\r\nbody {n}\r\n").encode()


async def _enqueue(db: Database, count: int, to: str = "client@example.org") -> list[int]:
    ids = []
    async with db.transaction() as tx:
        for n in range(count):
            row = await tx.outbox.enqueue(organisation="aimigos", kind="ack", to_address=to,
                                          message_id=f"<out{n}@aimigos.studio>", raw=_raw(n, to))
            ids.append(row.id)
    return ids


async def _status(db: Database, outbox_id: int) -> tuple[str, int, str | None]:
    async with db.transaction(readonly=True) as tx:
        row = await tx.outbox.get(outbox_id)
    return row.status, row.attempts, row.last_error


def test_backoff_grows_and_is_capped() -> None:
    delays = [retry_delay(n).total_seconds() for n in range(1, 16)]
    assert 54 <= delays[0] <= 66
    assert 108 <= delays[1] <= 132
    assert max(delays) <= 6 * 3600 * 1.1
    assert delays[-1] >= 6 * 3600 * 0.9


async def test_relay_delivery_marks_sent(db: Database, orgs: Organisations,
                                         relay: CapturingRelay) -> None:
    [outbox_id] = await _enqueue(db, 1)
    sender = OutboxSender(db, RelayTransport(parse_relay_url(relay.url)), orgs)
    assert await sender.run_once() == 1
    [mail] = relay.received
    assert mail.rcpt_tos == ["client@example.org"]
    assert mail.mail_from == "hello@aimigos.studio"
    assert mail.message["Message-ID"] == "<out0@aimigos.studio>"
    assert (await _status(db, outbox_id))[0] == "sent"
    assert await sender.run_once() == 0  # nothing is sent twice
    assert len(relay.received) == 1


async def test_temporary_failure_is_retried_later(db: Database, orgs: Organisations,
                                                  relay: CapturingRelay) -> None:
    [outbox_id] = await _enqueue(db, 1)
    relay.answers.append("451 4.3.0 try later")
    sender = OutboxSender(db, RelayTransport(parse_relay_url(relay.url)), orgs)
    await sender.run_once()
    status, attempts, error = await _status(db, outbox_id)
    assert (status, attempts) == ("pending", 1)
    assert error is not None
    assert "451" in error
    assert await sender.run_once() == 0  # not due yet: backoff
    assert await sender.run_once(datetime.now(UTC) + timedelta(minutes=5)) == 1
    assert (await _status(db, outbox_id))[0] == "sent"
    assert len(relay.received) == 1


async def test_permanent_refusal_is_recorded(db: Database, orgs: Organisations,
                                             relay: CapturingRelay) -> None:
    [outbox_id] = await _enqueue(db, 1)
    relay.answers.append("554 5.7.1 rejected as spam")
    sender = OutboxSender(db, RelayTransport(parse_relay_url(relay.url)), orgs)
    await sender.run_once()
    status, _, error = await _status(db, outbox_id)
    assert status == "failed"
    assert error is not None
    assert "554" in error
    assert await sender.run_once(datetime.now(UTC) + timedelta(days=3)) == 0
    assert sender.failed == 1
    async with db.transaction(readonly=True) as tx:
        [event] = [e for e in await tx.events.after(0) if e.kind == "reply_failed"]
    assert event.organisation == "aimigos"
    assert event.data["outbox_id"] == outbox_id
    assert "554" in event.data["error"]


async def test_unreachable_relay_is_temporary(db: Database, orgs: Organisations) -> None:
    [outbox_id] = await _enqueue(db, 1)
    async with running_relay() as gone:
        url = gone.url
    sender = OutboxSender(db, RelayTransport(parse_relay_url(url)), orgs)
    await sender.run_once()
    status, _, error = await _status(db, outbox_id)
    assert status == "pending"
    assert error is not None
    assert "unreachable" in error


async def test_gives_up_after_max_attempts(db: Database, orgs: Organisations,
                                           relay: CapturingRelay) -> None:
    [outbox_id] = await _enqueue(db, 1)
    relay.answers.extend(["421 4.7.0 busy"] * 3)
    sender = OutboxSender(db, RelayTransport(parse_relay_url(relay.url)), orgs, max_attempts=3)
    later = datetime.now(UTC)
    for _ in range(3):
        later += timedelta(days=1)
        await sender.run_once(later)
    status, attempts, error = await _status(db, outbox_id)
    assert (status, attempts) == ("failed", 3)
    assert error is not None
    assert "gave up after 3 attempts" in error


async def test_injected_envelope_address_is_refused(db: Database, orgs: Organisations,
                                                    relay: CapturingRelay) -> None:
    [outbox_id] = await _enqueue(db, 1, to="victim@example.org>\r\nRCPT TO:<evil@example.net")
    sender = OutboxSender(db, RelayTransport(parse_relay_url(relay.url)), orgs)
    await sender.run_once()
    assert (await _status(db, outbox_id))[0] == "failed"
    assert relay.received == []


async def test_directory_transport_writes_eml_atomically(db: Database, orgs: Organisations,
                                                         tmp_path: Path) -> None:
    ids = await _enqueue(db, 3)
    outbox = tmp_path / "outbox"
    sender = OutboxSender(db, DirectoryTransport(outbox), orgs)
    assert await sender.run_once() == 3
    files = sorted(p.name for p in outbox.iterdir())
    assert len(files) == 3  # no temp files left behind
    assert all(name.endswith(".eml") for name in files)
    assert sorted(name.split("-")[0] for name in files) == sorted(str(i) for i in ids)
    first = next(outbox.glob(f"{ids[0]}-*.eml"))
    assert first.read_bytes() == _raw(0, "client@example.org")
    for outbox_id in ids:
        assert (await _status(db, outbox_id))[0] == "sent"


async def test_concurrent_senders_never_send_twice(database_url: str, db: Database,
                                                   orgs: Organisations,
                                                   relay: CapturingRelay) -> None:
    ids = await _enqueue(db, 30)
    # Separate engines stand for separate processes sharing the database.
    others = [await open_database(database_url, upgrade=False) for _ in range(2)]
    try:
        transport = RelayTransport(parse_relay_url(relay.url))
        senders = [OutboxSender(other, transport, orgs, worker_id=f"w{n}", batch=4)
                   for n, other in enumerate(others)]

        async def drain(sender: OutboxSender) -> None:
            while await sender.run_once():
                pass

        await asyncio.gather(*(drain(sender) for sender in senders))
    finally:
        for other in others:
            await other.close()
    ids_seen = sorted(mail.message["Message-ID"] for mail in relay.received)
    assert ids_seen == sorted(f"<out{n}@aimigos.studio>" for n in range(30))
    assert sum(sender.sent for sender in senders) == 30
    assert {(await _status(db, i))[0] for i in ids} == {"sent"}


async def test_run_loop_stops_cleanly(db: Database, orgs: Organisations,
                                      tmp_path: Path) -> None:
    sender = OutboxSender(db, DirectoryTransport(tmp_path), orgs, poll_seconds=0.05)
    stop = asyncio.Event()
    task = asyncio.create_task(sender.run(stop))
    await _enqueue(db, 2)
    sender.wake()
    for _ in range(100):
        if sender.sent == 2:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(task, 5)
    assert sender.sent == 2


async def test_a_mail_that_fails_for_good_is_a_note_on_its_ticket(
        db: Database, orgs: Organisations, relay: CapturingRelay) -> None:
    from bot.desk import Desk
    from tests.desk.conftest import PUBLIC_URL, SECRET, mail

    desk = Desk(db, orgs, secret=SECRET, public_url=PUBLIC_URL,
                clock=lambda: datetime.now(UTC))
    raw, inbound, classification = mail(intents=["erasure"], sender="bob@example.com")
    opened = await desk.receive_mail("aimigos", raw, inbound, classification,
                                     envelope_from="bob@example.com")
    reference = opened.reference or ""
    relay.answers.append("550 5.1.1 no such user")
    await OutboxSender(db, RelayTransport(parse_relay_url(relay.url)), orgs).run_once()
    [note] = (await desk.get_ticket(reference)).attention
    assert note.startswith("requester not reached: verification_request could not be "
                           "delivered")
    assert "550" in note
    listed = await desk.attention(await desk.list_tickets())
    assert listed[reference] == [note]
    # a fresh verification request queued for the ticket clears the note
    await desk.resend_code(reference, "alice", "cli")
    assert (await desk.get_ticket(reference)).attention == []


async def _erasure_ticket(db: Database, orgs: Organisations) -> str:
    from bot.desk import Desk
    from tests.desk.conftest import PUBLIC_URL, SECRET, mail

    desk = Desk(db, orgs, secret=SECRET, public_url=PUBLIC_URL,
                clock=lambda: datetime.now(UTC))
    raw, inbound, classification = mail(intents=["erasure"], sender="bob@example.com",
                                        language="es", text="Borren mis datos")
    opened = await desk.receive_mail("aimigos", raw, inbound, classification,
                                     envelope_from="bob@example.com")
    return opened.reference or ""


async def test_a_relayed_verification_mail_is_kept_redacted(
        db: Database, orgs: Organisations, relay: CapturingRelay) -> None:
    import re

    await _erasure_ticket(db, orgs)
    async with db.transaction(readonly=True) as tx:
        [queued] = await tx.outbox.by_status()
    sender = OutboxSender(db, RelayTransport(parse_relay_url(relay.url)), orgs)
    assert await sender.run_once() == 1
    [delivered] = relay.received
    text = delivered.message.get_body().get_content()  # type: ignore[union-attr]
    code = re.search(r"(\d{6})", text)
    token = re.search(r"/verify/(\S+)", text)
    assert code is not None
    assert token is not None
    async with db.transaction(readonly=True) as tx:
        kept = await tx.outbox.get(queued.id)
    assert kept.status == "sent"
    header_end = queued.raw.index(b"\r\n\r\n")
    assert kept.raw[:header_end] == queued.raw[:header_end]  # headers byte for byte
    assert code.group(1).encode() not in kept.raw
    assert token.group(1)[:20].encode() not in kept.raw
    from email import message_from_bytes
    body = message_from_bytes(kept.raw).get_payload(decode=True)
    assert isinstance(body, bytes)
    assert "código [redacted]" in body.decode("utf-8")
    assert "/verify/[redacted]" in body.decode("utf-8")


async def test_the_outbox_folder_is_private(tmp_path: Path, db: Database,
                                            orgs: Organisations) -> None:
    import stat

    await _erasure_ticket(db, orgs)
    data_dir = tmp_path / "data"
    sender = OutboxSender(db, DirectoryTransport(data_dir / "outbox"), orgs)
    assert await sender.run_once() == 1
    [eml] = list((data_dir / "outbox").iterdir())
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "outbox").stat().st_mode) == 0o700
    assert stat.S_IMODE(eml.stat().st_mode) == 0o600
    # the file is the delivery, so it (and the database's copy) keeps the code
    async with db.transaction(readonly=True) as tx:
        [kept] = await tx.outbox.by_status("sent")
    assert b"[redacted]" not in kept.raw
    assert eml.read_bytes() == bytes(kept.raw)
