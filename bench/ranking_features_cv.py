"""Cross-validated comparison of ranking methods on harvested candidates (issue 12, 2026-12-07).

Reads the candidates bench/fit_knowledge.py harvested (`--harvest FILE`, made with every
writer's unseen policies: `--unseen-root`) and, optionally, the late-interaction scores of
bench/maxsim_features.py. Every figure is held-out top-1 (the first-ranked candidate is
right) per source, each question scored by weights fitted on the other folds (folds split by
policy, as the harvest's). Methods:

- add NAMES: the ranking refitted with the named features added (listwise softmax, L2
  towards the hand weights, the new ones pulled weakly), at L2 10 and 30;
- nudge NAMES: the baseline's fold weights plus a fixed weight on one feature (a grid);
- section: a second-stage selector within the first-ranked unit's section (a listwise model
  over the section's candidates, fitted on the sections that hold a right unit).

The second-stage features (semantic_behind, section_semantic_lead, section_coverage_lead,
own_words, section_first) were computed by knowledge/ranking.py at commit 202a38b (a harvest
made there has them; they were not kept);
maxsim, maxsim_content (content word pieces only) and their "_behind" forms (minus the best
candidate's) come from the MaxSim file.

Run: .venv/bin/python bench/ranking_features_cv.py HARVEST [--maxsim FILE] add maxsim ...
"""

from __future__ import annotations

import argparse
import pickle
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from knowledge.model import FEATURES, HAND_RANK_WEIGHTS

SECOND_STAGE = ("semantic_behind", "section_semantic_lead", "section_coverage_lead",
                "own_words", "section_first")
MAXSIM = ("maxsim", "maxsim_content", "maxsim_behind", "maxsim_content_behind")
# The second-stage features are no longer computed by knowledge/ranking.py (not kept): a
# harvest made without them gets zero columns in their place.
NAMES = (*FEATURES, *(name for name in SECOND_STAGE if name not in FEATURES), *MAXSIM)
WIDTH = len(NAMES) - len(MAXSIM)
WEAK = [NAMES.index(name) for name in ("semantic", "heading_semantic", *SECOND_STAGE, *MAXSIM)]
HEADING = NAMES.index("heading_semantic")

Row = tuple[str, int, np.ndarray, np.ndarray]  # source, fold, features, labels


def source(set_name: str) -> str:
    if not set_name.startswith("unseen:"):
        return "project"
    name = set_name.removeprefix("unseen:")
    return name.split("/")[0] if "/" in name else "first"


def load(harvest: Path, maxsim: Path | None) -> list[Row]:
    kept = pickle.loads(harvest.read_bytes())
    scores = pickle.loads(maxsim.read_bytes()) if maxsim else {}
    rows = []
    for key, fold, features, labels in kept:
        extra = np.zeros((len(features), len(MAXSIM)))
        found = scores.get(key)
        if found is not None and len(features):
            extra[:, :2] = found
            extra[:, 2:] = found - found.max(axis=0)
        padded = np.zeros((len(features), WIDTH))
        padded[:, :features.shape[1]] = features
        rows.append((source(key[0]), fold, np.hstack([padded, extra]), labels))
    return rows


def masked(features: np.ndarray, columns: Sequence[int]) -> np.ndarray:
    out = np.zeros_like(features)
    out[..., list(columns)] = features[..., list(columns)]
    return out


