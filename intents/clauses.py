"""clauses: a mail's own words read sentence by sentence, as a person reads a letter.

The rules (rules*.py) find requests by their words; a person also sees what kind of
sentence the words are in. This module reads the folded text (textnorm.fold) and says:

- where the sentences are once hard line breaks are undone: a letter wrapped at 72 columns
  reads as whole sentences (`unwrap`), while list items, form fields and short lines
  (greetings, signatures) keep their breaks. The result has the input's length, so every
  position still points at the same character of the original;
- what each sentence is (`Clause.kind`): a request, a question, a description of the past
  ("last year you sent me my file"), a condition or threat ("otherwise I will complain to
  the ICO", "je me reserve le droit de saisir la CNIL"), boilerplate (a legal footer), or a
  plain statement; and what the whole text is shaped as when it is no one's request
  (`Reading.shape`: phishing, a vendor's incident notice);
- what a pronoun object stands for ("Your newsletters arrive daily. Can you get rid of
  them?"): the request is rewritten with the noun the previous sentence named, in words the
  rules read (`Resolution`).

`verdict` then says what the clause does to one rule match. The classifier asks it at one
point (classifier._read_clauses). The cue words are data, one file a language
(intents/clause_cues/); all languages' cues are joined, so a mail whose language was guessed
wrong is still read.

Threats and complaints, by the labelled sets' convention: a declared intention to go to the
regulator counts as a complaint even on a condition ("if I have no answer by Friday I will
complain to the ICO", "a defaut, je saisirai la CNIL"); a reservation of the right to do so
("I reserve the right to lodge a complaint", "reserving the right to complain") asks
nothing yet and is weak. Both read the same in every language.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from intents.clause_cues import ALL, ClauseCues

ClauseKind = Literal["request", "question", "past", "condition", "quotation", "statement"]
Verdict = Literal["keep", "cancel", "weak", "threat", "opt_out"]
Shape = Literal["", "phishing", "vendor_notice"]

# A line at least this long that runs on into the next one was wrapped by the mail client.
WRAP_MIN = 45
# How far after an erasure's verb its object, a marketing list, may be named.
LIST_REACH = 40
# A shape needs this many different cues (one "click here" makes no phishing mail).
SHAPE_CUES = 2
# What the rules read for a resolved pronoun request: (action, noun class) -> request.
CANONICAL: dict[tuple[str, str], str] = {
    ("remove", "marketing"): "please unsubscribe me from your marketing emails",
    ("remove", "data"): "please delete my personal data",
    ("remove", "account"): "please delete my account",
    ("send", "data"): "please send me a copy of my personal data",
}
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+>\u2022\u00b7]|\d{1,2}[.)]|[a-z][.)]|\(\w{1,3}\))\s")
_FIELD = re.compile(r"[ \t]*[^\W\d_][\w ./'-]{0,30}:(?:\s|$)")
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"')\]]|$)|\n")


def _words(parts: tuple[str, ...]) -> str:
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


def _anchors(pattern: str) -> list[tuple[str, bool]]:
    """The literal starts of a pattern's options, each with whether it is the whole option
    (then a word ends there when the option does); [] when some option has none."""
    found: list[tuple[str, bool]] = []
    for option in _top_level(pattern):
        if option.startswith("(?:"):
            end = _closing(option)
            rest = option[end + 1 :]
            inner = _anchors(option[3:end])
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
    return tuple(literal for literal, _ in _anchors(pattern))


_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class _Cue:
    """A cue's pattern and what a text must hold for it to match: one of `keys` among the
    text's words (the first whole word of each anchor), else one of `anchors` in it."""

    pattern: re.Pattern[str]
    anchors: tuple[str, ...]
    keys: frozenset[str] | None

    def may_match(self, text: str, words: frozenset[str]) -> bool:
        if self.keys is not None:
            return not self.keys.isdisjoint(words)
        return not self.anchors or any(anchor in text for anchor in self.anchors)

    def search(self, text: str, words: frozenset[str]) -> bool:
        return self.may_match(text, words) and self.pattern.search(text) is not None


