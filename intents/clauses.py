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
from intents.clause_index import TOKEN, Field, cue_set, make_field, shape_cues, words_pattern
from intents.quotes import FIRST_PERSON
from intents.rules import NEGATION
from intents.textnorm import fold

ClauseKind = Literal["request", "question", "past", "condition", "quotation", "statement"]
Verdict = Literal["keep", "cancel", "weak", "threat", "opt_out"]
Shape = Literal["", "phishing", "vendor_notice"]

# A line at least this long that runs on into the next one was wrapped by the mail client.
WRAP_MIN = 45
# How far after an erasure's verb its object, a marketing list, may be named.
LIST_REACH = 40
# What the sender asked for when it was a quote or a booking, not their data's handling.
_COMMERCE = re.compile(r"\b(?:quotes?|quotation|estimate|prices?|booking|presupuesto|precio"
                       r"|reserva|preventivo|prezzo|prenotazione|orcamento|preco|devis|prix"
                       r"|angebot|kostenvoranschlag|preis|offerte|prijsopgave|prijs)\b")
# How many sentences after the sender's earlier request, told, may say it was ignored.
IGNORED_REACH = 3
# A shape needs this many different cues (one "click here" makes no phishing mail).
SHAPE_CUES = 2
# What the rules read for a resolved pronoun request: (action, noun class) -> request.
CANONICAL: dict[tuple[str, str], str] = {
    ("remove", "marketing"): "please unsubscribe me from your marketing emails",
    ("stop", "marketing"): "please unsubscribe me from your marketing emails",
    ("stop", "mail"): "please unsubscribe me from your marketing emails",
    ("remove", "data"): "please delete my personal data",
    ("remove", "account"): "please delete my account",
    ("send", "data"): "please send me a copy of my personal data",
    ("disclose", "data"): "you shared my personal data without my consent",
    ("report", "regulator"): "i have lodged a complaint with the ico",
}
# A list item opens with a bullet, "1." "a)" "(b)" "(iv)" "(2)"; not "(UE) 2016/679" at the
# start of a wrapped line of a letter.
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+>\u2022\u00b7]|\d{1,2}[.)]|[a-z][.)]"
                        r"|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s")
_FIELD = re.compile(r"[ \t]*[^\W\d_][\w ./'-]{0,30}:(?:\s|$)")
# Where a condition's protasis ends ("if you have sold my data, tell me to whom").
_PROTASIS_END = re.compile(r"[,;:]|\bthen\b|\bi(?:'ll| will| shall)\b")
# Where a clause ends inside a sentence: what follows is no longer a request's object.
_CLAUSE_BREAK = re.compile(r"[,;:]")
# How far after a request verb its object is looked for: "remove me from any custom
# audiences ... and don't use my data" names no data to remove.
_OBJECT_REACH = re.compile(r"(?:\W*\w+){1,6}")
# The sender's own words in folded text ("mes", "meg", "minua"), for what a request verb
# erases to be the sender's: "can you delete the test photos from the shared folder?" asks
# nothing of the kind. Not what a folded word becomes in another language: "en" (Hungarian
# "en"; French "in", Dutch "and"), "as" (Lithuanian "as"; English, Portuguese "as").
_SENDER = re.compile(fold(FIRST_PERSON.pattern).replace("|en|", "|").replace("|as|", "|")
                     + "|" + words_pattern(tuple(word for cues in ALL
                                                 for word in cues.first_person)))
# How far before a request verb a negation is looked for (the rules' own reach is 40
# characters of the clause; the verb may be part of it, "na scriosaigi").
NEGATION_REACH = 60
# A negation after the verb in its clause, where the Germanic languages put it.
_AFTER_NEGATION = re.compile(r"\b(?:nicht|niet|ikke|ikkje|inte|not)\b")
# What joins two clauses of a sentence ("... and delete my number"), in the languages read.
# (between spaces: not the "e" of "e-postlista").
_CONJUNCTION = re.compile(r"(?<=\s)(?:and|but|und|aber|y|pero|et|mais|e|ma|maar|en|mas|og|och"
                          r"|men|mutta|ja|es|si|ve|ama|oraz|ale)(?=\s)")
