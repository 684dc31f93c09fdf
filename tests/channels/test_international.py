"""Internationalised addresses (RFC 6531 SMTPUTF8): the server advertises SMTPUTF8, so mail
from `jösé@exämple.org` is taken, ticketed and answered like any other, the answer travels
over SMTPUTF8 (or in ASCII where the address has an ASCII form), a relay that cannot carry
it fails the reply for good and tells the team, and the team can suppress such an address.
"""

from __future__ import annotations

import asyncio
import re
import smtplib
from datetime import UTC, datetime
from email import message_from_string, policy
from pathlib import Path

import pytest

from bot.channels.relay import parse_relay_url
from bot.channels.sender import OutboxSender
from bot.channels.transports import DirectoryTransport, RelayTransport
from bot.cli import app
from bot.cli.common import run_cli
from bot.desk import Desk
from bot.organisations import Organisations
from bot.workflow.addresses import InvalidAddressError, ascii_form, clean_address
from storage import Database
from tests.channels.harness import AIM, Harness
from tests.channels.relay_stub import running_relay
from tests.desk.conftest import PUBLIC_URL, SECRET, mail

JOSE = "jösé@exämple.org"


def _utf8_mail(sender: str, message_id: str, body: str, subject: str = "Löschung",
               in_reply_to: str = "") -> bytes:
    thread = f"In-Reply-To: {in_reply_to}\r\n" if in_reply_to else ""
    return (f"From: José Müller <{sender}>\r\nTo: {AIM}\r\nSubject: {subject}\r\n{thread}"
            f"Message-ID: <{message_id}>\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n").encode()


def _to(data: bytes) -> str:
    """The To address of a mail whose header may be UTF-8 (RFC 6532)."""
    parsed = message_from_string(data.decode("utf-8"), policy=policy.default)
    return str(parsed["To"].addresses[0].addr_spec)


def _send_utf8(port: int, envelope_from: str, raw: bytes) -> int:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.ehlo()
        assert client.has_extn("smtputf8")
        client.mail(envelope_from, ["SMTPUTF8", "BODY=8BITMIME"])
        client.rcpt(AIM)
        return client.data(raw)[0]


async def test_an_internationalised_sender_is_ticketed_and_answered(service: Harness) -> None:
    raw = _utf8_mail(JOSE, "idn-1@exämple.org",
                     "Bitte löschen Sie alle meine personenbezogenen Daten.")
    assert await asyncio.to_thread(_send_utf8, service.smtp_port, JOSE, raw) == 250
    [ticket] = await service.tickets()
    assert ticket.requester_address == JOSE
    assert "erasure" in ticket.intents
    # The verification request went out over SMTPUTF8, to the address as written.
    [request] = await service.mails_to(JOSE)
    assert request.rcpt_tos == [JOSE]
    assert _to(request.data) == JOSE
    # The requester answers with the code, from the same address spelled another way.
    part = request.message.get_body(preferencelist=("plain",))
    assert part is not None
    found = re.search(r"\b(\d{3}) ?(\d{3})\b", str(part.get_content()))
    assert found is not None
    reply = _utf8_mail("JÖSÉ@xn--exmple-cua.org", "idn-2@exämple.org",
                       f"Code: {found.group(1)}{found.group(2)}",
                       subject=f"Re: {request.message['Subject']}",
                       in_reply_to=str(request.message["Message-ID"]))
    assert await asyncio.to_thread(_send_utf8, service.smtp_port, JOSE, reply) == 250
    await service.wait_for(lambda: len(service.relay.to(JOSE)) >= 2)
    [ticket] = await service.tickets()
    assert ticket.verified_at is not None


async def _erasure_from(db: Database, orgs: Organisations, sender: str) -> None:
    desk = Desk(db, orgs, secret=SECRET, public_url=PUBLIC_URL,
                clock=lambda: datetime.now(UTC))
    raw, inbound, classification = mail(intents=["erasure"], sender=sender)
    opened = await desk.receive_mail("aimigos", raw, inbound, classification,
                                     envelope_from=sender)
    assert opened.reference is not None


async def test_a_relay_without_smtputf8_fails_the_reply_and_the_team_is_told(
        db: Database, orgs: Organisations) -> None:
    await _erasure_from(db, orgs, JOSE)
    async with running_relay(smtputf8=False) as relay:
        sender = OutboxSender(db, RelayTransport(parse_relay_url(relay.url)), orgs)
        assert await sender.run_once() == 1
        assert relay.received == []
    assert sender.failed == 1
    async with db.transaction(readonly=True) as tx:
        [event] = [e for e in await tx.events.after(0) if e.kind == "reply_failed"]
    assert "SMTPUTF8" in event.data["error"]


async def test_a_non_ascii_domain_travels_in_ascii(db: Database, orgs: Organisations) -> None:
    await _erasure_from(db, orgs, "bob@exämple.org")
    async with running_relay(smtputf8=False) as relay:
        sender = OutboxSender(db, RelayTransport(parse_relay_url(relay.url)), orgs)
        await sender.run_once()
        [captured] = relay.received
    assert sender.sent == 1
    assert captured.rcpt_tos == ["bob@xn--exmple-cua.org"]
    assert captured.data.isascii()
    assert _to(captured.data) == "bob@xn--exmple-cua.org"


async def test_the_outbox_folder_takes_an_internationalised_reply(
        db: Database, orgs: Organisations, tmp_path: Path) -> None:
    await _erasure_from(db, orgs, JOSE)
    sender = OutboxSender(db, DirectoryTransport(tmp_path / "outbox"), orgs)
    await sender.run_once()
    assert sender.sent == 1
    [eml] = (tmp_path / "outbox").glob("*.eml")
    assert _to(eml.read_bytes()) == JOSE


@pytest.mark.parametrize("spelling", ["jösé@exämple.org", "JÖSÉ@EXÄMPLE.ORG",
                                      "José <jose\u0301@xn--exmple-cua.org>".replace(
                                          "jose\u0301", "jo\u0308se\u0301")])
def test_spellings_of_one_international_address_are_one_address(spelling: str) -> None:
    assert clean_address(spelling) == JOSE
    assert ascii_form(spelling) is None
    assert ascii_form("Bob@Exämple.org") == "bob@xn--exmple-cua.org"


@pytest.mark.parametrize("bad", ["jö sé@exämple.org", "jö\u2028sé@exämple.org",
                                 "jö\u200bsé@exämple.org", "jö\u0085@exämple.org",
                                 "jösé@-exämple.org", "jösé@exämple",
                                 "jö..sé@exämple.org", "jösé@xn--zz.org",
                                 "ö" * 200 + "@exämple.org"])
def test_bad_international_addresses_are_refused(bad: str) -> None:
    with pytest.raises(InvalidAddressError):
        clean_address(bad)


@pytest.mark.usefixtures("data_dir_database")
def test_suppression_takes_an_international_address(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    base = ["--data-dir", str(tmp_path)]
    assert run_cli(app, ["suppression", "add", JOSE, "--org", "aimigos", "--by", "alice",
                         *base]) == 0
    assert f"{JOSE}: added to the aimigos" in capsys.readouterr().out
    assert run_cli(app, ["suppression", "check", "JÖSÉ@xn--exmple-cua.org", "--org",
                         "aimigos", *base]) == 0
    assert f"{JOSE}: suppressed since" in capsys.readouterr().out