def _cue(pattern: str) -> _Cue:
    """A cue with its anchors; keyed by their first words when each is a whole word (the
    cue is matched as whole words, so a literal that ends the cue ends a word too)."""
    found = _anchors(pattern)
    firsts = [literal.split(" ")[0] for literal, whole in found if " " in literal or whole]
    keyed = bool(found) and len(firsts) == len(found) and all(map(_TOKEN.fullmatch, firsts))
    return _Cue(re.compile(_words((pattern,))), tuple(literal for literal, _ in found),
                frozenset(firsts) if keyed else None)


@dataclass(frozen=True)
class _Field:
    """One kind of cue of every language, joined in one pattern, with what a text must hold
    for any of them to match (so a sentence's kind is read only from the fields its text
    may hold: a long alternation tried at every position is the slow part)."""

    name: str
    pattern: re.Pattern[str]
    keys: frozenset[str]
    anchors: re.Pattern[str] | None  # the anchors that are no whole word, as one pattern
    always: bool

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        return self.pattern.search(text, start, end)

    def may_match(self, text: str, words: frozenset[str]) -> bool:
        return (self.always or not self.keys.isdisjoint(words)
                or (self.anchors is not None and self.anchors.search(text) is not None))


def _joined(field_name: str) -> _Field:
    parts: list[str] = []
    for cues in ALL:
        parts.extend(getattr(cues, field_name))
    keys: set[str] = set()
    keyless: list[str] = []
    always = False
    for part in parts:
        cue = _cue(part)
        if cue.keys is not None:
            keys.update(cue.keys)
        elif cue.anchors:
            keyless.extend(cue.anchors)
        else:
            always = True
    return _Field(field_name, re.compile(_words(tuple(parts))), frozenset(keys),
                  re.compile("|".join(map(re.escape, keyless))) if keyless else None, always)


PAST = _joined("past")
REQUEST = _joined("request")
THREAT = _joined("threat")
RESERVATION = _joined("reservation")
QUESTION = _joined("question")
BOILERPLATE = _joined("boilerplate")
GRIEVANCE_QUESTION = _joined("grievance_question")
ONGOING = _joined("ongoing")
ASKED_BEFORE = _joined("asked_before")
MARKETING_LIST = _joined("marketing_list")
DATA_OBJECT = _joined("data_object")
BLOCKERS = _joined("blockers")
_FIELDS = (PAST, REQUEST, THREAT, RESERVATION, QUESTION, BOILERPLATE, GRIEVANCE_QUESTION,
           ONGOING, ASKED_BEFORE)
@dataclass(frozen=True)
class _CueSet:
    """A field's cues, indexed by what opens them: the cues a text may hold are found by one
    set intersection with its words and one pass of a pattern of plain letters, not by
    trying each cue."""

    cues: tuple[_Cue, ...]
    by_key: dict[str, tuple[int, ...]]  # a cue's first whole words -> the cue
    keys: frozenset[str]
    by_anchor: dict[str, tuple[int, ...]]  # the letters a keyless cue starts with -> it
    anchor_pattern: re.Pattern[str] | None
    always: tuple[int, ...]  # cues with no plain start: always tried

    def candidates(self, text: str, words: frozenset[str]) -> list[int]:
        """The cues the text may hold, in order."""
        found = set(self.always)
        for key in words & self.keys:
            found.update(self.by_key[key])
        if self.anchor_pattern is not None:
            for anchor in set(self.anchor_pattern.findall(text)):
                found.update(self.by_anchor[anchor])
        return sorted(found)

    def count(self, text: str, words: frozenset[str], enough: int) -> int:
        """How many different cues the text holds, counted up to `enough`."""
        candidates = self.candidates(text, words)
        if len(candidates) < enough:
            return 0
        held = 0
        for i in candidates:
            held += self.cues[i].pattern.search(text) is not None
            if held >= enough:
                break
        return held

    def starts(self, text: str, words: frozenset[str]) -> list[int]:
        """Where in the text a match of any cue may start: at its first words (found by
        str.find, no regular expression), or anywhere for a cue without them (-1)."""
        found: list[int] = []
        for key in words & self.keys:
            at = text.find(key)
            while at >= 0:
                found.append(at)
                at = text.find(key, at + 1)
        if self.anchor_pattern is not None:
            found.extend(hit.start() for hit in self.anchor_pattern.finditer(text))
        return found