# A list item, also numbered "10.4" (the walk up a list needs every item line).
_ITEM = re.compile(r"[ \t]*(?:[-*+>\u2022\u00b7]|\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)]"
                   r"|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s")
# How many lines up a list item may be from the line introducing its list.
LIST_LINES = 40
# How many lists up a nested list item may look for what is asked.
LIST_DEPTH = 3
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"')\]]|$)|\n")


def _joined(field_name: str) -> Field:
    return make_field(field_name, [cue for cues in ALL for cue in getattr(cues, field_name)])


PAST = _joined("past")
REQUEST = _joined("request")
THREAT = _joined("threat")
RESERVATION = _joined("reservation")
QUESTION = _joined("question")
BOILERPLATE = _joined("boilerplate")
GRIEVANCE_QUESTION = _joined("grievance_question")
ONGOING = _joined("ongoing")
ASKED_BEFORE = _joined("asked_before")
DONE = _joined("done")
ASKED_EARLIER = _joined("asked_earlier")
PERSISTING = _joined("persisting")
MARKETING_LIST = _joined("marketing_list")
DATA_OBJECT = _joined("data_object")
BLOCKERS = _joined("blockers")
HYPOTHESIS = _joined("hypothesis")
ERASURE_CONFIRMED = _joined("erasure_confirmed")
INFORMATION = _joined("information")
HELD_DATA = _joined("held_data")
DISCLOSURE_ACTS = _joined("disclosure_acts")
DISCLOSURE_WRONGS = _joined("disclosure_wrongs")
REPORT_ACTS = _joined("report_acts")
AUTHORITIES = _joined("authorities")
# The two words before a disclosure act, where its negation is ("you did not share", "we
# have never sold"); not further: "I never said you could hand my number out" accuses.
_ACT_LEAD = re.compile(r"(?:\w+\W+){0,2}$")
_FIELDS = (PAST, REQUEST, THREAT, RESERVATION, QUESTION, BOILERPLATE, GRIEVANCE_QUESTION,
           ONGOING, ASKED_BEFORE, DONE, ASKED_EARLIER, PERSISTING)
_PHISHING = shape_cues([cue for language in ALL for cue in language.phishing])
_VENDOR = shape_cues([cue for language in ALL for cue in language.vendor_notice])


def _nouns(cues_list: tuple[ClauseCues, ...]) -> list[tuple[str, re.Pattern[str]]]:
    classes: dict[str, list[str]] = {}
    for cues in cues_list:
        for name, words in cues.nouns.items():
            classes.setdefault(name, []).extend(words)
    return [(name, re.compile(words_pattern(tuple(words)))) for name, words in classes.items()]


