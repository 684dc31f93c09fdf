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
from dataclasses import dataclass
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


def _joined(field: str) -> re.Pattern[str]:
    parts: list[str] = []
    for cues in ALL:
        parts.extend(getattr(cues, field))
    return re.compile(_words(tuple(parts)))


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
_PHISHING = [re.compile(_words((cue,))) for cues in ALL for cue in cues.phishing]
_VENDOR = [re.compile(_words((cue,))) for cues in ALL for cue in cues.vendor_notice]


def _nouns(cues_list: tuple[ClauseCues, ...]) -> list[tuple[str, re.Pattern[str]]]:
    classes: dict[str, list[str]] = {}
    for cues in cues_list:
        for name, words in cues.nouns.items():
            classes.setdefault(name, []).extend(words)
    return [(name, re.compile(_words(tuple(words)))) for name, words in classes.items()]


NOUNS = _nouns(ALL)
PRONOUN_REQUESTS = [(re.compile(_words((p.pattern,))), p.action)
                    for cues in ALL for p in cues.pronoun_requests]
# Any of them: most sentences have none, and one search says so.
_ANY_PRONOUN_REQUEST = re.compile("|".join(p.pattern for p, _ in PRONOUN_REQUESTS))


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
    """The unwrapped text (same length as the folded input), its clauses in order, the
    pronoun requests resolved, and the shape of the whole text."""

    text: str
    clauses: tuple[Clause, ...]
    resolutions: tuple[Resolution, ...]
    shape: Shape
    starts: tuple[int, ...]

    def clause_at(self, pos: int) -> Clause | None:
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return None
        clause = self.clauses[i]
        return clause if pos <= clause.end else None


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


def _kind(text: str, start: int, end: int) -> Clause:
    """The kind of the sentence text[start:end]."""
    if BOILERPLATE.search(text, start, end) or text[start:end].lstrip().startswith(">"):
        return Clause(start, end, "quotation")
    threat = THREAT.search(text, start, end)
    reserved = RESERVATION.search(text, start, end)
    if threat or reserved:
        return Clause(start, end, "condition", threat.start() if threat else -1,
                      reserved.start() if reserved else -1)
    if (PAST.search(text, start, end) and not REQUEST.search(text, start, end)
            and not ONGOING.search(text, start, end)
            and not ASKED_BEFORE.search(text, start, end)):
        return Clause(start, end, "past")
    if text[end : end + 1] == "?" or text[start:end].lstrip().startswith("\u00bf") \
            or QUESTION.search(text, start, end):
        return Clause(start, end, "question")
    if REQUEST.search(text, start, end):
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


def _shape(text: str) -> Shape:
    if sum(1 for cue in _PHISHING if cue.search(text)) >= SHAPE_CUES:
        return "phishing"
    if sum(1 for cue in _VENDOR if cue.search(text)) >= SHAPE_CUES:
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


def _resolve(text: str, clauses: list[Clause]) -> list[Resolution]:
    resolved: list[Resolution] = []
    for i, clause in enumerate(clauses):
        if clause.kind in ("quotation", "past", "condition") or i == 0:
            continue
        if not _ANY_PRONOUN_REQUEST.search(text, clause.start, clause.end):
            continue
        for pattern, action in PRONOUN_REQUESTS:
            found = pattern.search(text, clause.start, clause.end)
            if found is None or BLOCKERS.search(text, clause.start, found.start()):
                continue
            if _named(text, clause.start, clause.end):
                break  # the sentence names its own object: the rules read it as it is
            previous = clauses[i - 1]
            noun = _named(text, previous.start, previous.end)
            request = CANONICAL.get((action, noun))
            if request is not None:
                resolved.append(Resolution(clause.start, clause.end, request, noun))
            break
    return resolved


def read_clauses(folded: str) -> Reading:
    """The clauses of folded text (textnorm.fold), unwrapped; pure."""
    text = unwrap(folded)
    clauses = [_kind(text, start, end) for start, end in _sentences(text)]
    return Reading(text=text, clauses=tuple(clauses), resolutions=tuple(_resolve(text, clauses)),
                   shape=_shape(text), starts=tuple(c.start for c in clauses))


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
