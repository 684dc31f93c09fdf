"""Fitted coefficients of model.py, written by bench/fit_knowledge.py: do not edit by hand.

Empty until fitted: the ranker then uses model.HAND_RANK_WEIGHTS.
"""

RANK_WEIGHTS: tuple[float, ...] = ()
CONFIDENCE_WEIGHTS: tuple[float, ...] = ()
THRESHOLD = 0.5
FITTED = ""  # what the weights were fitted and chosen on, and when
