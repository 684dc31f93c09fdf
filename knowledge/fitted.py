"""Fitted coefficients of model.py, by bench/fit_knowledge.py; not edited by hand.

Empty until fitted: the ranker then uses model.HAND_RANK_WEIGHTS.
"""

RANK_WEIGHTS: tuple[float, ...] = (
    1.02256, 0.17602, 0.12555, 1.00083, 0.25704, 0.15059, 0.10011, 0.10369, -0.20029, 0.09208,
    -0.04988, 0.15110, 0.10236, -0.05826, 0.07605, 0.11662, 0.00741, 0.00086, -0.00459,
    -0.00042, 1.33578, 0.49107,
)
CONFIDENCE_WEIGHTS: tuple[float, ...] = (
    -2.35842, 0.13743, -0.07391, 1.80352, 0.22663, -0.20705, 0.17991, 0.45987, 0.37885, 0.04815,
    0.03587, 0.53578, 1.05420, -0.12527, 1.72845, 1.16944,
)
THRESHOLD = 0.4
FITTED = ("2026-12-07: 3049 questions over 46 policies (the project's sets, the ten "
          "public policies' staff questions, PolicyQA dev)")
