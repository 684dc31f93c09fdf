"""The learned intent model's file: what it holds, how it is checked, and scoring with it.

One gzipped JSON file in the package (model.json.gz, written by bench/learned_intents.py
--write): the feature vocabulary, a weight per feature and intent (float16, base64), the
biases, each intent's Platt scaling (fitted on out-of-fold scores of unseen sources), the
ticket threshold and what it was fitted on. Read once, on first use, from the package;
never from the network. A file that fails its checks raises ModelError.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import math
from dataclasses import dataclass, field
from itertools import chain, pairwise
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from intents.learned.features import subject_words, word_features, words

MODEL_PATH = Path(__file__).resolve().parent / "model.json.gz"
FORMAT = 1
_ROWS_CACHE_SIZE = 50_000


class ModelError(ValueError):
    """The model file is missing, unreadable or inconsistent."""


def sigmoid(z: Any) -> Any:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


@dataclass(frozen=True)
class LearnedModel:
    intents: tuple[str, ...]
    vocab: dict[str, int]
    weights: NDArray[np.float32]
    bias: NDArray[np.float64]
    platt: tuple[tuple[float, float], ...]
    ticket_threshold: float
    trained_on: int
    sources: tuple[str, ...]
    # Each word seen before and the vocabulary rows of its own features (its word and
    # character n-grams): most words of a mail recur in others. Cleared when it fills up.
    _word_rows: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False,
                                                   repr=False, compare=False)

    @classmethod
    def build(cls, intents: tuple[str, ...], vocab: list[str], weights: NDArray[Any],
              bias: NDArray[Any], platt: list[tuple[float, float]], ticket_threshold: float,
              trained_on: int, sources: list[str]) -> LearnedModel:
        return cls(tuple(intents), {name: n for n, name in enumerate(vocab)},
                   weights.astype(np.float16).astype(np.float32), bias.astype(np.float64),
                   tuple(platt), ticket_threshold, trained_on, tuple(sources))

    def rows(self, text: str, subject: str = "") -> set[int]:
        """The vocabulary rows of the mail's features (features.features, those in the
        vocabulary): each word's own found once and remembered, then its pairs and the
        subject's words."""
        vocab = self.vocab
        cache = self._word_rows
        mail_words = words(text)
        for word in mail_words:
            if word not in cache:
                if len(cache) >= _ROWS_CACHE_SIZE:
                    cache.clear()
                cache[word] = tuple(i for i in map(vocab.get, word_features(word))
                                    if i is not None)
        found = set(chain.from_iterable(map(cache.__getitem__, mail_words)))
        others = [f"b:{first} {second}" for first, second in pairwise(mail_words)]
        others += ["s:" + word for word in subject_words(subject)]
        for row in map(vocab.get, others):
            if row is not None:
                found.add(row)
        return found

    def logits(self, text: str, subject: str = "") -> NDArray[np.float64]:
        found = self.rows(text, subject)
        if not found:
            return self.bias.copy()
        # The rows' weights summed in any order give the same sum: they are float16 values,
        # added exactly in float64.
        rows = np.fromiter(found, dtype=np.intp, count=len(found))
        total: NDArray[np.float64] = self.weights.take(rows, axis=0).sum(axis=0,
                                                                         dtype=np.float64)
        return total / math.sqrt(len(found)) + self.bias

    def score(self, text: str, subject: str = "") -> dict[str, float]:
        """Each intent's calibrated probability that the mail asks for it."""
        z = self.logits(text, subject)
        # All intents at once: the same arithmetic per element as one intent at a time.
        scale = np.array([a for a, _ in self.platt])
        shift = np.array([b for _, b in self.platt])
        return dict(zip(self.intents, sigmoid(scale * z + shift).tolist(), strict=True))

    def to_json(self) -> dict[str, Any]:
        vocab = sorted(self.vocab, key=self.vocab.__getitem__)
        raw = self.weights.astype("<f2").tobytes()
        return {"format": FORMAT, "intents": list(self.intents), "vocab": vocab,
                "weights": base64.b64encode(raw).decode("ascii"),
                "weights_sha256": hashlib.sha256(raw).hexdigest(),
                "bias": [float(b) for b in self.bias], "platt": [list(p) for p in self.platt],
                "ticket_threshold": self.ticket_threshold, "trained_on": self.trained_on,
                "sources": list(self.sources)}

    def save(self, path: Path) -> None:
        data = json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
        path.write_bytes(gzip.compress(data.encode("utf-8"), mtime=0))


def _check(condition: bool, why: str) -> None:
    if not condition:
        raise ModelError(why)


def parse(data: Any) -> LearnedModel:
    """A LearnedModel from the file's JSON, every field checked."""
    _check(isinstance(data, dict), "not an object")
    _check(data.get("format") == FORMAT, f"format is not {FORMAT}")
    try:
        intents = tuple(str(i) for i in data["intents"])
        vocab = [str(v) for v in data["vocab"]]
        raw = base64.b64decode(data["weights"], validate=True)
        bias = np.array([float(b) for b in data["bias"]])
        platt = tuple((float(a), float(b)) for a, b in data["platt"])
        threshold = float(data["ticket_threshold"])
        trained_on = int(data["trained_on"])
        sources = tuple(str(s) for s in data["sources"])
        digest = str(data["weights_sha256"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"bad field: {exc}") from exc
    _check(hashlib.sha256(raw).hexdigest() == digest, "weights do not match their checksum")
    _check(len(raw) == 2 * len(vocab) * len(intents), "weights are not vocab x intents")
    _check(len(set(vocab)) == len(vocab), "repeated feature")
    _check(len(bias) == len(intents) == len(platt), "one bias and one scaling per intent")
    _check(0.5 <= threshold < 1.0, "ticket threshold outside [0.5, 1)")
    weights = np.frombuffer(raw, dtype="<f2").astype(np.float32).reshape(len(vocab), len(intents))
    _check(bool(np.isfinite(weights).all()) and bool(np.isfinite(bias).all())
           and all(math.isfinite(a) and math.isfinite(b) and a > 0 for a, b in platt),
           "a weight or scaling is not finite (or a scaling is not increasing)")
    return LearnedModel(intents, {name: n for n, name in enumerate(vocab)}, weights, bias,
                        platt, threshold, trained_on, sources)


def load(path: Path = MODEL_PATH) -> LearnedModel:
    try:
        data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"cannot read {path.name}: {exc}") from exc
    return parse(data)
