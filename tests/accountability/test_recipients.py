"""Telling recipients (GDPR Art. 19): the notices to the processors of an organisation's
systems reach the outbox only once a team member confirms, one per processor, never twice,
and never for an access request; through the desk (SQLite and PostgreSQL) and the CLI."""

from __future__ import annotations

import asyncio
import json
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import run_cli
from bot.desk import Desk, recipients
from bot.desk.recipients import Recipients
from bot.errors import ConfigError, WorkflowError
from bot.organisations import Organisations, load_organisations
from bot.workflow.recipients import Recipient
from storage import Database, OutboxRecord, open_database
from tests.accountability.conftest import START, send, verify
from tests.accountability.test_checklist import SYSTEMS, config_with_systems
from tests.desk.conftest import PUBLIC_URL, SECRET, Clock

# Two processors (Mailchimp, Zendesk); the CRM is the organisation's own.
PROCESSORS = SYSTEMS + '''
[[organisation.systems]]
name = "Zendesk"
erasure = "delete the end user"
processor = "DPO@Zendesk.example"

'''


@pytest.fixture
def orgs(tmp_path: Path) -> Organisations:
    return load_organisations(config_with_systems(tmp_path, PROCESSORS))


async def notices_in_outbox(db: Database) -> list[OutboxRecord]:
    async with db.transaction(readonly=True) as tx:
        rows = await tx.outbox.by_status("pending", "sent", "failed")
    return [row for row in rows if row.kind == "recipient_notice"]


async def test_notices_wait_for_confirmation_then_go_once_per_processor(
        desk: Desk, db: Database) -> None:
    reference = await send(desk, ["erasure", "rectification"], "Ann Lee <ann@example.com>")
    early = await recipients.drafts(db, desk.config, reference)
    assert [n.processor for n in early.notices] == ["privacy@mailchimp.example",
                                                    "dpo@zendesk.example"]
    assert early.verified is False
    with pytest.raises(WorkflowError, match="identity is not confirmed"):
        await recipients.confirm(db, desk.config, reference, "alice", "cli")
    await verify(desk, reference)
    shown = await recipients.drafts(db, desk.config, reference, note="new surname: Lee-Smith")
    assert shown.rights == ("erasure", "rectification")
    assert "Erasure: please erase" in shown.notices[0].body
    assert "Rectification: please correct" in shown.notices[0].body
    assert "Ann Lee, ann@example.com" in shown.notices[0].body
    assert "Details: new surname: Lee-Smith" in shown.notices[0].body
    assert "in Mailchimp" in shown.notices[0].body
    assert await notices_in_outbox(db) == []  # drafts are only shown

    sent = await recipients.confirm(db, desk.config, reference, "alice", "cli")
    assert [n.system for n in sent.notices] == ["Mailchimp", "Zendesk"]
    queued = await notices_in_outbox(db)
    assert sorted(row.to_address for row in queued) == ["dpo@zendesk.example",
                                                        "privacy@mailchimp.example"]
    assert {row.id for row in queued} == {n.outbox_id for n in sent.notices}
    mail = message_from_bytes(bytes(queued[0].raw), policy=policy.default)
    assert mail["From"].addresses[0].addr_spec == "hello@aimigos.studio"
    assert f"[{reference}]" in mail["Subject"]
    assert mail["Auto-Submitted"] is None  # a processor's helpdesk must not drop it
    view = await desk.get_ticket(reference)
    told = [e for e in view.events if e.kind == "recipient_notified"]
    assert [(e.data["system"], e.data["processor"], e.actor) for e in told] == [
        ("Mailchimp", "privacy@mailchimp.example", "alice"),
        ("Zendesk", "dpo@zendesk.example", "alice")]
    assert told[0].data["rights"] == ["erasure", "rectification"]

    again = await recipients.confirm(db, desk.config, reference, "bob", "cli")
    assert again.notices == ()
    assert [r.system for r in again.sent_before] == ["Mailchimp", "Zendesk"]
    assert len(await notices_in_outbox(db)) == 2
    assert (await recipients.drafts(db, desk.config, reference)).notices == ()


async def test_one_system_at_a_time_and_two_confirmations_at_once(desk: Desk,
                                                                   db: Database) -> None:
    reference = await send(desk, ["restriction"], "Bob <bob@example.com>")
    await verify(desk, reference)
    first = await recipients.confirm(db, desk.config, reference, "alice", "cli",
                                     system="zendesk")
    assert [(n.system, n.rights) for n in first.notices] == [("Zendesk", ("restriction",))]
    assert "Restriction: please restrict" in first.notices[0].body
    with pytest.raises(WorkflowError, match="'CRM' lists no processor"):
        await recipients.confirm(db, desk.config, reference, "alice", "cli", system="CRM")
    with pytest.raises(WorkflowError, match="no system called 'Salesforce'"):
        await recipients.drafts(db, desk.config, reference, system="Salesforce")
    results = await asyncio.gather(*(recipients.confirm(db, desk.config, reference, who, "cli")
                                     for who in ("alice", "bob")))
    assert sorted(len(r.notices) for r in results) == [0, 1]
    assert sorted(row.to_address for row in await notices_in_outbox(db)) == [
        "dpo@zendesk.example", "privacy@mailchimp.example"]


