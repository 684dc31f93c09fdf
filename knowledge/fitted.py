"""Fitted coefficients of model.py, by bench/fit_knowledge.py; not edited by hand.

Empty until fitted: the ranker then uses model.HAND_RANK_WEIGHTS.
"""

RANK_WEIGHTS: tuple[float, ...] = (
    1.06856, 0.22713, 0.17448, 1.00160, 0.26655, 0.15133, 0.10032, 0.10775, -0.20060, 0.10399,
    -0.04985, 0.15247, 0.10936, -0.04542, 0.07099, 0.10401, 0.03571, 0.00167, -0.00752, 0.00058,
)
CONFIDENCE_WEIGHTS: tuple[float, ...] = (
    -1.35080, 0.33386, 0.47637, 2.02842, 0.10935, 0.98747, -0.19400, -0.15259, -0.57403,
    0.83698, 0.23703, 1.21361,
)
THRESHOLD = 0.4
FITTED = "2026-12-07: 2349 questions over 36 policies (the project's sets, PolicyQA dev)"
