"""Would quoting the answer's neighbour too recover the same-section misses? (issue 12, tried)

Each staff question (the project's sets and every writer's unseen policies, --unseen-root)
is asked of the shipped model. For an answered sentence or item, its neighbours in the same
section (the unit before and after, of the same kind) are looked up among the ranked
candidates: the rule tried quotes the answer with the neighbour (in the policy's order) when
the neighbour is ranked within `margin` of the answer and among the first `place`
candidates. Prints, for a grid of (margin, place), right answers / answers lengthened /
answers made right per source, then the same chosen on nine folds of policies and scored on
the tenth, each lengthened answer costing `--cost` of a question.

Run: .venv/bin/python bench/span_neighbour_cv.py --unseen-root DIR [--cost 0.1]
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from pathlib import Path

from qa_sets import every_unseen_set, project_sets, right, unit_right

GRID = [(margin, place) for margin in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 1e9)
        for place in (1, 2, 3)]


@dataclass
class Asked:
    source: str
    group: str
    abstain: bool
    answered: bool
    right: bool
    # (rank margin to the answer, place among the candidates, right when quoted together)
    neighbours: list[tuple[float, int, bool]] = field(default_factory=list)


def source(name: str) -> str:
    if not name.startswith("unseen:"):
        return "project"
    rest = name.removeprefix("unseen:")
    return rest.split("/")[0] if "/" in rest else "first"


def harvest(root: Path | None) -> list[Asked]:
    found = []
    for qa_set in project_sets() + every_unseen_set(root):
        kb = qa_set.knowledge_base()
        for item in qa_set.items:
            answer = kb.ask(item.question, item.policy)
            asked = Asked(source(qa_set.name), item.group, item.abstain, answer.answered,
                          right(item, answer))
            found.append(asked)
            if not answer.answered:
                continue
            first = answer.citations[0]
            ranked = [(r, u) for r, u, c in kb.candidates(item.question, item.policy)
                      if u.kind != "lead"]
            top = next((r for r, u in ranked if u.answer == answer.answer), None)
            if top is None:
                continue
            ref = kb._index.refs[top.uid]
            units = kb.policy(kb.policy_ids()[ref.policy]).units
            here = units[ref.unit]
            for step in (-1, 1):
                number = ref.unit + step
                if not 0 <= number < len(units) or units[number].section != here.section \
                        or units[number].kind != here.kind:
                    continue
                place = next((n for n, (r, _) in enumerate(ranked) if r.uid == top.uid + step),
                             None)
                if place is None:
                    continue
                pair = (units[number], here) if step < 0 else (here, units[number])
                good = unit_right(item, " ".join(u.answer for u in pair),
                                  " ".join(u.quote for u in pair),
                                  f"{first.heading} {first.path}")
                asked.neighbours.append((top.rank - ranked[place][0].rank, place, good))
    return found


def score(rows: list[Asked], margin: float, place: int) -> tuple[int, int, int]:
    """Right, lengthened, made right."""
    ok = longer = gained = 0
    for row in rows:
        if not row.answered:
            ok += row.abstain
            continue
        near = [n for n in row.neighbours if n[0] <= margin and n[1] <= place]
        if not near:
            ok += row.right
            continue
        good = min(near)[2] or row.right
        longer += 1
        ok += good
        gained += good and not row.right
    return ok, longer, gained


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--unseen-root", type=Path)
    parser.add_argument("--cost", type=float, default=0.1)
    args = parser.parse_args()
    rows = harvest(args.unseen_root)
    sources = sorted({row.source for row in rows})
    for margin, place in GRID:
        print(f"margin {margin:g} place {place}: " + ", ".join(
            f"{name} {score([r for r in rows if r.source == name], margin, place)}"
            for name in sources))
    groups = sorted({row.group for row in rows})
    random.Random(2).shuffle(groups)
    fold = {group: number % 10 for number, group in enumerate(groups)}
    totals = {name: [0, 0, 0] for name in sources}
    for held in range(10):
        train = [row for row in rows if fold[row.group] != held]
        best = max(GRID, key=lambda g: (lambda s: s[0] - args.cost * s[1])(score(train, *g)))
        for row in rows:
            if fold[row.group] == held:
                for column, value in enumerate(score([row], *best)):
                    totals[row.source][column] += value
    print(f"held out, each lengthened answer costing {args.cost}: "
          + ", ".join(f"{name} {tuple(values)}" for name, values in totals.items()))


if __name__ == "__main__":
    main()
