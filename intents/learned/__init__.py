"""intents.learned: a small learned reader of mail intents beside the hand rules.

A one-vs-rest logistic regression over word and character n-gram features (features.py),
fitted and calibrated on labelled mail by bench/learned_intents.py (fit.py), kept as one small
file in the package (model.py) and loaded lazily on first use, never at import time and never
from the network. `refine` is the one call a hook in the classifier would make; how the
model's scores would join the rules' intents is combine.py's. It is not wired: on unseen
sources the rules alone did better (docs/mail.md, "A learned reader beside the rules").
A model file that cannot be read is a counted failure (intents.failures), never an error.
"""

from __future__ import annotations

from collections.abc import Mapping

from intents.failures import FAILURES
from intents.learned import model as model_file
from intents.learned.combine import SUGGEST_THRESHOLD, combine_intents
from intents.learned.model import LearnedModel, ModelError, load
from intents.models import Classification, InboundMail

_state: dict[str, LearnedModel | None] = {}


def loaded_model() -> LearnedModel | None:
    """The packaged model, read on first call; None (counted once) when it is unusable."""
    if "model" not in _state:
        try:
            _state["model"] = load(model_file.MODEL_PATH)
        except ModelError as exc:
            FAILURES.record("learned_model", exc)
            _state["model"] = None
    return _state["model"]


def forget() -> None:
    """Drop the loaded model: the next use reads the file again."""
    _state.clear()


def score(text: str, subject: str = "") -> dict[str, float]:
    """Each intent's calibrated probability by the model; empty without a usable model."""
    found = loaded_model()
    return found.score(text, subject) if found is not None else {}


def learned_reading(mail: InboundMail, result: Classification) -> Classification:
    """The rules' result, with the model's scores beside them where the rules read nothing
    (in a language they read, from a person): a score is shown where the model's is higher,
    so the triage card preselects what the model reads (bot/desk/triage.best_guess) and the
    team sees why. The intents stay the rules': the model's readings of our hard negatives
    ("cancellate tutto e ricominciamo: il preventivo era sbagliato") are too often requests
    to let it open tickets or answer for the rules (docs/mail.md)."""
    if result.intents or result.needs_triage:
        return result
    _, scores = refine(mail.text, mail.subject, [], result.scores,
                       result.language_not_read, mail.auto_reply)
    return result if scores == result.scores else result.model_copy(update={"scores": scores})


def refine(text: str, subject: str, rule_intents: list[str], scores: Mapping[str, float],
           not_read: bool, auto_reply: bool,
           threshold: float = SUGGEST_THRESHOLD) -> tuple[list[str], dict[str, float]]:
    """The intents and scores after the model has been heard. The model runs only where it
    may decide (the rules found nothing in a language they read, the mail is not automatic),
    so mail the rules read costs nothing more."""
    if rule_intents or not_read or auto_reply:
        return rule_intents, dict(scores)
    learned = score(text, subject)
    chosen, _ = combine_intents(rule_intents, learned, not_read, auto_reply, threshold)
    merged = dict(scores)
    for intent, p in learned.items():
        # The model's score is shown where it is higher: the team sees why it was sure, or
        # what to check in triage.
        merged[intent] = max(merged.get(intent, 0.0), round(p, 3))
    order = list(merged)
    return sorted(chosen, key=order.index), merged
