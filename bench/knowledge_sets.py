"""Score the project's own question sets with the shipped model, set by set.

An answerable item is right when the base answers with an expected phrase in the answer or
first quote and the expected section in its path; an abstain item when it declines
(tests/knowledge/test_eval.py's rule). Prints answered-right and declined-right apart, and
the wrong ids. QA_DEV may name the shared development set. Asserts nothing.

Run: .venv/bin/python bench/knowledge_sets.py [--hand]
"""

from __future__ import annotations

import argparse

from qa_sets import project_sets, right

from knowledge import Model
from knowledge.model import HAND_RANK_WEIGHTS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hand", action="store_true",
                        help="the hand-set weights and coverage calibration of before")
    args = parser.parse_args()
    model = Model(rank_weights=HAND_RANK_WEIGHTS, confidence_weights=(),
                  threshold=0.5) if args.hand else None
    totals = [0, 0, 0, 0]
    for qa_set in project_sets():
        kb = qa_set.knowledge_base(model)
        counts = [0, 0, 0, 0]
        wrong = []
        for item in qa_set.items:
            good = right(item, kb.ask(item.question, item.policy))
            counts[2 * item.abstain] += good
            counts[2 * item.abstain + 1] += 1
            if not good:
                wrong.append(item.question[:40])
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        print(f"{qa_set.name:8} answered right {counts[0]}/{counts[1]}, declined right "
              f"{counts[2]}/{counts[3]}, total {counts[0] + counts[2]}/{counts[1] + counts[3]}")
    print(f"all      answered right {totals[0]}/{totals[1]}, declined right {totals[2]}/{totals[3]}"
          f", total {totals[0] + totals[2]}/{totals[1] + totals[3]} = "
          f"{100 * (totals[0] + totals[2]) / (totals[1] + totals[3]):.1f}%")


if __name__ == "__main__":
    main()