NOUNS = _nouns(ALL)
_PRONOUN_ACTIONS = [p.action for cues in ALL for p in cues.pronoun_requests]
PRONOUN_REQUESTS = cue_set([p.pattern for cues in ALL for p in cues.pronoun_requests])
_VERB_ACTIONS = [v.action for cues in ALL for v in cues.request_verbs]
_OBJECT_FIRST = [v.object_first for cues in ALL for v in cues.request_verbs]
_ASKS = [v.asks for cues in ALL for v in cues.request_verbs]
REQUEST_VERBS = cue_set([v.pattern for cues in ALL for v in cues.request_verbs])


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
    the sentence with the request put in words that name the noun it stands for."""

    start: int
    end: int
    text: str
    noun: str
    # The one intent it is read for ("" for every intent the rules read in it): a request
    # read from a verb and its noun stands for that request only, the rest of its sentence
    # is read by the rules as it is.
    only: str = ""


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
    _held: dict[tuple[int, str], int] = field(default_factory=dict, compare=False,
                                              repr=False)
    _shape: list[Shape] = field(default_factory=list, compare=False, repr=False)

    @property
    def shape(self) -> Shape:
        """What the whole text is when it is nobody's request ("" when it may be one)."""
        if not self._shape:
            self._shape.append(_shape(self.text, self.words))
        return self._shape[0]

    def may_hold(self, cues: Field) -> bool:
        """Whether any cue of the field can match anywhere in the text."""
        found = self._fields.get(cues.name)
        if found is None:
            found = self._fields[cues.name] = cues.may_match(self.text, self.words)
        return found

    def held(self, index: int, cues: Field) -> int:
        """Where in the index-th sentence a cue of the field starts, or -1."""
        key = (index, cues.name)
        found = self._held.get(key)
        if found is None:
            found = -1
            if self.may_hold(cues):
                hit = cues.search(self.text, *self.bounds[index])
                found = hit.start() if hit is not None else -1
            self._held[key] = found
        return found

    def holds(self, index: int, cues: Field) -> bool:
        return self.held(index, cues) >= 0

    def is_past(self, index: int) -> bool:
        """A description of the past: a past cue, and no request, no "still", no earlier
        request of the sender's in the sentence (unless it says that request was done)."""
        return (self.holds(index, PAST) and not self.holds(index, REQUEST)
                and not self.holds(index, ONGOING)
                and (not self.holds(index, ASKED_BEFORE) or self.holds(index, DONE)))

    def ignored(self) -> tuple[int, int] | None:
        """Where the sender tells an earlier request of theirs that was ignored: a sentence
        saying they asked, unsubscribed or objected before ("I unsubscribed in March",
        "ya os pedi dos veces"), and in it or the next IGNORED_REACH sentences, that the
        mail went on or no answer came ("I've had four more since", "sigo recibiendo",
        "keine Antwort"; in the telling sentence on either side: "haromszor kertem", three
        times I asked); not when they say it was done. (start, end) of the telling."""
        if not (self.may_hold(ASKED_EARLIER) and self.may_hold(PERSISTING)):
            return None
        for i in range(len(self.bounds)):
            told = self.held(i, ASKED_EARLIER)
            if told < 0 or self.holds(i, DONE) or self.is_quotation(i) \
                    or _COMMERCE.search(self.text, told, self.bounds[i][1]):
                continue
            for j in range(i, min(i + IGNORED_REACH + 1, len(self.bounds))):
                went_on = self.held(j, PERSISTING)
                if went_on >= 0 and not self.is_quotation(j):
                    return told, self.bounds[i][1]
        return None

    def tells_earlier_request(self) -> bool:
        """Whether the sender tells a request or opt-out of theirs made before ("I
        unsubscribed", "ya os pedi")."""
        return any(self.holds(i, cues) for cues in (ASKED_EARLIER, ASKED_BEFORE)
                   for i in range(len(self.bounds)) if not self.is_quotation(i))

    def is_quotation(self, index: int) -> bool:
        start, end = self.bounds[index]
        return self.holds(index, BOILERPLATE) or self.text[start:end].lstrip().startswith(">")

    def is_question(self, index: int) -> bool:
        start, end = self.bounds[index]
        return (self.text[end : end + 1] == "?" or self.text[start:end].lstrip().startswith(
            "\u00bf") or self.holds(index, QUESTION))

    def clause(self, index: int) -> Clause:
        """The index-th sentence with its kind."""
        found = self._kinds.get(index)
        if found is None:
            found = self._kinds[index] = _kind(self, index)
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


