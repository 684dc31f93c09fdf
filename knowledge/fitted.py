"""Fitted coefficients of model.py, by bench/fit_knowledge.py; not edited by hand.

Empty until fitted: the ranker then uses model.HAND_RANK_WEIGHTS.
"""

RANK_WEIGHTS: tuple[float, ...] = (
    1.02366, 0.17756, 0.12631, 1.00088, 0.25762, 0.15074, 0.10017, 0.10452, -0.20021, 0.09236,
    -0.04994, 0.15127, 0.10240, -0.05871, 0.07692, 0.11764, 0.00597, 0.00117, -0.00481,
    -0.00012, 1.36013, 0.52471,
)
CONFIDENCE_WEIGHTS: tuple[float, ...] = (
    -2.63408, -0.16043, 0.45744, 1.99476, 0.20667, 0.23226, 0.17158, 0.23882, -0.27118, 1.10546,
    0.11588, 1.18341, 1.17768, -0.71641,
)
THRESHOLD = 0.45
FITTED = "2026-12-07: 2349 questions over 36 policies (the project's sets, PolicyQA dev)"
