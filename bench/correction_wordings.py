"""A pytest plugin that keeps every mail the intents tests classify, with the rules' reading.

The tests' hand-written wordings (tests/intents/test_*.py: mechanisms, near misses, hard
negatives in many languages) encode the conventions the rules follow, and every one of them
passes with the rules alone; so the rules' core intents on them are their labels. The
learned correction (bench/rule_correction.py --wordings FILE) trains on them as a tuned
source, so it learns where the rules' conventions hold. Run:

  PYTHONPATH=.:bench .venv/bin/python -m pytest -q -p correction_wordings \
      tests/intents/test_wordings.py tests/intents/test_clauses.py ...

with CORRECTION_WORDINGS=FILE (JSON lines of the InboundMail and the rules' core intents).
"""

from __future__ import annotations

import json
import os
from typing import Any

import intents
import intents.classifier
from intents.models import CORE_INTENTS, Classification, InboundMail

_plain = intents.classifier.classify
_seen: dict[str, list[str]] = {}


def _recording(mail: InboundMail) -> Classification:
    result = _plain(mail)
    if not mail.auto_reply:
        _seen[mail.model_dump_json()] = [i for i in result.intents if i in CORE_INTENTS]
    return result


intents.classify = _recording
intents.classifier.classify = _recording


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    path = os.environ.get("CORRECTION_WORDINGS")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            for mail, labels in _seen.items():
                out.write(json.dumps({"mail": json.loads(mail), "labels": labels}) + "\n")
