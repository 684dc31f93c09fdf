"""Why each question of the staff sets is right or not: a per-question diagnostic.

Every question of the project's sets and of every writer's unseen policies (texts under
--unseen-root or UNSEEN_ROOT: first/, second_writer/, third_writer/, fourth_writer/) is asked
of the shipped model, and put in one class:

- right: the project's scoring rule (bench/qa_sets.py) at the model's threshold;
- answered-unanswerable: an unanswerable question answered;
- declined-right-first: answerable, declined, though the first answer (any confidence) is right;
- same-section: the first answer is from a section that holds a right unit, another sentence;
- other-section: a right unit is among the ranked candidates, the first answer elsewhere;
- not-candidate: no right unit among the candidates, though one exists in the policy;
- no-unit: no unit of the policy is right by the rule (parsing, or the phrase crosses units).

The last three are marked "(declined)" too when the base declined. For the answerable ones it
also gives where the first right candidate ranks. --out writes one JSON line per question.

Run: .venv/bin/python bench/diagnose_answers.py [--unseen-root DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from qa_sets import Item, QASet, every_unseen_set, project_sets, right, unit_right

from knowledge import KnowledgeBase
from knowledge.models import Policy

CLASSES = ("right", "answered-unanswerable", "declined-unanswerable-wrong",
           "declined-right-first", "same-section", "other-section", "not-candidate", "no-unit")


def source(qa_set: QASet) -> str:
    """Which group of sets a set belongs to: the project's, or a writer's unseen policies."""
    if not qa_set.name.startswith("unseen:"):
        return "project"
    name = qa_set.name.removeprefix("unseen:")
    return name.split("/")[0] if "/" in name else "first"


def right_units(item: Item, policy: Policy) -> list[tuple[int, int]]:
    """(unit number, section number) of every unit of the policy that would answer right."""
    found = []
    for number, unit in enumerate(policy.units):
        if unit.kind == "lead":
            continue
        section = policy.sections[unit.section]
        if unit_right(item, unit.answer, unit.quote, f"{section.heading} {section.path}"):
            found.append((number, unit.section))
    return found


def diagnose(kb: KnowledgeBase, item: Item) -> dict[str, object]:
    """One question's class, the first right candidate's rank and what was answered."""
    answer = kb.ask(item.question, item.policy)
    good = right(item, answer)
    first = kb.assess(item.question, item.policy, threshold=0.0).answer
    row: dict[str, object] = {"question": item.question, "right": good,
                              "answered": answer.answered, "confidence": answer.confidence,
                              "first": first.answer[:160] if first.answered else None}
    if item.abstain:
        row["class"] = "right" if good else "answered-unanswerable"
        return row
    candidates = [(ranked, unit, cite) for ranked, unit, cite
                  in kb.candidates(item.question, item.policy) if unit.kind != "lead"]
    labels = [unit_right(item, unit.answer, cite.quote, f"{cite.heading} {cite.path}")
              for _, unit, cite in candidates]
    row["gold_rank"] = labels.index(True) + 1 if any(labels) else None
    row["candidates"] = len(candidates)
    policies = [kb.policy(item.policy)] if item.policy else [kb.policy(p) for p in
                                                              kb.policy_ids()]
    exists = {(policy.id, policy.sections[section].path) for policy in policies
              for _, section in right_units(item, policy)}
    if good:
        row["class"] = "right"
    elif first.answered and right(item, first):
        row["class"] = "declined-right-first"
    else:
        cite = first.citations[0] if first.answered else (candidates[0][2] if candidates
                                                           else None)
        if not exists:
            kind = "no-unit"
        elif cite is not None and (cite.policy, cite.path) in exists:
            kind = "same-section"
        elif any(labels):
            kind = "other-section"
        else:
            kind = "not-candidate"
        row["class"] = kind + ("" if answer.answered else " (declined)")
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--unseen-root", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--no-project", action="store_true", help="the unseen sets only")
    args = parser.parse_args()
    sets = ([] if args.no_project else project_sets()) + every_unseen_set(args.unseen_root)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    ranks: dict[str, Counter[str]] = defaultdict(Counter)
    out = args.out.open("w", encoding="utf-8") if args.out else None
    for qa_set in sets:
        kb = qa_set.knowledge_base()
        group = source(qa_set)
        for item in qa_set.items:
            row = diagnose(kb, item)
            row["set"] = qa_set.name
            counts[group][str(row["class"])] += 1
            counts[group]["asked"] += 1
            if not item.abstain:
                rank = row["gold_rank"]
                ranks[group]["none" if rank is None else
                             str(rank) if isinstance(rank, int) and rank <= 3 else "4+"] += 1
            if out is not None:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if out is not None:
        out.close()
    groups = list(counts)
    kinds = sorted({kind for counter in counts.values() for kind in counter} - {"asked"},
                   key=lambda kind: (CLASSES.index(kind.split(" ")[0]), kind))
    print("| class | " + " | ".join(groups) + " |")
    print("| --- |" + " --- |" * len(groups))
    print("| asked | " + " | ".join(str(counts[g]["asked"]) for g in groups) + " |")
    for kind in kinds:
        print(f"| {kind} | " + " | ".join(str(counts[g][kind]) for g in groups) + " |")
    print("\nfirst right candidate's rank (answerable questions):")
    for kind in ("1", "2", "3", "4+", "none"):
        print(f"| {kind} | " + " | ".join(str(ranks[g][kind]) for g in groups) + " |")


if __name__ == "__main__":
    main()