def fit(rows: list[Row], columns: Sequence[int], l2: float, prior: np.ndarray | None = None,
        weak: float = 0.01, steps: int = 400) -> np.ndarray:
    """Listwise softmax over each question's candidates (the right ones its target), Adam,
    L2 towards `prior` (the hand weights), WEAK features pulled `weak` times as hard."""
    usable = [(f, y) for _, _, f, y in rows if y.any() and not y.all()]
    width = max(len(y) for _, y in usable)
    x = np.zeros((len(usable), width, len(NAMES)))
    target = np.zeros((len(usable), width))
    mask = np.zeros((len(usable), width), dtype=bool)
    for row, (f, y) in enumerate(usable):
        x[row, :len(y)], target[row, :len(y)], mask[row, :len(y)] = masked(f, columns), y, True
    start = (np.array([*HAND_RANK_WEIGHTS, *[0.0] * (len(NAMES) - len(HAND_RANK_WEIGHTS))])
             if prior is None else prior)
    pull = np.where(np.isin(np.arange(len(NAMES)), WEAK), weak * l2, l2)
    w, m, v = start.copy(), np.zeros(len(NAMES)), np.zeros(len(NAMES))
    for step in range(1, steps + 1):
        z = np.where(mask, x @ w, -np.inf)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        q = p * target
        q /= q.sum(axis=1, keepdims=True)
        grad = np.einsum("qc,qcf->f", p - q, x) / len(usable) + pull * (w - start)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        w -= 0.05 * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def held_out(rows: list[Row], choose: dict[int, object], pick: object) -> dict[str, int]:
    """Right first answers per source, each question by its fold's chooser."""
    out: dict[str, int] = {}
    for name, fold, features, labels in rows:
        out.setdefault(name, 0)
        if len(labels):
            out[name] += bool(labels[pick(features, choose[fold])])  # type: ignore[operator]
    return out


def report(title: str, found: dict[str, int]) -> None:
    unseen = sum(value for name, value in found.items() if name != "project")
    print(f"{title}: " + ", ".join(f"{name} {value}" for name, value in found.items())
          + f"; unseen together {unseen}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("harvest", type=Path)
    parser.add_argument("--maxsim", type=Path)
    parser.add_argument("method", choices=("add", "nudge", "section"))
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    rows = load(args.harvest, args.maxsim)
    folds = sorted({fold for _, fold, _, _ in rows})
    base = [i for i, name in enumerate(NAMES) if name in FEATURES and name not in SECOND_STAGE]
    baseline = {fold: fit([r for r in rows if r[1] != fold], base, 30.0) for fold in folds}

    def first(features: np.ndarray, w: np.ndarray) -> int:
        return int(np.argmax(masked(features, base) @ w))

    report("baseline (L2 30)", held_out(rows, dict(baseline.items()), first))
    if args.method == "add":
        for names in args.names:
            columns = base + [NAMES.index(name) for name in names.split(",")]
            for l2 in (10.0, 30.0):
                weights = {fold: fit([r for r in rows if r[1] != fold], columns, l2)
                           for fold in folds}
                report(f"add {names} L2 {l2}", held_out(
                    rows, dict(weights.items()),
                    lambda f, w, c=columns: int(np.argmax(masked(f, c) @ w))))
    elif args.method == "nudge":
        for name in args.names:
            column = NAMES.index(name)
            for value in (-0.3, -0.1, 0.1, 0.2, 0.3, 0.5, 1.0):
                report(f"nudge {name} {value:+}", held_out(
                    rows, dict(baseline.items()),
                    lambda f, w, j=column, a=value: int(np.argmax(
                        masked(f, base) @ w + a * f[:, j]))))
    else:
        every = list(range(len(NAMES)))
        for l2 in (0.001, 0.01, 0.1):
            second = {fold: fit_sections([r for r in rows if r[1] != fold], l2)
                      for fold in folds}

            def within(features: np.ndarray, fold_weights: tuple[np.ndarray, np.ndarray]
                       ) -> int:
                top = first(features, fold_weights[0])
                keys = np.round(features[:, HEADING], 5)  # a section's units share its path
                same = np.flatnonzero(keys == keys[top])
                return int(same[np.argmax(masked(features[same], every) @ fold_weights[1])])

            report(f"section selector L2 {l2}", held_out(
                rows, {fold: (baseline[fold], second[fold]) for fold in folds}, within))


def fit_sections(rows: list[Row], l2: float) -> np.ndarray:
    """The second stage: a listwise model over the candidates of each section that holds a
    right unit and a wrong one (every feature; L2 towards 0)."""
    parts = []
    for _, _, features, labels in rows:
        if not len(labels) or not labels.any():
            continue
        keys = np.round(features[:, HEADING], 5)
        for key in np.unique(keys[labels > 0]):
            same = keys == key
            if same.sum() > 1 and not labels[same].all():
                parts.append((_, 0, features[same], labels[same]))
    return fit(parts, list(range(len(NAMES))), l2, prior=np.zeros(len(NAMES)), weak=1.0,
               steps=600)


if __name__ == "__main__":
    main()