def _cue_set(patterns: list[str]) -> _CueSet:
    cues = tuple(_cue(cue) for cue in patterns)
    by_key: dict[str, list[int]] = {}
    by_anchor: dict[str, list[int]] = {}
    for i, cue in enumerate(cues):
        for key in cue.keys or ():
            by_key.setdefault(key, []).append(i)
        if cue.keys is None:
            for anchor in cue.anchors:
                by_anchor.setdefault(anchor, []).append(i)
    # Longest first, so that the alternation reports "borr" and not a shorter anchor in it.
    ordered = sorted(by_anchor, key=len, reverse=True)
    # An anchor found stands for the shorter anchors inside it too ("cancellar", "cancel").
    closure = {anchor: tuple(sorted({i for other, found in by_anchor.items() if other in anchor
                                     for i in found})) for anchor in by_anchor}
    return _CueSet(cues, {key: tuple(found) for key, found in by_key.items()},
                   frozenset(by_key), closure,
                   # A lookahead, so that every place an anchor starts is found.
                   re.compile("(?=(" + "|".join(map(re.escape, ordered)) + "))") if ordered
                   else None,
                   tuple(i for i, cue in enumerate(cues) if cue.keys is None and not cue.anchors))


_PHISHING = _cue_set([cue for language in ALL for cue in language.phishing])
_VENDOR = _cue_set([cue for language in ALL for cue in language.vendor_notice])


def _nouns(cues_list: tuple[ClauseCues, ...]) -> list[tuple[str, re.Pattern[str]]]:
    classes: dict[str, list[str]] = {}
    for cues in cues_list:
        for name, words in cues.nouns.items():
            classes.setdefault(name, []).extend(words)
    return [(name, re.compile(_words(tuple(words)))) for name, words in classes.items()]


NOUNS = _nouns(ALL)
_PRONOUN_ACTIONS = [p.action for cues in ALL for p in cues.pronoun_requests]
PRONOUN_REQUESTS = _cue_set([p.pattern for cues in ALL for p in cues.pronoun_requests])
# All of them in one pattern, tried where one of them may start.
_ANY_PRONOUN_REQUEST = re.compile(
    _words(tuple(p.pattern for cues in ALL for p in cues.pronoun_requests)))


@dataclass(frozen=True)
class Clause:
    """One sentence of the text: where it is, what kind it is, and where inside it a threat
    ("otherwise ...") or a reservation ("I reserve the right ...") opens (-1: none)."""

    start: int
    end: int
    kind: ClauseKind
    threat_at: int = -1
    reserved_at: int = -1


@dataclass(frozen=True)
class Resolution:
    """A request with a pronoun object in text[start:end], and what the rules read for it:
    the request naming the noun the previous sentence named."""

    start: int
    end: int
    text: str
    noun: str


