"""clause_index: where cue words may match in a text, found without trying every position.

The clause reader's cues (intents/clause_cues/) are regular-expression fragments, hundreds of
them. Joined into one alternation and tried at every position of a mail they would cost more
than the rules themselves, so each cue is indexed by its plain start: the first whole words
of its options (found in a text's word set and located with str.find), the letters a word
begins with ("borr" for "borradlos", one pattern of stems), or other plain letters ("l'").
A cue is then tried only where it may start, and a whole field of cues is searched in a
sentence only when its text holds one of the field's gate words (each cue's longest plain
word, the rarest). Pure functions and frozen values; nothing here knows what a cue means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def words_pattern(parts: tuple[str, ...]) -> str:
    return r"\b(?:" + "|".join(parts) + r")\b" if parts else r"(?!x)x"


_META = frozenset("\\()[]?*+{}|.^$")


def _top_level(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    parts, depth, last = [], 0, 0
    for i, char in enumerate(pattern):
        if char == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif char == ")" and pattern[i - 1] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
    parts.append(pattern[last:])
    return parts


def _closing(option: str) -> int:
    """The index of the parenthesis closing the group that opens `option`."""
    depth = 0
    for at, char in enumerate(option):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return at
    return len(option) - 1


def plain_starts(pattern: str) -> list[tuple[str, bool]]:
    """The literal starts of a pattern's options, each with whether it is the whole option
    (then a word ends there when the option does); [] when some option has none."""
    found: list[tuple[str, bool]] = []
    for option in _top_level(pattern):
        if option.startswith("(?:"):
            end = _closing(option)
            rest = option[end + 1 :]
            inner = plain_starts(option[3:end])
            if rest[:1] in ("?", "*", "{") or not inner:
                return []
            for literal, whole in inner:
                if whole and rest.startswith(" ") and rest[1:2] not in ("?", "*", "{"):
                    literal += " "  # "(?:delete|remove) (?:them|it)": a word ends there
                found.append((literal, whole and not rest))
            continue
        length = 0
        while length < len(option) and option[length] not in _META:
            length += 1
        if option[length : length + 1] in ("?", "*", "{"):
            length -= 1
        if length < 2:
            return []
        found.append((option[:length], length == len(option)))
    return found


def anchors(pattern: str) -> tuple[str, ...]:
    """Literal words one of which any match of `pattern` contains (its leading letters, or
    those of each option of a leading group); () when there is no such plain start. A text
    holding none of them cannot match: `in` says so far faster than the engine."""
    return tuple(literal for literal, _ in plain_starts(pattern))


TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Cue:
    """A cue's pattern and what a text must hold for it to match: one of `keys` among the
    text's words (the first whole word of each anchor), else one of `anchors` in it."""

    pattern: re.Pattern[str]
    anchors: tuple[str, ...]
    keys: frozenset[str] | None

    def may_match(self, text: str, words: frozenset[str]) -> bool:
        if self.keys is not None:
            return not self.keys.isdisjoint(words)
        return not self.anchors or any(anchor in text for anchor in self.anchors)


def make_cue(pattern: str) -> Cue:
    """A cue with its anchors; keyed by their first words when each is a whole word (the
    cue is matched as whole words, so a literal that ends the cue ends a word too)."""
    found = plain_starts(pattern)
    firsts = [literal.split(" ")[0] for literal, whole in found if " " in literal or whole]
    keyed = bool(found) and len(firsts) == len(found) and all(map(TOKEN.fullmatch, firsts))
    return Cue(re.compile(words_pattern((pattern,))), tuple(literal for literal, _ in found),
                frozenset(firsts) if keyed else None)


@dataclass(frozen=True)
class CueSet:
    """Cues indexed by what opens them, so that where they may match in a text is found with
    set operations and str.find, not by trying each pattern at every position (a long
    alternation tried everywhere is what costs): by their first whole words (`keys`), by
    the letters a word opens with (`stems`, "borr" for "borradlos"), or by other plain
    letters (`literals`, "l'"); a cue with no plain start is tried everywhere (`always`)."""

    cues: tuple[Cue, ...]
    by_key: dict[str, tuple[int, ...]]
    keys: frozenset[str]
    by_stem: dict[str, tuple[int, ...]]  # with the cues of the shorter stems it begins with
    stems: re.Pattern[str] | None
    by_literal: dict[str, tuple[int, ...]]
    always: tuple[int, ...]

    def places(self, text: str, words: frozenset[str]) -> list[tuple[int, int]]:
        """(position, cue) pairs where a match of the cue may start; position -1: anywhere."""
        found: list[tuple[int, int]] = [(-1, i) for i in self.always]
        openers: list[tuple[str, tuple[int, ...]]] = [
            (key, self.by_key[key]) for key in words & self.keys]
        if self.stems is not None:
            for hit in self.stems.finditer(text):
                found.extend((hit.start(), i) for i in self.by_stem[hit.group()])
        openers.extend((literal, cues) for literal, cues in self.by_literal.items()
                       if literal in text)
        for opener, cues in openers:
            at = text.find(opener)
            while at >= 0:
                found.extend((at, i) for i in cues)
                at = text.find(opener, at + 1)
        return found

    def matches(self, text: str, words: frozenset[str]) -> list[tuple[int, re.Match[str]]]:
        """(cue, match) for each match, tried only where a cue may start."""
        found: list[tuple[int, re.Match[str]]] = []
        for at, i in self.places(text, words):
            pattern = self.cues[i].pattern
            if at < 0:
                found.extend((i, hit) for hit in pattern.finditer(text))
                continue
            hit = pattern.match(text, at)
            if hit is not None:
                found.append((i, hit))
        return found

    def may_match(self, text: str, words: frozenset[str]) -> bool:
        return bool(self.always) or not self.keys.isdisjoint(words) or (
            self.stems is not None and self.stems.search(text) is not None) or any(
            literal in text for literal in self.by_literal)


