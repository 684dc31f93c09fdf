"""Fitted coefficients of model.py, by bench/fit_knowledge.py; not edited by hand.

Empty until fitted: the ranker then uses model.HAND_RANK_WEIGHTS.
"""

RANK_WEIGHTS: tuple[float, ...] = (
    1.02365, 0.17755, 0.12630, 1.00088, 0.25762, 0.15074, 0.10017, 0.10452, -0.20020, 0.09239,
    -0.04994, 0.15128, 0.10241, -0.05871, 0.07694, 0.11764, 0.00599, 0.00117, -0.00479,
    -0.00011, 1.35747, 0.52451,
)
CONFIDENCE_WEIGHTS: tuple[float, ...] = (
    -2.56626, -0.19967, 0.47347, 1.90983, 0.26081, 0.20098, 0.16871, 0.19567, -0.31520, 1.08585,
    0.10649, 1.18548, 1.11727, -0.86249,
)
THRESHOLD = 0.45
FITTED = "2026-12-07: 2349 questions over 36 policies (the project's sets, PolicyQA dev)"
