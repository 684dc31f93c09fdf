"""The rule files: every rule matches its examples where its triggers say, misses its near
misses, and a broken file is refused at load with the file and the rule named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intents.regex_starts import required, starts
from intents.rules import RULES, candidate_rules, candidate_starts
from intents.ruleset import RULESETS, CompiledRule, RulesetError, load_rules
from intents.textnorm import fold

FILE_RULES = load_rules()
_WORD = re.compile(r"\w+")


def _opens_at_trigger(rule: CompiledRule, folded: str, start: int) -> bool:
    word = _WORD.match(folded, start)
    if word is None:
        return False
    text = word.group()
    return text in rule.words or any(text.startswith(b) for b in rule.beginnings)


@pytest.mark.parametrize("rule", FILE_RULES, ids=lambda rule: rule.id)
def test_rule_matches_its_examples_at_a_trigger_and_misses_its_near_misses(
        rule: CompiledRule) -> None:
    for example in rule.examples:
        folded = fold(example)
        match = rule.regex.search(folded)
        assert match is not None, f"{rule.id} does not match its example {example!r}"
        if not rule.anywhere:
            assert any(_opens_at_trigger(rule, folded, m.start())
                       for m in rule.regex.finditer(folded)), (
                f"{rule.id}: no match of {example!r} starts at one of its triggers")
        assert any(r.id == rule.id for r in candidate_rules(folded)), rule.id
    for near_miss in rule.near_misses:
        assert rule.regex.search(fold(near_miss)) is None, (
            f"{rule.id} matches its near miss {near_miss!r}")


def test_every_language_file_loads_and_ids_are_unique() -> None:
    files = {path.stem for path in RULESETS.glob("*.toml")}
    assert {"en", "es", "fr", "de", "xx"} <= files
    assert {rule.language for rule in FILE_RULES} == files
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert len(FILE_RULES) >= 300


def test_lexicon_rules_get_triggers_from_pythons_regex_parser() -> None:
    assert starts(r"\bcop(?:y|ies)\b\W+of") == frozenset({"copy=", "copies"})
    assert starts(r"\bi(?: am|'m) complaining\b") == frozenset({"i="})
    assert starts(r"\b(?:please )?delete") is None  # optional opening: tried everywhere
    assert starts(r"(?m)^\W*stop$") is None
    assert starts(r"(?<!not )\bremove me\b") == frozenset({"remove"})
    lexicon = [rule for rule in RULES if rule.id.startswith("lexicon-")]
    assert lexicon
    assert all(rule.gate for rule in lexicon)


def test_what_every_match_contains_is_read_off_the_parse_tree() -> None:
    assert required(r"(?m)^\W*(?:please\W+)?(?:unsubscribe|stop)\W*$") == frozenset(
        {"unsubscribe", "stop"})
    assert required(r"\bno (?:more )?e-?mails?\b") == frozenset({"mail"})  # the longest
    assert required(r"(?:foo)+bar|bazz") == frozenset({"foo", "bazz"})
    assert required(r"x(?:ab|)y") == frozenset({"x"})
    assert required(r"(?:abc)?\w+") is None  # nothing every match holds
    assert required(r"(?:ab|)") is None
    assert required(r"(?i)stop") is None  # case ignored: a substring test would miss "STOP"


def test_every_example_holds_one_of_the_strings_its_rule_requires() -> None:
    checked = 0
    for rule in FILE_RULES:
        needs = required(rule.regex.pattern)
        for example in rule.examples if needs else ():
            for match in rule.regex.finditer(fold(example)):
                assert any(n in match.group() for n in needs), (rule.id, example)
                checked += 1
    assert checked > 500


def test_rules_tried_everywhere_are_left_out_only_when_they_cannot_match() -> None:
    everywhere = [rule for rule in RULES if rule.gate is None]
    assert everywhere
    for rule in everywhere:
        for example in next(r for r in FILE_RULES if r.id == rule.id).examples:
            folded = fold(example)
            assert rule.regex.search(folded) is not None
            assert any(r.id == rule.id for r, _ in candidate_starts(folded)), rule.id
        assert all(r.id != rule.id for r, _ in candidate_starts("thanks, see you soon"))


RULE = """
[[rule]]
id = "en-access-copy"
intent = "access"
weight = 0.8
triggers = ["copy"]
pattern = '''\\bcopy of my data\\b'''
examples = ["Send me a copy of my data."]
near_misses = ["A copy of the invoice."]
"""


def _folder(tmp_path: Path, text: str, name: str = "en") -> Path:
    (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_well_formed_file_loads(tmp_path: Path) -> None:
    rules = load_rules(_folder(tmp_path, 'language = "en"\n' + RULE))
    assert [r.id for r in rules] == ["en-access-copy"]
    assert rules[0].words == {"copy"}


@pytest.mark.parametrize(("change", "message"), [
    (("triggers = [\"copy\"]", "triggers = [\"copy\"]\nflags = [\"sometimes\"]"),
     "unknown flags"),
    (("triggers = [\"copy\"]", "triggers = [\"copy\"]\nanywhere = true"), "not both"),
    (("triggers = [\"copy\"]", "triggers = [\"Copy Of\"]"), "trigger"),
    (("\\bcopy of my data\\b", "\\bcopy (of"), "en-access-copy"),
    (("\\bcopy of my data\\b", "<<NOPE>>"), "unknown fragment"),
    (("examples = [\"Send me a copy of my data.\"]", "examples = []"), "examples"),
    (("intent = \"access\"", "intent = \"rectify\""), "intent"),
])
def test_a_broken_rule_is_refused_with_its_file_named(
        tmp_path: Path, change: tuple[str, str], message: str) -> None:
    text = 'language = "en"\n' + RULE.replace(*change)
    assert text != 'language = "en"\n' + RULE
    with pytest.raises(RulesetError, match=message) as caught:
        load_rules(_folder(tmp_path, text))
    assert "en.toml" in str(caught.value)


def test_a_file_naming_another_language_or_repeating_an_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RulesetError, match="says language"):
        load_rules(_folder(tmp_path, 'language = "de"\n' + RULE))
    other = tmp_path / "again"
    other.mkdir()
    _folder(other, 'language = "en"\n' + RULE)
    _folder(other, 'language = "fr"\n' + RULE.replace('"Send', '"Send'), name="fr")
    with pytest.raises(RulesetError, match="used twice"):
        load_rules(other)
    with pytest.raises(RulesetError, match="no rule files"):
        load_rules(tmp_path / "nowhere")
