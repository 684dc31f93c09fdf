"""A learned correction of the rules' verdicts (tried for issue 15, not shipped): features of
what the rules and the clause reader saw in a mail, and a small per-intent logistic model over
them. Used by bench/rule_correction.py; nothing in the service imports it.

The rules decide each intent at 0.5 (intents.classifier.THRESHOLD). On mail by writers the
rules were never tuned on they are right 67-78% of the time exactly, and their errors are of
a few kinds: a match the reader cancelled that was a request, a weak match that was one, a
request in a language with thin rules, words read as a request in a mail that asks nothing.
The correction reads, per intent, what the rules saw (their score, the matches they kept,
weakened and cancelled, the sentence kinds those matches stood in) and the mail's shape
(language, length, questions, forwards, quotes) and gives the probability that the intent is
asked. It is fitted by bench/rule_correction.py on mail whose rules' output is a first run
(sets the rules were not tuned on), judged leave one source out. docs/evaluation.md ("A
learned correction of the rules") has the figures and why it is not in the classifier.

`Trace` is what the rules saw (plain values); `features` turns it into one row per intent;
`Correction` is a fitted model as a classifier hook would run it. Pure: no I/O, no state.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from intents.models import CORE_INTENTS

# The languages with full rule files and clause cues; the others have thinner rules.
FULL_LANGUAGES = frozenset({"en", "es", "de", "fr", "it", "nl", "pt"})
CLAUSE_KINDS = ("request", "question", "past", "condition", "quotation", "statement")


@dataclass(frozen=True)
class Match:
    """One rule match as the classifier left it."""

    intent: str
    weight: float  # after conditions and the clause reader
    rule_weight: float
    cancelled: bool
    kind: str  # the clause kind of its sentence ("" when it has none)
    threat: bool = False
    reference: bool = False


@dataclass(frozen=True)
class Trace:
    """What the rules saw in one mail and what they decided."""

    scores: dict[str, float]
    intents: tuple[str, ...]
    matches: tuple[Match, ...] = ()
    language: str = "und"
    language_read: bool = True
    auto_reply: bool = False
    shape: str = ""  # "phishing", "vendor_notice" or ""
    sentences: int = 0
    questions: int = 0  # question marks
    words: int = 0  # distinct words
    quoted: bool = False
    forwarded: bool = False  # the intents came from a forwarded mail
    forwards: bool = False
    ignored: bool = False  # an earlier request told as ignored
    subject_read: bool = False  # the body asked nothing and the subject was read
    # The body's words (folded), which a small word model reads.
    tokens: frozenset[str] = frozenset()


def _mail_features(trace: Trace) -> list[float]:
    held = set(trace.intents) & set(CORE_INTENTS)
    return [
        float(len(held)),
        float(not held),
        float(trace.language == "en"),
        float(trace.language not in FULL_LANGUAGES),
        float(not trace.language_read),
        float(trace.auto_reply),
        float(bool(trace.shape)),
        math.log1p(trace.sentences),
        math.log1p(trace.words),
        min(1.0, trace.questions / max(1, trace.sentences)),
        float(trace.quoted),
        float(trace.forwarded),
        float(trace.forwards),
        float(trace.ignored),
        float(trace.subject_read),
    ]


MAIL_NAMES = ("n_held", "none_held", "lang_en", "lang_thin", "lang_not_read", "auto_reply",
              "shape", "log_sentences", "log_words", "question_share", "quoted", "forwarded",
              "forwards", "ignored", "subject_read")


def _intent_features(trace: Trace, intent: str) -> list[float]:
    score = trace.scores.get(intent, 0.0)
    mine = [m for m in trace.matches if m.intent == intent]
    kept = [m for m in mine if not m.cancelled and m.weight >= m.rule_weight]
    weak = [m for m in mine if not m.cancelled and m.weight < m.rule_weight]
    cancelled = [m for m in mine if m.cancelled]
    kinds = [0.0] * len(CLAUSE_KINDS)
    for m in kept:
        if m.kind in CLAUSE_KINDS:
            kinds[CLAUSE_KINDS.index(m.kind)] = 1.0
    cancelled_kinds = [0.0] * len(CLAUSE_KINDS)
    for m in cancelled:
        if m.kind in CLAUSE_KINDS:
            cancelled_kinds[CLAUSE_KINDS.index(m.kind)] = 1.0
    others = max((trace.scores.get(i, 0.0) for i in CORE_INTENTS if i != intent), default=0.0)
    return [
        score,
        float(score >= 0.5),
        float(intent in trace.intents),
        max((m.rule_weight for m in kept), default=0.0),
        math.log1p(len(kept)),
        max((m.weight for m in weak), default=0.0),
        max((m.rule_weight for m in cancelled), default=0.0),
        math.log1p(len(cancelled)),
        float(any(m.threat for m in kept)),
        float(any(m.reference for m in kept)),
        others,
        *kinds,
        *cancelled_kinds,
    ]


INTENT_NAMES = ("score", "held_score", "held", "kept_max", "log_kept", "weak_max",
                "cancelled_max", "log_cancelled", "threat", "reference", "others_max",
                *(f"kept_{k}" for k in CLAUSE_KINDS), *(f"cancelled_{k}" for k in CLAUSE_KINDS))


def features(trace: Trace, intent: str, word_logit: float | None = None) -> list[float]:
    """One row for one intent: that intent's features, then the mail's, then (when a word
    model is used) the word model's logit for the intent."""
    row = _intent_features(trace, intent) + _mail_features(trace)
    if word_logit is not None:
        row.append(word_logit / 4.0)
    return row


