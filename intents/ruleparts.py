"""Building blocks shared by the rule lexicons (patterns over folded text)."""

from __future__ import annotations


def gap(n: int) -> str:
    """Up to n words between two parts of a pattern (lazy and bounded: no runaway backtracking)."""
    return rf"(?:\W+\w+){{0,{n}}}?\W+"


# A raw rule: (intent, weight, pattern, flags); see rules.py for the flags.
RawRule = tuple[str, float, str, str]