@dataclass(frozen=True)
class Reading:
    """The unwrapped text (same length as the folded input), where its sentences are, the
    pronoun requests resolved, and the shape of the whole text.

    A sentence's kind is read when first asked for (most sentences hold no rule match, and
    reading each one's kind would cost more than the rules themselves)."""

    text: str
    bounds: tuple[tuple[int, int], ...]
    words: frozenset[str]
    resolutions: tuple[Resolution, ...] = ()
    _starts: tuple[int, ...] = ()
    # Read when first asked for, then remembered.
    _kinds: dict[int, Clause] = field(default_factory=dict, compare=False, repr=False)
    _fields: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    _shape: list[Shape] = field(default_factory=list, compare=False, repr=False)

    @property
    def shape(self) -> Shape:
        """What the whole text is when it is nobody's request ("" when it may be one)."""
        if not self._shape:
            self._shape.append(_shape(self.text, self.words))
        return self._shape[0]

    def may_hold(self, cues: _Field) -> bool:
        """Whether any cue of the field can match anywhere in the text."""
        found = self._fields.get(cues.name)
        if found is None:
            found = self._fields[cues.name] = cues.may_match(self.text, self.words)
        return found

    def clause(self, index: int) -> Clause:
        """The index-th sentence with its kind."""
        found = self._kinds.get(index)
        if found is None:
            found = self._kinds[index] = _kind(self, *self.bounds[index])
        return found

    def index_at(self, pos: int) -> int:
        """The index of the sentence holding pos, or -1."""
        i = bisect_right(self._starts, pos) - 1
        return i if i >= 0 and pos <= self.bounds[i][1] else -1

    def clause_at(self, pos: int) -> Clause | None:
        i = self.index_at(pos)
        return self.clause(i) if i >= 0 else None

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(self.clause(i) for i in range(len(self.bounds)))


def unwrap(folded: str) -> str:
    """The text with the line breaks a mail client put inside sentences made spaces (same
    length). A break stays after a short line, a sentence's or a heading's end, before a
    list item or a form field, and around blank lines."""
    if "\n" not in folded:
        return folded
    lines = folded.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines[:-1]):
        out.append(line)
        following = lines[i + 1]
        stripped = line.rstrip()
        joins = (len(stripped) >= WRAP_MIN and following.strip() != ""
                 and stripped[-1] not in ".!?:;" and _LIST_ITEM.match(following) is None
                 and _FIELD.match(following) is None and _FIELD.match(line) is None
                 and not line.lstrip().startswith(">"))
        out.append(" " if joins else "\n")
    out.append(lines[-1])
    return "".join(out)


def _kind(reading: Reading, start: int, end: int) -> Clause:
    """The kind of the sentence text[start:end] (a field the whole text cannot hold is not
    searched for)."""
    text = reading.text

    def has(cues: _Field) -> bool:
        return reading.may_hold(cues) and cues.search(text, start, end) is not None

    if has(BOILERPLATE) or text[start:end].lstrip().startswith(">"):
        return Clause(start, end, "quotation")
    threat = THREAT.search(text, start, end) if reading.may_hold(THREAT) else None
    reserved = RESERVATION.search(text, start, end) if reading.may_hold(RESERVATION) else None
    if threat or reserved:
        return Clause(start, end, "condition", threat.start() if threat else -1,
                      reserved.start() if reserved else -1)
    if has(PAST) and not has(REQUEST) and not has(ONGOING) and not has(ASKED_BEFORE):
        return Clause(start, end, "past")
    if text[end : end + 1] == "?" or text[start:end].lstrip().startswith("\u00bf") \
            or has(QUESTION):
        return Clause(start, end, "question")
    if has(REQUEST):
        return Clause(start, end, "request")
    return Clause(start, end, "statement")


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for found in _SENTENCE_END.finditer(text):
        if found.start() > start and text[start : found.start()].strip():
            bounds.append((start, found.start()))
        start = found.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def _shape(text: str, words: frozenset[str]) -> Shape:
    if _PHISHING.count(text, words, SHAPE_CUES) >= SHAPE_CUES:
        return "phishing"
    if _VENDOR.count(text, words, SHAPE_CUES) >= SHAPE_CUES:
        return "vendor_notice"
    return ""


def _named(text: str, start: int, end: int) -> str:
    """The class of the last noun named in text[start:end], or ""."""
    best, at = "", -1
    for name, pattern in NOUNS:
        for found in pattern.finditer(text, start, end):
            if found.start() > at:
                best, at = name, found.start()
    return best


