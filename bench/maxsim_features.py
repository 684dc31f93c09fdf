"""Late-interaction (MaxSim) scores of every harvested candidate, for bench/ranking_features_cv.py.

The MiniLM forward pass (knowledge/embedding.py) computes one vector per word piece before
it pools them; MaxSim compares the question and a unit piece by piece: each question piece
takes its best cosine with any piece of the unit, and the score is their mean (over every
piece, and over the content pieces only: stop words and punctuation left out). The
candidates are those bench/fit_knowledge.py harvests (the same model and order), so the
scores line up with its --harvest file. An experiment, not part of answering: writes a
pickle {(set, question, policy): array candidates x 2}.

Run: .venv/bin/python bench/maxsim_features.py --unseen-root DIR OUT
"""

from __future__ import annotations

import argparse
import pickle
from collections.abc import Sequence
from pathlib import Path

import fit_knowledge
import numpy as np
from qa_sets import every_unseen_set, project_sets

import knowledge.embedding as embedding
from knowledge.semantic import unit_text

STOP = frozenset([
    "the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "is", "are", "do", "does",
    "we", "our", "us", "you", "your", "what", "which", "who", "how", "when", "where", "why",
    "can", "will", "would", "should", "be", "with", "at", "by", "it", "this", "that", "as",
    "from", "if", "any", "?", ".", ",", "'", "-", "!",
])


def piece_vectors(model: embedding.Encoder, texts: Sequence[str]
                  ) -> tuple[list[np.ndarray], list[list[int]]]:
    """Each text's unit-length word-piece vectors ([CLS] and [SEP] left out), and its ids:
    the last layer's states, read by wrapping the layer norm the forward pass ends with."""
    ids = [encoding.ids for encoding in model._tokenizer.encode_batch(list(texts))]
    found: list[np.ndarray] = []
    real = embedding._layer_norm
    for first in range(0, len(ids), 16):
        chunk = ids[first:first + 16]
        width = max(len(row) for row in chunk)
        tokens = np.zeros((len(chunk), width), dtype=np.int64)
        mask = np.zeros((len(chunk), width), dtype=np.float32)
        for line, row in enumerate(chunk):
            tokens[line, :len(row)], mask[line, :len(row)] = row, 1.0
        last: dict[str, np.ndarray] = {}

        def keep(x: np.ndarray, weight: np.ndarray, bias: np.ndarray,
                 last: dict[str, np.ndarray] = last) -> np.ndarray:
            last["x"] = real(x, weight, bias)
            return last["x"]

        embedding._layer_norm = keep  # type: ignore[assignment]
        try:
            model._forward(tokens, mask)
        finally:
            embedding._layer_norm = real
        states = last["x"][:len(chunk) * width].reshape(len(chunk), width, -1)
        for line, row in enumerate(chunk):
            vectors = states[line, 1:len(row) - 1].astype(np.float64)
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
            found.append(vectors)
    return found, ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--unseen-root", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    model = embedding.encoder()
    assert model is not None, "the embedding model is not installed"
    pieces: dict[str, np.ndarray] = {}
    out: dict[tuple[str, str, str | None], np.ndarray] = {}
    for qa_set in project_sets() + every_unseen_set(args.unseen_root):
        kb = qa_set.knowledge_base(fit_knowledge.HARVEST)
        asked = [(item, [unit for _, unit, _ in kb.candidates(item.question, item.policy)
                         if unit.kind != "lead"]) for item in qa_set.items]
        todo = sorted({unit_text(unit) for _, units in asked for unit in units} - set(pieces))
        pieces.update(zip(todo, piece_vectors(model, todo)[0], strict=True))
        questions, ids = piece_vectors(model, [item.question for item, _ in asked])
        for (item, units), question, row in zip(asked, questions, ids, strict=True):
            content = np.array([model._tokenizer.id_to_token(i) not in STOP for i in row[1:-1]],
                               dtype=bool)
            scores = []
            for unit in units:
                best = (question @ pieces[unit_text(unit)].T).max(axis=1)
                scores.append((best.mean(), best[content].mean() if content.any() else 0.0))
            out[(qa_set.name, item.question, item.policy)] = np.array(scores).reshape(-1, 2)
        print(qa_set.name, len(pieces), flush=True)
    args.out.write_bytes(pickle.dumps(out))


if __name__ == "__main__":
    main()