_Trie = dict[str, "_Trie"]


def trie_pattern(words: list[str]) -> str:
    """Plain words as one pattern shaped like a trie ("borr|bor" as "bor(?:r)?"), longest
    first: the engine gives up on a position after a letter or two, where an alternation of
    every word tries each one (half the time on a mail's text)."""
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        options = [re.escape(char) + emit(child) for char, child in sorted(node.items())
                   if char]
        if not options:
            return ""
        body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"


def cue_set(patterns: list[str]) -> CueSet:
    cues = tuple(make_cue(pattern) for pattern in patterns)
    by_key: dict[str, list[int]] = {}
    by_stem: dict[str, list[int]] = {}
    by_literal: dict[str, list[int]] = {}
    always: list[int] = []
    for i, cue in enumerate(cues):
        if cue.keys is not None:
            for key in cue.keys:
                by_key.setdefault(key, []).append(i)
        elif not cue.anchors:
            always.append(i)
        else:
            for anchor in cue.anchors:
                kind = by_stem if TOKEN.fullmatch(anchor) else by_literal
                kind.setdefault(anchor, []).append(i)
    # Longest first: the pattern reports the longest stem a word begins with, which stands
    # for the shorter ones it begins with too ("cancellar", "cancel").
    ordered = sorted(by_stem, key=len, reverse=True)
    closure = {stem: tuple(sorted({i for other in by_stem if stem.startswith(other)
                                   for i in by_stem[other]})) for stem in by_stem}
    return CueSet(cues, {key: tuple(found) for key, found in by_key.items()}, frozenset(by_key),
                   closure, re.compile(r"\b" + trie_pattern(ordered)) if ordered else None,
                   {literal: tuple(found) for literal, found in by_literal.items()},
                   tuple(always))


def gate_word(literal: str, whole: bool) -> str | None:
    """The longest whole word of a cue's plain start (the rarest, most likely): a text
    without it cannot hold the cue. None when the start has no whole word."""
    parts = literal.split(" ")
    complete = [part for part in (parts if whole else parts[:-1]) if TOKEN.fullmatch(part)]
    return max(complete, key=len) if complete else None


@dataclass(frozen=True)
class Field:
    """One kind of cue of every language, joined in one pattern, with what a text must hold
    for any of them to match: one of `gate` among its words (each cue's longest plain word),
    else one of the other cues' plain starts. A sentence is searched only for the fields
    its text may hold (a long alternation tried at every position is the slow part)."""

    name: str
    pattern: re.Pattern[str]
    gate: frozenset[str]
    rest: CueSet  # the cues with no whole word to gate on

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        return self.pattern.search(text, start, end)

    def may_match(self, text: str, words: frozenset[str]) -> bool:
        return not self.gate.isdisjoint(words) or self.rest.may_match(text, words)


@dataclass(frozen=True)
class ShapeCues:
    """A shape's cues, each gated by a word (its longest plain word) or, lacking one, tried
    whenever the text may hold it."""

    cues: tuple[Cue, ...]
    by_gate: dict[str, tuple[int, ...]]
    gates: frozenset[str]
    ungated: tuple[int, ...]

    def count(self, text: str, words: frozenset[str], enough: int) -> int:
        """How many different cues the text holds, counted up to `enough` (none when fewer
        than `enough` may be there: most mails end here, on set lookups alone)."""
        possible = {i for gate in words & self.gates for i in self.by_gate[gate]}
        possible.update(i for i in self.ungated if self.cues[i].may_match(text, words))
        if len(possible) < enough:
            return 0
        held = 0
        for i in sorted(possible):
            held += self.cues[i].pattern.search(text) is not None
            if held >= enough:
                break
        return held


def shape_cues(patterns: list[str]) -> ShapeCues:
    by_gate: dict[str, list[int]] = {}
    ungated: list[int] = []
    for i, pattern in enumerate(patterns):
        found = plain_starts(pattern)
        words = [gate_word(literal, whole) for literal, whole in found]
        if len(words) == 1 and words[0] is not None:
            by_gate.setdefault(words[0], []).append(i)
        else:
            ungated.append(i)
    return ShapeCues(tuple(make_cue(pattern) for pattern in patterns),
                     {gate: tuple(found) for gate, found in by_gate.items()},
                     frozenset(by_gate), tuple(ungated))


def make_field(field_name: str, parts: list[str]) -> Field:
    """The field of these cues: one joined pattern, gated (see Field)."""
    gate: set[str] = set()
    rest: list[str] = []
    for part in parts:
        found = plain_starts(part)
        gated = [gate_word(literal, whole) for literal, whole in found]
        if found and all(gated):
            gate.update(word for word in gated if word)
        else:
            rest.append(part)
    return Field(field_name, re.compile(_first_letter_check(parts) + words_pattern(tuple(parts))),
                 frozenset(gate), cue_set(rest))


def _first_letter_check(parts: list[str]) -> str:
    """A lookahead for the letters the parts' matches may begin with, when every part has a
    plain start ("" otherwise): one class test per position instead of trying each of the
    joined alternatives there, which is what a field of many languages costs."""
    firsts: set[str] = set()
    for part in parts:
        found = plain_starts(part)
        if not found:
            return ""
        firsts.update(literal[0] for literal, _ in found)
    return "(?=[" + "".join(re.escape(char) for char in sorted(firsts)) + "])" if firsts else ""

