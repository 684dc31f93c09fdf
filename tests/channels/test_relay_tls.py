"""Delivery through a relay that requires STARTTLS and AUTH, as a real submission server does
(a self-signed certificate made with the openssl command line, hence `verify=0`)."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path

import pytest

from bot.channels.errors import TemporaryDeliveryError
from bot.channels.relay import parse_relay_url
from bot.channels.transports import OutboundMail, RelayTransport
from tests.channels.relay_stub import running_relay

MAIL = OutboundMail(outbox_id="7", envelope_from="hello@aimigos.studio",
                    recipients=("client@example.org",),
                    data=b"From: hello@aimigos.studio\r\nTo: client@example.org\r\n"
                         b"Subject: [AIM-2026-0001] hi\r\nMessage-ID: <tls-1@aimigos.studio>\r\n"
                         b"\r\nhello\r\n")


@pytest.fixture(scope="module")
def server_tls(tmp_path_factory: pytest.TempPathFactory) -> ssl.SSLContext:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    folder: Path = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=relay.test", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


async def test_starttls_and_auth(server_tls: ssl.SSLContext) -> None:
    async with running_relay(tls=server_tls, credentials=(b"bot", b"s3cret:pw")) as relay:
        url = f"smtp://bot:s3cret%3Apw@127.0.0.1:{relay.port}?starttls=1&verify=0&timeout=5"
        await RelayTransport(parse_relay_url(url)).deliver(MAIL)
        [captured] = relay.received
        assert captured.rcpt_tos == ["client@example.org"]
        assert captured.message["Message-ID"] == "<tls-1@aimigos.studio>"


async def test_wrong_password_is_temporary(server_tls: ssl.SSLContext) -> None:
    async with running_relay(tls=server_tls, credentials=(b"bot", b"right")) as relay:
        url = f"smtp://bot:wrong@127.0.0.1:{relay.port}?starttls=1&verify=0&timeout=5"
        with pytest.raises(TemporaryDeliveryError, match="authentication failed"):
            await RelayTransport(parse_relay_url(url)).deliver(MAIL)
        assert relay.received == []


async def test_certificate_is_checked_by_default(server_tls: ssl.SSLContext) -> None:
    async with running_relay(tls=server_tls) as relay:
        url = f"smtp://127.0.0.1:{relay.port}?starttls=1&timeout=5"
        with pytest.raises(TemporaryDeliveryError):
            await RelayTransport(parse_relay_url(url)).deliver(MAIL)
        assert relay.received == []
