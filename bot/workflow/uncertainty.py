"""Whether a ticket's classification was a close call, so its card says "check the intents".

The classifier scores every right and holds those at its threshold (0.5). A ticket opened
from a mail is worth a second look when:
- a right was held with a score under the threshold + MARGIN_ABOVE, or missed with one
  within MARGIN (below the threshold);
- the mail also reads as another right that the ticket does not cover (conflicting signals:
  the classifier noticed it, the ticket does not act on it).
A ticket whose rights a person chose (opened from triage, or changed later: its rights are
not among those the classifier held) is not flagged: a person has already looked.

The band is read off how often scores were right on mail by writers the rules were never
tuned on (bench/unseen_mail/): rights held at 0.50-0.70 were right 3 times in 10, at 0.70
or more 89 times in 93. On the mail the rules were developed on, it flags 19% of the tickets
and 16 of the 34 with a wrong set of rights. docs/triage.md has the figures.
Pure: plain values in, reasons out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from intents.classifier import THRESHOLD

MARGIN = 0.10  # below the threshold: a right missed by a hair
MARGIN_ABOVE = 0.20  # above it: held, but no surer than a coin on unseen mail


def check_intents(
    held: Iterable[str],
    scores: Mapping[str, float],
    *,
    ticket_intents: Iterable[str] | None = None,
    threshold: float = THRESHOLD,
    margin: float = MARGIN,
    margin_above: float = MARGIN_ABOVE,
) -> list[str]:
    """Why the classification of a ticket's mail is uncertain; empty when it is not.

    `held` and `scores` are the classifier's verdict on the mail (scores of every right, and
    of other rights it noticed); `ticket_intents` the rights the ticket acts on.
    """
    held_set = set(held)
    ticket = set(ticket_intents) if ticket_intents is not None else held_set
    if not ticket <= held_set | _over(scores, threshold):
        return []  # a person chose the rights
    reasons: list[str] = []
    for name, score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        if threshold - margin <= score < threshold + margin_above:
            side = "just over" if score >= threshold else "just under"
            reasons.append(f"{name.replace('_', '-')} scored {score:.2f}, {side} the "
                           f"threshold {threshold:.2f}")
    for name in sorted(_over(scores, threshold) - ticket):
        reasons.append(f"the mail also reads as {name.replace('_', '-')}, which the ticket "
                       "does not cover")
    return reasons


def _over(scores: Mapping[str, float], threshold: float) -> set[str]:
    return {name for name, score in scores.items() if score >= threshold}
