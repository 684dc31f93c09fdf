"""clause_index: finding where cues may match must never hide a match the plain pattern
finds. Checked over every mail body of the labelled sets in this folder (folded and
unwrapped as the classifier reads them) and over texts made to hold each kind of start."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from intents.clause_index import (
    TOKEN,
    Field,
    anchors,
    make_cue,
    make_field,
    plain_starts,
    trie_pattern,
)
from intents.clauses import _FIELDS, DATA_OBJECT, MARKETING_LIST, PRONOUN_REQUESTS, unwrap
from intents.textnorm import fold

HERE = Path(__file__).resolve().parent
MADE = [
    "borradlos ya, por favor", "cancellateli subito", "pouvez-vous les supprimer ?",
    "l'effacer serait bien", "loschen sie sie bitte.", "haal me daar af", "apaguem-nos",
    "get rid of them", "no more of those", "a defaut, je saisirai la cnil",
    "reserving the right to complain", "last year you sent me my file",
]


def _texts() -> list[str]:
    texts = [fold(t) for t in MADE]
    for path in sorted(HERE.glob("*_mail.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(unwrap(fold(json.loads(line)["body"])))
    return texts


TEXTS = _texts()


def test_there_are_texts_to_check() -> None:
    assert len(TEXTS) > 500


@pytest.mark.parametrize("field", [*_FIELDS, MARKETING_LIST, DATA_OBJECT],
                         ids=lambda f: f.name)
def test_a_field_gate_never_hides_a_match(field: Field) -> None:
    for text in TEXTS:
        if field.pattern.search(text):
            assert field.may_match(text, frozenset(TOKEN.findall(text))), text[:200]


def test_pronoun_requests_are_found_where_the_plain_patterns_find_them() -> None:
    for text in TEXTS:
        words = frozenset(TOKEN.findall(text))
        found = {(i, hit.start()) for i, hit in PRONOUN_REQUESTS.matches(text, words)}
        for i, cue in enumerate(PRONOUN_REQUESTS.cues):
            for hit in cue.pattern.finditer(text):
                assert (i, hit.start()) in found, (cue.pattern.pattern, text[:200])


@pytest.mark.parametrize(("pattern", "expected"), [
    ("reserve the right", ("reserve the right",)),
    ("(?:get rid of|delete) (?:them|it)", ("get rid of ", "delete ")),
    ("verifie[rz] your", ("verifie",)),
    ("e-?mail list", ()),  # one letter is no plain start
    ("(?:a|b)? words", ()),  # an optional group neither
])
def test_anchors_are_the_plain_starts(pattern: str, expected: tuple[str, ...]) -> None:
    assert anchors(pattern) == expected


def test_a_field_is_gated_by_the_longest_word_of_each_cue() -> None:
    field = make_field("t", ["if you do not reply", "(?:otherwise|failing that)"])
    assert field.gate == frozenset({"otherwise", "reply", "failing"})
    assert not field.may_match("if you do", frozenset({"if", "you", "do"}))
    assert plain_starts("otherwise") == [("otherwise", True)]
    assert make_cue("sinon").keys == frozenset({"sinon"})


def test_a_trie_pattern_finds_what_the_alternation_finds() -> None:
    words = ["bor", "borr", "borra", "cancel", "cancellar", "elimin", "x1"]
    trie = re.compile(r"\b" + trie_pattern(words))
    plain = re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")")
    for text in ["borradlos y cancellarli", "eliminadlos ya", "nada", "x1 bor borr", *TEXTS]:
        assert trie.findall(text) == plain.findall(text), text[:100]
