"""Rules for the other languages of the request templates."""

from __future__ import annotations

from intents.ruleparts import RawRule

MORE_RULES: list[RawRule] = []
