"""The new rights by name on the command line: `classify --json` gives them in `intents` and
`scores`, and `tickets list --json` lists tickets opened for them, as scripts read them."""

from __future__ import annotations

import asyncio
import json
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Any

import pytest

from bot.cli import app
from bot.cli.common import open_desk, run_cli
from intents import NEW_RIGHTS_INTENTS, classify, read_message


def raw_mail(body: str, subject: str, sender: str = "ann@example.org") -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "hello@aimigos.studio"
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="example.org")
    message.set_content(body)
    return bytes(message)


MAILS = {
    "rectification": "Please correct my date of birth in your records, it is 21 March 1985.",
    "restriction": "Ich verlange die Einschränkung der Verarbeitung meiner Daten.",
    "portability": "Je souhaite exercer mon droit à la portabilité de mes données.",
    "objection": "Me opongo al tratamiento de mis datos personales para estadísticas.",
    "automated_decision": "My loan was refused automatically. I want a person to review "
                          "the decision.",
    "consent_withdrawal": "I withdraw my consent to the use of my photos on your website.",
}


def _lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_classify_json_names_every_right(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    for right, text in MAILS.items():
        (tmp_path / f"{right}.eml").write_bytes(raw_mail(text, "Request"))
    assert run_cli(app, ["classify", "--json", str(tmp_path)]) == 0
    rows = {Path(str(row["source"])).stem: row for row in _lines(capsys.readouterr().out)}
    for right in MAILS:
        assert right in rows[right]["intents"], rows[right]
        assert rows[right]["scores"][right] >= 0.5
        assert set(NEW_RIGHTS_INTENTS) <= set(rows[right]["scores"])
        assert rows[right]["extras"] == []
        assert any(e["intent"] == right for e in rows[right]["evidence"])


@pytest.mark.usefixtures("data_dir_database")
def test_tickets_list_json_lists_them(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    async def seed() -> dict[str, str]:
        opened: dict[str, str] = {}
        async with open_desk(tmp_path) as desk:
            for n, (right, text) in enumerate(MAILS.items()):
                sender = f"client{n}@example.org"
                raw = raw_mail(text, "Request", sender=sender)
                inbound = read_message(raw)
                result = await desk.receive_mail("aimigos", raw, inbound, classify(inbound),
                                                 envelope_from=sender)
                opened[result.reference or ""] = right
        return opened

    opened = asyncio.run(seed())
    assert run_cli(app, ["tickets", "list", "--json", "--all", "--data-dir",
                         str(tmp_path)]) == 0
    listed = {row["reference"]: row for row in json.loads(capsys.readouterr().out)}
    assert set(listed) == set(opened)
    for reference, right in opened.items():
        row = listed[reference]
        assert right in row["intents"]
        waits = right != "consent_withdrawal"
        assert row["state"] == ("awaiting_identity" if waits else "in_progress")
        assert (row["due_date"] is None) == waits
