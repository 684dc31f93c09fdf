"""Memory of the SMTP intake under big mail: resident size round after round.

Each server runs in its own process and gets the same load: ROUNDS rounds of CLIENTS
concurrent clients each sending one mail of SIZE MB (a short erasure request with a
random attachment, base64, as mail programs send it). A mail answered 4xx (the budget of
mail in flight says "try later") is sent again after a short pause, as a sending server
would, until it is answered 250; every mail of a round is taken before the next round.
After each round the bench prints the server's resident size (VmRSS) and its peak so far
(VmHWM), from /proc.

Servers:

- bare: aiosmtpd with its Sink handler (keeps each message in memory, answers 250,
  forgets it): the plain baseline, what any aiosmtpd server costs for this load;
- privacybot: `privacybot serve --only smtp` on a fresh SQLite data dir, with this
  repository's code: it parses, classifies, stores and answers every mail;
- privacybot, glibc's malloc: the same with PRIVACYBOT_MALLOC_TUNING=0 (bot/memory.py
  off), to show what the malloc settings do;
- privacybot, no budget, glibc's malloc: also PRIVACYBOT_SMTP_DATA_BUDGET_BYTES out of
  reach, to show what the budget does.

    .venv/bin/python bench/soak.py [--rounds 8] [--clients 12] [--size 24] [--only KIND]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import shutil
import signal
import smtplib
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from intake import wait_port  # bench/ is on sys.path when a bench script runs

ROOT = Path(__file__).resolve().parent.parent
TO = "hello@aimigos.studio"
MB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def body(size_mb: int) -> bytes:
    """A multipart body of about `size_mb` MB: the request text and a base64 attachment."""
    payload = base64.encodebytes(os.urandom(int(size_mb * MB * 3 / 4) - 4096))
    return (b"MIME-Version: 1.0\r\n"
            b'Content-Type: multipart/mixed; boundary="soak-boundary"\r\n\r\n'
            b"--soak-boundary\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            b"Please delete all the personal data you hold about me.\r\n"
            b"--soak-boundary\r\nContent-Type: application/octet-stream\r\n"
            b'Content-Disposition: attachment; filename="scan.bin"\r\n'
            b"Content-Transfer-Encoding: base64\r\n\r\n"
            + payload.replace(b"\n", b"\r\n")
            + b"--soak-boundary--\r\n")


def mail(n: int, shared_body: bytes) -> bytes:
    return (f"From: client{n}@example.org\r\nTo: {TO}\r\nSubject: Erasure {n}\r\n"
            f"Message-ID: <soak-{n}@bench.example>\r\n").encode() + shared_body


def send(port: int, raw: bytes, sender: str, stats: dict[str, int],
         lock: threading.Lock) -> None:
    """One mail until it is answered 250 (4xx: wait a little and send it again)."""
    for _ in range(1000):
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=300) as client:
                refused = client.sendmail(sender, [TO], raw,
                                          mail_options=[f"SIZE={len(raw)}"])
            if not refused:
                with lock:
                    stats["accepted"] += 1
                return
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code < 400 or exc.smtp_code >= 500:
                raise
        except smtplib.SMTPRecipientsRefused:
            raise
        with lock:
            stats["deferred"] += 1
        time.sleep(0.2)
    raise SystemExit("a mail was never accepted")


def memory(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) in MB."""
    values: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def bare_server(port: int) -> None:
    """The baseline: aiosmtpd's Sink (the message is read into memory, then dropped)."""
    from aiosmtpd.handlers import Sink
    from aiosmtpd.smtp import SMTP

    async def main() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(
            lambda: SMTP(Sink(), hostname="bare", data_size_limit=64 * MB,
                         enable_SMTPUTF8=True, loop=loop), "127.0.0.1", port)
        stop = asyncio.Event()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()
        server.close()

    asyncio.run(main())


def soak(name: str, cmd: list[str], port: int, env: dict[str, str], args: argparse.Namespace,
         shared_body: bytes, first: int) -> list[float]:
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    rss_per_round: list[float] = []
    try:
        wait_port(port, proc)
        rss, _ = memory(proc.pid)
        print(f"{name}: at start {rss:.0f} MB")
        n = first
        for round_no in range(1, args.rounds + 1):
            stats = {"accepted": 0, "deferred": 0}
            lock = threading.Lock()
            started = time.perf_counter()
            threads = [threading.Thread(target=send, args=(
                port, mail(n + i, shared_body), f"client{n + i}@example.org", stats, lock))
                for i in range(args.clients)]
            n += args.clients
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            seconds = time.perf_counter() - started
            rss, hwm = memory(proc.pid)
            rss_per_round.append(rss)
            print(f"  round {round_no:2d}: {stats['accepted']} taken, {stats['deferred']:3d} "
                  f"told to retry, {seconds:5.1f}s; RSS {rss:6.0f} MB, peak {hwm:6.0f} MB",
                  flush=True)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
    return rss_per_round


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument("--size", type=int, default=24, help="MB per mail")
    parser.add_argument("--only", choices=["bare", "privacybot", "glibc", "unbounded"],
                        action="append", help="run only these servers (repeatable)")
    parser.add_argument("--bare-server", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_server:
        bare_server(args.bare_server)
        return
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "SMTP_RELAY_URL", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
           and not k.startswith("MALLOC_") and k != "GLIBC_TUNABLES"}
    env["PYTHONPATH"] = str(ROOT)  # this repository's code, whatever the venv was installed from
    shared_body = body(args.size)
    print(f"soak bench: {args.rounds} rounds of {args.clients} concurrent mails of "
          f"{len(mail(0, shared_body)) / MB:.1f} MB")
    serve = [sys.executable, "-c", "from bot.cli import main; main()", "serve", "--only",
             "smtp"]
    glibc = {"PRIVACYBOT_MALLOC_TUNING": "0"}
    runs: list[tuple[str, str, dict[str, str]]] = [
        ("bare", "bare aiosmtpd Sink (baseline)", {}),
        ("privacybot", "privacybot (defaults)", {}),
        ("glibc", "privacybot, glibc's malloc", glibc),
        ("unbounded", "privacybot, no budget, glibc's malloc",
         {**glibc, "PRIVACYBOT_SMTP_DATA_BUDGET_BYTES": str(1 << 40)}),
    ]
    results: list[tuple[str, list[float]]] = []
    first = 0
    for kind, name, extra in runs:
        if args.only and kind not in args.only:
            continue
        port = free_port()
        data_dir = Path(tempfile.mkdtemp(prefix="pb-bench-soak-"))
        try:
            cmd = ([sys.executable, __file__, "--bare-server", str(port)] if kind == "bare"
                   else [*serve, "--data-dir", str(data_dir), "--smtp-port", str(port)])
            results.append((name, soak(name, cmd, port, {**env, **extra}, args, shared_body,
                                       first)))
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
        first += args.rounds * args.clients
    print("\nRSS after each round, MB:")
    for name, values in results:
        print(f"  {name:<62} " + " ".join(f"{value:5.0f}" for value in values))


if __name__ == "__main__":
    main()
