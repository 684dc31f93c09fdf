"""Semantic similarity in the ranker: the features it fills in, and the base without the model.

Built on a small policy of its own (embedding it takes a moment; the seeds' embeddings are
shared by the whole session through the per-process cache).
"""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, Model, parse_policy, semantic
from knowledge.model import CONFIDENCE_FEATURES, FEATURES

POLICY = """Quillfield Books Privacy Notice

1. What we collect

When you use our reading app we collect your device's precise location to show nearby
bookshops. We collect your name and postal address when you order books.

2. Keeping your data

Order records are kept for six years for tax purposes.

3. Your rights

You can ask us for a copy of the personal data we hold about you.
"""

SEMANTIC = FEATURES.index("semantic")
HEADING_SEMANTIC = FEATURES.index("heading_semantic")


@pytest.fixture(scope="module")
def quillfield() -> KnowledgeBase:
    return KnowledgeBase.build([parse_policy(POLICY, policy_id="quill", title="Quillfield")])


def test_the_unit_nearest_in_meaning_has_the_highest_semantic_feature(
        quillfield: KnowledgeBase) -> None:
    ranked = quillfield.candidates("does the app track where I am?", "quill")
    assert ranked
    nearest = max(ranked, key=lambda row: row[0].features[SEMANTIC])
    assert "precise location" in nearest[1].answer
    assert all(-1.0 <= row[0].features[SEMANTIC] <= 1.0 for row in ranked)


def test_the_heading_feature_compares_the_question_with_the_section_path(
        quillfield: KnowledgeBase) -> None:
    ranked = quillfield.candidates("how long are order records retained?", "quill")
    by_heading = {row[2].heading: row[0].features[HEADING_SEMANTIC] for row in ranked}
    assert by_heading["Keeping your data"] == max(by_heading.values())


def test_confidence_reads_the_answers_semantic_similarity(quillfield: KnowledgeBase) -> None:
    assessment = quillfield.assess("how long are order records kept?", "quill")
    assert assessment.answer.answered
    assert "six years" in assessment.answer.answer
    features = dict(zip(CONFIDENCE_FEATURES, assessment.features, strict=True))
    assert features["semantic"] > 0.5
    assert features["semantic_gap"] >= 0.0


def test_without_the_model_package_the_base_answers_on_words_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "encoder", lambda: None)
    kb = KnowledgeBase.build([parse_policy(POLICY, policy_id="quill", title="Quillfield")])
    answer = kb.ask("how long are order records kept?", "quill")
    assert answer.answered
    assert "six years" in answer.answer
    ranked = kb.candidates("how long are order records kept?", "quill")
    assert all(row[0].features[SEMANTIC] == 0.0 for row in ranked)


def test_a_model_can_turn_semantic_similarity_off(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("the policy was embedded")

    monkeypatch.setattr(semantic, "encoder", refuse)
    kb = KnowledgeBase.build([parse_policy(POLICY, policy_id="quill", title="Quillfield")],
                             Model(semantic=False))
    assert kb.ask("how long are order records kept?", "quill").answered
