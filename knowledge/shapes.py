"""Question shapes that change what a good answer looks like.

"What is X?" wants the sentence that defines X ("X includes ...", "X are ..."); "What kinds
of data ...?" or "What materials ...?" wants a list; "What's the ICO's phone number?" wants
the fact labelled "Phone". These are properties of English questions, not of any policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.models import Unit
from knowledge.tokens import content_stems

_DEFINITION_QUESTION = re.compile(
    r"^(?:what(?: is| are|s| does| do)|define|definition of|meaning of|what do we mean by"
    r"|what counts as|what is meant by|what qualifies as|what do you mean by)"
    r"\s+(?:a |an |the |our |we mean by )?(.+?)(?: mean| means)?$")
# "What personal details count as identity data (for IMGN)?": a definition of the last part.
_COUNTS_AS = re.compile(r"^(?:what|which) (?:\w+ ){0,3}(?:count|counts|qualify|qualifies|fall"
                        r"|falls|are classed|is classed) (?:as|under) (?:a |an |the )?(.+?)"
                        r"(?: (?:for|at|in|by) \w+)?$")
_DEFINING_VERBS = frozenset(
    ["is", "are", "includes", "include", "means", "mean", "refers", "consists", "covers",
     "comprises"])
_LIST_QUESTION = re.compile(
    r"^(?:what|which|list)(?: are| is| do| does| will| can)?\s+(?:the |all )?"
    r"(?:kinds? of |types? of |sorts? of |categories of |(?:pieces of )?)(\w+)")
_MASS_NOUNS = frozenset({"information", "data", "details", "personal", "rights", "things",
                         "stuff", "info"})
_WH_QUESTION = re.compile(r"^(?:what|which|who|whom|whose|when|where|why|how|list|name)\b")
_ASKS_TIME = re.compile(
    r"\b(?:how (?:long|quickly|quick|soon|fast|often|frequently"
    r"|many (?:days|weeks|months|years|hours))"
    r"|when|deadline|(?:retention|storage|time) period|how much (?:notice|warning|time)"
    r"|how far (?:in )?ahead|how far in advance"
    r"|time ?limit|time ?frame|turn ?around|response time|within)\b")
_TIME_SPAN = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirty|"
    r"twenty[- ]?\w*|a|an)\s+(?:\w+\s+)?(?:hours?|days?|weeks?|months?|years?)\b"
    r"|\buntil\b|\bas long as\b|\bwithout undue delay\b"
    r"|\bevery (?:\w+ )?(?:hour|day|week|month|year)"
    r"|\b(?:annually|yearly|monthly|weekly|daily|regularly)\b", re.I)
_ASKS_CONTACT = re.compile(
    r"\b(?:email|e mail|phone|telephone|helpline|number|address|website|url|link|contact|office"
    r"|where (?:is|are))\b")
_ASKS_PURPOSE = re.compile(
    r"^(?:why|what for)\b|\bwhat (?:\w+ ){0,6}for$|\bpurposes?\b|\breasons?\b")
_ASKS_WHO = re.compile(r"^(?:who|whom)\b|\b(?:which|what) (?:companies|company|organisations?|"
                       r"providers?|processors?|third parties|parties|partners)\b")
_OURS = re.compile(r"\b(?:we|our|us)\b")
_ASKS_HOW = re.compile(r"^how (?:do|can|could|would|should|may|does) (?!we\b)\w+")
# How something is done: "you can ... by clicking", "using the link", "in Settings".
_METHOD = re.compile(r"\b(?:you can|you may|by (?:\w+ing|email|post|phone|writing|contacting)"
                     r"|using the|through|via|in (?:the )?settings|contact us|click)\b", re.I)
_PARTY = re.compile(r"\b(?:processors?|providers?|third[- ]part(?:y|ies)|partners?|suppliers?|"
                    r"vendors?|contractors?|agenc(?:y|ies)|compan(?:y|ies)|controller|officer|"
                    r"authority|commissioner|advisers?|affiliates?|couriers?|owner|manager|"
                    r"director)\b", re.I)
_PURPOSE = re.compile(r"\b(?:in order to|so that|so as to|for the purposes? of|helps? us|allows? us"
                      r"|enables? us|used to|to help|to provide|to improve|to distinguish"
                      r"|use (?:this|it|them|these|that|the information|your \w+) (?:to|for))\b",
                      re.I)
_ADDRESS_LABELS = frozenset(content_stems("address post postal"))
_CONTACT_LABELS = frozenset(content_stems("address email phone telephone website post postal"))
_NUMBER = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b",
                     re.I)
_CONTACT = re.compile(r"@|\bwww\.|https?://|\b\d{3,}[\d ]{4,}\b"
                      r"|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"  # a UK postcode
                      r"|\b\d+\w? [A-Z][a-z]+ (?:Road|Rd|Street|St|Avenue|Lane|Square)\b")


# "Do we sell ...?", "Does IMGN share ...?", "Are we allowed to keep ...?": the verb asked about.
_POLAR = re.compile(
    r"^(?:do|does|did|will|would|can|could|should|may|might|are|is)\s+(?:we|you|they|\w+)\s+"
    r"(?:(?:allowed|able|supposed|meant|permitted) to\s+)?(?:ever |still |actually |also |really )?"
    r"(\w+)")
# "Can someone ask us to delete ...?", "can a customer request a copy?": whether a person
# may make us do something is a question about their rights.
_ASKS_RIGHT = re.compile(
    r"^(?:can|could|may) i\b|"
    r"^how (?:do|can|could|would) (?!we\b)(?:\w+\s+){1,2}?(?:get|obtain|see|access|request|ask"
    r"|delete|erase|correct|object|withdraw|complain|make a)\b|"
    r"^(?:can|could|may|is|are|do|does)\s+(?!we\b)(?:\w+\s+){0,3}?"
    r"(?:ask|request|demand|make us|get us to|have us|tell us to|insist|require us|object"
    r"|get a copy|have a copy|see (?:the|what|their|his|her|my)|obtain"
    # "can people get their data erased?", "can I have my details corrected?"
    r"|(?:get|have) (?:\w+\s+){0,2}?(?:deleted|erased|removed|wiped|corrected|amended))\b")
_RIGHTS = frozenset(content_stems("right rights entitled"))
# Kinds of value a unit may hold, and the question words that ask for each: the unit that
# holds a phone number speaks to "phone number" even when it never says "phone".
_VALUES = {
    "time": _TIME_SPAN,
    # a company, tax or VAT number may carry a letter or two ("B67012484", "GB 123456789")
    "digits": re.compile(r"\b[A-Z]{0,2}\d[\d ]{6,}\d[A-Z]?\b"),
    # A phone number is grouped ("0303 123 1113", "+44 20 7946 0958") or long; an unbroken
    # run of 6 to 8 digits is a company or charity number, not something to ring.
    "phone": re.compile(r"\b\d{9,}\b|(?:\+|\(|\b)\d{2,5}\)?[ -]\d{2,4}[ -]?\d{3,4}\b"),
    "address": re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"
                          r"|\b\d+\w? [A-Z][a-z]+ (?:Road|Rd|Street|St|Avenue|Lane|Square)\b"),
    # an age limit: "children under 13", "aged 18 or over", "16 or older"
    "age": re.compile(r"\b(?:under|over|aged?|at least|below|above)\s+(?:the age of\s+)?\d{1,2}\b"
                      r"|\b\d{1,2}\s*(?:\+|or over|or older|and over|and older|years? old)"),
    "email": re.compile(r"\w@\w"),
    "web": re.compile(r"\bwww\.|https?://|\b\w+\.(?:org|com|io|co\.uk|gov\.uk)\b"),
    # where data lives: a country or region ("servers in Ireland", "within the UK and Europe")
    "place": re.compile(r"\b(?:UK|United Kingdom|Britain|Europe|EEA|EU|European Union|"
                        r"United States|USA|US|America|Ireland|Germany|France|Netherlands|"
                        r"Canada|Australia|India|Switzerland|countr(?:y|ies))\b"),
}
_VALUE_WORDS = {
    "time": frozenset(content_stems("long fast quick quickly soon deadline timeframe duration "
                                    "notice warning advance ahead promptly turnaround period")),
    "digits": frozenset(content_stems("number")),  # see value_kinds
    "phone": frozenset(content_stems("phone telephone helpline")),
    "address": frozenset(content_stems("address postal post")),
    "email": frozenset(content_stems("email")),
    "age": frozenset(content_stems("age")),
    "web": frozenset(content_stems("website url link web")),
}


# A number is asked for ("phone number", "what's their phone?"), not phones as devices.
_ASKS_NUMBER = re.compile(r"\bnumber\b|\b(?:phone|telephone|helpline|call|ring)\b(?! ?s\b)")
# "Where are we based?", "where is the head office?": a place, i.e. a postal address.
_PLACE_WORDS = frozenset(content_stems("based located headquartered office offices premises"))
# "Where is my data stored / kept / hosted?": a country or region, not a postal address.
_STORED = re.compile(r"^where (?:is|are|do|does)\b.*\b(?:stored|kept|held|hosted|processed|"
                     r"store|keep|hold|host|process|live|lives)\b")
_STORED_WORDS = frozenset(content_stems("stored kept held hosted processed live"))


def holds_value(kind: str, text: str) -> bool:
    """The text holds a value of this kind ("phone": a number to ring, "email": an address)."""
    return bool(_VALUES[kind].search(text))


# Values a "what is X's ...?" question looks up ("phone number", "company number"): only a
# unit holding one answers it. (Not
# email: "the legal basis for marketing emails" asks about messages, not an address.)
LOOKED_UP_VALUES = frozenset({"phone", "digits"})


def looked_up_values(question: QuestionShape, concept_words: Iterable[str]) -> frozenset[str]:
    """The values a "what's IMGN's phone number?" question asks for ("telephone numbers" in a
    list of data collected is no answer to it)."""
    if not question.plain.startswith(("what", "whats", "which")):
        return frozenset()
    return frozenset(kind for word in concept_words for kind in value_kinds(word, question)
                     if kind in LOOKED_UP_VALUES)


def holds_time_span(text: str) -> bool:
    """The text states a time span ("3 years", "within 28 days", "until", "as long as")."""
    return bool(_TIME_SPAN.search(text))


def value_kinds(concept_word: str, question: QuestionShape) -> frozenset[str]:
    """The kinds of value a question concept asks for ("phone number" -> digits)."""
    stems = set(concept_word.split())
    kinds = {kind for kind, words in _VALUE_WORDS.items()
             if stems & words and (kind != "time" or question.asks_time)
             and (kind not in ("digits", "phone") or _ASKS_NUMBER.search(question.plain))}
    if "phone" in kinds:
        kinds.discard("digits")  # "phone number": a number to ring, not any number
    if question.plain.startswith("where") and stems & _PLACE_WORDS:
        kinds.add("address")
    if stems & _STORED_WORDS and _STORED.match(question.plain):
        kinds.add("place")
    return frozenset(kinds)


def plain(text: str) -> str:
    """Lower-case words joined by single spaces, apostrophes dropped."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("’", "")))


