"""Terminal escapes in client mail never reach the team's terminal (issue 16.5).

A mail whose RFC 2047-encoded subject, sender name and body carry OSC 52 (clipboard), OSC 8
(links), CSI (colours, cursor moves), a carriage return and bidi overrides goes through the
real reader, classifier and desk intake into a database; then every command that shows it
must print the words without one control character, and --json must keep the data with every
dangerous character escaped.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
from pathlib import Path

import pytest

import bot.cli
from bot.cli import app
from bot.cli.common import open_desk, run_cli
from bot.cli.terminal import clean, clean_block, json_text
from bot.runtime import understand_mail

# Commands other than `db upgrade` and `serve` only open an existing database.
pytestmark = pytest.mark.usefixtures("data_dir_database")

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
OSC8 = "\x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\"
CSI = "\x1b[2J\x1b[31m"
C1_CSI = "\x9b1;1H"
BIDI = "\u202eexe.txt\u202c"
# Anything a terminal acts on: C0 but \n and \t, DEL, C1, bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _encoded(text: str) -> str:
    """One RFC 2047 encoded word, as a hostile client writes it."""
    return f"=?utf-8?b?{base64.b64encode(text.encode()).decode()}?="


def hostile_mail(intent_text: str) -> bytes:
    body = f"{intent_text}\n{CSI}Red text{OSC52}\nline two\r{OSC8}\n"
    head = (f"From: {_encoded(f'Eve {CSI}Admin')} <eve@example.com>\r\n"
            "To: hello@aimigos.studio\r\n"
            f"Subject: {_encoded(f'Hello {OSC52}{OSC8} {C1_CSI}{BIDI}{chr(13)}FAKE')}\r\n"
            f"Message-ID: <hostile-{len(intent_text)}@example.com>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n")
    return head.encode() + base64.encodebytes(body.encode()).replace(b"\n", b"\r\n")


async def _intake(data_dir: Path, raw: bytes) -> str | None:
    async with open_desk(data_dir) as desk:
        mail, classification = understand_mail(raw)
        result = await desk.receive_mail("aimigos", raw, mail, classification,
                                         envelope_from="eve@example.com")
        return result.reference


def _assert_inert(text: str) -> None:
    found = UNSAFE.findall(text)
    assert not found, f"control characters printed: {found!r}"


def test_unticketed_and_classify_print_no_escape(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    raw = hostile_mail("What time do you open on Saturday?")
    assert asyncio.run(_intake(tmp_path, raw)) is None  # no rights request: unticketed
    base = ["--data-dir", str(tmp_path)]
    assert run_cli(app, ["tickets", "unticketed", *base]) == 0
    out = capsys.readouterr().out
    _assert_inert(out)
    assert "Hello" in out
    assert "click here" in out
    assert "FAKE" in out
    assert run_cli(app, ["tickets", "unticketed", "--json", *base]) == 0
    out = capsys.readouterr().out
    _assert_inert(out)
    [row] = json.loads(out)
    assert "\x1b]52;c;" in row["subject"]  # the data is kept, only escaped in the output

    path = tmp_path / "hostile.eml"
    path.write_bytes(raw)
    assert run_cli(app, ["classify", str(path)]) == 0
    out = capsys.readouterr().out
    _assert_inert(out)
    assert "FAKE" in out
    assert run_cli(app, ["classify", "--json", str(path)]) == 0
    out = capsys.readouterr().out
    _assert_inert(out)
    assert OSC52 in json.loads(out)["subject"]


def test_ticket_list_and_show_print_no_escape(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    reference = asyncio.run(_intake(tmp_path, hostile_mail("Please delete all my data.")))
    assert reference is not None
    base = ["--data-dir", str(tmp_path)]
    for argv in (["tickets", "list"], ["tickets", "list", "--json"],
                 ["tickets", "show", reference], ["tickets", "show", reference, "--json"]):
        assert run_cli(app, [*argv, *base]) == 0, argv
        captured = capsys.readouterr()
        _assert_inert(captured.out + captured.err)
    assert run_cli(app, ["tickets", "show", reference, *base]) == 0
    shown = capsys.readouterr().out
    assert "Red text" in shown
    assert "line two" in shown
    assert "Please delete all my data." in shown


def test_errors_naming_client_text_are_clean(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, ["suppression", "add", f"x{OSC52}@example.com", "--org", "aimigos",
                         "--by", "alice", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    _assert_inert(err)
    assert err.startswith("privacybot: error: ")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("text", "expected"), [
    (OSC52 + "a", "a"),
    (OSC8, "click here"),
    ("\x1b]0;title", "0;title"),  # unterminated: its introducer goes, the rest is plain text
    (CSI + "b" + "\x1b[0m", "b"),
    (C1_CSI + "c", "c"),
    ("\x9d52;c;x\x9cd", "d"),
    ("\x1bce", "e"),  # ESC c: full terminal reset
    ("\x1bP1$r\x1b\\f", "f"),  # DCS
    ("g\rh", "g h"),
    ("i\u202ej\u2066k\u2069", "ijk"),
    ("tab\tand\nline", "tab and line"),
    ("\x00\x07\x08\x7fl", "l"),
    ("Ñandú ünïcode 日本 😀", "Ñandú ünïcode 日本 😀"),
])
def test_clean_removes_every_control_sequence(text: str, expected: str) -> None:
    assert clean(text) == expected


def test_clean_block_keeps_lines_and_tabs() -> None:
    assert clean_block("a\r\nb\rc\n\td\u2028e\x1b[1m") == "a\nb\nc\n\td\ne"


def test_json_text_is_inert_but_keeps_the_data() -> None:
    value = {"s": f"é {OSC52} \x9b\u202e\u2028 日本"}
    text = json_text(value)
    _assert_inert(text)
    assert "\u2028" not in text
    assert "é" in text
    assert "日本" in text
    assert json.loads(text) == value


def test_commands_print_only_through_the_terminal_module() -> None:
    """Every command prints through bot/cli/terminal (or common's one-line errors, which
    clean too): a new command that echoes client text raw fails here."""
    folder = Path(bot.cli.__file__).parent
    for module in folder.glob("*.py"):
        if module.name in ("terminal.py", "common.py", "db.py"):
            continue  # db.py prints only the database's own revision and address
        source = module.read_text(encoding="utf-8")
        assert "typer.echo" not in source, module.name
        assert "print(" not in source, module.name
        assert "json.dumps" not in source, module.name
