"""How often each rule fires on the labelled mail, and how often rightly.

A rule that fires only on the mail it was written for is a symptom of tuning to a set, so this
report lists, per rule file, how many labelled texts each rule matches, on how many of them
the rule's intent is among the labels, and the rules that match two texts or fewer.

Reads tests/intents/*_mail.jsonl (and any further JSON-lines sets or folders of
TYPE__LANG__SOURCE.txt letters given as arguments). Plain baseline: none; the figures are
counts.

Run: .venv/bin/python bench/rule_firing.py [EXTRA_SET ...] [--rare]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from intents.rules import RULES
from intents.textnorm import fold

ROOT = Path(__file__).resolve().parent.parent
# A letter's type (the file name's first part) gives its labels.
LETTER_LABELS = {"access": ["access"], "erasure": ["erasure"], "objection": ["opt_out"],
                 "complaint-to-dpa": ["complaint"], "admonition": ["access", "complaint"]}


def labelled(paths: list[Path]) -> list[tuple[str, set[str]]]:
    texts: list[tuple[str, set[str]]] = []
    for path in paths:
        if path.is_dir():
            for letter in sorted(path.glob("*__*.txt")):
                labels = LETTER_LABELS.get(letter.name.split("__")[0])
                if labels is not None:
                    texts.append((letter.read_text(encoding="utf-8"), set(labels)))
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                texts.append((f"{item.get('subject', '')}\n\n{item['body']}",
                              set(item["labels"])))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("extra", nargs="*", type=Path)
    parser.add_argument("--rare", action="store_true", help="list the rules firing <= 2 times")
    args = parser.parse_args()
    texts = labelled(sorted((ROOT / "tests" / "intents").glob("*_mail.jsonl")) + args.extra)
    folded = [(fold(text), labels) for text, labels in texts]
    fires: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for text, labels in folded:
        for rule in RULES:
            if rule.regex.search(text):
                fires[rule.id] += 1
                right[rule.id] += rule.intent in labels
    by_source: dict[str, list[str]] = {}
    for rule in RULES:
        by_source.setdefault(rule.id.split("-")[0], []).append(rule.id)
    print(f"{len(texts)} labelled texts, {len(RULES)} rules")
    print(f"{'file':8} {'rules':>5} {'never':>5} {'<=2':>5} {'median':>6}  right share")
    for source, ids in sorted(by_source.items()):
        counts = sorted(fires[i] for i in ids)
        fired = sum(fires[i] for i in ids)
        share = sum(right[i] for i in ids) / fired if fired else 0.0
        print(f"{source:8} {len(ids):5} {sum(c == 0 for c in counts):5} "
              f"{sum(c <= 2 for c in counts):5} {counts[len(counts) // 2]:6}  {share:.2f}")
    rare = [rule.id for rule in RULES if fires[rule.id] <= 2]
    print(f"all      {len(RULES):5} {sum(fires[r.id] == 0 for r in RULES):5} {len(rare):5}"
          f"  ({len(rare) / len(RULES):.0%} fire on two texts or fewer)")
    if args.rare:
        for rule_id in rare:
            print(f"  {fires[rule_id]} {rule_id}")


if __name__ == "__main__":
    main()