async def test_none_for_access_or_a_refused_request(desk: Desk, db: Database) -> None:
    access = await send(desk, ["access"], "Cat <cat@example.com>")
    await verify(desk, access)
    assert (await recipients.drafts(db, desk.config, access)).notices == ()
    with pytest.raises(WorkflowError, match="no recipients to tell"):
        await recipients.confirm(db, desk.config, access, "alice", "cli")
    refused = await send(desk, ["erasure"], "Dan <dan@example.com>")
    await verify(desk, refused)
    await desk.reject(refused, "the same request again", "alice", "cli")
    with pytest.raises(WorkflowError, match="is rejected"):
        await recipients.confirm(db, desk.config, refused, "alice", "cli")
    with pytest.raises(WorkflowError, match="who is acting"):
        await recipients.confirm(db, desk.config, refused, " ", "cli")
    assert await notices_in_outbox(db) == []


async def test_in_the_organisations_language(db: Database, tmp_path: Path,
                                             clock: Clock) -> None:
    config = config_with_systems(tmp_path, PROCESSORS)
    config.write_text(config.read_text(encoding="utf-8").replace(
        'id = "aimigos"\n', 'id = "aimigos"\nlanguage = "fr"\n'), encoding="utf-8")
    desk = Desk(db, load_organisations(config), secret=SECRET, public_url=PUBLIC_URL,
                clock=clock)
    reference = await send(desk, ["erasure"], "Eve <eve@example.com>")
    notice = (await recipients.drafts(db, desk.config, reference)).notices[0]
    assert notice.language == "fr"
    assert notice.subject == f"Données personnelles à effacer [{reference}]"
    assert "Effacement : merci d'effacer" in notice.body


def test_a_processor_must_be_an_address(tmp_path: Path) -> None:
    bad = PROCESSORS.replace("DPO@Zendesk.example", "Zendesk Inc.")
    with pytest.raises(ConfigError, match="processor must be an email address"):
        load_organisations(config_with_systems(tmp_path, bad))


def test_recipients_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    config = config_with_systems(tmp_path, PROCESSORS)
    monkeypatch.setenv("PRIVACYBOT_CONFIG", str(config))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    data = tmp_path / "data"
    data.mkdir()
    url = f"sqlite+aiosqlite:///{data / 'privacybot.db'}"

    async def seed() -> tuple[str, str]:
        db = await open_database(url)
        try:
            desk = Desk(db, load_organisations(config), secret=SECRET, public_url=PUBLIC_URL,
                        clock=Clock(now=START))
            erasure = await send(desk, ["erasure"], "Ann <ann@example.com>")
            await verify(desk, erasure)
            return erasure, await send(desk, ["access"], "Bob <bob@example.com>")
        finally:
            await db.close()

    async def outbox() -> list[OutboxRecord]:
        db = await open_database(url)
        try:
            return await notices_in_outbox(db)
        finally:
            await db.close()

    reference, access = asyncio.run(seed())
    base = ["--data-dir", str(data)]
    assert run_cli(app, ["tickets", "recipients", reference, *base]) == 0
    out = capsys.readouterr().out
    assert f"{reference}: 2 notices to confirm: Mailchimp (privacy@mailchimp.example), " \
           "Zendesk (dpo@zendesk.example)" in out
    assert "--- to privacy@mailchimp.example (Mailchimp, en)" in out
    assert asyncio.run(outbox()) == []
    assert run_cli(app, ["tickets", "recipients", reference, "--confirm", *base]) == 1
    assert "--confirm needs --by" in capsys.readouterr().err
    assert asyncio.run(outbox()) == []
    assert run_cli(app, ["tickets", "recipients", reference, "--confirm", "--by", "alice",
                         "--system", "mailchimp", *base]) == 0
    assert capsys.readouterr().out.strip() == (
        f"{reference}: told Mailchimp (privacy@mailchimp.example)")
    assert run_cli(app, ["tickets", "recipients", reference, "--confirm", "--by", "alice",
                         "--json", *base]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [n["processor"] for n in shown["notices"]] == ["dpo@zendesk.example"]
    assert [r["system"] for r in shown["sent_before"]] == ["Mailchimp"]
    assert len(asyncio.run(outbox())) == 2
    assert run_cli(app, ["tickets", "recipients", reference, "--confirm", "--by", "bob",
                         *base]) == 0
    assert "nothing left to send; told before: Mailchimp" in capsys.readouterr().out
    assert len(asyncio.run(outbox())) == 2
    assert run_cli(app, ["tickets", "recipients", access, *base]) == 0
    assert "nobody to tell" in capsys.readouterr().out
    assert run_cli(app, ["tickets", "recipients", access, "--confirm", "--by", "bob",
                         *base]) == 1
    assert "no recipients to tell" in capsys.readouterr().err
    assert len(asyncio.run(outbox())) == 2
    assert run_cli(app, ["tickets", "show", reference, *base]) == 0
    assert "recipient notified" in capsys.readouterr().out


def test_the_summary_says_why_nothing_goes() -> None:
    told = Recipient(system="Zendesk", processor="dpo@zendesk.example", rights=("erasure",))
    none = Recipients(reference="AIM-2026-0001", rights=("erasure",), verified=True)
    assert recipients.summary(none, confirmed=True) == (
        "AIM-2026-0001: no processor is listed for the organisation's systems: nobody to tell")
    before = none.model_copy(update={"sent_before": (told,)})
    assert recipients.summary(before, confirmed=False) == (
        "AIM-2026-0001: nothing left to send; told before: Zendesk (dpo@zendesk.example)")
