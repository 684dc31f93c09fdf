"""A file a team member shares in a ticket's thread is downloaded with the bot token from the
recording fake Slack, stored with the ticket, and joins the requester's access pack; nobody
else's file is taken, and the token goes nowhere but Slack's file host."""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from typing import Any

from bot.desk import Desk
from bot.knowledge_base import build_knowledge_base
from bot.slack.files import allowed_hosts, file_url
from bot.slack.service import SlackService
from bot.slack.ticket_blocks import SEND_PACK
from storage import Database
from tests.slack.conftest import AIM_CHANNEL, OUTSIDER, TEAM_MEMBER, Slack, open_ticket
from tests.slack.fake_slack import FakeSlack
from tests.slack.test_manual_actions import more
from tests.slack.test_tickets import eventually, posted, ticket

PDF = b"%PDF-1.4 the requester's contract, scanned\n" + bytes(range(256)) * 40


async def _thread(service: SlackService, fake: FakeSlack, desk: Desk,
                  db: Database) -> tuple[str, str]:
    reference = (await open_ticket(desk, ["access"])).reference or ""
    await posted(service, fake)
    async with db.transaction(readonly=True) as tx:
        post = await tx.slack.get_post((await ticket(db, reference)).id)
    assert post is not None
    return reference, post.ts


def _share(parent: str, user: str, ts: str, files: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "message", "subtype": "file_share", "channel": AIM_CHANNEL,
            "channel_type": "channel", "user": user, "text": "", "ts": ts,
            "thread_ts": parent, "files": files}


async def _stored(db: Database, reference: str) -> list[str]:
    async with db.transaction(readonly=True) as tx:
        return [f.name for f in await tx.files.for_ticket((await ticket(db, reference)).id)]


async def test_a_file_shared_in_the_thread_joins_the_pack(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference, parent = await _thread(service, fake, desk, db)
    shared = fake.add_file("F0CONTRACT", "contract scan.pdf", PDF)
    event = _share(parent, TEAM_MEMBER, "1700000200.000001", [shared])
    await slack.event(event, "EvF1")

    async def stored() -> bool:
        return bool(await _stored(db, reference))
    await eventually(stored)
    await slack.event(event, "EvF1", retry=1)  # Slack retries: nothing is stored twice
    await asyncio.sleep(0.1)
    assert await _stored(db, reference) == ["contract scan.pdf"]
    downloads = fake.of("file.download")
    assert downloads
    assert all(call.token == "xoxb-test" for call in downloads)
    view = await desk.get_ticket(reference)
    [added] = [e for e in view.events if e.kind == "file_added"]
    assert added.actor == f"slack:{TEAM_MEMBER}"
    assert added.data["size"] == len(PDF)

    export = await desk.export_pack(reference, build_knowledge_base(desk.config.orgs))
    with zipfile.ZipFile(io.BytesIO(export.data)) as archive:
        assert archive.read("files/01-contract_scan.pdf") == PDF
        index = json.loads(archive.read("index.json"))
    assert index["files"][0]["name"] == "contract scan.pdf"
    assert "file_added" in [event["kind"] for event in index["history"]]


async def test_nobody_elses_file_and_no_token_to_another_host(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference, parent = await _thread(service, fake, desk, db)
    theirs = fake.add_file("F0OUTSIDER", "theirs.pdf", PDF)
    await slack.event(_share(parent, OUTSIDER, "1700000300.000001", [theirs]), "EvF2")
    elsewhere = {**fake.add_file("F0ELSEWHERE", "x.pdf", PDF),
                 "url_private": "https://evil.example/x.pdf",
                 "url_private_download": "https://evil.example/x.pdf"}
    missing = fake.add_file("F0GONE", "gone.pdf", PDF)
    del fake.files["F0GONE"]
    await slack.event(_share(parent, TEAM_MEMBER, "1700000300.000002", [elsewhere, missing]),
                      "EvF3")
    await fake.wait_for("file.download", where=lambda call: call.args["id"] == "F0GONE")
    await asyncio.sleep(0.1)
    assert await _stored(db, reference) == []
    assert [call.args["id"] for call in fake.of("file.download")] == ["F0GONE"]


def test_only_slacks_file_host_gets_the_token() -> None:
    hosts = allowed_hosts(None)
    assert file_url({"url_private": "https://files.slack.com/files-pri/T/F/a.pdf"}, hosts)
    for url in ("http://files.slack.com/files-pri/T/F/a.pdf", "https://files.slack.com.evil/x",
                "https://evil.example/files.slack.com", "file:///etc/passwd", ""):
        assert file_url({"url_private": url}, hosts) is None, url
    assert file_url({"url_private": "http://127.0.0.1:9/f"},
                    allowed_hosts("http://127.0.0.1:9/api/")) == "http://127.0.0.1:9/f"


async def test_send_pack_from_the_more_menu(
        service: SlackService, slack: Slack, fake: FakeSlack, desk: Desk, db: Database) -> None:
    reference, _ = await _thread(service, fake, desk, db)
    await more(slack, SEND_PACK, reference)  # not verified yet: refused, and said so
    [refusal] = await fake.wait_for("chat.postEphemeral")
    assert "identity not confirmed" in refusal.args["text"]
    await desk.record_manual_check(reference, "passport seen", "alice", "cli")
    await more(slack, SEND_PACK, reference, user=OUTSIDER)
    await more(slack, SEND_PACK, reference)

    async def sent() -> bool:
        view = await desk.get_ticket(reference)
        return any(e.kind == "pack_sent" for e in view.events)
    await eventually(sent)
    view = await desk.get_ticket(reference)
    assert [e.actor for e in view.events if e.kind == "pack_sent"] == [f"slack:{TEAM_MEMBER}"]
    assert [m.kind for m in view.outbox].count("pack_link") == 1
    fake.clear()
    await service.notifier.run_once()
    lines = "\n".join(c.args["text"] for c in fake.of("chat.postMessage"))
    assert "link to their access pack" in lines
    card = await fake.wait_for("chat.update")
    assert f"{SEND_PACK}|{reference}" in json.dumps(card[-1].args.get("blocks"))
