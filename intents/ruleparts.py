"""Building blocks shared by the rule lexicons (patterns over folded text)."""

from __future__ import annotations

# Word separators inside one sentence: a full stop only inside "Art. 17", "e.g", "3.5".
_SEP = r"(?:[^\w.!?\n]|\.(?=\s?\d)|\.(?=\w))+"


def gap(n: int) -> str:
    """Up to n words between two parts of a pattern, within one sentence (no ". ! ?" or line
    break between them); lazy and bounded, so no runaway backtracking."""
    return rf"(?:{_SEP}\w+){{0,{n}}}?{_SEP}"


def gap_any(n: int) -> str:
    """Up to n words between two parts, across sentences: for discourse-level links such as
    "why do I keep getting your emails?? I unsubscribed ages ago"."""
    return rf"(?:\W+\w+){{0,{n}}}?\W+"


# A raw rule: (intent, weight, pattern, flags); see rules.py for the flags.
RawRule = tuple[str, float, str, str]