def _kind(reading: Reading, index: int) -> Clause:
    """The kind of the index-th sentence, the first that holds of: quotation, condition,
    past, question, request, statement."""
    start, end = reading.bounds[index]
    if reading.is_quotation(index):
        return Clause(start, end, "quotation")
    threat, reserved = reading.held(index, THREAT), reading.held(index, RESERVATION)
    if threat >= 0 or reserved >= 0:
        return Clause(start, end, "condition", threat, reserved)
    if reading.is_past(index):
        return Clause(start, end, "past")
    if reading.is_question(index):
        return Clause(start, end, "question")
    if reading.holds(index, REQUEST):
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
    """The pronoun requests of the text, each read as what the sentence before it named."""
    text = reading.text
    resolved: list[Resolution] = []
    done: set[int] = set()
    for cue, found in sorted(PRONOUN_REQUESTS.matches(text, reading.words),
                             key=lambda pair: pair[1].start()):
        i = reading.index_at(found.start())
        if i <= 0 or i in done:
            continue
        done.add(i)
        start, end = reading.bounds[i]
        clause_from = max(start, *(text.rfind(mark, start, found.start()) for mark in ",;:"))
        if BLOCKERS.search(text, clause_from, found.start()):
            continue  # negated or conditional: "don't delete them", "if you stop them"
        if reading.clause(i).kind in ("quotation", "past", "condition"):
            continue
        # What it stands for: a noun named before it in its sentence ("the recordings are
        # missing, please send them"), else in the sentence before.
        noun = _named(text, start, found.start()) or _named(text, *reading.bounds[i - 1])
        request = CANONICAL.get((_PRONOUN_ACTIONS[cue], noun))
        if request is not None:
            # The sentence itself, its pronoun request put in those words: what else it
            # says ("send them in a portable format") is read with the noun.
            read_as = text[start : found.start()] + request + text[found.end() : end]
            resolved.append(Resolution(start, end, read_as, noun))
    return resolved


def _names(text: str, start: int, end: int, name: str) -> bool:
    """Whether text[start:end] names a noun of the class."""
    return any(found == name and pattern.search(text, start, end) is not None
               for found, pattern in NOUNS)


def _item_start(text: str, start: int) -> int:
    """Where a sentence's words begin, after a list item's bullet or number."""
    bullet = _ITEM.match(text, start)
    return bullet.end() if bullet is not None else start


def _first_item_end(text: str, colon: int) -> int:
    """Where the first item of a list opened by a colon at `colon` ends (its line), or
    `colon` when no list item follows it on the next line (blank lines between)."""
    line = text.find("\n", colon) + 1
    while 0 < line < len(text) and text[line] == "\n":  # a blank line before the list
        line += 1
    if line <= 0 or text[colon:line].strip() or _ITEM.match(text, line) is None:
        return colon
    end = text.find("\n", line)
    return end if end >= 0 else len(text)


def _first_named(text: str, start: int, end: int) -> str:
    """The class of the first noun named in text[start:end], or ""."""
    best, at = "", end
    for name, pattern in NOUNS:
        found = pattern.search(text, start, end)
        if found is not None and found.start() < at:
            best, at = name, found.start()
    return best


def _asks(reading: Reading, index: int) -> bool:
    """Whether the index-th sentence asks: a request cue anywhere in it ("remove me from
    the list, please"), or it is a list item under a line that asks
    ("je vous demande : 1. de retirer ces photographies")."""
    if reading.holds(index, REQUEST):
        return True
    intro = list_intro(reading.text, reading.bounds[index][0])
    return intro is not None and REQUEST.search(reading.text, *intro) is not None