@dataclass(frozen=True)
class QuestionShape:
    """What kind of answer the question wants, worked out once per question."""

    plain: str
    defined: tuple[str, ...]  # stems of X in "what is X?", "what counts as X?", "define X"
    wants_list: bool  # "What materials ...", "Which kinds of data ..."
    wh: bool  # what/which/who/when/where/why/how: wants new information, not a yes
    asks_time: bool  # "how long", "how quickly", "when", "deadline"
    asks_contact: bool  # "email", "phone", "address", "website"
    asks_purpose: bool  # "why", "what for", "for what purpose"
    asks_who: bool  # "who handles card payments?", "which companies ..."
    polar: str  # stem of the verb of a yes/no question ("do we sell ...?" -> "sell")
    asks_right: bool  # "can someone ask us to delete their data?"
    asks_how: bool  # "how do I stop marketing emails?", "how can customers ..."
    asks_place: bool  # "where is my data stored / hosted?": a country or region
    ours: bool  # asks for our own address, number or link ("where are we based?", "our email")

    @classmethod
    def of(cls, question: str) -> QuestionShape:
        asked = plain(question)
        match = _DEFINITION_QUESTION.match(asked) or _COUNTS_AS.match(asked)
        defined = (tuple(content_stems(match.group(1)))
                   if match and len(match.group(1).split()) <= 5 else ())
        listing = _LIST_QUESTION.match(asked)
        wants = False
        if listing:
            noun = listing.group(1)
            kinds = any(word in asked.split()[:4] for word in ("kinds", "kind", "types", "type",
                                                                "sorts", "sort", "categories"))
            wants = kinds or noun in _MASS_NOUNS or (noun.endswith("s")
                                                      and not noun.endswith("ss"))
        return cls(plain=asked, defined=defined, wants_list=wants,
                   wh=bool(_WH_QUESTION.match(asked)),
                   asks_time=bool(_ASKS_TIME.search(asked)),
                   asks_contact=bool(_ASKS_CONTACT.search(asked)) and not _STORED.match(asked),
                   asks_purpose=bool(_ASKS_PURPOSE.search(asked)),
                   asks_who=bool(_ASKS_WHO.search(asked)),
                   polar=_polar_verb(asked),
                   asks_right=bool(_ASKS_RIGHT.match(asked)),
                   asks_how=bool(_ASKS_HOW.match(asked)),
                   asks_place=bool(_STORED.match(asked)),
                   ours=bool(_ASKS_CONTACT.search(asked) and _OURS.search(asked)))


