"""`privacybot serve` as a real process: the startup line, mail in, health, clean SIGTERM."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import smtplib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.cli import app
from bot.cli.common import run_cli

READY = re.compile(r"^privacybot: (.*)$", re.MULTILINE)
CLEAN_ENV = ("DATABASE_URL", "PRIVACYBOT_DATABASE_URL", "SMTP_RELAY_URL", "SLACK_BOT_TOKEN",
             "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "PRIVACYBOT_SMTP_RELAY_URL")


def _privacybot() -> str:
    exe = shutil.which("privacybot", path=str(Path(sys.executable).parent))
    assert exe, "the privacybot script is not installed in the venv"
    return exe


class Served:
    def __init__(self, proc: subprocess.Popen[bytes], log: Path, line: str) -> None:
        self.proc, self.log, self.line = proc, log, line

    def port(self, part: str) -> int:
        found = re.search(rf"{part} on 127\.0\.0\.1:(\d+)", self.line)
        assert found, self.line
        return int(found.group(1))


def _start(data_dir: Path, *args: str) -> Served:
    log = data_dir.parent / f"serve-{time.monotonic_ns()}.log"
    env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}
    with open(log, "wb") as out:
        proc = subprocess.Popen([_privacybot(), "serve", "--data-dir", str(data_dir), *args],
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        found = READY.search(text)
        if found and " on " in found.group(1):
            return Served(proc, log, found.group(0))
        if proc.poll() is not None:
            raise AssertionError(f"serve exited {proc.returncode}: {text}")
        time.sleep(0.05)
    proc.kill()
    raise AssertionError("serve did not announce itself: " + log.read_text())


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    running = _start(tmp_path / "data", "--smtp-port", "0", "--http-port", "0")
    try:
        yield running
    finally:
        if running.proc.poll() is None:
            running.proc.kill()
            running.proc.wait()


def test_serve_all_parts_then_sigterm(served: Served, tmp_path: Path) -> None:
    assert "smtp on 127.0.0.1:" in served.line
    assert "http on 127.0.0.1:" in served.line
    assert f"outbox -> {tmp_path / 'data' / 'outbox'}" in served.line
    assert served.line.endswith("slack off")
    with smtplib.SMTP("127.0.0.1", served.port("smtp"), timeout=30) as client:
        refused = client.sendmail("bob@example.org", ["hello@aimigos.studio"],
                                  b"From: bob@example.org\r\nTo: hello@aimigos.studio\r\n"
                                  b"Subject: hi\r\nMessage-ID: <serve-1@example.org>\r\n\r\nhi\r\n")
        assert refused == {}
    url = f"http://127.0.0.1:{served.port('http')}/healthz"
    with urllib.request.urlopen(url, timeout=10) as resp:
        assert json.load(resp)["status"] == "ok"
    served.proc.send_signal(signal.SIGTERM)
    assert served.proc.wait(timeout=20) == 0
    log = served.log.read_text()
    assert "stopping" in log
    assert "Traceback" not in log
    assert (tmp_path / "data" / "privacybot.db").is_file()


def test_serve_only_smtp(tmp_path: Path) -> None:
    running = _start(tmp_path / "data", "--only", "smtp", "--smtp-port", "0")
    try:
        assert "smtp on" in running.line
        assert "http on" not in running.line
        assert "outbox" not in running.line
        running.proc.send_signal(signal.SIGINT)
        assert running.proc.wait(timeout=20) == 0
    finally:
        if running.proc.poll() is None:
            running.proc.kill()
            running.proc.wait()


def test_port_in_use_is_one_clear_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}
        result = subprocess.run(
            [_privacybot(), "serve", "--data-dir", str(tmp_path / "d"), "--only", "smtp",
             "--smtp-port", str(port)], capture_output=True, text=True, env=env, timeout=60,
            check=False)
    assert result.returncode == 1
    assert "privacybot: error: cannot start:" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_part_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, ["serve", "--only", "everything"]) == 2
    assert "everything" in capsys.readouterr().err


def test_procfile_runs_each_part() -> None:
    procfile = Path(__file__).resolve().parent.parent / "Procfile"
    entries = dict(line.split(":", 1) for line in procfile.read_text().splitlines()
                   if line.strip() and not line.startswith("#"))
    assert {name: cmd.split() for name, cmd in entries.items()} == {
        "web": ["privacybot", "serve", "--only", "http"],
        "smtp": ["privacybot", "serve", "--only", "smtp"],
        "worker": ["privacybot", "serve", "--only", "worker"],
    }


def test_bad_relay_url_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    for name in CLEAN_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SMTP_RELAY_URL", "http://user:hunter2@relay.example")
    code = run_cli(app, ["serve", "--data-dir", str(tmp_path), "--only", "worker"])
    err = capsys.readouterr().err
    assert code == 1
    assert "privacybot: error: SMTP_RELAY_URL must start with smtp://" in err
    assert "hunter2" not in err


ACCESS = "Please send me a copy of the personal data you hold about me."


def _send(port: int, sender: str, message_id: str) -> int:
    """One mail over SMTP, as a sending server would: the reply code to its DATA."""
    raw = (f"From: {sender}\r\nTo: hello@aimigos.studio\r\nSubject: My data\r\n"
           f"Message-ID: {message_id}\r\n\r\n{ACCESS}\r\n").encode()
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        try:
            client.sendmail(sender, ["hello@aimigos.studio"], raw)
        except smtplib.SMTPDataError as exc:
            return exc.smtp_code
    return 250


def _healthz(port: int) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=30) as resp:
            return resp.status, json.load(resp)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def _stop(running: Served) -> str:
    running.proc.send_signal(signal.SIGTERM)
    assert running.proc.wait(timeout=30) == 0
    return running.log.read_text()


def test_a_deleted_database_answers_451_and_nothing_is_lost(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    outbox = data / "outbox"
    running = _start(data, "--smtp-port", "0", "--http-port", "0")
    try:
        assert _send(running.port("smtp"), "ann@example.org", "<before@example.org>") == 250
        _wait_for(lambda: outbox.is_dir() and any(outbox.glob("*.eml")), "the first reply")
        first = {path.name: path.read_bytes() for path in outbox.glob("*.eml")}
        for suffix in ("", "-wal", "-shm"):
            (data / f"privacybot.db{suffix}").unlink()
        codes = [_send(running.port("smtp"), f"u{i}@example.org", f"<after-{i}@example.org>")
                 for i in range(3)]
        assert codes == [451, 451, 451]
        status, body = _healthz(running.port("http"))
        assert status == 503
        assert "removed or replaced" in str(body["reason"])
        assert "\n" not in str(body["reason"])
        log = _stop(running)
    finally:
        if running.proc.poll() is None:
            running.proc.kill()
            running.proc.wait()
    assert "Traceback" not in log
    assert not (data / "privacybot.db").exists()  # nothing made a new empty one meanwhile

    # A restart makes a new database; the sending servers retry what got 451.
    running = _start(data, "--smtp-port", "0", "--http-port", "0")
    try:
        codes = [_send(running.port("smtp"), f"u{i}@example.org", f"<after-{i}@example.org>")
                 for i in range(3)]
        assert codes == [250, 250, 250]
        _wait_for(lambda: len(list(outbox.glob("*.eml"))) >= 4, "the three new replies")
        assert _healthz(running.port("http"))[0] == 200
        _stop(running)
    finally:
        if running.proc.poll() is None:
            running.proc.kill()
            running.proc.wait()
    # The new database numbers its outbox from 1 again; the earlier reply is still there.
    for name, content in first.items():
        assert (outbox / name).read_bytes() == content
    for name in CLEAN_ENV:
        monkeypatch.delenv(name, raising=False)
    assert run_cli(app, ["tickets", "list", "--json", "--data-dir", str(data)]) == 0
    requesters = {ticket["requester"] for ticket in json.loads(capsys.readouterr().out)}
    assert {"u0@example.org", "u1@example.org", "u2@example.org"} <= requesters


def test_healthz_is_503_while_the_database_cannot_be_written(served: Served,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "data" / "privacybot.db"
    assert _healthz(served.port("http"))[0] == 200
    if shutil.which("chattr") is None or subprocess.run(
            ["chattr", "+i", str(path)], capture_output=True, check=False).returncode != 0:
        pytest.skip("chattr +i is not available here (needs root and a filesystem with it)")
    try:
        status, body = _healthz(served.port("http"))
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    assert status == 503
    assert body["checks"] == {"database": False, "smtp": True, "outbox": True}
    assert str(body["reason"]).startswith("database: ")
    assert "read-only" in str(body["reason"])
    assert _healthz(served.port("http"))[0] == 200
