"""The labelled mail the learned intent model is fitted and judged on, each with its source.

Every tests/intents/*_mail.jsonl set is one source (one writer), the development set is one,
and the datenanfragen.de letter templates (TYPE__LANG__SOURCE.txt) are one collection. Each
example is read the way the service reads mail (an RFC 5322 message through read_message),
so the model sees the same text the rules do; the rules' classification is kept beside it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from intents import CORE_INTENTS, Classification, InboundMail, classify, read_message

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "intents"
LABELS_BY_TYPE = {
    "access": ["access"], "erasure": ["erasure"], "access+erasure": ["access", "erasure"],
    "objection-direct-marketing": ["opt_out"], "complaint-to-dpa": ["complaint"],
    "complaint-to-controller": ["complaint"], "admonition": ["access", "complaint"],
    "rectification": ["rectification"],
}


@dataclass(frozen=True)
class Example:
    id: str
    source: str
    lang: str
    labels: frozenset[str]
    mail: InboundMail
    rules: Classification

    @property
    def core(self) -> frozenset[str]:
        return self.labels & frozenset(CORE_INTENTS)


def _message(subject: str, body: str, sender: str, n: int) -> InboundMail:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "hello@aimigos.studio"
    message["Subject"] = subject
    message["Message-ID"] = f"<learned{n}@example.org>"
    message["Date"] = "Tue, 24 Nov 2026 12:00:00 +0000"
    message.set_content(body)
    return read_message(bytes(message))


def _from_set(path: Path, source: str) -> list[tuple[str, str, str, str, str, list[str]]]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    return [(str(i["id"]), source, str(i.get("lang", "und")), str(i.get("subject", "")),
             str(i["body"]), list(i["labels"])) for i in items]


def _from_templates(folder: Path) -> list[tuple[str, str, str, str, str, list[str]]]:
    out = []
    for path in sorted(folder.glob("*__*__*.txt")):
        kind, lang = path.name.split("__")[:2]
        if kind in LABELS_BY_TYPE:
            out.append((path.stem, "datenanfragen", lang, "Data protection request",
                        path.read_text(encoding="utf-8"), LABELS_BY_TYPE[kind]))
    return out


def load(shared: Path | None) -> list[Example]:
    """Every labelled example found: the repository's sets, and the shared ones if given."""
    raw = []
    for path in sorted(SETS.glob("*_mail.jsonl")):
        raw += _from_set(path, path.name.removesuffix("_mail.jsonl"))
    if shared is not None:
        if (shared / "eval" / "mail_dev.jsonl").is_file():
            raw += _from_set(shared / "eval" / "mail_dev.jsonl", "mail_dev")
        if (shared / "eval" / "dsr_templates").is_dir():
            raw += _from_templates(shared / "eval" / "dsr_templates")
    examples = []
    for n, (ident, source, lang, subject, body, labels) in enumerate(raw):
        mail = _message(subject, body, "Sam Example <sam@example.org>", n)
        examples.append(Example(ident, source, lang, frozenset(labels), mail, classify(mail)))
    return examples
