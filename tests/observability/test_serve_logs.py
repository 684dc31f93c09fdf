"""`privacybot serve` as a real process with PRIVACYBOT_LOG_FORMAT=json: its stderr is one
JSON object a line (but the startup line scripts wait for), without the requester's address
or subject."""

from __future__ import annotations

import json
import os
import shutil
import signal
import smtplib
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT

SENDER = "yannick.requester@example.net"
SUBJECT = "Wombat-3 all my data"


def _privacybot() -> str:
    exe = shutil.which("privacybot", path=str(Path(sys.executable).parent))
    assert exe, "the privacybot script is not installed in the venv"
    return exe


def _wait(check: object, what: str, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if callable(check) and check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}: {log.read_text(errors='replace')}")


def test_serve_writes_json_lines_without_personal_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PRIVACYBOT_", "SLACK_")) and k not in (
               "DATABASE_URL", "SMTP_RELAY_URL")}
    env.update(PRIVACYBOT_LOG_FORMAT="json", PYTHONPATH=str(ROOT))  # this checkout's code
    with open(log, "wb") as out:
        proc = subprocess.Popen([_privacybot(), "serve", "--data-dir", str(data),
                                 "--smtp-port", "0", "--http-port", "0"],
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        _wait(lambda: "privacybot: smtp on" in log.read_text(errors="replace"), "startup", log)
        line = next(x for x in log.read_text().splitlines() if x.startswith("privacybot: "))
        port = int(line.split("smtp on 127.0.0.1:")[1].split(",")[0])
        raw = (f"From: {SENDER}\r\nTo: hello@aimigos.studio\r\nSubject: {SUBJECT}\r\n"
               f"Message-ID: <wombat-1@example.net>\r\n\r\n"
               "Please send me a copy of the personal data you hold about me.\r\n")
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
            client.sendmail(SENDER, ["hello@aimigos.studio"], raw.encode())
        _wait(lambda: any((data / "outbox").glob("*.eml")), "the verification request", log)
        _wait(lambda: "sent to" in log.read_text(errors="replace"), "the outbox line", log)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    lines = log.read_text().splitlines()
    events = [json.loads(x) for x in lines if not x.startswith("privacybot: ")]
    intake = [e for e in events if e["event"].startswith("smtp intake:")]
    assert intake
    assert intake[0]["message_id"] == "<wombat-1@example.net>"
    assert intake[0]["reference"].startswith("AIM-")
    text = "\n".join(lines)
    assert SENDER not in text
    assert "Wombat" not in text
