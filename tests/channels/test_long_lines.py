"""Mail with lines longer than RFC 5321's 1000 octets is taken, not bounced.

aiosmtpd answers such mail with a permanent 500 by default, so the sending server would
bounce it and the request would be lost. Senders that ignore the limit exist (scripts,
web forms, base64 or HTML written without line breaks); being liberal here loses nothing:
any line is taken and stored as sent, and only the message size limit applies.
"""

from __future__ import annotations

import asyncio
import smtplib
from pathlib import Path

import pytest

from tests.channels.harness import Harness, running_service


def _raw_with_long_line(length: int) -> bytes:
    body = ("Please erase all personal data you hold about me. " * (length // 50 + 1))[:length]
    return (
        "From: Long Liner <long@example.org>\r\n"
        "To: hello@aimigos.studio\r\n"
        "Subject: Erasure\r\n"
        "Message-ID: <long-line-1@example.org>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        f"{body}\r\n"
    ).encode()


async def test_a_5000_character_line_is_accepted_and_ticketed(service: Harness) -> None:
    code, _ = await service.send(_raw_with_long_line(5000))
    assert code == 250
    [ticket] = await service.tickets()
    assert ticket.requester_address == "long@example.org"
    assert "erasure" in ticket.intents


@pytest.mark.usefixtures("premigrated")
async def test_a_5_megabyte_line_is_stored_as_sent(database_url: str, tmp_path: Path) -> None:
    raw = _raw_with_long_line(5 * 1024 * 1024)
    async with running_service(database_url, tmp_path,
                               max_message_bytes=8 * 1024 * 1024) as service:
        code, _ = await service.send(raw)
        assert code == 250
        async with service.services.db.transaction(readonly=True) as tx:
            stored = await tx.messages.get_by_message_id("aimigos", "<long-line-1@example.org>")
            assert stored is not None
            assert await tx.messages.get_raw(stored.id) == raw
        [ticket] = await service.tickets()
        assert "erasure" in ticket.intents


async def test_a_long_line_over_the_size_limit_is_552_not_500(service: Harness) -> None:
    # the harness's limit is 1 MiB: the size is what refuses, and it says so
    code, text = await service.send(_raw_with_long_line(2 * 1024 * 1024))
    assert code == 552
    assert "size" in text.lower()
    assert await service.message_count() == 0


async def test_dot_stuffed_lines_long_and_short_come_back_unstuffed(service: Harness) -> None:
    long_dots = "." + "x" * 200_000
    raw = ("From: Dot <dot@example.org>\r\nTo: hello@aimigos.studio\r\nSubject: Erasure\r\n"
           "Message-ID: <dots-1@example.org>\r\n\r\nPlease erase my personal data.\r\n"
           f".\r\n..\r\n.leading dot\r\n{long_dots}\r\nend\r\n").encode()

    def session() -> dict[str, tuple[int, bytes]]:
        # smtplib does the dot-stuffing on the wire, as every client must
        with smtplib.SMTP("127.0.0.1", service.smtp_port, timeout=30) as client:
            return client.sendmail("dot@example.org", ["hello@aimigos.studio"], raw)

    assert await asyncio.to_thread(session) == {}  # raises unless every recipient took it
    async with service.services.db.transaction(readonly=True) as tx:
        stored = await tx.messages.get_by_message_id("aimigos", "<dots-1@example.org>")
        assert stored is not None
        assert await tx.messages.get_raw(stored.id) == raw
