"""`privacybot tickets export` on a real database: the zip it writes, the link it mails, and
its one-line errors (unknown reference, unverified requester, missing --by, an existing file)."""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import open_desk, run_cli
from tests.desk.conftest import code_in, mail

pytestmark = pytest.mark.usefixtures("data_dir_database")


async def _seed(data_dir: Path) -> tuple[str, str]:
    """A verified access request of Ann's and an unverified one of Bob's."""
    async with open_desk(data_dir) as desk:
        refs = []
        for sender, text in (("ann@example.com", "ANN-TEXT"), ("bob@example.com", "BOB-TEXT")):
            raw, inbound, classification = mail(intents=["access"], sender=sender, text=text)
            result = await desk.receive_mail("aimigos", raw, inbound, classification,
                                             envelope_from=sender)
            refs.append(result.reference or "")
        view = await desk.get_ticket(refs[0])
        await desk.verify_code(refs[0], code_in(view.outbox[0]), "alice", "cli")
        return refs[0], refs[1]


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("privacybot: error: ")
    assert len(err.strip().splitlines()) == 1
    return err


def test_export_writes_the_pack_and_send_mails_the_link(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ann, _ = asyncio.run(_seed(tmp_path))
    base = ["--data-dir", str(tmp_path)]
    target = tmp_path / "pack.zip"
    assert run_cli(app, ["tickets", "export", ann.lower(), "--out", str(target), *base]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{ann}: pack written to {target}")
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as archive:
        index = json.loads(archive.read("index.json"))
        assert "ANN-TEXT" in archive.read("index.txt").decode() or any(
            "ANN-TEXT" in m["text"] for m in index["mails"])
    assert index["reference"] == ann
    assert all("BOB-TEXT" not in m["text"] for m in index["mails"])
    # The file is not overwritten.
    assert run_cli(app, ["tickets", "export", ann, "--out", str(target), *base]) == 1
    assert "exists already" in _error(capsys)

    assert run_cli(app, ["tickets", "export", ann, "--send", "--by", "alice", *base]) == 0
    assert "pack link sent" in capsys.readouterr().out
    assert run_cli(app, ["tickets", "show", ann, "--json", *base]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert "pack_link" in [m["kind"] for m in shown["mail"]]
    assert "pack_sent" in [e["kind"] for e in shown["events"]]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["tickets", "export", "AIM-2099-9999"], "no ticket with reference"),
        (["tickets", "export", "not a reference"], "reference"),
        (["tickets", "export", "{bob}", "--send", "--by", "alice"], "identity not confirmed"),
        (["tickets", "export", "{ann}", "--send"], "--send needs --by"),
        (["tickets", "export", "{ann}", "--send", "--by", "a", "--out", "x.zip"], "not both"),
    ],
)
def test_export_bad_input(argv: list[str], message: str, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    ann, bob = asyncio.run(_seed(tmp_path))
    argv = [part.format(ann=ann, bob=bob) for part in argv]
    assert run_cli(app, [*argv, "--data-dir", str(tmp_path)]) == 1
    assert message in _error(capsys)
    assert not list(Path.cwd().glob("*-your-data.zip"))
