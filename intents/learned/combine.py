"""How the learned model's scores would join the rules' intents: the best combination
measured, which still lost to the rules alone on unseen sources, so `classify` does not use
it (docs/mail.md, "A learned reader beside the rules").

The rules decide when they find any intent. When they find none in a language they read,
the model may name the core intents it is sure of: calibrated probability at or above
TICKET_THRESHOLD (read from the reliability table of unseen sources: at 0.9 its intents
were 95 % right over all mail, but 10 % right on the mail where the rules are silent, which
is why this is not wired); below that the mail stays with the team in triage. Automatic mail never
gets intents, and a language without rules is not guessed at (no labelled mail to measure
the model on).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

TICKET_THRESHOLD = 0.9


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
