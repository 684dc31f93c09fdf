"""Spanish, French and German rules."""

from __future__ import annotations

from intents.ruleparts import RawRule

EU_RULES: list[RawRule] = []
