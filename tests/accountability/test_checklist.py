"""The systems checklist: "done" waits for every system to be ticked or for an override
with a reason, which the register shows; through the desk (SQLite and PostgreSQL) and the
command line."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import run_cli
from bot.desk import Desk, checklist
from bot.desk.register import read_register
from bot.errors import ConfigError, WorkflowError
from bot.organisations import Organisations, load_organisations
from storage import Database, open_database
from tests.accountability.conftest import START, send, verify
from tests.conftest import DEFAULT_CONFIG
from tests.desk.conftest import PUBLIC_URL, SECRET, Clock

SYSTEMS = '''
[[organisation.systems]]
name = "CRM"
owner = "U123CRM"
access = "export the contact record"
erasure = "delete the contact and its deals"

[[organisation.systems]]
name = "Mailchimp"
owner = "U456MKT"
access = "export the subscriber"
erasure = "archive and delete the subscriber"
processor = "privacy@mailchimp.example"

'''


def config_with_systems(folder: Path, systems: str = SYSTEMS) -> Path:
    """The shipped organisations file with systems for aimigos (the first organisation)."""
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    second = text.index("[[organisation]]", text.index("[[organisation]]") + 1)
    path = folder / "organisations.toml"
    path.write_text(text[:second] + systems + text[second:], encoding="utf-8")
    (folder / "policies").mkdir(exist_ok=True)
    return path


@pytest.fixture
def orgs(tmp_path: Path) -> Organisations:
    return load_organisations(config_with_systems(tmp_path))


async def test_done_waits_for_the_checklist_or_an_override(desk: Desk, db: Database,
                                                           clock: Clock) -> None:
    reference = await send(desk, ["access", "erasure"], "Ann <ann@example.com>")
    with pytest.raises(WorkflowError, match="no checklist yet"):
        await checklist.tick(db, desk.config, reference, "CRM", "found", "alice", "cli")
    _, before = await checklist.status(db, desk.config, reference)
    assert before is None
    await verify(desk, reference)
    _, found = await checklist.status(db, desk.config, reference)
    assert found is not None
    assert found.progress == "0/2 systems"
    assert [item.todo for item in found.items] == [
        "access: export the contact record; erasure: delete the contact and its deals",
        "access: export the subscriber; erasure: archive and delete the subscriber"]
    assert found.items[1].processor == "privacy@mailchimp.example"
    with pytest.raises(WorkflowError, match=r"not complete \(0/2 systems; left: CRM, Mailchimp"):
        await desk.close_done(reference, "alice", "cli", note="all sent")
    clock.advance(days=2)
    ticked = await checklist.tick(db, desk.config, reference, "crm", "2 records erased",
                                  "alice", "cli")
    assert ticked.progress == "1/2 systems"
    with pytest.raises(WorkflowError, match="already ticked by alice: 2 records erased"):
        await checklist.tick(db, desk.config, reference, "CRM", "again", "bob", "cli")
    with pytest.raises(WorkflowError, match=r"no system called 'Salesforce' \(known: CRM, "):
        await checklist.tick(db, desk.config, reference, "Salesforce", "x", "bob", "cli")
    with pytest.raises(WorkflowError, match="a note"):
        await checklist.tick(db, desk.config, reference, "Mailchimp", "  ", "bob", "cli")
    with pytest.raises(WorkflowError, match="left: Mailchimp"):
        await desk.close_done(reference, "alice", "cli")
    result = await desk.close_done(reference, "alice", "cli", note="done",
                                   override="Mailchimp account closed in 2024, nothing held")
    assert result.state == "done"
    view = await desk.get_ticket(reference)
    overridden = [e for e in view.events if e.kind == "checklist_overridden"]
    assert overridden[0].data["missing"] == ["Mailchimp"]
    with pytest.raises(WorkflowError, match="is done: nothing to tick"):
        await checklist.tick(db, desk.config, reference, "Mailchimp", "late", "bob", "cli")
    [row] = await read_register(db, today=clock.now.date())
    assert row.checklist_override == "Mailchimp account closed in 2024, nothing held"


async def test_a_complete_checklist_lets_done_through(desk: Desk, db: Database) -> None:
    reference = await send(desk, ["access"], "Bob <bob@example.com>")
    await verify(desk, reference)
    for system in ("CRM", "Mailchimp"):
        await checklist.tick(db, desk.config, reference, system, "exported", "alice", "cli")
    assert (await desk.close_done(reference, "alice", "cli")).state == "done"
    [row] = await read_register(db, today=START.date())
    assert row.checklist_override is None
    # A complaint or an opt-out has no checklist: done is never held back.
    other = await send(desk, ["complaint"], "Cy <cy@example.com>")
    assert (await desk.close_done(other, "alice", "cli")).state == "done"


def test_systems_must_be_named_once(tmp_path: Path) -> None:
    twice = SYSTEMS + SYSTEMS.replace("Mailchimp", "Zendesk")
    with pytest.raises(ConfigError, match="each system needs a name of its own"):
        load_organisations(config_with_systems(tmp_path, twice))


def test_checklist_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    config = config_with_systems(tmp_path)
    monkeypatch.setenv("PRIVACYBOT_CONFIG", str(config))
    data = tmp_path / "data"
    data.mkdir()

    async def seed() -> str:
        db = await open_database(f"sqlite+aiosqlite:///{data / 'privacybot.db'}")
        try:
            clock = Clock(now=START)
            desk = Desk(db, load_organisations(config), secret=SECRET, public_url=PUBLIC_URL,
                        clock=clock)
            reference = await send(desk, ["erasure"], "Ann <ann@example.com>")
            await verify(desk, reference)
            return reference
        finally:
            await db.close()

    reference = asyncio.run(seed())
    base = ["--data-dir", str(data)]
    assert run_cli(app, ["tickets", "checklist", reference, "--json", *base]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["progress"], shown["complete"]) == ("0/2 systems", False)
    assert shown["items"][0]["owner"] == "U123CRM"
    assert run_cli(app, ["tickets", "tick", reference, "--system", "CRM", "--note",
                         "contact deleted", "--by", "alice", *base]) == 0
    assert capsys.readouterr().out.strip() == f"{reference}: CRM ticked; 1/2 systems"
    assert run_cli(app, ["tickets", "close", reference, "--by", "alice", *base]) == 1
    err = capsys.readouterr().err
    assert "left: Mailchimp" in err
    assert len(err.strip().splitlines()) == 1
    assert run_cli(app, ["tickets", "close", reference, "--override", "processor confirmed "
                         "by mail", "--by", "alice", *base]) == 0
    capsys.readouterr()
    assert run_cli(app, ["tickets", "checklist", reference, *base]) == 0
    text = capsys.readouterr().out
    assert "[x] CRM (owner U123CRM)" in text
    assert "[ ] Mailchimp" in text
    assert "closed with systems left: processor confirmed by mail" in text
    assert run_cli(app, ["report", "register", "--csv", *base]) == 0
    assert "processor confirmed by mail" in capsys.readouterr().out
