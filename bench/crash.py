"""Crash safety of the SMTP intake: SIGKILL the server under load, restart, count.

Runs `privacybot serve --only smtp` as a subprocess on a fresh data dir, sends mail from
several concurrent clients, kills the server with SIGKILL at a random moment, restarts it,
and goes on (clients resend what was not answered 250, as a sending MTA would). After every
kill it prints how many distinct mails were answered 250 and how many are stored: every
answered mail must be stored (a 250 is a promise); the stored ones never answered are the
mails whose commit beat the kill, and their resend is answered 250 without storing twice.
At the end, with everything resent, answered and stored must be equal.

    .venv/bin/python bench/crash.py [--mails 2500] [--kills 5] [--clients 6]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import smtplib
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from email.message import EmailMessage
from pathlib import Path

TO = "hello@aimigos.studio"
BODIES = (
    "Please delete all the personal data you hold about me.",
    "Please send me a copy of my personal data (subject access request).",
    "Please unsubscribe me from your marketing emails.",
    "Hello, a question about my order.",
)


def mail(n: int) -> tuple[str, bytes]:
    msg = EmailMessage()
    message_id = f"<crash-{n}@bench.example>"
    msg["From"] = f"client{n}@example.org"
    msg["To"] = TO
    msg["Subject"] = f"Mail {n}"
    msg["Message-ID"] = message_id
    msg.set_content(f"{BODIES[n % len(BODIES)]}\n\nClient {n}\n")
    return message_id, msg.as_bytes()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Load:
    """Client threads sharing one queue of unanswered mails."""

    def __init__(self, mails: list[tuple[str, bytes]], port: int, clients: int) -> None:
        self.pending = list(reversed(mails))
        self.answered: set[str] = set()
        self.port = port
        self.clients = clients
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def _take(self) -> tuple[str, bytes] | None:
        with self.lock:
            return self.pending.pop() if self.pending else None

    def _client(self) -> None:
        while not self.stop.is_set():
            try:
                smtp = smtplib.SMTP("127.0.0.1", self.port, timeout=30)
            except OSError:
                time.sleep(0.05)  # the server is down or starting: retry later
                continue
            try:
                while not self.stop.is_set():
                    item = self._take()
                    if item is None:
                        return
                    try:
                        refused = smtp.sendmail("client@example.org", [TO], item[1])
                    except (smtplib.SMTPException, OSError):
                        with self.lock:
                            self.pending.append(item)  # no 250 seen: send it again later
                        break
                    with self.lock:
                        if refused:
                            self.pending.append(item)
                        else:
                            self.answered.add(item[0])
            finally:
                with contextlib.suppress(OSError):
                    smtp.close()

    def run(self) -> list[threading.Thread]:
        self.stop.clear()
        threads = [threading.Thread(target=self._client, daemon=True)
                   for _ in range(self.clients)]
        for thread in threads:
            thread.start()
        return threads


def start_server(exe: str, data_dir: Path, port: int,
                 env: dict[str, str]) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([exe, "serve", "--only", "smtp", "--data-dir", str(data_dir),
                             "--smtp-port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
                conn.recv(100)
                return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("server did not start")


def stored_ids(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT message_id FROM messages")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=2500)  # load through every kill
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "SMTP_RELAY_URL", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")}
    exe = shutil.which("privacybot", path=str(Path(sys.executable).parent)) or "privacybot"
    data_dir = Path(tempfile.mkdtemp(prefix="pb-bench-crash-"))
    db = data_dir / "privacybot.db"
    port = free_port()
    mails = [mail(n) for n in range(args.mails)]
    load = Load(mails, port, args.clients)
    print(f"crash bench: {args.mails} mails, {args.clients} clients, {args.kills} SIGKILLs")
    failures = 0
    try:
        for round_no in range(1, args.kills + 2):
            proc = start_server(exe, data_dir, port, env)
            threads = load.run()
            last = round_no == args.kills + 1
            if last:
                for thread in threads:
                    thread.join()
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=60)
                how = "all sent, SIGTERM"
            else:
                time.sleep(rng.uniform(0.5, 2.0))
                proc.kill()  # SIGKILL: no cleanup, no flush, mid-transaction
                proc.wait()
                load.stop.set()
                for thread in threads:
                    thread.join()
                how = "SIGKILL"
            stored = stored_ids(db)
            with load.lock:
                answered = set(load.answered)
            lost = answered - stored
            unanswered = stored - answered
            failures += bool(lost) or (last and answered != stored)
            print(f"  round {round_no} ({how}): answered 250: {len(answered):4d}  "
                  f"stored: {len(stored):4d}  answered but not stored: {len(lost)}  "
                  f"stored, 250 not yet seen (resent next round): {len(unanswered)}")
        print(f"  final: answered {len(load.answered)}, stored {len(stored_ids(db))}, "
              f"of {args.mails}: {'EQUAL' if failures == 0 else 'MISMATCH'}")
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
