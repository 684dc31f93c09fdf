"""The words a pattern's matches can start at, read from Python's own regular-expression parser.

The rule files name their triggers; the rules that rules_rights.py composes from the rights
lexicon's parts have none written down, so their triggers are read off the parse tree that
`re` itself builds (the standard library's `re._parser`, which `re.compile` runs): a match
that opens with a word boundary and some literal letters can only start at a word beginning
with them. Whatever the walk cannot see through makes the pattern ungated (tried everywhere),
so a mistake here can cost speed, never a match.

`required` reads off the same tree the strings one of which every match contains, so that a
text holding none of them is not tried at all. There whatever the walk cannot see through
only gives no string; a string it gave wrongly would lose matches, which is why it takes
only literal runs, groups, branches that all give one and repeats done at least once
(tests/intents/test_rulesets.py, test_fast_paths.py).
"""

from __future__ import annotations

import importlib
from typing import Any

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

PREFIX_LENGTH = 6  # longer literal openings are cut to this: enough to tell words apart
MAX_STARTS = 64  # past this many openings, the pattern is tried everywhere


class _Open(Exception):
    """The pattern's openings cannot be listed."""


def _char_options(op: Any, av: Any) -> list[str] | None:
    """The letters one item matches, when it is a literal or a small class of literals."""
    if op is _c.LITERAL:
        return [chr(av)]
    if op is _c.IN and all(sub_op is _c.LITERAL for sub_op, _ in av):
        return [chr(code) for _, code in av]
    return None


def _word_ends(items: list[Any], at: int) -> bool:
    """Whether what follows position `at` surely ends the word (a boundary, a space, a
    required non-word character)."""
    if at >= len(items):
        return False
    op, av = items[at]
    if op is _c.AT:
        return bool(av is _c.AT_BOUNDARY)
    if op is _c.LITERAL:
        return chr(av) in " '-"
    if op is _c.MAX_REPEAT or op is _c.MIN_REPEAT:
        low, _, sub = av
        return bool(low >= 1) and _word_ends(list(sub), 0)
    if op is _c.IN:
        return all(sub_op is _c.CATEGORY and sub_av in (_c.CATEGORY_NOT_WORD, _c.CATEGORY_SPACE)
                   for sub_op, sub_av in av)
    return False


def _openings(items: list[Any], prefix: str = "") -> set[str]:
    """The literal openings of a sequence of parsed items: "word=" when the whole word is
    known, "pref" when only its beginning is."""
    for index, (op, av) in enumerate(items):
        if len(prefix) >= PREFIX_LENGTH:
            return {prefix[:PREFIX_LENGTH]}
        options = _char_options(op, av)
        if options is not None:
            if not all(option.isalnum() for option in options):
                break
            if len(options) > 1:
                rest = items[index + 1:]
                return set().union(*(_openings(rest, prefix + o) for o in options))
            prefix += options[0]
            continue
        if op is _c.SUBPATTERN and av[-1] is not None:
            inner = list(av[-1])
            return _openings(inner + items[index + 1:], prefix)
        if op is _c.BRANCH:
            rest = items[index + 1:]
            return set().union(*(_openings(list(branch) + rest, prefix) for branch in av[1]))
        break
    else:
        index = len(items)
    if not prefix:
        raise _Open
    whole = len(prefix) < PREFIX_LENGTH and _word_ends(items, index)
    return {prefix + "=" if whole else prefix}


def starts(pattern: str) -> frozenset[str] | None:
    """Openings ("word=" or "pref") one of which every match starts at, or None when the
    pattern does not make that plain (not opening with a word boundary and letters)."""
    try:
        tree = list(_parser.parse(pattern))
    except Exception:  # re.compile reports a bad pattern; here it is only ungated
        return None
    try:
        found = _branch_starts(tree)
    except (_Open, RecursionError):
        return None
    return frozenset(found) if len(found) <= MAX_STARTS else None


