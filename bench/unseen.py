"""First runs on policies never used in fitting or rule-writing: staff-style questions written
before the knowledge base was run on them.

bench/unseen/*_qa.jsonl hold the questions ({"id", "question", "expect", "section"} or
{"abstain": true}); the file's first word names the policy, a policy of PolicyQA's test split
(an OPP-115 text, read from --policyqa or POLICYQA_DIR, not kept in the repository). Scored by
tests/knowledge/test_eval.py's rule; prints answered-right and declined-right apart, with
the confidence of each answer. Only a set's first run is a figure of how new policies fare.

Run: .venv/bin/python bench/unseen.py --policyqa DIR [--hand]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from qa_sets import Item, policyqa, policyqa_dir, right

from knowledge import Model
from knowledge.model import HAND_RANK_WEIGHTS

HERE = Path(__file__).resolve().parent / "unseen"
POLICIES = {"sciencemag": "sciencemag.org", "smithsonian": "si.edu", "zacks": "zacks.com"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--policyqa")
    parser.add_argument("--hand", action="store_true",
                        help="the hand-set weights and coverage calibration of before")
    args = parser.parse_args()
    model = Model(rank_weights=HAND_RANK_WEIGHTS, confidence_weights=(),
                  threshold=0.5) if args.hand else None
    directory = policyqa_dir(args.policyqa)
    if directory is None:
        sys.exit(0)
    by_title = {qa_set.policies[0].title: qa_set for qa_set in policyqa(directory, "test")}
    for path in sorted(HERE.glob("*_qa.jsonl")):
        qa_set = by_title[POLICIES[path.name.split("_")[0]]]
        kb = qa_set.knowledge_base(model)
        policy = qa_set.policies[0].id
        counts = [0, 0, 0, 0]
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            raw = json.loads(line)
            item = Item(set=path.stem, group=policy, question=raw["question"], policy=policy,
                        abstain=bool(raw.get("abstain")), expect=raw.get("expect") or [],
                        section=raw.get("section"))
            answer = kb.ask(item.question, policy)
            good = right(item, answer)
            counts[2 * item.abstain] += good
            counts[2 * item.abstain + 1] += 1
            shown = answer.answer if answer.answered else "(declined)"
            print(f"{raw['id']} {'ok ' if good else 'BAD'} {answer.confidence:.2f} "
                  f"{item.question[:50]:50} {shown[:70]}")
        print(f"{path.stem}: answered right {counts[0]}/{counts[1]}, declined right "
              f"{counts[2]}/{counts[3]}, total {counts[0] + counts[2]}/{counts[1] + counts[3]}")


if __name__ == "__main__":
    main()
