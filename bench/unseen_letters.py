"""First runs on public request letters from collections the rules were not developed on.

Reads bench/unseen_letters/labels.jsonl and the letters from --letters FOLDER (not kept in the
repository: see the folder's README); each letter is mailed as its body with a plain subject,
read and classified as the SMTP intake would, and scored (macro-F1, exact sets) overall, per
language and for the GDPR-language letters alone.

Run: .venv/bin/python bench/unseen_letters.py --letters FOLDER [--wrong]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from unseen_mail import as_mail, macro_f1

from intents import CORE_INTENTS, classify, read_message

HERE = Path(__file__).resolve().parent / "unseen_letters"
NOT_GDPR = {"ja", "zh", "pt-BR"}  # Japanese, Chinese and Brazilian (LGPD) letters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--letters", type=Path, required=True)
    parser.add_argument("--wrong", action="store_true")
    args = parser.parse_args()
    pairs: list[tuple[set[str], set[str]]] = []
    gdpr: list[tuple[set[str], set[str]]] = []
    by_lang: dict[str, list[bool]] = defaultdict(list)
    for n, line in enumerate((HERE / "labels.jsonl").read_text(encoding="utf-8").splitlines()):
        item = json.loads(line)
        body = (args.letters / item["file"]).read_text(encoding="utf-8")
        mail = read_message(as_mail({"from": "Alex Example <alex.example@example.org>",
                                     "subject": "Data protection request", "body": body}, n))
        got = set(classify(mail).intents) & set(CORE_INTENTS)
        want = set(item["labels"]) & set(CORE_INTENTS)
        pairs.append((want, got))
        if item["lang"] not in NOT_GDPR:
            gdpr.append((want, got))
        by_lang[item["lang"]].append(want == got)
        if args.wrong and want != got:
            print(f"  {item['file']}: want {sorted(want)} got {sorted(got)}")
    for name, scored in (("all letters", pairs), ("GDPR-language letters", gdpr)):
        exact = sum(want == got for want, got in scored) / len(scored)
        print(f"{name}: {len(scored)}, macro-F1 {macro_f1(scored):.3f}, exact {exact:.1%}")
    print("  " + ", ".join(f"{lang} {sum(ok)}/{len(ok)}" for lang, ok in sorted(by_lang.items())))


if __name__ == "__main__":
    main()
