"""The whole service on loopback for the channel tests: SMTP intake, HTTP, the outbox worker
and a capturing relay, over one real database; plus the client side (smtplib in a thread,
since the server runs on the test's own event loop)."""

from __future__ import annotations

import asyncio
import smtplib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from pydantic import SecretStr

from bot.runtime import Runtime, Services, build_services
from bot.settings import Settings
from storage import TicketRecord
from tests.channels.relay_stub import Captured, CapturingRelay, running_relay

AIM = "hello@aimigos.studio"
IMG = "studio@imgnstudio.com"


def make_mail(body: str, *, sender: str = "alice@example.org", to: str = AIM,
              subject: str = "Request", message_id: str | None = None,
              headers: dict[str, str] | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Alice Example <{sender}>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = message_id or make_msgid(domain="example.org")
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    # CRLF, as on the wire; long Message-IDs (ours) folded, not RFC 2047-encoded, as mail
    # clients do (the stdlib would encode an over-long In-Reply-To as an encoded word)
    return msg.as_bytes(policy=policy.SMTP.clone(max_line_length=998))


class SmtpRefused(Exception):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(f"{code} {text}")
        self.code = code


@dataclass
class Harness:
    services: Services
    runtime: Runtime
    relay: CapturingRelay
    settings: Settings

    @property
    def smtp_port(self) -> int:
        assert self.runtime.smtp is not None
        return self.runtime.smtp.address[1]

    @property
    def http_url(self) -> str:
        assert self.runtime.http_address is not None
        return f"http://127.0.0.1:{self.runtime.http_address[1]}"

    async def send(self, raw: bytes, *, to: tuple[str, ...] = (AIM,),
                   mail_from: str = "alice@example.org") -> tuple[int, str]:
        """One SMTP transaction from a real client; the DATA reply, or SmtpRefused."""
        return await asyncio.to_thread(self._send_sync, raw, to, mail_from)

    def _send_sync(self, raw: bytes, to: tuple[str, ...], mail_from: str) -> tuple[int, str]:
        client = smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=30)
        try:
            client.ehlo("client.test")
            code, text = client.mail(mail_from)
            if code != 250:
                raise SmtpRefused(code, text.decode())
            for rcpt in to:
                code, text = client.rcpt(rcpt)
                if code not in (250, 251):
                    raise SmtpRefused(code, text.decode())
            code, text = client.data(raw)
            return code, text.decode()
        finally:
            try:
                client.quit()
            except (smtplib.SMTPException, OSError):  # a server shutting down says 421
                client.close()

    async def wait_for(self, predicate: Callable[[], bool], seconds: float = 10.0) -> None:
        for _ in range(int(seconds / 0.05)):
            if predicate():
                return
            await asyncio.sleep(0.05)
        raise AssertionError("timed out waiting")

    async def mails_to(self, address: str, count: int = 1) -> list[Captured]:
        await self.wait_for(lambda: len(self.relay.to(address)) >= count)
        return self.relay.to(address)

    async def tickets(self) -> list[TicketRecord]:
        return await self.services.desk.list_tickets()

    async def message_count(self) -> int:
        from sqlalchemy import func, select

        from storage.tables import messages

        async with self.services.db.transaction(readonly=True) as tx:
            return int((await tx.connection.execute(
                select(func.count()).select_from(messages))).scalar_one())


@asynccontextmanager
async def running_service(database_url: str, data_dir: Path, *,
                          max_message_bytes: int = 1024 * 1024,
                          data_budget_bytes: int | None = None,
                          busy_timeout: float = 1.0,
                          clock: Callable[[], datetime] | None = None) -> AsyncIterator[Harness]:
    async with running_relay() as relay:
        settings = Settings().with_overrides(
            data_dir=data_dir, database_url=database_url, smtp_host="127.0.0.1", smtp_port=0,
            http_host="127.0.0.1", http_port=0, smtp_relay_url=relay.url,
            max_message_bytes=max_message_bytes, smtp_data_budget_bytes=data_budget_bytes,
            public_url="http://links.test",
            secret_key=SecretStr("harness-secret-key-0123456789abcdef"))
        services = await build_services(settings, slack=False, busy_timeout=busy_timeout)
        if clock is not None:
            # Before the worker starts: its first sweep must not read the wall clock and close,
            # a year "later", the requests the scenario is about to make.
            services.desk.config.clock = clock
        runtime = Runtime(services, poll_seconds=0.05)
        try:
            await runtime.start()
            yield Harness(services, runtime, relay, settings)
        finally:
            await runtime.stop()
            await services.close()
