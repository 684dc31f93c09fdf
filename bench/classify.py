"""Benchmark: mails per second through read_message + classify, and one 25 MB mail.

Typical mails are ~2 KB requests and replies built from the development set's bodies with
realistic headers; the big one is a short request with a 25 MB attachment. Prints figures;
asserts nothing. Run: .venv/bin/python bench/classify.py
"""

from __future__ import annotations

import json
import os
import time
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from intents import classify, read_message

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "mail_dev.jsonl"
FALLBACK = [
    "Please delete my account and all data associated with it.",
    "Please send me a copy of the personal data you hold about me.",
    "Unsubscribe me from the newsletter, thanks.",
    "I wish to make a formal complaint about how my data was shared.",
]


def _bodies() -> list[str]:
    if DEV.is_file():
        return [json.loads(line)["body"] for line in DEV.read_text().splitlines() if line.strip()]
    return FALLBACK


def _typical(body: str, n: int) -> bytes:
    message = EmailMessage()
    message["From"] = f"Sender {n} <sender{n}@example.org>"
    message["To"] = "hello@aimigos.studio"
    message["Subject"] = "Re: your request"
    message["Date"] = formatdate(1767225600 + n)
    message["Message-ID"] = make_msgid(domain="example.org")
    message["Received"] = "from mx.example.org (mx.example.org [192.0.2.1]) by mx.aimigos.studio"
    quote = "\n".join("> " + line for line in ("Thanks for your message. " * 40).split(". "))
    text = f"{body}\n\nOn Mon, 5 May 2025 at 10:00, Aimigos <hello@aimigos.studio> wrote:\n{quote}"
    message.set_content(text[:1800])
    return bytes(message)


def _big() -> bytes:
    message = EmailMessage()
    message["From"] = "Big Sender <big@example.org>"
    message["To"] = "hello@aimigos.studio"
    message["Subject"] = "My access request, with ID"
    message.set_content("Please send me a copy of all personal data you hold about me.")
    message.add_attachment(os.urandom(18 * 1024 * 1024), maintype="application",
                           subtype="octet-stream", filename="scan.bin")
    return bytes(message)


def main() -> None:
    mails = [_typical(body, n) for n, body in enumerate(_bodies() * 10)]
    average = sum(map(len, mails)) / len(mails)
    for raw in mails[:50]:  # warm caches
        classify(read_message(raw))
    # CPU time of this process: the machine is shared, wall time would measure the neighbours.
    start = time.process_time()
    for raw in mails:
        classify(read_message(raw))
    elapsed = time.process_time() - start
    print(f"typical mails: {len(mails)} of {average / 1024:.1f} KB average, "
          f"{len(mails) / elapsed:,.0f} mails/s (one core, CPU time)")
    big = _big()
    start = time.process_time()
    wall = time.perf_counter()
    result = classify(read_message(big))
    elapsed = time.process_time() - start
    wall = time.perf_counter() - wall
    print(f"one {len(big) / 1e6:.1f} MB mail: {elapsed:.2f} s CPU, {wall:.2f} s wall "
          f"(intents: {result.intents})")


if __name__ == "__main__":
    main()
