"""The NumPy forward pass of all-MiniLM-L6-v2 (knowledge/embedding.py) and its caches.

The reference vectors were computed once by sentence-transformers 5 on torch 2.13 (CPU) from
the same package's files, in a separate environment: the first four of 384 dimensions of three
texts, and their cosines. The NumPy pass agreed to within 2e-7 on every dimension.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from knowledge import embedding
from knowledge.embedding import DIMENSION, Encoder, Vectors, cached, encoder
from knowledge.models import Unit
from knowledge.semantic import unit_text

REFERENCE = {
    "How long do we keep invoices?": (-0.08588, 0.05845, 0.00633, -0.01629),
    "We retain customer invoices for six years after the end of the financial year.":
        (-0.07995, 0.02253, 0.03171, 0.01585),
    "The cat sat on the mat.": (0.13024, -0.01577, -0.03672, 0.05799),
}


@pytest.fixture(scope="module")
def model() -> Encoder:
    found = encoder()
    assert found is not None, "the model package is a dependency: see the Makefile's install"
    return found


def test_matches_sentence_transformers_reference(model: Encoder) -> None:
    vectors = model.encode(list(REFERENCE))
    assert vectors.shape == (3, DIMENSION)
    assert vectors.dtype == np.float32
    for row, expected in zip(vectors, REFERENCE.values(), strict=True):
        assert np.allclose(row[:4], expected, atol=2e-5)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] == pytest.approx(0.8334, abs=1e-3)
    assert vectors[0] @ vectors[2] == pytest.approx(-0.0269, abs=1e-3)


def test_paraphrases_are_closer_than_unrelated_sentences(model: Encoder) -> None:
    question, paraphrase, unrelated = model.encode([
        "Can the app see where I am?",
        "We collect your device's precise location.",
        "Our offices are closed on bank holidays."])
    assert question @ paraphrase > question @ unrelated + 0.15


def test_a_text_embeds_the_same_alone_or_in_a_batch_of_other_lengths(model: Encoder) -> None:
    texts = ["Cookies are small files.", "We keep CVs of unsuccessful applicants for six "
             "months after the role is filled, unless you agree that we keep them longer.",
             "", "Contact us."]
    together = model.encode(texts)
    alone = np.stack([model.encode([text])[0] for text in texts])
    assert np.allclose(together, alone, atol=1e-5)
    assert model.encode([]).shape == (0, DIMENSION)


def test_long_text_is_cut_not_refused(model: Encoder) -> None:
    vector = model.encode(["data " * 1000])
    assert np.isfinite(vector).all()
    assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)


def test_cache_keeps_embeddings_in_memory_and_on_disk(
        model: Encoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedding, "_disk", [tmp_path])
    monkeypatch.setattr(embedding, "_memory", {})
    texts = ["We sell no data.", "Write to the DPO."]
    first = cached(model, texts)
    assert len(list(tmp_path.glob("*.npy"))) == 1
    assert cached(model, texts) is first  # this process's memory
    monkeypatch.setattr(embedding, "_memory", {})

    class Refuses(Encoder):
        def __init__(self) -> None:
            pass

        def encode(self, texts: Sequence[str]) -> Vectors:
            raise AssertionError("read from disk, not embedded again")

    assert np.array_equal(cached(Refuses(), texts), first)


def test_an_unusable_cache_is_only_skipped(
        model: Encoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setattr(embedding, "_disk", [blocked / "sub"])
    monkeypatch.setattr(embedding, "_memory", {})
    assert cached(model, ["A sentence."]).shape == (1, DIMENSION)


def test_a_corrupt_cache_file_is_embedded_again(
        model: Encoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedding, "_disk", [tmp_path])
    monkeypatch.setattr(embedding, "_memory", {})
    texts = ["We keep logs for 30 days."]
    expected = cached(model, texts)
    (path,) = tmp_path.glob("*.npy")
    path.write_bytes(b"garbage")
    monkeypatch.setattr(embedding, "_memory", {})
    assert np.allclose(cached(model, texts), expected)


def test_list_items_and_rows_are_embedded_with_their_lead_in() -> None:
    item = Unit(section=0, kind="item", quote="payment processors", answer="payment processors",
                context="We share your data with:")
    sentence = Unit(section=0, kind="sentence", quote="We sell nothing.",
                    answer="We sell nothing.", context="The sentence before.")
    assert unit_text(item) == "We share your data with: payment processors"
    assert unit_text(sentence) == "We sell nothing."
