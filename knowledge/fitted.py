"""Fitted coefficients of model.py, by bench/fit_knowledge.py; not edited by hand.

Empty until fitted: the ranker then uses model.HAND_RANK_WEIGHTS.
"""

RANK_WEIGHTS: tuple[float, ...] = (
    1.05257, 0.20920, 0.15837, 1.00167, 0.26446, 0.15134, 0.10033, 0.10797, -0.20068, 0.10413,
    -0.04983, 0.15215, 0.10742, -0.04706, 0.10644, 0.13080, 0.02909, 0.00257, -0.00679, 0.00007, 0.0, 0.0,
)
CONFIDENCE_WEIGHTS: tuple[float, ...] = (
    -1.23024, 0.28740, 0.31299, 1.91577, 0.10147, 1.17067, -0.11779, -0.07833, -0.50711,
    0.92077, 0.17106, 1.16599, 0.0, 0.0,
)
THRESHOLD = 0.4
FITTED = "2026-12-07: 2349 questions over 36 policies (the project's sets, PolicyQA dev)"
