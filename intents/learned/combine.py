"""How the learned model's scores join the rules' intents (docs/mail.md, "A learned reader
beside the rules").

The rules decide when they find any intent. When they find none in a language they read,
the model's calibrated scores are heard: at SUGGEST_THRESHOLD (the plain decision point of a
calibrated probability) or above, what it reads is what the triage card preselects; the
mail's intents stay the rules' (intents.learned.learned_reading). Opening tickets on the
model alone would need TICKET_THRESHOLD and more evidence than there is: on the labelled
sources, at 0.9 its intents were 95 % right over all mail but 10 % on the mail where the
rules are silent; on two sets by new writers its readings at 0.5 were right 14 times in 22,
and it reads 22 of the suite's hard negatives as requests (docs/evaluation.md). Automatic
mail never gets a reading, and a language without rules is not guessed at.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

TICKET_THRESHOLD = 0.9
SUGGEST_THRESHOLD = 0.5


def combine_intents(rule_intents: Sequence[str], model: Mapping[str, float], not_read: bool,
                    auto_reply: bool,
                    threshold: float = TICKET_THRESHOLD) -> tuple[set[str], str]:
    """(intents, who decided: "rules", "model" or "none")."""
    if rule_intents:
        return set(rule_intents), "rules"
    if auto_reply or not_read:
        return set(), "none"
    chosen = {intent for intent, p in model.items() if p >= threshold}
    return chosen, "model" if chosen else "none"