def verb_requests(reading: Reading,
                  read: tuple[tuple[int, str], ...] = ()) -> list[Resolution]:
    """The everyday requests of the text read from their parts, so that a language needs
    only its words, not a rule per wording: a request verb (`request_verbs`: delete, take
    off, stop) in a sentence that asks, and its object: a marketing list or noun after it in
    its own clause (up to a comma or "and"), else data or an account within six words after
    it, else, for a verb that follows its object ("te wissen", "slettes"), the last noun
    named before it in its sentence, and for "stop", which only marketing can be, the
    marketing named before it ("which I ask you to stop sending"); for an access verb
    ("send", "tell me", "want to know"), the sender's data named as held (`held_data`),
    and a form that asks by itself ("what have you got on me") needs no request cue. Each
    is read as the request in words the rules read (CANONICAL), put in the verb's place,
    so the rules' own checks (negation, condition) still see the sentence around it; an
    erasure only when the sentence is the sender's own (a first-person word in it). Not
    when a blocker ("not", "if") or a negation comes between the clause's start and the
    verb, nor in a past description, a quotation, or after a threat or reservation opens
    in the sentence; nor where the rules read that request in the sentence themselves
    (`read`: where their matches start, and of what intent), nor in a sentence whose
    pronoun request is resolved."""
    text = reading.text
    if not REQUEST_VERBS.may_match(text, reading.words):
        return []
    resolved: list[Resolution] = []
    taken = {reading.index_at(r.start) for r in reading.resolutions}
    for cue, found in sorted(REQUEST_VERBS.matches(text, reading.words),
                             key=lambda pair: pair[1].start()):
        i = reading.index_at(found.start())
        if i < 0 or i in taken:
            continue
        start, end = reading.bounds[i]
        said = {intent for at, intent in read if start <= at < end}
        if ("opt_out" in said and (_VERB_ACTIONS[cue] == "stop" or "erasure" in said)) \
                or ("access" in said and _VERB_ACTIONS[cue] == "send"):
            continue  # whatever its object, the rules read it already
        # The object first, then the sentence (what is cheap first: most verbs in a mail
        # act on nothing of the sender's).
        clause_from = max(start, *(text.rfind(mark, start, found.start()) + 1
                                   for mark in ",;:"))
        stop = _CLAUSE_BREAK.search(text, found.end(), end)
        clause_to = stop.start() if stop is not None else end
        joined = _CONJUNCTION.search(text, found.end(), clause_to)
        own_to = joined.start() if joined is not None else clause_to  # "... and don't ..."
        if stop is not None and text[stop.start()] == ":":
            # "je vous prie de me communiquer :\n- l'ensemble des donnees ...": the object
            # is the list's first item.
            own_to = max(own_to, _first_item_end(text, stop.end()))
        reach = _OBJECT_REACH.match(text, found.end())
        action = _VERB_ACTIONS[cue]
        noun = _first_named(text, found.end(), min(own_to, reach.end() if reach else end))
        if (reading.may_hold(MARKETING_LIST) and MARKETING_LIST.search(
                text, found.start(), own_to)) or _names(text, found.end(), own_to,
                                                         "marketing"):
            noun = "marketing"  # "take my address and number off your marketing lists"
        elif not noun and _OBJECT_FIRST[cue]:
            noun = _named(text, _item_start(text, start), found.start())  # "... te wissen"
        elif not noun and action == "stop" and (
                _names(text, start, found.start(), "marketing")
                or _names(text, start, found.start(), "mail")):
            noun = "marketing"  # "your newsletter, which I ask you to stop sending"
        if action == "send":
            # An access asks for the sender's data as held, not for "the details" of a
            # session or "more information" on prices: its object is `held_data` after
            # the verb in its clause, before it for a verb that follows its object.
            # A form that asks by itself may hold its object ("what do you hold on me").
            noun = "data" if HELD_DATA.search(
                text, found.start() if _ASKS[cue] else found.end(), own_to) or (
                _OBJECT_FIRST[cue] and HELD_DATA.search(text, clause_from, found.start())
            ) else ""
        request = CANONICAL.get((action, noun))
        intent = "opt_out" if noun in ("marketing", "mail") else "access" \
            if action == "send" else "erasure"
        if request is None or intent in said \
                or (intent != "opt_out" and not _SENDER.search(text, start, end)):
            continue
        if _AFTER_NEGATION.search(text, found.end(), own_to) \
                or BLOCKERS.search(text, clause_from, found.start()) or NEGATION.search(
                    text[max(clause_from, found.start() - NEGATION_REACH) : found.end()]):
            continue  # "don't delete them", "na scriosaigi", "loschen Sie sie nicht"
        if not (_ASKS[cue] or _asks(reading, i)) or reading.is_quotation(i) \
                or reading.is_past(i) \
                or 0 <= reading.held(i, THREAT) < found.start() \
                or 0 <= reading.held(i, RESERVATION) < found.start():
            continue
        taken.add(i)
        resolved.append(Resolution(start, end, text[start : found.start()] + request
                                   + text[found.end() : end], noun, intent))
    return resolved


