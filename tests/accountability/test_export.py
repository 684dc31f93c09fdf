"""The requester's access pack (bot/desk/export.py) from a real database with two requesters,
and its signed link through the real HTTP app on loopback, with a clock the test moves."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import AsyncIterator
from datetime import timedelta
from email import message_from_bytes, policy
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.channels.http_app import build_http_app
from bot.desk import Desk
from bot.desk.retention import run_retention
from bot.errors import VerificationError, WorkflowError
from bot.knowledge_base import build_knowledge_base
from bot.organisations import Organisations
from bot.workflow.texts import format_date
from knowledge import KnowledgeBase
from storage import Database
from tests.accountability.conftest import send, verify
from tests.desk.conftest import Clock, mail

ANN = "Ann One <ann@example.com>"
BOB = "Bob Two <bob@example.com>"


@pytest.fixture
def kb(orgs: Organisations) -> KnowledgeBase:
    return build_knowledge_base(orgs)


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


async def two_requesters(desk: Desk, clock: Clock) -> tuple[str, str]:
    """Ann's verified access request with a second mail of hers, a reply and a note from the
    team; Bob's own request; and a mail of Bob's attached to Ann's ticket."""
    ann = await send(desk, ["access"], ANN, text="ANN-FIRST: a copy of my data, please.")
    bob = await send(desk, ["access"], BOB, text="BOB-SECRET: send me my data.")
    await verify(desk, ann)
    clock.advance(hours=1)
    raw, inbound, classification = mail(sender=ANN, text="ANN-SECOND: do you sell gift cards?")
    await desk.receive_mail("aimigos", raw, inbound, classification,
                            envelope_from=inbound.from_address)
    raw, inbound, classification = mail(sender=BOB, text="BOB-FORWARDED: about Ann's request")
    stored = await desk.receive_mail("aimigos", raw, inbound, classification,
                                     envelope_from=inbound.from_address)
    async with desk.db.transaction() as tx:  # a third party's mail filed on Ann's ticket
        found = await tx.messages.get_by_message_id("aimigos", inbound.message_id or "")
        ticket = await tx.tickets.get_by_reference(ann)
        assert found is not None
        assert stored.outcome == "no_intent"
        await tx.messages.set_ticket(found.id, ticket.id)
    await desk.add_note(ann, "INTERNAL-NOTE: check the CRM first", "alice", "cli")
    await desk.reply(ann, "TEAM-REPLY: we are on it.", "alice", "cli")
    return ann, bob


async def test_the_pack_holds_their_mail_and_nobody_elses(desk: Desk, clock: Clock,
                                                          kb: KnowledgeBase) -> None:
    ann, bob = await two_requesters(desk, clock)
    export = await desk.export_pack(ann, kb)
    files = unzip(export.data)
    everything = b"\n".join(files.values()).decode("utf-8", "replace")
    for theirs in ("ANN-FIRST", "ANN-SECOND", "TEAM-REPLY"):
        assert theirs in everything
    for not_theirs in ("BOB-SECRET", "BOB-FORWARDED", "INTERNAL-NOTE"):
        assert not_theirs not in everything
    index = json.loads(files["index.json"])
    assert index["reference"] == ann
    assert index["requester"] == "ann@example.com"
    directions = [(m["direction"], m["from"] if m["direction"] == "in" else m["to"])
                  for m in index["mails"]]
    assert {address for _, address in directions} == {"ann@example.com"}
    assert ("in", "ann@example.com") in directions
    assert ("out", "ann@example.com") in directions
    # Her own mails are there as received, too; the verification code is not.
    originals = [m["original"] for m in index["mails"] if m["original"]]
    assert len(originals) == 2
    assert all(name in files for name in originals)
    verification = next(m for m in index["mails"] if "verification" in m["subject"].lower()
                        or "confirm" in m["subject"].lower())
    assert not re.search(r"\b\d{3}[ -]?\d{3}\b", verification["text"])
    kinds = [event["kind"] for event in index["history"]]
    assert kinds[0] == "ticket_opened"
    assert "identity_verified" in kinds
    assert "note_added" not in kinds
    assert (export.mails, export.files) == (len(index["mails"]), 0)
    # The other requester's pack is his alone.
    bobs = b"\n".join(unzip((await desk.export_pack(bob, kb)).data).values()).decode()
    assert "BOB-SECRET" in bobs
    assert "ANN-FIRST" not in bobs
    assert "ANN-SECOND" not in bobs


