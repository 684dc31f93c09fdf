"""`privacybot classify [--json] [--data-dir DIR] PATH...`: classify .eml, folders, mbox, stdin.

Each message gets one line: with --json {"source", "intents", "scores", "language",
"auto_reply", "evidence", ...}; otherwise a short readable summary. A path that cannot be read
is reported on stderr and the rest go on; the exit status is 1 if any source failed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.cli.common import DataDir, JsonFlag
from bot.cli.terminal import clean, echo, json_text
from intents import Classification, InboundMail, classify, read_message
from intents.mbox import is_mbox, split_mbox

PathsArg = Annotated[list[str], typer.Argument(
    help=".eml files, folders of them (searched recursively), mbox files, or - for stdin.")]
MAIL_SUFFIXES = (".eml", ".mbox", ".mbx")


def register(app: typer.Typer) -> None:
    """Add `classify` to the root app."""
    app.command("classify")(classify_command)


def classify_command(paths: PathsArg, json_output: JsonFlag = False,
                     data_dir: DataDir = None) -> None:
    """Classify mail as rights requests: access, erasure, opt-out, complaint, rectification,
    restriction, portability, objection, automated-decision review, consent withdrawal."""
    del data_dir  # accepted like every command's; classifying needs no data
    failed = 0
    for source, raw in _sources(paths):
        if isinstance(raw, Exception):
            failed += 1
            echo(f"privacybot: error: {clean(source)}: {clean(raw)}", err=True)
            continue
        mail = read_message(raw)
        result = classify(mail)
        echo(json_text(result_json(source, mail, result)) if json_output
             else human(source, mail, result))
    if failed:
        raise typer.Exit(1)


def _sources(paths: list[str]) -> Iterator[tuple[str, bytes | Exception]]:
    """(source name, raw bytes or the error reading them) for every message named."""
    for name in paths:
        if name == "-":
            yield from _split("-", sys.stdin.buffer.read())
            continue
        path = Path(name)
        if path.is_dir():
            try:
                files = sorted(p for p in path.rglob("*")
                               if p.is_file() and p.suffix.lower() in MAIL_SUFFIXES)
            except OSError as exc:
                yield name, exc
                continue
            for file in files:
                yield from _read_file(file)
        else:
            yield from _read_file(path)


def _read_file(path: Path) -> Iterator[tuple[str, bytes | Exception]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        yield str(path), OSError("no such file or folder")
        return
    except OSError as exc:
        yield str(path), OSError(exc.strerror or str(exc))
        return
    yield from _split(str(path), raw)


def _split(source: str, raw: bytes) -> Iterator[tuple[str, bytes | Exception]]:
    if not is_mbox(raw):
        yield source, raw
        return
    for index, message in enumerate(split_mbox(raw), start=1):
        yield f"{source}#{index}", message


def result_json(source: str, mail: InboundMail, result: Classification) -> dict[str, Any]:
    """The documented --json line, plus `extras`, `parsed` and auto-reply reasons."""
    return {
        "source": source,
        "intents": result.intents,
        "scores": {k: round(v, 3) for k, v in result.scores.items()},
        "language": result.language,
        "auto_reply": mail.auto_reply,
        "evidence": [{"intent": e.intent, "text": e.text} for e in result.evidence],
        "extras": result.extras,
        "auto_reply_reasons": mail.auto_reply_reasons,
        "parsed": mail.parsed,
        "subject": mail.subject,
        "from": mail.from_address,
        "forwarded_from": result.forwarded_from,
        "language_not_read": result.language_not_read,
    }


def human(source: str, mail: InboundMail, result: Classification) -> str:
    """A few readable lines per message; the mail's own words cleaned for the terminal."""
    what = ", ".join(result.intents) or "no request"
    lines = [f"{clean(source)}: {what}  [{clean(result.language)}]"]
    if not mail.parsed:
        lines.append(f"  not readable as mail: {clean('; '.join(mail.defects[:3]))}")
    lines.append(f"  from {clean(mail.from_address) or '?'}: "
                 f"{clean(mail.subject) or '(no subject)'}")
    if result.forwarded_from or result.forwarded_from_name:
        lines.append("  forwarded request of "
                     f"{clean(result.forwarded_from or result.forwarded_from_name)}")
    if result.language_not_read:
        lines.append(f"  language not read ({clean(result.language)}): left to triage")
    if mail.auto_reply:
        lines.append("  automatic mail, never answered "
                     f"({clean(', '.join(mail.auto_reply_reasons))})")
    if result.extras:
        lines.append(f"  also: {', '.join(result.extras)}")
    for item in result.evidence:
        lines.append(f"  {item.intent} ({result.scores.get(item.intent, 0):.2f}): "
                     f"\"{clean(item.text)}\"")
    return "\n".join(lines)
