"""Mail with lines longer than RFC 5321's 1000 octets is taken, not bounced.

aiosmtpd answers such mail with a permanent 500 by default, so the sending server would
bounce it and the request would be lost. Senders that ignore the limit exist (scripts,
web forms); being liberal here loses nothing, and the message size limit still applies.
"""

from __future__ import annotations

from tests.channels.harness import Harness


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
