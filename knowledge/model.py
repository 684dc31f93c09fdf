"""The learned parts of answering: feature names, the ranking weights and the confidence model.

The ranker (ranking.py) describes every candidate unit by FEATURES (how much of the question
it covers, what its shape offers the question's shape, string similarity, its length and
kind); a unit's rank is the dot product with RANK_WEIGHTS. The answer's confidence is a
logistic regression over CONFIDENCE_FEATURES (base.py computes them), and the base answers
when it reaches THRESHOLD. The weights are fitted by bench/fit_knowledge.py on question sets
split by policy and written to fitted.py; HAND_RANK_WEIGHTS are the weights that were set by
hand before, kept as the fit's starting point and as the record of what it replaced.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge import fitted

FEATURES = (
    "coverage",  # share of the question's weight the unit speaks to (each concept capped)
    "score",  # BM25F-like sum over the question's concepts, per unit of question weight
    "literal",  # the question's own words (not synonyms) found in the unit
    "value",  # a value the question asks for (a time span, a phone number) found in it
    "topic",  # share of the question its section heading names
    "definition",  # "what is X?" and the unit defines X
    "list_wanted",  # "what kinds of ...?" and the unit is a list
    "label",  # a fact whose label the question names
    "no_news",  # a wh-question and the unit only repeats the question's words
    "answer_type",  # the unit holds the kind of answer asked for (a party, a purpose, ...)
    "other_party",  # "where are we ...?" and the unit names another party
    "rights",  # "can someone ask us to ...?" and the unit is about the person's rights
    "polar",  # "do we sell ...?" and the unit says what "we" do with that verb
    "too_long",  # doublings of the unit's length beyond 40 words (at most 3)
    "similarity",  # rapidfuzz token-set similarity of question and unit
    "heading_similarity",  # rapidfuzz similarity of question and section heading
    "log_length",  # log(1 + words)
    "fact",  # the unit is a table row or a "Label: value" line
    "item",  # the unit is a list item
    "list",  # the unit is a lead-in with its whole list
    "semantic",  # cosine of the question's and the unit's sentence embeddings (semantic.py)
    "heading_semantic",  # cosine of the question's and the unit's section path's embeddings
)
HAND_RANK_WEIGHTS = (1.0, 0.15, 0.1, 1.0, 0.25, 0.15, 0.1, 0.1, -0.2, 0.08, -0.05, 0.15, 0.1,
                     -0.06, 0.05, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
RANK_WEIGHTS: tuple[float, ...] = tuple(fitted.RANK_WEIGHTS) or HAND_RANK_WEIGHTS

CONFIDENCE_FEATURES = (
    "bias",
    "coverage",  # of the answer, values it holds included
    "missing",  # share of the question's weight held by its largest concept wholly absent
    "margin",  # the answer's rank minus the next unit's
    "rank",  # the answer's rank
    "fallback",  # the answer is not the best-ranked unit (that one could not answer)
    "log_length",
    "fact",
    "item",
    "list",
    "concepts",  # how many concepts the question has
    "hand_logit",  # logit of the hand-set calibration of before (base.calibrated)
    "semantic",  # the answer's semantic similarity to the question (0 without the model)
    "semantic_gap",  # the best semantic similarity among the ranked units minus the answer's
    "semantic_lead",  # the answer's semantic similarity minus the best of the other units'
    "heading_semantic",  # the answer's section path's semantic similarity to the question
)
CONFIDENCE_WEIGHTS: tuple[float, ...] = tuple(fitted.CONFIDENCE_WEIGHTS)
THRESHOLD: float = fitted.THRESHOLD


@dataclass(frozen=True)
class Model:
    """The weights a knowledge base ranks and answers by: the fitted ones unless given."""

    rank_weights: tuple[float, ...] = RANK_WEIGHTS
    confidence_weights: tuple[float, ...] = CONFIDENCE_WEIGHTS
    threshold: float = THRESHOLD
    semantic: bool = True  # embed the policies and questions, when the model is installed

    def confidence(self, values: Sequence[float]) -> float:
        """The probability that the answer is right, by the logistic regression."""
        z = sum(weight * value
                for weight, value in zip(self.confidence_weights, values, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