def _branch_starts(items: list[Any]) -> set[str]:
    while items and items[0][0] in (_c.ASSERT, _c.ASSERT_NOT):
        items = items[1:]  # a look-around consumes nothing: the match still starts here
    if items and items[0][0] is _c.BRANCH:
        rest = items[1:]
        return set().union(*(_branch_starts(list(branch) + rest) for branch in items[0][1][1]))
    if items and items[0][0] is _c.SUBPATTERN and items[0][1][-1] is not None:
        return _branch_starts(list(items[0][1][-1]) + items[1:])
    if not items or items[0] != (_c.AT, _c.AT_BOUNDARY):
        raise _Open
    return _openings(items[1:])


# The only non-ASCII letters that match ASCII ones when case is ignored (İ ı ſ K; a test
# checks there are no others): any other non-ASCII literal never matches ASCII text.
ASCII_FOLDING = frozenset("\u0130\u0131\u017f\u212a")


class _Never(Exception):
    """The sequence cannot match ASCII text: it holds a non-ASCII literal."""


def required(pattern: str, *, lowered: bool = False,
             ascii_text: bool = False) -> frozenset[str] | None:
    """Strings one of which every match contains, or None when the walk finds none.

    With `ascii_text`, every match in an ASCII text: alternatives that need a non-ASCII
    letter (other than ASCII_FOLDING's) are left out, as they cannot match there; empty
    when no alternative can.

    As written by default, and then the pattern must not ignore case. With `lowered`, what
    every match contains once the text is lower-cased, case ignored or not: only the
    pattern's ASCII characters count then (a non-ASCII letter may stand for an ASCII one
    when case is ignored: "ı" matches "I"), and the text's non-ASCII letters that match
    ASCII ones must be made those letters first (quotes._AS_ASCII).

    For a pattern that cannot be gated by its openings ("^\\W*(?:please\\W+)?unsubscribe"),
    a text holding none of them is not searched at all."""
    try:
        tree = _parser.parse(pattern)
    except Exception:  # re.compile reports a bad pattern; here it is only searched
        return None
    if tree.state.flags & _c.SRE_FLAG_IGNORECASE and not lowered:
        return None
    try:
        found = _required(list(tree), lowered, ascii_text)
    except RecursionError:
        return None
    except _Never:
        return frozenset()
    return frozenset(found) if found else None


def _required(items: list[Any], lowered: bool, ascii_text: bool = False) -> set[str] | None:
    """The best set of strings one of which every match of the sequence contains: from a run
    of literal letters, a group, a branch (one set per alternative, joined) or a repeat done
    at least once; None when no item gives one."""
    options: list[set[str]] = []
    run = ""
    for op, av in items:
        if ascii_text and op is _c.LITERAL and not chr(av).isascii() \
                and chr(av) not in ASCII_FOLDING:
            raise _Never
        if op is _c.LITERAL and (not lowered or chr(av).isascii()):
            run += chr(av).lower() if lowered else chr(av)
            continue
        if run:
            options.append({run})
        run = ""
        found: set[str] | None = None
        if op is _c.SUBPATTERN and av[-1] is not None and (
                lowered or not av[1] & _c.SRE_FLAG_IGNORECASE):
            found = _required(list(av[-1]), lowered, ascii_text)
        elif op is _c.BRANCH:
            branches = []
            for branch in av[1]:
                try:
                    branches.append(_required(list(branch), lowered, ascii_text))
                except _Never:  # this alternative cannot match: it needs nothing found
                    continue
            if not branches:
                raise _Never
            if all(branches):
                found = set().union(*(b for b in branches if b))
        elif (op is _c.MAX_REPEAT or op is _c.MIN_REPEAT) and av[0] >= 1:
            found = _required(list(av[2]), lowered, ascii_text)
        if found:
            options.append(found)
    if run:
        options.append({run})
    # The set whose shortest string is longest: the rarest to find in a text by chance.
    return max(options, key=lambda option: min(map(len, option)), default=None)