@dataclass(frozen=True)
class UnitShape:
    """What a unit offers as an answer, worked out once per unit (and cached)."""

    kind: str
    plain_answer: str
    plain_heading: str
    stems: frozenset[str]
    defines: tuple[str, ...]  # stems before a defining verb in its opening ("Cookies are")
    time_span: bool
    contact: bool
    label: frozenset[str]  # a fact's label
    header: frozenset[str]  # a fact's table header and lead-in, label words left out
    numbers: int  # figures in it ("one month", "26 months", "0303 123 1113")
    purpose: bool  # says what something is for ("to distinguish you", "helps us")
    party: bool  # names a kind of organisation or person (processors, partners, officer)
    method: bool  # says how to do something ("you can ... by clicking", "in Settings")
    topic: frozenset[str]  # stems of its section's heading: what the section is about
    length: int  # words in the answer: the smaller the span that answers, the better
    values: frozenset[str]  # kinds of value it holds (time, digits, address, email, web)
    we_verbs: frozenset[str]  # stems of the words just after "we" ("We never sell" -> sell)

    @classmethod
    def of(cls, unit: Unit, heading: str) -> UnitShape:
        opening = plain(unit.quote).split()[:8]
        verb = next((i for i, word in enumerate(opening) if word in _DEFINING_VERBS), 0)
        label: frozenset[str] = frozenset()
        linked = " ".join((unit.answer, *unit.links))  # a link's target is a value it offers
        if unit.kind == "fact" and ":" in unit.answer:
            label = frozenset(content_stems(unit.answer.split(":", 1)[0]))
        return cls(kind=unit.kind, plain_answer=plain(unit.answer), plain_heading=plain(heading),
                   stems=frozenset(content_stems(unit.answer)),
                   defines=tuple(content_stems(" ".join(opening[:verb]))) if verb else (),
                   time_span=bool(_TIME_SPAN.search(unit.answer)),
                   contact=bool(_CONTACT.search(linked) or label & _CONTACT_LABELS),
                   label=label,
                   header=frozenset(content_stems(unit.context)) - label,
                   numbers=len(_NUMBER.findall(unit.answer)),
                   purpose=bool(_PURPOSE.search(unit.answer)),
                   party=bool(_PARTY.search(unit.answer)),
                   method=bool(_METHOD.search(unit.answer)),
                   topic=frozenset(content_stems(heading)),
                   length=len(unit.answer.split()),
                   values=frozenset(kind for kind, pattern in _VALUES.items()
                                    if pattern.search(linked))
                   | ({"address"} if label & _ADDRESS_LABELS else set()),
                   we_verbs=_we_verbs(unit.answer))

    @property
    def about_rights(self) -> bool:
        """Its section is about people's rights ("Your rights", "9.1 How to Exercise ...")."""
        return bool(self.topic & _RIGHTS)

    def answer_type_fits(self, question: QuestionShape) -> bool:
        """It holds the kind of thing asked for: a time span for "how long/quickly", an
        address, number or link for "what's their email/phone/website", a purpose for "why"
        or "what for", a party for "who", a country or region for "where is it stored"."""
        return ((question.asks_time and self.time_span)
                or (question.asks_contact and self.contact)
                or (question.asks_purpose and self.purpose)
                or (question.asks_who and self.party)
                or (question.asks_how and self.method)
                or (question.asks_place and "place" in self.values))

    def looked_up(self, asked: set[str]) -> bool:
        """A fact the question looks up: it names the fact's label ("phone number" ->
        "Phone: 0303 ..."), or part of the label and part of its table's header ("lawful
        basis for marketing" -> "Marketing communications: Consent" under "Purpose Legal
        Basis")."""
        if not self.label:
            return False
        return self.label <= asked or bool(self.label & asked and self.header & asked)


def _polar_verb(asked: str) -> str:
    match = _POLAR.match(asked)
    if not match:
        return ""
    found = content_stems(match.group(1))
    return found[0] if found else ""


# Words before "we" that make what follows a condition or a relative clause ("If we sell
# the business", "to whom we may sell"), not a statement of what we do.
_NOT_STATED = frozenset(["if", "when", "whenever", "where", "unless", "whom", "which", "that",
                         "before", "after", "once", "until", "while", "whether", "as"])


def _we_verbs(text: str) -> frozenset[str]:
    """What the policy states "we" do or do not do: stems of up to four words after a "we"
    that opens a statement ("We never sell", "we do not and will not sell")."""
    tokens = plain(text).split()
    return frozenset(stem for i, word in enumerate(tokens)
                     if word == "we" and (i == 0 or tokens[i - 1] not in _NOT_STATED)
                     for stem in content_stems(" ".join(tokens[i + 1:i + 5])))
