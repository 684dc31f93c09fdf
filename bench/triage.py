"""The triage backlog a set of mail leaves: how many mails would wait for a person.

Starts privacybot's SMTP intake (in this process, on a fresh SQLite data dir), sends every
mail of a labelled JSON-lines set (`{"id", "mailbox", "from", "subject", "body", "labels"}`,
written out as real messages) and, optionally, every .eml of a folder, over SMTP on loopback;
then counts the mail awaiting triage. For the labelled set it also says how many of those
carry a label (a request the classifier missed, which triage now catches) and how many do not
(mail the team dismisses).

    .venv/bin/python bench/triage.py --set path/to/mail_dev.jsonl [--eml path/to/eml/]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import smtplib
import sys
import tempfile
import time
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/ holds scripts named like the packages (storage.py): import the packages, not them.
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench")]

from pydantic import SecretStr  # noqa: E402

from bot.desk.triage import Triage  # noqa: E402
from bot.runtime import Runtime, build_services  # noqa: E402
from bot.settings import Settings  # noqa: E402

BOXES = {"aimigos": "hello@aimigos.studio", "imgn": "studio@imgnstudio.com"}


def _message(item: dict[str, object], number: int) -> tuple[bytes, str, str]:
    mail = EmailMessage()
    mail["From"] = str(item.get("from") or "someone@example.org")
    to = BOXES.get(str(item.get("mailbox")), BOXES["aimigos"])
    mail["To"] = to
    mail["Subject"] = str(item.get("subject") or "")
    mail["Date"] = formatdate(1767225600 + 3600 * number)
    mail["Message-ID"] = make_msgid(domain="example.org")
    mail.set_content(str(item.get("body") or ""))
    return bytes(mail), to, str(mail["Message-ID"])


def _send(port: int, raw: bytes, to: str) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        try:
            client.sendmail("sender@example.org", [to], raw)
        except smtplib.SMTPException as exc:  # a refused mail is a figure, not a crash
            print(f"refused: {exc}")


async def run(items: list[dict[str, object]], emls: list[bytes]) -> None:
    with tempfile.TemporaryDirectory(prefix="bench_triage_") as folder:
        settings = Settings().with_overrides(
            data_dir=Path(folder), database_url=None, smtp_host="127.0.0.1", smtp_port=0,
            secret_key=SecretStr("bench-secret-key-0123456789abcdef"))
        services = await build_services(settings, slack=False)
        runtime = Runtime(services, {"smtp"})
        await runtime.start()
        try:
            assert runtime.smtp is not None
            port = runtime.smtp.address[1]
            started = time.perf_counter()
            ids: dict[str, dict[str, object]] = {}
            for number, item in enumerate(items):
                raw, to, message_id = _message(item, number)
                ids[message_id.strip("<>")] = item
                await asyncio.to_thread(_send, port, raw, to)
            for raw in emls:
                await asyncio.to_thread(_send, port, raw, BOXES["aimigos"])
            elapsed = time.perf_counter() - started
            page = await Triage(services.desk).page(limit=None)
        finally:
            await runtime.stop()
            await services.close()
    waiting = [item.message for item in page.items]
    from_set = [ids[m.message_id.strip("<>")] for m in waiting
                if m.message_id.strip("<>") in ids]
    labelled = [item for item in from_set if item.get("labels")]
    print(f"sent {len(items)} labelled mails and {len(emls)} .eml files in {elapsed:.1f}s")
    print(f"awaiting triage: {page.total} ({len(from_set)} from the labelled set, "
          f"{page.total - len(from_set)} from the .eml folder)")
    print(f"  of the labelled set: {len(labelled)} carry a label (missed requests now in "
          f"triage), {len(from_set) - len(labelled)} carry none (to dismiss)")
    for item in labelled:
        print(f"  missed: {item.get('id')} {item.get('labels')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, required=True, help="labelled JSON-lines mail")
    parser.add_argument("--eml", type=Path, help="a folder of .eml files to send as well")
    args = parser.parse_args()
    items = [json.loads(line) for line in args.set.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    emls = [path.read_bytes() for path in sorted(args.eml.glob("*.eml"))] if args.eml else []
    asyncio.run(run(items, emls))


if __name__ == "__main__":
    main()
