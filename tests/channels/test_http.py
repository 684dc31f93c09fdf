"""The HTTP endpoints through a real socket: health, the verification link, one-click
unsubscribe (RFC 8058), and bad tokens that change nothing and leak nothing."""

from __future__ import annotations

import asyncio
import logging
import re
from email.message import EmailMessage

import aiohttp
import pytest

from intents import Classification, read_message
from tests.channels.harness import Harness, make_mail


async def _open_erasure(service: Harness, sender: str = "alice@example.org") -> EmailMessage:
    """A real erasure ticket through the desk; returns the verification request it sent."""
    raw = make_mail("Please erase my data.", sender=sender)
    await service.services.desk.receive_mail(
        "aimigos", raw, read_message(raw), Classification(intents=["erasure"]),
        envelope_from=sender)
    [request] = await service.mails_to(sender)
    return request.message


def _link(message: EmailMessage, kind: str, service: Harness) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    found = re.search(rf"http://links\.test(/{kind}/[A-Za-z0-9_.-]+)", str(part.get_content()))
    assert found, f"no {kind} link in the mail"
    return service.http_url + found.group(1)


async def _verified(service: Harness) -> bool:
    [ticket] = await service.tickets()
    return ticket.verified_at is not None


async def test_healthz(service: Harness) -> None:
    async with aiohttp.ClientSession() as http, http.get(service.http_url + "/healthz") as resp:
        assert resp.status == 200
        assert await resp.json() == {
            "status": "ok", "checks": {"database": True, "smtp": True, "outbox": True},
            "parts": {"database": {"status": "up"}, "smtp": {"status": "up"},
                      "outbox": {"status": "up"}}}
        assert resp.headers["Cache-Control"] == "no-store"


async def test_verification_link_get_shows_post_confirms(service: Harness) -> None:
    url = _link(await _open_erasure(service), "verify", service)
    async with aiohttp.ClientSession() as http:
        async with http.get(url) as resp:  # what a mail scanner does: must change nothing
            page = await resp.text()
            assert resp.status == 200
            assert resp.headers["Referrer-Policy"] == "no-referrer"
        assert 'method="post"' in page
        assert not await _verified(service)
        token = url.rsplit("/", 1)[1]
        async with http.post(service.http_url + "/verify", data={"token": token}) as resp:
            assert resp.status == 200
            assert "confirmed" in await resp.text()
        assert await _verified(service)
        async with http.post(url) as resp:  # the same link again: already done, still fine
            assert resp.status == 200
    # Verified: the acknowledgement (with its due date) follows, in the same thread.
    [ticket] = await service.tickets()
    mails = await service.mails_to("alice@example.org", 2)
    assert ticket.reference in str(mails[1].message["Subject"])
    assert ticket.due_date is not None


async def test_bad_tokens_get_a_clear_400_and_change_nothing(service: Harness) -> None:
    url = _link(await _open_erasure(service), "verify", service)
    token = url.rsplit("/", 1)[1]
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    async with aiohttp.ClientSession() as http:
        for method, target in [("GET", "/verify/not-a-token"), ("POST", "/verify/x.y"),
                               ("POST", f"/verify/{tampered}"), ("GET", f"/verify/{tampered}"),
                               ("POST", "/verify"), ("GET", "/unsubscribe/abc.def"),
                               ("POST", f"/unsubscribe/{token}")]:
            data = {"List-Unsubscribe": "One-Click"} if "unsubscribe" in target else None
            async with http.request(method, service.http_url + target, data=data) as resp:
                body = await resp.text()
                assert resp.status == 400, (method, target, body)
                assert "This link" in body
                assert "Traceback" not in body
                assert "Error" not in body
    assert not await _verified(service)
    assert await service.services.desk.suppression_list() == []


async def test_one_click_unsubscribe(service: Harness) -> None:
    message = await _open_erasure(service)
    header = str(message["List-Unsubscribe"])
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = re.search(r"<http://links\.test(/unsubscribe/[^>]+)>", header)
    assert path is not None
    url = service.http_url + path.group(1)
    async with aiohttp.ClientSession() as http:
        async with http.get(url) as resp:
            assert resp.status == 200
            assert "List-Unsubscribe" in await resp.text()  # the button's hidden field
        async with http.post(url, data={"other": "x"}) as resp:  # not a one-click body
            assert resp.status == 400
        assert await service.services.desk.suppression_list() == []
        # What a mail client sends for RFC 8058: POST to the header's URI with this body.
        async with http.post(url, data="List-Unsubscribe=One-Click", headers={
                "Content-Type": "application/x-www-form-urlencoded"}) as resp:
            assert resp.status == 200
            assert "unsubscribed" in await resp.text()
    entries = await service.services.desk.suppression_list("aimigos")
    assert [entry.address for entry in entries] == ["alice@example.org"]


