"""The rule files: one declarative file per language in intents/rulesets/, read and checked.

A file (`en.toml`, `de.toml`, ..., `xx.toml` for rules that read several languages at once)
holds its language's rules for the four core intents, each with:
- `id`: unique, `<language>-<intent>-<words>`; the firing report and the tests name it;
- `intent` and `weight` (how much one match counts; see classifier.py for how they add up);
- `flags`, by name: what the classifier checks around a match (FLAGS below says each);
- `triggers`: the words a match can start at, `word` for the whole word, `pref*` for any word
  that begins so; only texts holding one of them try the pattern (the classifier's speed
  rests on it). `anywhere = true` instead, for a pattern anchored at a line start;
- `pattern`: a regular expression over folded text (textnorm.fold: lower case, no accents,
  plain quotes). `<<NAME>>` stands for one of the file's `[fragments]` (or the shared ones of
  xx.toml), `<<gap:N>>` for up to N words within one sentence, `<<gap_any:N>>` for up to N
  words across sentences;
- `examples` it must match and `near_misses` it must not (at least one of each):
  tests/intents/test_rulesets.py runs them all, and checks that each example's match starts
  at one of the triggers.

Everything is validated with pydantic when the package loads the files, so a broken file
fails at once with the file and rule named, never later as a missed request.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from intents.errors import IntentsError
from intents.ruleparts import gap, gap_any

RULESETS = Path(__file__).resolve().parent / "rulesets"
SHARED = "xx"  # the file whose fragments every file may use

# Each named flag, and the letter the classifier's checks read it by.
FLAGS: dict[str, str] = {
    # The pattern carries its own negation ("I don't want any more emails"): no negation check.
    "own_negation": "n",
    # It may name an earlier request ("my access request", "Article 15"), which a chaser lifts.
    "refers_to_earlier": "r",
    # A chaser: the sender says an earlier request went unanswered.
    "chaser": "c",
    # No check for conditions ("if ...") or questions around it.
    "no_condition_check": "h",
    # Counts only after a word for personal data just before it ("my photo is on your site").
    "after_personal_data": "p",
    # Counts only after a word for marketing just before it ("the newsletter ... stop it").
    "after_marketing": "k",
    # A complaint declared in general words, which a grievance about the service undoes.
    "general_complaint": "g",
    # Gone (or going) to the regulator: a threat is read as one, not as a complaint made.
    "to_regulator": "d",
    # Counts only after a personal fact said to be wrong ("my surname is misspelt. Fix it").
    "after_wrong_fact": "f",
    # May be the description of what an erasure or correction acts on, not an access request.
    "may_describe_object": "o",
    # A misuse that asking who got the data (an access request in its sentence) undoes.
    "misuse_unless_asked": "m",
    # Mail going on ("I still get your newsletter") is a complaint only when the mail tells an
    # earlier request or opt-out of the sender's; alone it is an opt-out's reason.
    "after_asked": "a",
    # A grievance that a question asks about instead ("do you post photos without asking?",
    # not "why did you ...?"): the question accuses nobody.
    "asked_not_told": "q",
}
INTENTS = ("access", "erasure", "opt_out", "complaint")
_TOKEN = re.compile(r"<<([A-Za-z_]\w*|gap:\d+|gap_any:\d+)>>")
_TRIGGER = re.compile(r"[^\W_][\w'-]*\*?")


class RulesetError(IntentsError):
    """A rule file is missing, malformed or fails its own checks."""


class RuleSpec(BaseModel):
    """One rule as its file writes it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z]{2}-[a-z-]+[a-z0-9-]*$")
    intent: Literal["access", "erasure", "opt_out", "complaint"]
    weight: float = Field(gt=0, le=1)
    flags: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    anywhere: bool = False
    pattern: str = Field(min_length=1)
    examples: tuple[str, ...] = Field(min_length=1)
    near_misses: tuple[str, ...] = Field(min_length=1)

    @field_validator("flags")
    @classmethod
    def _known_flags(cls, flags: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [flag for flag in flags if flag not in FLAGS]
        if unknown:
            raise ValueError(f"unknown flags {unknown}; known: {sorted(FLAGS)}")
        return flags

    @field_validator("triggers")
    @classmethod
    def _plain_words(cls, triggers: tuple[str, ...]) -> tuple[str, ...]:
        for trigger in triggers:
            if not _TRIGGER.fullmatch(trigger) or trigger != trigger.lower():
                raise ValueError(f"a trigger is a folded word or word beginning: {trigger!r}")
        return triggers

    def model_post_init(self, context: object, /) -> None:
        if self.anywhere == bool(self.triggers):
            raise ValueError(f"{self.id}: give triggers, or anywhere = true, not both")


class RuleFile(BaseModel):
    """One language's file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    language: str = Field(pattern=r"^[a-z]{2}$")
    fragments: dict[str, str] = Field(default_factory=dict)
    rule: tuple[RuleSpec, ...] = Field(min_length=1)


class CompiledRule(BaseModel):
    """A rule ready to run: its expanded pattern compiled, its flags as the classifier's
    letters, its triggers split into whole words and word beginnings."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: str
    language: str
    intent: str
    weight: float
    regex: re.Pattern[str]
    flags: str
    words: frozenset[str] = frozenset()
    beginnings: frozenset[str] = frozenset()
    anywhere: bool = False
    examples: tuple[str, ...] = ()
    near_misses: tuple[str, ...] = ()


def expand(pattern: str, fragments: dict[str, str], seen: tuple[str, ...] = ()) -> str:
    """The pattern with its <<NAME>>, <<gap:N>> and <<gap_any:N>> written out."""

    def written_out(match: re.Match[str]) -> str:
        token = match.group(1)
        if token.startswith("gap:"):
            return gap(int(token[4:]))
        if token.startswith("gap_any:"):
            return gap_any(int(token[8:]))
        if token in seen:
            raise RulesetError(f"fragment {token} uses itself")
        if token not in fragments:
            raise RulesetError(f"unknown fragment <<{token}>>")
        return expand(fragments[token], fragments, (*seen, token))

    return _TOKEN.sub(written_out, pattern)


def read_file(path: Path) -> RuleFile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        ruleset = RuleFile.model_validate(data)
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise RulesetError(f"{path.name}: {exc}") from exc
    if ruleset.language != path.stem:
        raise RulesetError(f"{path.name} says language {ruleset.language!r}")
    return ruleset


def compile_file(ruleset: RuleFile, shared: dict[str, str]) -> list[CompiledRule]:
    fragments = {**shared, **ruleset.fragments}
    compiled: list[CompiledRule] = []
    for spec in ruleset.rule:
        try:
            regex = re.compile(expand(spec.pattern, fragments))
        except (re.error, RulesetError) as exc:
            raise RulesetError(f"{ruleset.language}.toml, rule {spec.id}: {exc}") from exc
        compiled.append(CompiledRule(
            id=spec.id, language=ruleset.language, intent=spec.intent, weight=spec.weight,
            regex=regex, flags="".join(FLAGS[flag] for flag in spec.flags),
            words=frozenset(t for t in spec.triggers if not t.endswith("*")),
            beginnings=frozenset(t[:-1] for t in spec.triggers if t.endswith("*")),
            anywhere=spec.anywhere, examples=spec.examples, near_misses=spec.near_misses))
    return compiled


@cache
def shared_fragment(name: str, folder: Path = RULESETS) -> str:
    """One of the shared file's fragments, written out: for patterns composed in code."""
    fragments = read_file(folder / f"{SHARED}.toml").fragments
    if name not in fragments:
        raise RulesetError(f"{SHARED}.toml has no fragment {name}")
    return expand(fragments[name], fragments)


@cache
def load_rules(folder: Path = RULESETS) -> tuple[CompiledRule, ...]:
    """Every file's rules, the shared file's last; ids unique across files."""
    paths = sorted(folder.glob("*.toml"), key=lambda p: (p.stem == SHARED, p.stem))
    if not paths:
        raise RulesetError(f"no rule files in {folder}")
    files = [read_file(path) for path in paths]
    shared = next((f.fragments for f in files if f.language == SHARED), {})
    rules = [rule for ruleset in files for rule in compile_file(ruleset, shared)]
    duplicates = sorted(i for i, n in Counter(rule.id for rule in rules).items() if n > 1)
    if duplicates:
        raise RulesetError(f"rule ids used twice: {duplicates}")
    return tuple(rules)
