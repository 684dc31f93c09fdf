"""The learned correction's file: what it holds, how it is checked, how it is written.

One gzipped JSON file in the package (correction.json.gz, written by
bench/rule_correction.py --write): the feature names it was fitted over (checked against
intents.learned.correction.FEATURE_NAMES, so a change of features cannot silently misread
the file), per core intent the logistic coefficients and bias and the add/drop margins, the
word model (vocabulary, float16 weights with their checksum, biases) and what it was fitted
on. Read once, on first use; never from the network. A file that fails a check raises
ModelError.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from intents.learned.correction import FEATURE_NAMES, Correction, WordModel
from intents.learned.model import ModelError

CORRECTION_PATH = Path(__file__).resolve().parent / "correction.json.gz"
FORMAT = 1
# The feature names of a row: the trace's, then the word model's logit.
ROW_NAMES = (*FEATURE_NAMES, "word_logit")


def to_json(correction: Correction) -> dict[str, Any]:
    words = correction.words
    vocab = sorted(words.vocab, key=words.vocab.__getitem__)
    raw = words.weights.astype("<f2").tobytes()
    return {"format": FORMAT, "intents": list(correction.intents), "features": list(ROW_NAMES),
            "coef": [[float(v) for v in row] for row in correction.coef],
            "bias": [float(b) for b in correction.bias],
            "margins": [list(m) for m in correction.margins],
            "words": {"vocab": vocab, "weights": base64.b64encode(raw).decode("ascii"),
                      "weights_sha256": hashlib.sha256(raw).hexdigest(),
                      "bias": [float(b) for b in words.bias]},
            "sources": list(correction.sources), "trained_on": correction.trained_on}


def save(correction: Correction, path: Path = CORRECTION_PATH) -> None:
    data = json.dumps(to_json(correction), ensure_ascii=False, separators=(",", ":"))
    path.write_bytes(gzip.compress(data.encode("utf-8"), mtime=0))


def _check(condition: bool, why: str) -> None:
    if not condition:
        raise ModelError(why)


def parse(data: Any) -> Correction:
    """A Correction from the file's JSON, every field checked."""
    _check(isinstance(data, dict), "not an object")
    _check(data.get("format") == FORMAT, f"format is not {FORMAT}")
    try:
        intents = tuple(str(i) for i in data["intents"])
        names = tuple(str(n) for n in data["features"])
        coef = np.array([[float(v) for v in row] for row in data["coef"]], dtype=np.float64)
        bias = np.array([float(b) for b in data["bias"]], dtype=np.float64)
        margins = tuple((float(a), float(d)) for a, d in data["margins"])
        words = data["words"]
        vocab = [str(v) for v in words["vocab"]]
        raw = base64.b64decode(words["weights"], validate=True)
        digest = str(words["weights_sha256"])
        word_bias = np.array([float(b) for b in words["bias"]], dtype=np.float64)
        sources = tuple(str(s) for s in data["sources"])
        trained_on = int(data["trained_on"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"bad field: {exc}") from exc
    _check(names == ROW_NAMES, "fitted over other features than this code computes")
    _check(coef.shape == (len(intents), len(names)), "coefficients are not intents x features")
    _check(len(bias) == len(margins) == len(word_bias) == len(intents),
           "one bias, one pair of margins and one word bias per intent")
    _check(all(0.0 <= drop <= 0.5 <= add for add, drop in margins),
           "a margin is on the wrong side of 0.5")
    _check(hashlib.sha256(raw).hexdigest() == digest, "word weights do not match their checksum")
    _check(len(raw) == 2 * len(vocab) * len(intents), "word weights are not vocab x intents")
    _check(len(set(vocab)) == len(vocab), "repeated word")
    weights = np.frombuffer(raw, dtype="<f2").astype(np.float64).reshape(len(vocab),
                                                                         len(intents))
    _check(bool(np.isfinite(coef).all() and np.isfinite(bias).all()
                and np.isfinite(weights).all() and np.isfinite(word_bias).all())
           and all(math.isfinite(a) and math.isfinite(d) for a, d in margins),
           "a weight is not finite")
    word_model = WordModel({word: n for n, word in enumerate(vocab)}, weights, word_bias)
    return Correction(intents, coef, bias, margins, word_model, sources, trained_on)


def load(path: Path = CORRECTION_PATH) -> Correction:
    try:
        data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"cannot read {path.name}: {exc}") from exc
    return parse(data)
