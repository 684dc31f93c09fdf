"""Fitting the learned intent model: a one-vs-rest logistic regression over sparse binary
features, and Platt scaling of its scores. Numpy only, full batch, a few seconds on one core.

Hand-written rather than scikit-learn: the service already depends on numpy, the model is
one matrix, and the fit is forty lines; a second heavy dependency (and scipy under it) would
be installed only to train. Run by bench/learned_intents.py, never by the service.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Floats = NDArray[np.float64]


@dataclass(frozen=True)
class Rows:
    """Feature rows as one flat index array (CSR without values: every feature is 1/sqrt(n))."""

    index: NDArray[np.int64]
    row: NDArray[np.int64]
    value: Floats
    count: int


def vocabulary(docs: Iterable[set[str]], min_df: int = 2, max_size: int = 40_000) -> list[str]:
    """The features seen in at least `min_df` documents, the most frequent `max_size` of them."""
    df: dict[str, int] = {}
    for doc in docs:
        for name in doc:
            df[name] = df.get(name, 0) + 1
    kept = [name for name, n in df.items() if n >= min_df]
    kept.sort(key=lambda name: (-df[name], name))
    return sorted(kept[:max_size])


def rows(docs: Sequence[set[str]], vocab: dict[str, int]) -> Rows:
    index: list[int] = []
    row: list[int] = []
    value: list[float] = []
    for n, doc in enumerate(docs):
        found = [vocab[name] for name in doc if name in vocab]
        weight = 1.0 / np.sqrt(len(found)) if found else 0.0
        index.extend(found)
        row.extend([n] * len(found))
        value.extend([weight] * len(found))
    return Rows(np.array(index, dtype=np.int64), np.array(row, dtype=np.int64),
                np.array(value), len(docs))


def decision(x: Rows, weights: Floats, bias: Floats) -> Floats:
    """The logits, one row per document, one column per intent."""
    out = np.tile(bias, (x.count, 1))
    if len(x.index):
        starts, rows_at = _starts(x.row)
        out[rows_at] += np.add.reduceat(weights[x.index] * x.value[:, None], starts, axis=0)
    return out


def _starts(keys: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Where each run of equal keys begins in a sorted key array, and the keys of the runs."""
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return starts, keys[starts]


def fit_logistic(x: Rows, y: Floats, size: int, l2: float = 1e-5, steps: int = 60,
                 rate: float = 0.2) -> tuple[Floats, Floats]:
    """Weights (size x intents) and biases minimising the mean log loss plus l2 |w|^2 (Adam,
    full batch; the rows are in document order, a second copy in feature order makes the
    gradient one gather and one segmented sum)."""
    intents = y.shape[1]
    weights = np.zeros((size, intents))
    bias = np.zeros(intents)
    by_feature = np.argsort(x.index, kind="stable")
    f_index, f_row, f_value = x.index[by_feature], x.row[by_feature], x.value[by_feature]
    f_starts, f_keys = _starts(f_index)
    moment = [np.zeros_like(weights), np.zeros_like(bias)]
    second = [np.zeros_like(weights), np.zeros_like(bias)]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):
        p = 1.0 / (1.0 + np.exp(-np.clip(decision(x, weights, bias), -40.0, 40.0)))
        error = (p - y) / x.count
        grad_w = 2 * l2 * weights
        if len(f_index):
            grad_w[f_keys] += np.add.reduceat(error[f_row] * f_value[:, None], f_starts, axis=0)
        grads = (grad_w, error.sum(axis=0))
        for k, (param, grad) in enumerate(zip((weights, bias), grads, strict=True)):
            moment[k] = beta1 * moment[k] + (1 - beta1) * grad
            second[k] = beta2 * second[k] + (1 - beta2) * grad * grad
            m_hat = moment[k] / (1 - beta1**step)
            v_hat = second[k] / (1 - beta2**step)
            param -= rate * m_hat / (np.sqrt(v_hat) + eps)
    return weights, bias


def fit_platt(z: Floats, y: Floats, steps: int = 50) -> tuple[float, float]:
    """(a, b) with P(y=1 | z) = sigmoid(a z + b), fitted by Newton's method with Platt's
    smoothed targets (so a perfectly separated fold does not send a to infinity)."""
    positives = float(y.sum())
    negatives = float(len(y) - positives)
    target = np.where(y > 0, (positives + 1) / (positives + 2), 1 / (negatives + 2))
    a, b = 1.0, 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(a * z + b, -40.0, 40.0)))
        g = p - target
        h = np.maximum(p * (1 - p), 1e-9)
        grad = np.array([(g * z).sum(), g.sum()])
        hess = np.array([[(h * z * z).sum(), (h * z).sum()], [(h * z).sum(), h.sum()]])
        hess += np.eye(2) * 1e-6
        delta = np.linalg.solve(hess, grad)
        a, b = a - float(delta[0]), b - float(delta[1])
        if abs(delta).max() < 1e-9:
            break
    return a, b
