"""PolicyQA, each question asked of the whole policy: does the top answer contain a gold span?

For each question of a split (or a fixed sample of it), the knowledge base ranks the units of
the whole policy; "top-1" counts the questions whose best unit (the answer it would give
with no threshold) contains one of the annotators' spans (letters and digits compared), and
"answered" those it answers at its default threshold, with how many of those are right.
Baseline: rank_bm25's BM25Okapi over the policy's paragraphs (OPP-115 segments), lower-cased
word tokens. Prints figures; asserts nothing. Data is read from --policyqa or POLICYQA_DIR
(dev.json, test.json from github.com/wasiahmad/PolicyQA); without it the script says so.

Run: nice -n 10 .venv/bin/python bench/policyqa.py --policyqa DIR [--split test] [--sample 500]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time

from qa_sets import policyqa, policyqa_dir, right, squash
from rank_bm25 import BM25Okapi

_WORD = re.compile(r"[a-z0-9]+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--policyqa")
    parser.add_argument("--split", default="test")
    parser.add_argument("--sample", type=int, default=500, help="0: every question")
    args = parser.parse_args()
    directory = policyqa_dir(args.policyqa)
    if directory is None:
        sys.exit(0)
    sets = list(policyqa(directory, args.split))
    everything = [(qa_set, item) for qa_set in sets for item in qa_set.items]
    chosen = everything if not args.sample else random.Random(0).sample(
        everything, min(args.sample, len(everything)))
    top1 = answered = answered_right = bm25 = 0
    started = time.perf_counter()
    for qa_set in sets:
        mine = [item for owner, item in chosen if owner is qa_set]
        if not mine:
            continue
        kb = qa_set.knowledge_base()
        raw = [part for part in qa_set.text.split("\n\n") if part.strip()]
        index = BM25Okapi([_WORD.findall(text.lower()) for text in raw])
        for item in mine:
            forced = kb.assess(item.question, item.policy, threshold=0.0).answer
            top1 += right(item, forced)
            given = kb.ask(item.question, item.policy)
            if given.answered:
                answered += 1
                answered_right += right(item, given)
            scores = index.get_scores(_WORD.findall(item.question.lower()))
            best = raw[int(scores.argmax())] if len(raw) else ""
            bm25 += any(squash(gold) in squash(best) for gold in item.gold)
    total = len(chosen)
    print(f"PolicyQA {args.split}: {total} questions over {len(sets)} policies "
          f"({time.perf_counter() - started:.0f} s)")
    print(f"  top-1 contains a gold span: {top1}/{total} = {100 * top1 / total:.1f}%")
    print(f"  answered at the default threshold: {answered}/{total}, of which right "
          f"{answered_right} ({100 * answered_right / max(answered, 1):.1f}%)")
    print(f"  BM25 over paragraphs, top-1 contains a gold span: {bm25}/{total} = "
          f"{100 * bm25 / total:.1f}%")


if __name__ == "__main__":
    main()
