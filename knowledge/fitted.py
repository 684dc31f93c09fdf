"""Fitted coefficients of model.py, written by bench/fit_knowledge.py (--write), not by hand.

Empty until fitted: the ranker then uses model.HAND_RANK_WEIGHTS.
"""

# The ranking's weights are the earlier fit's (2,349 questions over 36 policies): refitted with
# the ten policies' questions they changed by under 0.04 each, cost one question of the
# development set and changed nothing on two later writers' policies.
RANK_WEIGHTS: tuple[float, ...] = (
    1.02365, 0.17755, 0.12630, 1.00088, 0.25762, 0.15074, 0.10017, 0.10452, -0.20020, 0.09239,
    -0.04994, 0.15128, 0.10241, -0.05871, 0.07694, 0.11764, 0.00599, 0.00117, -0.00479,
    -0.00011, 1.35747, 0.52451,
)
CONFIDENCE_WEIGHTS: tuple[float, ...] = (
    -2.35842, 0.13743, -0.07391, 1.80352, 0.22663, -0.20705, 0.17991, 0.45987, 0.37885, 0.04815,
    0.03587, 0.53578, 1.05420, -0.12527, 1.72845, 1.16944,
)
THRESHOLD = 0.4
FITTED = ("2026-12-07: 3049 questions over 46 policies (the project's sets, the ten "
          "public policies' staff questions, PolicyQA dev)")