def _complaint_read(read: tuple[tuple[int, str], ...], start: int, end: int) -> bool:
    """Whether the rules read a complaint in text[start:end] themselves (`read`: where their
    matches start, and of what intent)."""
    return any(start <= at < end and intent == "complaint" for at, intent in read)


def _act_negated(text: str, sentence_start: int, act: re.Match[str], wrong_at: int = -1
                 ) -> bool:
    """Whether an act is negated in its words or the two before it ("you did not share",
    "i have not yet complained"); not by a negation that is part of the wrong at `wrong_at`
    ("I never said you could hand my number out")."""
    if NEGATION.search(act.group()):
        return True
    lead = _ACT_LEAD.search(text, sentence_start, act.start())
    return (lead is not None and NEGATION.search(lead.group()) is not None
            and not lead.start() <= wrong_at < act.start())


def grievances(reading: Reading, read: tuple[tuple[int, str], ...] = ()) -> list[Resolution]:
    """Grievances read from their parts, so that a language needs words, not a rule per
    wording: the organisation's act of passing data on or using it (`disclosure_acts`:
    "you've sent them", "heu cedit", "jste poslali", "you added me") and, in its sentence
    or the next, what makes it wrong (`disclosure_wrongs`: "to a complete stranger", "sense
    consentiment", "v otevrene kopii", "is this legal?"), read as the canonical grievance
    (CANONICAL). Not when the act is negated in its words or the two before it (unless
    the negation is the wrong, "I never said you could hand it out"), nor in a question
    (unless it is a grievance's, "why"), a condition on the organisation's act ("if you
    have shared ..."), a quotation, or a sentence that asks before the act ("please never
    share my data without my consent"); nor where the rules read a complaint in the
    sentence themselves (`read`). A vendor's notice or phishing cancels it as it cancels
    the rules' matches (verdict)."""
    text = reading.text
    if not (reading.may_hold(DISCLOSURE_ACTS) and reading.may_hold(DISCLOSURE_WRONGS)):
        return []
    found: list[Resolution] = []
    for i, (start, end) in enumerate(reading.bounds):
        act = DISCLOSURE_ACTS.search(text, start, end)
        # The wrong in the act's sentence or the next ("... after one print. Is this
        # legal??").
        wrong = DISCLOSURE_WRONGS.search(
            text, start, reading.bounds[min(i + 1, len(reading.bounds) - 1)][1]
        ) if act is not None else None
        if act is None or wrong is None:
            continue
        if _complaint_read(read, start, end):
            continue
        if _act_negated(text, start, act, wrong.start()):
            continue  # "you never shared", "you have not sent"; not "I never said you could"
        if (reading.is_question(i) and not reading.holds(i, GRIEVANCE_QUESTION)) \
                or reading.is_quotation(i) or in_protasis(reading, start, act.start()) \
                or REQUEST.search(text, start, act.start()) is not None:
            continue
        found.append(Resolution(start, end, CANONICAL[("disclose", "data")], "data",
                                "complaint"))
    return found


