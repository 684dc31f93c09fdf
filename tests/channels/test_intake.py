"""SMTP intake end to end: smtplib -> privacybot's server -> database -> outbox -> relay.

Every test runs over SQLite and (with TEST_DATABASE_URL) PostgreSQL.
"""

from __future__ import annotations

import asyncio
import os
import re
import smtplib

import pytest

from tests.channels.harness import AIM, IMG, Harness, SmtpRefused, make_mail

ERASURE = ("Hello, please delete all the personal data you hold about me and close my "
           "account. I want my data erased under Article 17. Thanks, Alice")
OPT_OUT = ("Please unsubscribe me from all your marketing emails and newsletters. "
           "Stop sending me marketing. Alice")


def _body(message: object) -> str:
    from email.message import EmailMessage

    assert isinstance(message, EmailMessage)
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


async def test_unknown_recipient_is_refused_at_rcpt(service: Harness) -> None:
    with pytest.raises(SmtpRefused) as refused:
        await service.send(make_mail(ERASURE, to="nobody@aimigos.studio"),
                           to=("nobody@aimigos.studio",))
    assert refused.value.code == 550
    assert await service.message_count() == 0


async def test_known_and_unknown_recipients_mixed(service: Harness) -> None:
    def session() -> tuple[int, int, int]:
        with smtplib.SMTP("127.0.0.1", service.smtp_port, timeout=30) as client:
            client.ehlo()
            client.mail("alice@example.org")
            good = client.rcpt("HELLO@aimigos.studio")[0]  # addresses are case-insensitive
            bad = client.rcpt("postmaster@example.net")[0]
            data = client.data(make_mail("just saying hi"))[0]
            return good, bad, data

    assert await asyncio.to_thread(session) == (250, 550, 250)
    assert await service.message_count() == 1


async def test_oversize_mail_is_refused(service: Harness) -> None:
    big = make_mail(ERASURE + "\n" + ("x" * 76 + "\n") * 20_000)  # ~1.5 MB, limit 1 MB
    code, _ = await service.send(big)
    assert code == 552

    def declared_size() -> int:
        with smtplib.SMTP("127.0.0.1", service.smtp_port, timeout=30) as client:
            client.ehlo()
            assert client.has_extn("size")
            return client.mail("alice@example.org", [f"SIZE={len(big)}"])[0]

    assert await asyncio.to_thread(declared_size) == 552
    assert await service.message_count() == 0


async def test_duplicate_message_id_makes_one_ticket(service: Harness) -> None:
    raw = make_mail(ERASURE, message_id="<dup-1@example.org>")
    assert (await service.send(raw))[0] == 250
    assert (await service.send(raw))[0] == 250
    tickets = await service.tickets()
    assert len(tickets) == 1
    assert await service.message_count() == 1
    await service.mails_to("alice@example.org")
    async with service.services.db.transaction(readonly=True) as tx:
        queued = await tx.outbox.for_ticket(tickets[0].id)
    assert len(queued) == 1  # one verification request, not two


async def test_out_of_office_gets_no_reply(service: Harness) -> None:
    raw = make_mail("I am out of the office until Monday. Please delete my data.",
                    subject="Automatic reply: Your request",
                    headers={"Auto-Submitted": "auto-replied"})
    assert (await service.send(raw))[0] == 250
    assert await service.message_count() == 1
    assert await service.tickets() == []
    async with service.services.db.transaction(readonly=True) as tx:
        assert await tx.outbox.by_status() == []


async def test_bounce_with_null_sender_gets_no_reply(service: Harness) -> None:
    raw = make_mail(ERASURE, sender="mailer-daemon@example.net")
    assert (await service.send(raw, mail_from=""))[0] == 250
    assert await service.tickets() == []
    async with service.services.db.transaction(readonly=True) as tx:
        assert await tx.outbox.by_status() == []


async def test_mail_without_intent_is_stored_not_answered(service: Harness) -> None:
    raw = make_mail("Hi! Loved your last game. Any news about the sequel?")
    assert (await service.send(raw))[0] == 250
    assert await service.message_count() == 1
    assert await service.tickets() == []


async def test_erasure_by_code_reply_joins_and_verifies(service: Harness) -> None:
    assert (await service.send(make_mail(ERASURE, subject="Delete my data")))[0] == 250
    [ticket] = await service.tickets()
    assert "erasure" in ticket.intents
    assert ticket.verified_at is None
    [request] = await service.mails_to("alice@example.org")
    message = request.message
    assert ticket.reference in str(message["Subject"])
    assert message["Auto-Submitted"] == "auto-replied"
    assert request.mail_from == AIM
    code = re.search(r"code (\d{3}) ?(\d{3})", _body(message))
    assert code is not None
    reply = make_mail(f"Here is my code: {code.group(1)}{code.group(2)}",
                      subject=f"Re: {message['Subject']}",
                      headers={"In-Reply-To": str(message["Message-ID"]),
                               "References": str(message["Message-ID"])})
    assert (await service.send(reply))[0] == 250
    [after] = await service.tickets()
    assert after.id == ticket.id
    assert after.verified_at is not None
    mails = await service.mails_to("alice@example.org", 2)
    ack = mails[1].message
    assert ack["In-Reply-To"] is not None
    assert ticket.reference in str(ack["Subject"])


