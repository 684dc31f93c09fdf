"""A stand-in relay for the tests: a second aiosmtpd server on loopback, capturing our mail.

`answers` queues SMTP replies for the next DATA commands ("451 ..." to defer, "550 ..." to
refuse); with the queue empty every message is accepted and kept in `received`.
"""

from __future__ import annotations

import asyncio
import ssl
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


@dataclass
class Captured:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.data, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class CapturingRelay:
    answers: list[str] = field(default_factory=list)
    received: list[Captured] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    host: str = "127.0.0.1"
    port: int = 0

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}?starttls=0&timeout=5"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            if self.answers:
                return self.answers.pop(0)
            self.received.append(Captured(envelope.mail_from, list(envelope.rcpt_tos),
                                          bytes(envelope.original_content)))
        return "250 2.0.0 captured"

    def to(self, address: str) -> list[Captured]:
        with self.lock:
            return [mail for mail in self.received if address in mail.rcpt_tos]


def _authenticator(login: bytes, password: bytes) -> Any:
    def check(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (login, password)
        return AuthResult(success=ok, handled=False)
    return check


@asynccontextmanager
async def running_relay(*, tls: ssl.SSLContext | None = None,
                        credentials: tuple[bytes, bytes] | None = None,
                        smtputf8: bool = True) -> AsyncIterator[CapturingRelay]:
    """The relay on the test's loop, on a port the OS picks (no races over free ports).

    With `tls` it requires STARTTLS; with `credentials` it requires AUTH (login, password);
    `smtputf8=False` is a relay that does not offer SMTPUTF8.
    """
    relay = CapturingRelay()
    loop = asyncio.get_running_loop()
    options: dict[str, Any] = {}
    if tls is not None:
        options.update(tls_context=tls, require_starttls=True)
    if credentials is not None:
        options.update(auth_required=True, authenticator=_authenticator(*credentials))
    server = await loop.create_server(
        lambda: SMTP(relay, hostname="relay.test", enable_SMTPUTF8=smtputf8, loop=loop,
                     **options),
        host="127.0.0.1", port=0)
    relay.port = server.sockets[0].getsockname()[1]
    try:
        yield relay
    finally:
        server.close()
        await server.wait_closed()