def regulator_reports(reading: Reading,
                      read: tuple[tuple[int, str], ...] = ()) -> list[Resolution]:
    """Reports to the regulator read from their parts, so that an authority's every name
    is data, not a rule per wording: the sender's own act of complaining or reporting,
    made or about to be made (`report_acts`: "i have lodged a complaint", "j'ai depose une
    plainte", "ho presentato un reclamo") and, in its sentence (before the act where the
    verb comes last), the national authority (`authorities`: "the information
    commissioner", "la commission nationale de l'informatique et des libertes", "der
    landesbeauftragte fur den datenschutz"), read as a complaint made (CANONICAL). A
    condition on it stays a threat, which counts in full (docs/mail.md, "Threats on any
    condition"), so no "if" guard; but not when the act is negated in its words or the
    two before it ("i have not yet complained"), in a question ("can i complain to
    ...?"), a quotation, after a reservation in its sentence ("i reserve the right to
    ..."), nor where the rules read a complaint in the sentence themselves (`read`). A
    vendor's notice or phishing cancels it as it cancels the rules' matches (verdict)."""
    text = reading.text
    if not (reading.may_hold(REPORT_ACTS) and reading.may_hold(AUTHORITIES)):
        return []
    found: list[Resolution] = []
    for i, (start, end) in enumerate(reading.bounds):
        act = REPORT_ACTS.search(text, start, end)
        # The authority anywhere in the sentence: after the act ("i have complained to
        # the ico"), or before it where the verb comes last ("bei der Aufsichtsbehorde
        # habe ich ... gemeldet").
        if act is None or AUTHORITIES.search(text, start, end) is None:
            continue
        if _complaint_read(read, start, end):
            continue
        if _act_negated(text, start, act):
            continue  # "i have not (yet) lodged a complaint"
        if reading.is_question(i) or reading.is_quotation(i) \
                or 0 <= reading.held(i, RESERVATION) < act.end():
            continue
        found.append(Resolution(start, end, CANONICAL[("report", "regulator")], "regulator",
                                "complaint"))
    return found


def read_clauses(folded: str) -> Reading:
    """The clauses of folded text (textnorm.fold), unwrapped; pure."""
    text = unwrap(folded)
    bounds = tuple(_sentences(text))
    reading = Reading(text=text, bounds=bounds, words=frozenset(TOKEN.findall(text)),
                      _starts=tuple(start for start, _ in bounds))
    resolutions = _resolve(reading)
    if not resolutions:
        return reading
    return Reading(text=text, bounds=bounds, words=reading.words,
                   resolutions=tuple(resolutions), _starts=reading._starts,
                   _kinds=reading._kinds, _fields=reading._fields)


def in_protasis(reading: Reading, sentence_start: int, start: int) -> bool:
    """Whether `start` lies in the protasis of a condition on the organisation's own act
    ("if you are selling my data, ...", "ob meine Daten weitergegeben wurden"): from the
    cue to the clause's end (a comma, "then", "I will")."""
    if not reading.may_hold(HYPOTHESIS):
        return False
    text, at = reading.text, sentence_start
    while (cue := HYPOTHESIS.search(text, at, start)) is not None:
        if _PROTASIS_END.search(text, cue.end(), start) is None:
            return True
        at = cue.end()
    return False


def list_intro(text: str, pos: int) -> tuple[int, int] | None:
    """The line introducing the list whose item holds `pos` (the nearest line above ending
    with ":", over item lines and blank lines), or None when `pos` is in no list item."""
    line_start = text.rfind("\n", 0, pos) + 1
    if _ITEM.match(text, line_start) is None:
        return None
    at = line_start
    for _ in range(LIST_LINES):
        if at == 0:
            return None
        above = text.rfind("\n", 0, at - 1) + 1
        line = text[above : at - 1]
        if line.rstrip().endswith(":"):
            # The sentence ending with the colon ("Please delete my account. My concerns:"
            # introduces the list with its second sentence only).
            told = max(line.rstrip()[:-1].rfind(mark) for mark in ".!?") + 1
            return above + told, at - 1
        if line.strip() and _ITEM.match(text, above) is None:
            return None
        at = above
    return None