async def test_opt_out_suppresses_and_confirms(service: Harness) -> None:
    assert (await service.send(make_mail(OPT_OUT, subject="Unsubscribe")))[0] == 250
    [ticket] = await service.tickets()
    assert ticket.intents == ["opt_out"]
    entries = await service.services.desk.suppression_list("aimigos")
    assert [entry.address for entry in entries] == ["alice@example.org"]
    [confirmation] = await service.mails_to("alice@example.org")
    assert confirmation.rcpt_tos == ["alice@example.org"]
    assert ticket.reference in str(confirmation.message["Subject"])


async def test_mail_to_two_organisations_opens_a_ticket_in_each(service: Harness) -> None:
    raw = make_mail(OPT_OUT, to=f"{AIM}, {IMG}")
    assert (await service.send(raw, to=(AIM, IMG)))[0] == 250
    organisations = sorted(ticket.organisation for ticket in await service.tickets())
    assert organisations == ["aimigos", "imgn"]


async def test_header_injection_never_reaches_the_wire(service: Harness) -> None:
    # Encoded words decode to CR/LF: a naive template would paste them as new headers.
    evil_subject = "=?utf-8?b?" + __import__("base64").b64encode(
        b"Unsubscribe\r\nBcc: victim@evil.example\r\nX-Injected: 1").decode() + "?="
    raw = (f"From: =?utf-8?q?Eve=0D=0ABcc=3A_x=40evil.example?= <eve@example.org>\r\n"
           f"To: {AIM}\r\nSubject: {evil_subject}\r\nMessage-ID: <inj-1@example.org>\r\n"
           f"\r\n{OPT_OUT}\r\n").encode()
    assert (await service.send(raw, mail_from="eve@example.org"))[0] == 250
    [sent] = await service.mails_to("eve@example.org")
    assert sent.rcpt_tos == ["eve@example.org"]
    header_block = sent.data.split(b"\r\n\r\n", 1)[0]
    names = [line.split(b":", 1)[0].lower() for line in header_block.split(b"\r\n")
             if line and not line[:1].isspace()]
    assert b"bcc" not in names
    assert b"x-injected" not in names
    assert len(service.relay.received) == 1


async def test_subject_reference_joins_only_for_the_requester(service: Harness) -> None:
    assert (await service.send(make_mail(ERASURE, subject="Delete my data")))[0] == 250
    [ticket] = await service.tickets()
    follow_up = make_mail("Any news on my request?", subject=f"Re: [{ticket.reference}]")
    assert (await service.send(follow_up))[0] == 250
    assert [t.id for t in await service.tickets()] == [ticket.id]  # joined, no new ticket
    stranger = make_mail(ERASURE, sender="mallory@example.net",
                         subject=f"Re: [{ticket.reference}] delete everything")
    assert (await service.send(stranger, mail_from="mallory@example.net"))[0] == 250
    tickets = await service.tickets()
    assert len(tickets) == 2  # a guessed reference opens a new ticket, linked for the team
    [other] = [t for t in tickets if t.id != ticket.id]
    assert other.requester_address == "mallory@example.net"
    assert other.linked_ticket_id == ticket.id


async def test_smtputf8_and_8bit_mail_is_stored_byte_for_byte(service: Harness) -> None:
    raw = ("From: José Müller <josé@exämple.org>\r\nTo: hello@aimigos.studio\r\n"
           "Subject: Löschung meiner Daten\r\nMessage-ID: <utf8-1@example.org>\r\n"
           "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
           "\r\nBitte löschen Sie alle meine personenbezogenen Daten.\r\n").encode()

    def session() -> tuple[bool, int]:
        with smtplib.SMTP("127.0.0.1", service.smtp_port, timeout=30) as client:
            client.ehlo()
            offered = client.has_extn("smtputf8") and client.has_extn("8bitmime")
            client.mail("josé@exämple.org", ["SMTPUTF8", "BODY=8BITMIME"])
            client.rcpt("hello@aimigos.studio")
            return offered, client.data(raw)[0]

    assert await asyncio.to_thread(session) == (True, 250)
    async with service.services.db.transaction(readonly=True) as tx:
        stored = await tx.messages.get_by_message_id("aimigos", "<utf8-1@example.org>")
        assert stored is not None
        assert await tx.messages.get_raw(stored.id) == raw


async def test_a_deleted_sqlite_file_answers_451_never_250(service: Harness,
                                                           database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("a database file is a SQLite matter")
    import aiohttp
    from sqlalchemy.engine import make_url

    path = str(make_url(database_url).database)
    assert (await service.send(make_mail(ERASURE, message_id="<kept@example.org>")))[0] == 250
    for suffix in ("", "-wal", "-shm"):
        os.unlink(f"{path}{suffix}")
    replies = await asyncio.gather(*(
        service.send(make_mail(ERASURE, sender=f"u{n}@example.org",
                               message_id=f"<gone-{n}@example.org>")) for n in range(5)))
    assert [code for code, _ in replies] == [451] * 5
    assert all(text.startswith("4.3.0") for _, text in replies)
    async with aiohttp.ClientSession() as http, \
            http.get(service.http_url + "/healthz") as resp:
        assert resp.status == 503
        body = await resp.json()
    assert body["checks"]["database"] is False
    assert "removed or replaced" in body["reason"]
    assert not await asyncio.to_thread(os.path.exists, path)  # no new, empty one made


async def test_at_most_20_recipients(service: Harness) -> None:
    def session() -> list[int]:
        with smtplib.SMTP("127.0.0.1", service.smtp_port, timeout=30) as client:
            client.ehlo()
            client.mail("alice@example.org")
            codes = [client.rcpt(AIM)[0] for _ in range(21)]
            client.rset()
            return codes

    assert await asyncio.to_thread(session) == [250] * 20 + [452]