async def test_the_pack_quotes_the_policy_with_sections(desk: Desk, clock: Clock,
                                                        kb: KnowledgeBase) -> None:
    ann = await send(desk, ["access"], ANN)
    export = await desk.export_pack(ann, kb)
    files = unzip(export.data)
    info = {item["topic"]: item for item in json.loads(files["index.json"])["information"]}
    assert set(info) >= {"purposes", "recipients", "retention", "rights", "source",
                         "complaint"}
    purposes = info["purposes"]
    assert purposes["answered"]
    assert purposes["quotes"][0]["section"] == "3.2"
    assert "Purposes of Processing" in purposes["quotes"][0]["heading"]
    assert "Information Commissioner" in info["complaint"]["note"]
    unanswered = [item for item in info.values() if not item["answered"]]
    assert unanswered, "the shipped policy is silent on something: the pack must say so"
    assert all("does not say" in item["note"] for item in unanswered
               if item["topic"] != "complaint")
    text = files["index.txt"].decode()
    assert 'section 3.2 "Purposes of Processing"' in text
    assert "internal notes" in text


@pytest.fixture
async def http(desk: Desk, kb: KnowledgeBase) -> AsyncIterator[str]:
    """privacybot's own HTTP app on loopback, over the test's desk (and its clock)."""
    runner = web.AppRunner(build_http_app(desk=desk, probes={}, kb=kb), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def pack_mail(desk: Desk, reference: str) -> Any:
    view = await desk.get_ticket(reference)
    [record] = [m for m in view.outbox if m.kind == "pack_link"]
    return message_from_bytes(record.raw, policy=policy.default)


def token_of(message: Any) -> str:
    found = re.search(r"/pack/(\S+)", message.get_body(preferencelist=("plain",)).get_content())
    assert found is not None
    return found.group(1)


async def downloads(desk: Desk, reference: str) -> int:
    view = await desk.get_ticket(reference)
    return len([e for e in view.events if e.kind == "pack_downloaded"])


async def test_the_link_downloads_once_verified_and_records_it(
        desk: Desk, clock: Clock, http: str) -> None:
    ann, _ = await two_requesters(desk, clock)
    result = await desk.send_pack_link(ann, "alice", "cli")
    assert result.replies == ["pack_link"]
    message = await pack_mail(desk, ann)
    assert message["To"] == "ann@example.com"
    assert ann in message["Subject"]
    expires = format_date((clock.now + timedelta(days=7)).date(), "en")
    assert f"works until {expires}" in message.get_body(preferencelist=("plain",)).get_content()
    token = token_of(message)
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{http}/pack/{token}") as resp:  # a scanner: changes nothing
            assert resp.status == 200
            assert 'method="post"' in await resp.text()
        assert await downloads(desk, ann) == 0
        async with session.post(f"{http}/pack", data={"token": token}) as resp:
            assert resp.status == 200
            assert resp.headers["Content-Type"] == "application/zip"
            assert ann in resp.headers["Content-Disposition"]
            files = unzip(await resp.read())
        assert "ANN-FIRST" in files["index.txt"].decode() or any(
            b"ANN-FIRST" in data for data in files.values())
        assert await downloads(desk, ann) == 1
        view = await desk.get_ticket(ann)
        assert [e.actor for e in view.events if e.kind == "pack_downloaded"] == ["requester"]
        assert "pack_sent" in [e.kind for e in view.events]


async def test_a_tampered_or_expired_link_fails(desk: Desk, clock: Clock, http: str) -> None:
    ann, _ = await two_requesters(desk, clock)
    await desk.send_pack_link(ann, "alice", "cli")
    token = token_of(await pack_mail(desk, ann))
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    body, _, signature = token.partition(".")
    async with aiohttp.ClientSession() as session:
        for method, target, data in [("GET", f"/pack/{tampered}", None),
                                     ("POST", "/pack", {"token": tampered}),
                                     ("POST", "/pack", {"token": body + "x." + signature}),
                                     ("GET", "/pack/not-a-token", None)]:
            async with session.request(method, http + target, data=data) as resp:
                assert resp.status == 400, (method, target)
                assert "This link is not valid" in await resp.text()
        clock.advance(days=7, minutes=1)  # past the default seven days
        for method, target, data in [("GET", f"/pack/{token}", None),
                                     ("POST", "/pack", {"token": token})]:
            async with session.request(method, http + target, data=data) as resp:
                assert resp.status == 400
                assert "expired" in await resp.text()
    assert await downloads(desk, ann) == 0


async def test_the_link_of_an_unverified_request_fails(desk: Desk, clock: Clock,
                                                       http: str) -> None:
    bob = await send(desk, ["access"], BOB, text="BOB-SECRET: send me my data.")
    with pytest.raises(WorkflowError, match="identity not confirmed"):
        await desk.send_pack_link(bob, "alice", "cli")
    url, _ = desk.pack_url(bob)  # a link made anyway (as an attacker cannot: it is signed)
    token = url.rsplit("/", 1)[1]
    async with aiohttp.ClientSession() as session:
        for method, target, data in [("GET", f"/pack/{token}", None),
                                     ("POST", "/pack", {"token": token})]:
            async with session.request(method, http + target, data=data) as resp:
                assert resp.status == 400
                page = await resp.text()
                assert "not been confirmed" in page
                assert "BOB-SECRET" not in page
    assert await downloads(desk, bob) == 0


async def test_the_link_lasts_the_configured_days(db: Database, orgs: Organisations,
                                                  clock: Clock, kb: KnowledgeBase) -> None:
    desk = Desk(db, orgs, secret=b"another-secret-0123456789abcdef", public_url="http://x",
                clock=clock, pack_link_days=2)
    ann = await send(desk, ["access"], ANN)
    await verify(desk, ann)
    await desk.send_pack_link(ann, "alice", "cli")
    token = token_of(await pack_mail(desk, ann))
    clock.advance(days=1)
    assert (await desk.download_pack(token, kb)).data.startswith(b"PK")
    clock.advance(days=1, minutes=1)
    with pytest.raises(VerificationError, match="expired"):
        await desk.download_pack(token, kb)


async def test_the_teams_documents_join_the_pack_and_go_with_retention(
        desk: Desk, clock: Clock, kb: KnowledgeBase) -> None:
    ann = await send(desk, ["access"], ANN)
    await verify(desk, ann)
    assert await desk.add_file(ann, name="../../etc/passwd", mimetype="text/plain",
                               data=b"SCANNED-LETTER", source="slack:F1", actor="slack:U1",
                               channel="slack")
    assert not await desk.add_file(ann, name="again", mimetype="text/plain", data=b"x",
                                   source="slack:F1", actor="slack:U1", channel="slack")
    files = unzip((await desk.export_pack(ann, kb)).data)
    assert files["files/01-passwd"] == b"SCANNED-LETTER"  # no way out of its folder
    assert not any(name.startswith(("/", "..")) or "/../" in name for name in files)
    await desk.close_done(ann, "alice", "cli", note="sent", override="test")
    report = await run_retention(desk.db, desk.config, now=clock.now + timedelta(days=4 * 365))
    [aimigos] = [c for c in report.organisations if c.organisation == "aimigos"]
    assert aimigos.ticket_files == 1
    assert "files/01-passwd" not in unzip((await desk.export_pack(ann, kb)).data)
