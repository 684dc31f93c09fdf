"""Question shapes that change what a good answer looks like.

"What is X?" wants the sentence that defines X ("X includes ...", "X are ..."); "What kinds
of data ...?" or "What materials ...?" wants a list; "What's the ICO's phone number?" wants
the fact labelled "Phone". These are properties of English questions, not of any policy.
"""

from __future__ import annotations

import re

from knowledge.models import Unit
from knowledge.tokens import content_stems

_DEFINITION_QUESTION = re.compile(
    r"^(?:what(?: is| are|s| does| do)|define|definition of|meaning of|what do we mean by"
    r"|what counts as|what is meant by|what qualifies as|what do you mean by)"
    r"\s+(?:a |an |the |our |we mean by )?(.+?)(?: mean| means)?$")
_DEFINING_VERBS = frozenset(
    ["is", "are", "includes", "include", "means", "mean", "refers", "consists", "covers",
     "comprises"])
_LIST_QUESTION = re.compile(
    r"^(?:what|which|list)(?: are| is| do| does| will| can)?\s+(?:the |all )?"
    r"(?:kinds? of |types? of |sorts? of |categories of |(?:pieces of )?)(\w+)")
_MASS_NOUNS = frozenset({"information", "data", "details", "personal", "rights", "things"})
_WH_QUESTION = re.compile(r"^(?:what|which|who|whom|whose|when|where|why|how|list|name)\b")
_ASKS_TIME = re.compile(
    r"\b(?:how (?:long|quickly|soon|fast|many (?:days|weeks|months|years|hours))|when|deadline"
    r"|time ?limit|time ?frame|within)\b")
_TIME_SPAN = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirty|"
    r"twenty[- ]?\w*|a|an)\s+(?:\w+\s+)?(?:hours?|days?|weeks?|months?|years?)\b"
    r"|\buntil\b|\bas long as\b|\bwithout undue delay\b", re.I)
_ASKS_CONTACT = re.compile(
    r"\b(?:email|e mail|phone|telephone|helpline|number|address|website|url|link|contact)\b")
_CONTACT = re.compile(r"@|\bwww\.|https?://|\b\d{3,}[\d ]{4,}\b")


def plain(text: str) -> str:
    """Lower-case words joined by single spaces, apostrophes dropped."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("’", "")))


def defined_term(plain_question: str) -> list[str]:
    """Stems of X in "what is X?" / "what counts as X?" / "define X", else []."""
    match = _DEFINITION_QUESTION.match(plain_question)
    if not match or len(match.group(1).split()) > 5:
        return []
    return content_stems(match.group(1))


def defines(quote: str, term: list[str]) -> bool:
    """The quote opens with the term followed by a defining verb ("Cookies are ...")."""
    opening = content_stems(" ".join(quote.split()[: len(term) + 3]))
    if not term or opening[: len(term)] != term:
        return False
    return bool(_DEFINING_VERBS & set(plain(quote).split()[len(term): len(term) + 3]))


def wants_list(plain_question: str) -> bool:
    """ "What materials ...", "Which kinds of data ...": the answer is a list."""
    match = _LIST_QUESTION.match(plain_question)
    if not match:
        return False
    noun = match.group(1)
    kinds = any(word in plain_question.split()[:4] for word in ("kinds", "kind", "types", "type"))
    return kinds or noun in _MASS_NOUNS or (noun.endswith("s") and not noun.endswith("ss"))


def is_wh_question(plain_question: str) -> bool:
    """What/which/who/when/where/why/how questions want new information, not a yes."""
    return bool(_WH_QUESTION.match(plain_question))


def answer_type_fits(plain_question: str, text: str) -> bool:
    """The unit holds the kind of thing asked for: a time span for "how long/quickly",
    an address, number or link for "what's their email/phone/website"."""
    if _ASKS_TIME.search(plain_question) and _TIME_SPAN.search(text):
        return True
    return bool(_ASKS_CONTACT.search(plain_question) and _CONTACT.search(text))


def fact_label_asked(unit: Unit, asked: set[str]) -> bool:
    """A fact the question looks up: it names the fact's label ("phone number" -> "Phone:
    0303 ..."), or part of the label and part of its table's header ("lawful basis for
    marketing" -> "Marketing communications: Consent" under "Purpose Legal Basis")."""
    if unit.kind != "fact":
        return False
    label = unit.answer.split(":", 1)[0] if ":" in unit.answer else ""
    stems = set(content_stems(label))
    if not stems:
        return False
    if stems <= asked:
        return True
    header = set(content_stems(unit.context)) - stems
    return bool(stems & asked) and bool(header & asked)