async def test_unknown_path_is_404(service: Harness) -> None:
    async with aiohttp.ClientSession() as http, http.get(service.http_url + "/admin") as resp:
        assert resp.status == 404


async def test_a_replaced_or_locked_link_says_why(service: Harness) -> None:
    from bot.channels import pages
    from bot.channels.http_app import _reason
    from bot.workflow.verification import Outcome, outcome_error

    url = _link(await _open_erasure(service), "verify", service)
    [ticket] = await service.tickets()
    await service.services.desk.resend_code(ticket.reference, "alice", "cli")
    async with aiohttp.ClientSession() as http, http.post(url) as resp:
        assert resp.status == 400
        assert "newer code and link" in await resp.text()
    assert not await _verified(service)
    assert _reason(outcome_error(Outcome.EXHAUSTED, 0)) == pages.EXHAUSTED


async def test_a_non_ascii_token_gets_the_400_page(service: Harness,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    async with aiohttp.ClientSession() as http:
        for method, target in [("GET", "/verify/abc.%C3%A9"), ("POST", "/verify/abc.%C3%A9"),
                               ("GET", "/verify?token=abc.%C3%A9"),
                               ("GET", "/unsubscribe/abc.%C3%A9"),
                               ("POST", "/unsubscribe/%C3%A9bc.%C3%A9")]:
            data = {"List-Unsubscribe": "One-Click"} if method == "POST" else None
            async with http.request(method, service.http_url + target, data=data) as resp:
                assert resp.status == 400, (method, target)
                assert "This link is not valid" in await resp.text()
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_an_unreadable_form_gets_the_400_page(service: Harness,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    broken = b"--xx\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--xx--\r\n"
    async with aiohttp.ClientSession() as http:
        for target, body, content_type in [
                ("/verify", broken, "multipart/form-data; boundary=xx"),
                ("/verify", b"token=x", "multipart/form-data"),  # no boundary
                ("/unsubscribe/abc.def", broken, "multipart/form-data; boundary=xx")]:
            async with http.post(service.http_url + target, data=body,
                                 headers={"Content-Type": content_type}) as resp:
                assert resp.status == 400, target
                assert "could not be read" in await resp.text()
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert await service.services.desk.suppression_list() == []


async def test_an_oversized_header_is_a_400_and_one_log_line(
        service: Harness, caplog: pytest.LogCaptureFixture) -> None:
    assert service.runtime.http_address is not None
    for request in [b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n",
                    b"GET /verify/" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"]:
        reader, writer = await asyncio.open_connection("127.0.0.1",
                                                       service.runtime.http_address[1])
        writer.write(request)
        await writer.drain()
        answer = await reader.read()
        writer.close()
        await writer.wait_closed()
        assert answer.startswith(b"HTTP/1.0 400 ") or answer.startswith(b"HTTP/1.1 400 ")
    refused = [r for r in caplog.records if r.name == "aiohttp.server"]
    assert [r.levelno for r in refused] == [logging.WARNING, logging.WARNING]
    for record in refused:
        assert record.exc_info is None
        assert "\n" not in record.getMessage()
        assert "LineTooLong" in record.getMessage()
        assert "aaaa" not in record.getMessage()
    # the server still answers
    async with aiohttp.ClientSession() as http, http.get(service.http_url + "/healthz") as resp:
        assert resp.status == 200


async def test_a_used_link_says_already_confirmed(service: Harness) -> None:
    url = _link(await _open_erasure(service), "verify", service)
    async with aiohttp.ClientSession() as http:
        async with http.post(url) as resp:
            assert resp.status == 200
            assert "Thank you" in await resp.text()
        [ticket] = await service.tickets()
        await service.mails_to("alice@example.org", 2)  # the acknowledgement
        for method in ("POST", "GET"):  # a second press; the link opened again
            async with http.request(method, url) as resp:
                page = await resp.text()
                assert resp.status == 200, method
                assert "Already confirmed" in page
                assert ticket.reference in page
                assert "nothing more to do" in page
                assert 'method="post"' not in page
    async with service.services.db.transaction(readonly=True) as tx:
        kinds = [event.kind for event in await tx.events.after(0)]
    assert "verification_failed" not in kinds
    assert len(service.relay.to("alice@example.org")) == 2  # nothing sent twice