def _resolve(reading: Reading) -> list[Resolution]:
    text = reading.text
    resolved: list[Resolution] = []
    if PRONOUN_REQUESTS.always:
        places = [found.start() for found in _ANY_PRONOUN_REQUEST.finditer(text)]
    else:
        match = _ANY_PRONOUN_REQUEST.match
        places = [at for at in PRONOUN_REQUESTS.starts(text, reading.words)
                  if match(text, at) is not None]
    if not places:
        return resolved
    candidates = PRONOUN_REQUESTS.candidates(text, reading.words)
    for i in sorted({reading.index_at(at) for at in places} - {-1, 0}):
        clause = reading.clause(i)
        if clause.kind in ("quotation", "past", "condition"):
            continue
        for index in candidates:
            action = _PRONOUN_ACTIONS[index]
            found = PRONOUN_REQUESTS.cues[index].pattern.search(text, clause.start, clause.end)
            if found is None or BLOCKERS.search(text, clause.start, found.start()):
                continue
            if _named(text, clause.start, clause.end):
                break  # the sentence names its own object: the rules read it as it is
            noun = _named(text, *reading.bounds[i - 1])
            request = CANONICAL.get((action, noun))
            if request is not None:
                resolved.append(Resolution(clause.start, clause.end, request, noun))
            break
    return resolved


def read_clauses(folded: str) -> Reading:
    """The clauses of folded text (textnorm.fold), unwrapped; pure."""
    text = unwrap(folded)
    bounds = tuple(_sentences(text))
    reading = Reading(text=text, bounds=bounds, words=frozenset(_TOKEN.findall(text)),
                      _starts=tuple(start for start, _ in bounds))
    resolutions = _resolve(reading)
    if not resolutions:
        return reading
    return Reading(text=text, bounds=bounds, words=reading.words,
                   resolutions=tuple(resolutions), _starts=reading._starts,
                   _kinds=reading._kinds, _fields=reading._fields)


def verdict(reading: Reading, intent: str, flags: str, start: int, end: int,
            access_asked: bool) -> Verdict:
    """What the clause around a rule match at `start` does to it: keep it, cancel it, make it
    weak (a reservation), count it as a threat (in full), or read it as an opt-out (an
    erasure whose object is a marketing list). `flags` are the rule's (see rules.py);
    `access_asked`: the mail asks for a copy of the sender's data elsewhere."""
    if reading.shape:
        return "cancel"  # phishing or a vendor's notice: nobody's request
    clause = reading.clause_at(start)
    if clause is None:
        return "keep"
    if clause.kind == "quotation":
        return "cancel"
    if intent == "complaint":
        if 0 <= clause.reserved_at < start:
            return "weak"
        if 0 <= clause.threat_at < start:
            return "threat"
        if access_asked and clause.kind == "question" and not set("dc") & set(flags) \
                and QUESTION.search(reading.text, clause.start, clause.end) \
                and not GRIEVANCE_QUESTION.search(reading.text, clause.start, clause.end):
            # In an access letter, "was my data passed on?" asks; it accuses nobody ("why
            # are you emailing me?" still does, by the labelled sets' convention).
            return "cancel"
        return "keep"
    if intent == "erasure" and any(r.noun == "marketing" and r.start == clause.start
                                   for r in reading.resolutions):
        return "cancel"  # "your newsletters ... get rid of them": an opt-out, read above
    if clause.kind == "past" and not set("cr") & set(flags):
        return "cancel"  # "last year you sent me my file": told, not asked
    if intent == "erasure" and MARKETING_LIST.search(reading.text, start,
                                                     min(clause.end, end + LIST_REACH)) \
            and not DATA_OBJECT.search(reading.text, clause.start, clause.end):
        return "opt_out"  # "take my number off your SMS list"
    return "keep"
