"""SMTP intake throughput: mails a second persisted as tickets, against the bare ceiling.

Two servers, each in its own process, get the same load: N mails from C concurrent SMTP
clients (each client keeps its connection and sends mail after mail, as an MTA does):

- bare: aiosmtpd with a handler that only answers 250 (the ceiling on this machine);
- privacybot: `privacybot serve --only smtp` on a fresh SQLite data dir (or DATABASE_URL),
  which parses, classifies, stores, opens tickets and queues replies before its 250;
- and, to show where the time goes, privacybot's SMTP layer (parse and classify on the
  executor) in front of a desk that stores nothing.

    .venv/bin/python bench/intake.py [--mails 400] [--clients 8]

Prints both rates, the ratio (goal: >= 0.5 on SQLite) and how many tickets were stored.
"""

from __future__ import annotations

import argparse
import asyncio
import os
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
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TO = "hello@aimigos.studio"
BODIES = (
    "Please delete all the personal data you hold about me and close my account.",
    "Under Article 15 I would like a copy of all the personal data you hold about me.",
    "Please unsubscribe me from your marketing emails and newsletters.",
    "I want to make a complaint about how you handled my data.",
)


def mail(n: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Client {n} <client{n}@example.org>"
    msg["To"] = TO
    msg["Subject"] = f"My data ({n})"
    msg["Message-ID"] = f"<bench-{n}-{time.time_ns()}@example.org>"
    msg.set_content(f"Hello,\n\n{BODIES[n % len(BODIES)]}\n\nThanks,\nClient {n}\n")
    return msg.as_bytes()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_port(port: int, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
                conn.recv(100)
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("server did not start")


def load(port: int, mails: list[bytes], clients: int) -> tuple[float, int]:
    """Send every mail; (seconds, how many were answered 250)."""
    lock = threading.Lock()
    queue = list(reversed(mails))
    accepted = [0]

    def client() -> None:
        with smtplib.SMTP("127.0.0.1", port, timeout=120) as smtp:
            while True:
                with lock:
                    if not queue:
                        return
                    raw = queue.pop()
                refused = smtp.sendmail("client@example.org", [TO], raw)
                if not refused:
                    with lock:
                        accepted[0] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, accepted[0]


def bare_server(port: int) -> None:
    """The ceiling: aiosmtpd on its own loop, answering 250 to everything."""
    from aiosmtpd.smtp import SMTP

    class Handler:
        async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
            return "250 OK"

    async def main() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(
            lambda: SMTP(Handler(), hostname="bare", enable_SMTPUTF8=True, loop=loop),
            "127.0.0.1", port)
        stop = asyncio.Event()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()
        server.close()

    asyncio.run(main())


def null_desk_server(port: int) -> None:
    """privacybot's intake in front of a desk that stores nothing: the channel's own cost."""
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]  # bench/storage.py
    sys.path.insert(0, str(ROOT))
    from bot.channels.smtp_intake import IntakeHandler
    from bot.channels.smtp_server import SmtpServer
    from bot.desk import IntakeResult
    from bot.organisations import load_organisations
    from bot.runtime import understand_mail
    from bot.settings import Settings

    async def store_nothing(deliveries: Sequence[object]) -> list[IntakeResult | Exception]:
        return [IntakeResult(outcome="no_intent", message_id="<none>") for _ in deliveries]

    async def main() -> None:
        handler = IntakeHandler(orgs=load_organisations(Settings().config_path),
                                desk=None, understand=understand_mail,  # type: ignore[arg-type]
                                receive=store_nothing)
        server = SmtpServer(handler, host="127.0.0.1", port=port, max_message_bytes=25 << 20)
        await server.start()
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()
        await server.stop()

    asyncio.run(main())


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) a process has used so far; None where /proc is missing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(cmd: list[str], port: int, mails: list[bytes], clients: int,
        env: dict[str, str]) -> tuple[float, int, str]:
    """Load a server process: (seconds, mails answered 250, the server's own CPU per mail).
    The CPU figure is the budget that matters: the server runs one event loop, so once it
    keeps one core busy it cannot go faster, whatever the clients do."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port, proc)
        before = cpu_seconds(proc.pid)
        seconds, ok = load(port, mails, clients)
        after = cpu_seconds(proc.pid)
        cpu = ""
        if before is not None and after is not None and ok:
            used = after - before
            cpu = (f"; server CPU {1000 * used / ok:.2f} ms a mail, "
                   f"{used / seconds:.2f} of a core busy")
        return seconds, ok, cpu
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--bare-server", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--null-desk-server", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_server:
        bare_server(args.bare_server)
        return
    if args.null_desk_server:
        null_desk_server(args.null_desk_server)
        return
    env = {k: v for k, v in os.environ.items()
           if k not in ("SMTP_RELAY_URL", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")}
    mails = [mail(n) for n in range(args.mails)]
    size = sum(map(len, mails)) // len(mails)
    print(f"intake bench: {args.mails} mails (~{size} bytes), {args.clients} concurrent clients")

    port = free_port()
    seconds, ok, cpu = run([sys.executable, __file__, "--bare-server", str(port)], port, mails,
                           args.clients, env)
    ceiling = ok / seconds
    print(f"  bare aiosmtpd (250 only): {ceiling:7.1f} mails/s ({ok} in {seconds:.2f}s{cpu})")

    port = free_port()
    seconds, ok, cpu = run([sys.executable, __file__, "--null-desk-server", str(port)], port,
                           [mail(n) for n in range(args.mails)], args.clients, env)
    print(f"  privacybot SMTP + parse + classify, desk storing nothing: {ok / seconds:7.1f} "
          f"mails/s ({ok / seconds / ceiling:.2f} of the ceiling{cpu})")

    data_dir = Path(tempfile.mkdtemp(prefix="pb-bench-intake-"))
    try:
        exe = shutil.which("privacybot", path=str(Path(sys.executable).parent)) or "privacybot"
        port = free_port()
        mails = [mail(n) for n in range(args.mails)]  # fresh Message-IDs
        seconds, ok, cpu = run([exe, "serve", "--only", "smtp", "--data-dir", str(data_dir),
                           "--smtp-port", str(port)], port, mails, args.clients, env)
        rate = ok / seconds
        print(f"  privacybot (stored):      {rate:7.1f} mails/s ({ok} in {seconds:.2f}s{cpu})")
        if not env.get("DATABASE_URL"):
            db = data_dir / "privacybot.db"
            print(f"  stored: {count(db, 'messages')} messages, {count(db, 'tickets')} tickets,"
                  f" {count(db, 'outbox')} replies queued")
        print(f"  ratio: {rate / ceiling:.2f} of the ceiling (goal >= 0.50)")
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