def _in_asked_object(reading: Reading, i: int, start: int, flags: str, access_asked: bool,
                     asked_at: tuple[int, ...]) -> bool:
    """Whether a grievance word at `start` is inside what the letter asks for: a list item
    under a line asking for them: a request of the letter in it ("cette opposition
    concerne :"; a regulator named there is an item asked about, "the right to lodge a
    complaint"), or, in an access letter, a request to be told ("please provide the
    following information:", not "please note the following:"); or, in an access letter,
    the object of a request in its own clause ("please list the firms you have shared my
    data with")."""
    text = reading.text
    intro = list_intro(text, start)
    for _ in range(LIST_DEPTH):
        if intro is None:
            break
        if any(intro[0] <= at < intro[1] for at in asked_at) or (
                access_asked and not set("dg") & set(flags)
                and REQUEST.search(text, *intro) is not None
                and INFORMATION.search(text, *intro) is not None):
            return True
        intro = list_intro(text, intro[0])  # a nested list: what its item's list asks
    if not access_asked or "c" in flags:
        return False
    sentence_start = reading.bounds[i][0]
    request = REQUEST.search(text, sentence_start, start)
    return (request is not None and not set("dg") & set(flags)
            and _CLAUSE_BREAK.search(text, request.end(), start) is None
            and GRIEVANCE_QUESTION.search(text, sentence_start, start) is None)


def verdict(reading: Reading, intent: str, flags: str, start: int, end: int,
            access_asked: bool, asked_at: tuple[int, ...] = ()) -> Verdict:
    """What the clause around a rule match at `start` does to it: keep it, cancel it, make it
    weak (a reservation), count it as a threat (in full), or read it as an opt-out (an
    erasure whose object is a marketing list). `flags` are the rule's (see rules.py);
    `access_asked`: the mail asks for a copy of the sender's data elsewhere; `asked_at`:
    where the mail's other requests (not complaints) start."""
    # Only what the match needs is read of its sentence (the same tests as Clause.kind).
    if reading.shape:
        return "cancel"  # phishing or a vendor's notice: nobody's request
    i = reading.index_at(start)
    if i < 0:
        return "keep"
    if reading.is_quotation(i):
        return "cancel"
    sentence_start, sentence_end = reading.bounds[i]
    if intent == "complaint":
        threat, reserved = reading.held(i, THREAT), reading.held(i, RESERVATION)
        if 0 <= reserved < start:
            return "weak"
        if 0 <= threat < start:
            return "threat"
        if access_asked and threat < 0 and reserved < 0 and not set("dc") & set(flags) \
                and reading.holds(i, QUESTION) and not reading.holds(i, GRIEVANCE_QUESTION) \
                and not reading.is_past(i):
            # In an access letter, "was my data passed on?" asks; it accuses nobody ("why
            # are you emailing me?" still does, by the labelled sets' convention).
            return "cancel"
        if "q" in flags and reading.is_question(i) and not reading.holds(i, GRIEVANCE_QUESTION):
            # "Do you post photos without asking?": asking how they work accuses nobody.
            return "cancel"
        if "c" not in flags and (
                (not set("dg") & set(flags) and in_protasis(reading, sentence_start, start))
                or _in_asked_object(reading, i, start, flags, access_asked, asked_at)):
            # "If you have sold my data, tell me to whom", "a list of the firms you shared
            # my data with": supposed or asked about, nobody is accused.
            return "cancel"
        return "keep"
    if intent == "access" and reading.may_hold(ERASURE_CONFIRMED):
        confirmed = ERASURE_CONFIRMED.search(reading.text, sentence_start, sentence_end)
        if confirmed is not None and end > confirmed.start() and (
                start < confirmed.end()
                or REQUEST.search(reading.text, confirmed.end(), start) is None):
            # "Please confirm that you have deleted my data (and their copy of it)": told
            # the erasure was done, the sender asks for no copy.
            return "cancel"
    if intent == "erasure" and any(r.noun == "marketing" and r.start == sentence_start
                                   and not r.only for r in reading.resolutions):
        return "cancel"  # "your newsletters ... get rid of them": an opt-out, read above
    if intent != "rectification" and not set("cr") & set(flags) and reading.is_past(i):
        # "last year you sent me my file": told, not asked (but "I moved last month" is the
        # ground of a rectification)
        return "cancel"
    if intent == "erasure" and reading.may_hold(MARKETING_LIST) and MARKETING_LIST.search(
            reading.text, start, min(sentence_end, end + LIST_REACH)) \
            and not DATA_OBJECT.search(reading.text, sentence_start, sentence_end):
        return "opt_out"  # "take my number off your SMS list"
    return "keep"
