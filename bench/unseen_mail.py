"""First runs on mail nobody here tuned on: sets written by writers who never saw the rules.

bench/unseen_mail/*_mail.jsonl hold the mails ({"id", "mailbox", "from", "subject", "body",
"labels", "lang", "note"}, the labels of the team's scoring rule); their README says who wrote
them and when. Each mail goes through read_message and classify as the SMTP intake would see
it (a plain-text message to the mailbox), and is scored per intent (F1), macro-F1 and exact
sets, overall and per language. These sets stay out of the tests' pass/fail: the figure that
counts is a set's first run, recorded in docs/evaluation.md; later runs show drift.

Run: .venv/bin/python bench/unseen_mail.py [SET ...] [--wrong]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from intents import CORE_INTENTS, classify, read_message

HERE = Path(__file__).resolve().parent / "unseen_mail"
BOXES = {"aimigos": "hello@aimigos.studio", "imgn": "studio@imgnstudio.com"}


def as_mail(item: dict[str, str], n: int) -> bytes:
    message = EmailMessage()
    message["From"] = item["from"]
    message["To"] = BOXES.get(item.get("mailbox", ""), BOXES["aimigos"])
    message["Subject"] = item.get("subject", "")
    message["Date"] = formatdate(1767225600 + 3600 * n)
    message["Message-ID"] = make_msgid(domain="example.org")
    message.set_content(item["body"])
    return bytes(message)


def macro_f1(pairs: list[tuple[set[str], set[str]]]) -> float:
    scores = []
    for label in CORE_INTENTS:
        tp = sum(label in want and label in got for want, got in pairs)
        fp = sum(label in got and label not in want for want, got in pairs)
        fn = sum(label in want and label not in got for want, got in pairs)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall
                      else 0.0)
    return sum(scores) / len(scores)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--wrong", action="store_true", help="list the mails got wrong")
    args = parser.parse_args()
    for path in args.sets or sorted(HERE.glob("*_mail.jsonl")):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
        pairs: list[tuple[set[str], set[str]]] = []
        by_lang: dict[str, list[bool]] = defaultdict(list)
        unread = 0
        for n, item in enumerate(items):
            mail = read_message(as_mail(item, n))
            got = set(classify(mail).intents) & set(CORE_INTENTS)
            want = set(item["labels"]) & set(CORE_INTENTS)
            pairs.append((want, got))
            by_lang[item.get("lang", "?")].append(want == got)
            unread += mail.language_not_read
            if args.wrong and want != got:
                print(f"  {item['id']} ({item.get('lang')}): want {sorted(want)} got {sorted(got)}")
        exact = sum(want == got for want, got in pairs) / len(pairs)
        print(f"{path.name}: {len(pairs)} mails, macro-F1 {macro_f1(pairs):.3f}, exact "
              f"{exact:.1%}, language not read {unread}")
        print("  " + ", ".join(f"{lang} {sum(ok)}/{len(ok)}"
                               for lang, ok in sorted(by_lang.items())))


if __name__ == "__main__":
    main()
