"""Semantic similarity of a question to a policy's units and to their section headings.

A knowledge base embeds (embedding.py) every unit and every section path of its policies once,
policy by policy (cached by text hash), in the index's unit order. A question is embedded when
it is ranked; the ranker's features `semantic` and `heading_semantic` are its cosine with a
unit and with the unit's section path: "can the app see where I am?" is near "We collect
your precise location" though they share no word.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from knowledge.embedding import Encoder, Vectors, cached, encoder
from knowledge.index import leans_on_context
from knowledge.models import Policy, Unit


def unit_text(unit: Unit) -> str:
    """What is embedded for a unit: a list item or a table row with its lead-in or header
    ("We share data with: payment processors"), a sentence that refers back with the sentence
    before ("Our DPO is Ann Lee. You can contact her at ..."), anything else as it reads."""
    if unit.context and not unit.answer.startswith(unit.context) and (
            unit.kind in ("item", "fact") or leans_on_context(unit)):
        return f"{unit.context} {unit.answer}"
    return unit.answer


class Semantic:
    """Unit and heading embeddings of a knowledge base's policies, by unit number."""

    def __init__(self, model: Encoder, units: Vectors, headings: Vectors,
                 heading_of: npt.NDArray[np.int32]) -> None:
        self._model = model
        self.units = units  # one row per unit, in the index's order
        self._headings = headings  # one row per section, policies one after the other
        self._heading_of = heading_of  # unit -> its section's row in _headings

    @classmethod
    def build(cls, policies: Sequence[Policy]) -> Semantic | None:
        """The policies' embeddings, or None when the model is not installed."""
        model = encoder()
        if model is None:
            return None
        units: list[Vectors] = []
        headings: list[Vectors] = []
        heading_of: list[npt.NDArray[np.int32]] = []
        offset = 0
        for policy in policies:
            texts = [unit_text(unit) for unit in policy.units]
            paths = [section.path for section in policy.sections]
            vectors = cached(model, [*texts, *paths])
            units.append(vectors[:len(texts)])
            headings.append(vectors[len(texts):])
            heading_of.append(np.array([unit.section + offset for unit in policy.units],
                                       dtype=np.int32))
            offset += len(paths)
        dimension = model.dimension
        return cls(model,
                   np.concatenate(units) if units else np.zeros((0, dimension), np.float32),
                   np.concatenate(headings) if headings else np.zeros((0, dimension),
                                                                       np.float32),
                   np.concatenate(heading_of) if heading_of else np.zeros(0, np.int32))

    def question(self, text: str) -> Vectors:
        """The question's embedding (one unit-length row); the same question asked again (of
        another policy, or by someone else) is not embedded again."""
        return _question(self._model, text)

    def similarity(self, question: Vectors, uids: npt.NDArray[np.int64]
                   ) -> tuple[Vectors, Vectors]:
        """Cosine of the question with each unit given and with each one's section path."""
        to_units: Vectors = self.units[uids] @ question
        to_headings: Vectors = self._headings[self._heading_of[uids]] @ question
        return to_units, to_headings


@lru_cache(maxsize=4096)
def _question(model: Encoder, text: str) -> Vectors:
    vector: Vectors = model.encode([text])[0]
    vector.flags.writeable = False
    return vector


def forget_questions() -> None:
    """Drop the embeddings of questions asked so far: for benchmarks."""
    _question.cache_clear()
