"""A person's mail in a language the classifier does not read opens no ticket and waits in
triage, where `triage list` and the Slack card say its language was not read."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import open_desk, run_cli
from bot.desk.triage import Triage
from bot.slack.triage import triage_card
from bot.slack.triage_blocks import triage_blocks
from tests.triage.conftest import client_mail, deliver

RUSSIAN = ("Здравствуйте,\n\nПрошу удалить мой аккаунт и все данные, которые вы обо мне "
           "храните. Я не пользуюсь им уже несколько лет.\n\nС уважением,\nСофья")
FORWARD = ("FYI\n\n---------- Forwarded message ---------\n"
           "From: Sofie Holm <sofie@example.dk>\nDate: Tue, 1 Dec 2026\nSubject: Udalenie\n\n"
           + RUSSIAN)
SPANISH = "Hola, ¿hacéis talleres de cómic para niños en verano? Muchas gracias, Lucía"


@pytest.fixture(autouse=True)
def _local_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)


@pytest.fixture
def data_dir(data_dir_database: Path) -> Path:
    async def seed() -> None:
        async with open_desk(data_dir_database) as desk:
            result = await deliver(desk, client_mail(RUSSIAN, subject="Udalenie"))
            assert result.outcome == "no_intent"
            await deliver(desk, client_mail(SPANISH, subject="Talleres",
                                            sender="lucia@example.org"),
                          envelope_from="lucia@example.org")
            await deliver(desk, client_mail(FORWARD, subject="Fwd: Udalenie",
                                            sender="Laura <laura@aimigos.studio>"),
                          envelope_from="laura@aimigos.studio")
    asyncio.run(seed())
    return data_dir_database


def test_triage_list_says_the_language_was_not_read(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, ["triage", "list", "--json", "--data-dir", str(data_dir)]) == 0
    items = {item["subject"]: item for item in json.loads(capsys.readouterr().out)}
    assert items["Udalenie"]["language"] == "ru"
    assert items["Udalenie"]["language_not_read"] is True
    assert items["Talleres"]["language_not_read"] is False
    assert run_cli(app, ["triage", "list", "--data-dir", str(data_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("Udalenie" in line and "language not read: ru" in line for line in lines)
    assert not any("Talleres" in line and "not read" in line for line in lines)


def test_the_triage_card_warns_that_the_language_was_not_read(data_dir: Path) -> None:
    async def cards() -> dict[str, str]:
        async with open_desk(data_dir) as desk:
            triage = Triage(desk)
            page = await triage.page(None, limit=10, offset=0)
            shown = {}
            for item in page.items:
                card = triage_card(await triage.detail(item.message.id))
                shown[card.subject] = json.dumps(triage_blocks(card), ensure_ascii=False)
            return shown
    shown = asyncio.run(cards())
    assert "not read" in shown["Udalenie"]
    assert "not read" not in shown["Talleres"]


def test_a_forward_not_read_opened_from_triage_is_the_writers_request(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, ["triage", "list", "--json", "--data-dir", str(data_dir)]) == 0
    items = {item["subject"]: item for item in json.loads(capsys.readouterr().out)}
    forward = items["Fwd: Udalenie"]
    assert forward["language_not_read"] is True
    assert run_cli(app, ["triage", "open", str(forward["message"]), "--intents", "erasure",
                         "--by", "ann", "--json", "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert run_cli(app, ["tickets", "list", "--json", "--data-dir", str(data_dir)]) == 0
    [ticket] = json.loads(capsys.readouterr().out)
    assert ticket["requester"] == "sofie@example.dk"
