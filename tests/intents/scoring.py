"""The team scorer's rule, run in-process: the same .eml rendering (score_mail.write_eml),
read back through read_message + classify, per-intent F1, macro-F1 and exact sets.

In-process so the classifier's figures do not depend on the rest of the command line
importing cleanly; tests/test_cli_classify.py covers the command itself.
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from intents import CORE_INTENTS, classify, read_message


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_mail", shared / "eval" / "score_mail.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _items(scorer: ModuleType, target: Path) -> list[dict[str, Any]]:
    """score_mail.items_from, without the file handles it leaves open."""
    if not target.is_dir():
        lines = target.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    items = []
    for path in sorted(target.glob("*__*.txt")):
        kind = path.name.split("__")[0]
        if kind in scorer.LABELS_BY_TYPE:
            items.append({"id": path.stem, "mailbox": "aimigos",
                          "from": "Sam Example <sam@example.org>",
                          "subject": "Data protection request",
                          "body": path.read_text(encoding="utf-8"),
                          "labels": scorer.LABELS_BY_TYPE[kind]})
    return items


def score(shared: Path, target: Path) -> tuple[float, float, list[str]]:
    """(macro-F1, share of exactly right sets, ids that were wrong) for a set or folder."""
    scorer = load_scorer(shared)
    items = _items(scorer, target)
    tp = dict.fromkeys(CORE_INTENTS, 0)
    fp = dict(tp)
    fn = dict(tp)
    wrong: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for n, item in enumerate(items):
            path = Path(scorer.write_eml(item, folder, n))
            got = set(classify(read_message(path.read_bytes())).intents) & set(CORE_INTENTS)
            expected = set(item["labels"]) & set(CORE_INTENTS)
            if got != expected:
                wrong.append(item["id"])
            for label in CORE_INTENTS:
                tp[label] += label in expected and label in got
                fp[label] += label in got and label not in expected
                fn[label] += label in expected and label not in got
    f1 = []
    for label in CORE_INTENTS:
        precision = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 1.0
        recall = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 1.0
        f1.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(f1) / len(f1), 1 - len(wrong) / max(1, len(items)), wrong