FEATURE_NAMES = INTENT_NAMES + MAIL_NAMES


@dataclass(frozen=True)
class WordModel:
    """A one-vs-rest logistic model over the presence of words: each word of the vocabulary
    present adds its weights, the sum divided by the square root of how many are present
    (as intents.learned.fit.rows weighs them)."""

    vocab: dict[str, int]
    weights: NDArray[np.float64]  # one row a word, one column an intent
    bias: NDArray[np.float64]

    def logits(self, tokens: Iterable[str]) -> list[float]:
        found = [i for i in map(self.vocab.get, tokens) if i is not None]
        if not found:
            return [float(b) for b in self.bias]
        rows = np.fromiter(found, dtype=np.intp, count=len(found))
        total = self.weights.take(rows, axis=0).sum(axis=0) / math.sqrt(len(found))
        return [float(v) for v in total + self.bias]


@dataclass(frozen=True)
class Correction:
    """The fitted correction: per core intent, a logistic model's coefficients over
    `features` (raw, not standardised) and the margins past which it may overrule the
    rules: an intent the rules do not hold is added at p >= add, one they hold is dropped at
    p < drop."""

    intents: tuple[str, ...]
    coef: NDArray[np.float64]  # one row an intent, one column a feature
    bias: NDArray[np.float64]
    margins: tuple[tuple[float, float], ...]
    words: WordModel
    sources: tuple[str, ...] = ()
    trained_on: int = 0

    def probabilities(self, trace: Trace) -> dict[str, float]:
        """Each core intent's probability that the mail asks for it."""
        logits = self.words.logits(trace.tokens)
        rows = np.array([features(trace, intent, logits[k])
                         for k, intent in enumerate(self.intents)])
        z = np.einsum("ij,ij->i", rows, self.coef) + self.bias
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
        return dict(zip(self.intents, (float(v) for v in p), strict=True))

    def decide(self, trace: Trace) -> tuple[set[str], dict[str, float]]:
        """(the core intents after the correction, their probabilities)."""
        p = self.probabilities(trace)
        held = set(trace.intents) & set(self.intents)
        for intent, (add, drop) in zip(self.intents, self.margins, strict=True):
            if intent not in held and p[intent] >= add:
                held.add(intent)
            elif intent in held and p[intent] < drop:
                held.discard(intent)
        return held, p
