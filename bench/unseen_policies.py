"""First runs on staff questions about policies nobody here tuned on (bench/unseen_policies/).

The questions are read from --questions FOLDER (default: bench/unseen_policies/, the first ten
policies; later writers' sets are in folders beside it). Each policy is read from --policies
FOLDER (not kept in the repository: see the folder's README), built into a knowledge base of
its own, and asked its questions. Prints, per policy and overall: right answers (the project's
scoring rule, bench/qa_sets.py), answerable questions answered right, unanswerable ones
declined, and how often an answer given with confidence 0.9 or more was right; `--no-section`
also scores without the section check (the phrase alone).

Run: .venv/bin/python bench/unseen_policies.py --policies FOLDER [--questions FOLDER]
     [--no-section]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from qa_sets import Item, right

from knowledge import KnowledgeBase
from knowledge.reading import read_policy_file

HERE = Path(__file__).resolve().parent / "unseen_policies"
FORMATS = (".md", ".txt", ".html")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--policies", type=Path, required=True)
    parser.add_argument("--questions", type=Path, default=HERE)
    parser.add_argument("--no-section", action="store_true")
    args = parser.parse_args()
    totals = dict.fromkeys(("right", "asked", "answerable", "answered_right", "abstain",
                            "declined_right", "sure", "sure_right"), 0)
    for questions in sorted(args.questions.glob("*_qa.jsonl")):
        slug = questions.name.removesuffix("_qa.jsonl")
        found = [args.policies / f"{slug}{suffix}" for suffix in FORMATS
                 if (args.policies / f"{slug}{suffix}").exists()]
        if not found:
            print(f"{slug:26} missing from {args.policies}")
            continue
        kb = KnowledgeBase.build([read_policy_file(found[0])])
        got = asked = 0
        for line in questions.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            q = json.loads(line)
            item = Item(set=slug, group=slug, question=q["question"], policy=None,
                        abstain=bool(q.get("abstain")), expect=q.get("expect", []),
                        section=None if args.no_section else q.get("section"))
            answer = kb.ask(item.question)
            good = right(item, answer)
            got, asked = got + good, asked + 1
            kind = ("abstain", "declined_right") if item.abstain else ("answerable",
                                                                       "answered_right")
            totals[kind[0]] += 1
            totals[kind[1]] += good
            if answer.answered and answer.confidence >= 0.9:
                totals["sure"] += 1
                totals["sure_right"] += good
        totals["right"] += got
        totals["asked"] += asked
        print(f"{slug:26} {got}/{asked}")
    if totals["asked"]:
        print(f"all: {totals['right']}/{totals['asked']} right "
              f"({totals['right'] / totals['asked']:.1%}); answerable "
              f"{totals['answered_right']}/{totals['answerable']}, declined right "
              f"{totals['declined_right']}/{totals['abstain']}; at confidence >= 0.9 "
              f"{totals['sure_right']}/{totals['sure']} right")


if __name__ == "__main__":
    main()
