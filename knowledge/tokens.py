"""Words as the ranker sees them: tokenising, stop words, snowball stemming, sentence splits."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[a-z0-9]+")
_POSSESSIVE = re.compile(r"['’]s\b")

# Function words and the filler of staff questions: they say how something is asked, not what.
_STOP_TEXT = """
    a about above after again against all am an and any are aren as at be because been before
    being below between both but by can cannot could did didn do does doesn doing don down during
    each few for from further had has have having he her here hers herself him himself his how i
    if in into is isn it its itself just let me more most my myself no nor not of off on once only
    or other ought our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your yours yourself
    yourselves s t also etc e g ie eg may might must shall us one ever get got tell anyone
    someone something anything thing things please know want need does say says said
    hi hey hello thanks thank question wondering wonder regarding re okay ok just actually
    exactly currently basically really allowed able supposed happen happens going lot kind sort
    asked asks asking counts count whether won wont couldn shouldn wouldn aren isn wasn weren
    haven hasn hadn cover covers covered take takes taking took make makes making put puts go
    goes going come comes general generally specific particular usual usually
    normally typically onto upon stuff cant dont doesnt isnt arent wont didnt shouldnt wouldnt
    couldnt havent hasnt whats whos wheres hows theres thats much apart besides m ve ll im ive
    another every everything else mainly mostly primarily principally largely chiefly
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
_STOP_STEMS = frozenset(_STEMMER.stemWords(sorted(STOP_WORDS)))


# Plurals the stemmer does not bring home ("bases" -> "base", but "basis" -> "basi").
_IRREGULAR = {"bases": "basis", "children": "child", "analyses": "analysis",
              "criteria": "criterion", "phenomena": "phenomenon", "people": "person",
              # the possessive typed without its apostrophe ("peoples data")
              "peoples": "person", "childrens": "child",
              # irregular verbs: "withdrawn" consent is consent to "withdraw"
              "withdrawn": "withdraw", "withdrew": "withdraw", "kept": "keep", "held": "hold",
              "sold": "sell", "told": "tell", "given": "give", "gave": "give", "chosen": "choose",
              "chose": "choose", "bought": "buy", "sent": "send", "shown": "show",
              "written": "write", "wrote": "write", "known": "know", "stolen": "steal",
              "forgotten": "forget", "got": "get", "gotten": "get", "paid": "pay",
              "spent": "spend", "brought": "bring", "sought": "seek", "made": "make"}


# Words whose stem would merge them with a word of another meaning ("regulator" and
# "regulation" both stem to "regul", "responsible" and "response" to "respons", "providers"
# and "provide" to "provid", "officer" and "office" to "offic", "controller" and "control"
# to "control", "accounting" and "account" to "account", "recordings" and "records" to
# "record", "applicant" (a person) and "application" (software, or a job application) to
# "applic").
_KEEP_WHOLE = {"regulator": "regulator", "regulators": "regulator",
               "responsible": "responsible", "responsibility": "responsible",
               "provider": "provider", "providers": "provider",
               "controller": "controller", "controllers": "controller",
               "accounting": "accounting", "recording": "recording", "recordings": "recording",
               "applicant": "applicant", "applicants": "applicant",
               "officer": "officer", "officers": "officer", "recorded": "recording"}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The snowball stem of one lower-case word (cached: policies repeat their words)."""
    if word in _KEEP_WHOLE:
        return _KEEP_WHOLE[word]
    return str(_STEMMER.stemWord(_IRREGULAR.get(word, word)))


# Phrasal verbs whose particle is a stop word: read as the one verb they mean, in policies and
# questions alike ("cannot be switched off" and "can't be turned off" both say "disable").
_PHRASAL = (
    # the word between is kept: "turn marketing off" is "disable marketing"
    (re.compile(r"\b(?:turn|switch|shut)(?:s|es|ed|ing)? (?:(\w+) )?off\b"), r"disable \1"),
    (re.compile(r"\b(?:turn|switch)(?:s|es|ed|ing)? (?:(\w+) )?on\b"), r"enable \1"),
    # "how do we work out how long": to determine it ("work" alone is a light verb)
    (re.compile(r"\b(?:work|figure)(?:s|ed|ing)? (?:(\w+) )?out\b"), r"determine \1"),
    # "for ages", "in ages" is a long time, not anyone's age
    (re.compile(r"\b(?:for|in) ages\b"), "for a long time"),
    # "shut the account down", "closed down": to close it
    (re.compile(r"\b(?:shut|close)(?:s|d|ting)? ((?:\w+ ){0,2})down\b"), r"close \1"),
    # "right now", "right away" say when, not a right
    (re.compile(r"\bright (now|away|after|before)\b"), r"\1"),
    # "set up an account", "we have set up procedures": to create it
    (re.compile(r"\bset(?:s|ting)? up\b"), "create"),
    # "if you do not provide that data", "if I refuse to give it", "won't give us info":
    # withholding it, in policies and questions alike
    (re.compile(r"\b(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|won['’ ]?t|do not|don['’ ]?t"
                r"|does not|doesn['’ ]?t|did not|didn['’ ]?t|fail(?:s|ed)? to|unwilling to"
                r"|choose not to)"
                r" (?:to )?(?:provide|give|supply)\b"), "withhold"),
    # "accounts that have not been used for two years": inactive ones, in policies too
    (re.compile(r"\b(?:has|have|had)(?: not|n['’]?t) been used\b"), "been inactive"),
    # "based on" (according to) is not "based" (located)
    (re.compile(r"\bbased (?:up)?on\b"), "according to"),
)


# One pass tells whether any of them is there at all (most sentences hold none).
_ANY_PHRASAL = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _PHRASAL))


# A prefix of one or two letters joined by a hyphen is part of the word: "e-mail" is "email",
# "X-rays" are "xrays", "Wi-Fi" is "wifi", as people type them. Not a stop word ("in-app" is
# "in the app") nor a pair of capitals ("UK-US transfers" name two countries).
_SHORT_PREFIX = re.compile(r"\b([A-Za-z][a-z]?)-(?=[A-Za-z]{2})")


def _join_prefix(match: re.Match[str]) -> str:
    prefix = match.group(1)
    return prefix if len(prefix) == 1 or prefix.lower() not in STOP_WORDS else f"{prefix}-"


# "under 16s", "over 18s": the age, not a word.
_PLURAL_NUMBER = re.compile(r"\b(\d+)'?s\b")


def words(text: str) -> list[str]:
    """Lower-case word tokens, possessives dropped ("IMGN Studio's" -> imgn, studio)."""
    if "-" in text:
        text = _SHORT_PREFIX.sub(_join_prefix, text)
    lowered = _POSSESSIVE.sub("", text.lower())
    lowered = _PLURAL_NUMBER.sub(r"\1", lowered)
    if _ANY_PHRASAL.search(lowered):
        for pattern, verb in _PHRASAL:
            lowered = pattern.sub(verb, lowered)
    return _WORD.findall(lowered)


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order, repeats kept."""
    stems = (stem(word) for word in words(text) if word not in STOP_WORDS)
    return [word for word in stems if word not in _STOP_STEMS]


# Sentence ends: ., ! or ? followed by space and a capital, digit, quote or bracket.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9\"“‘(])")
# Legal citations too, as policies written under German or EU law give them: "Art. 6 par. 1
# lit. b GDPR", "Sec. 147 AO", "cf. Art. 13".
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "no.", "inc.", "ltd.", "co.", "mr.", "mrs.", "ms.",
                  "dr.", "st.", "vs.", "art.", "para.", "sec.", "u.k.", "u.s.", "par.", "lit.",
                  "cf.", "incl.", "approx.", "abs.", "nr.", "pp.", "ref.", "resp.")


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, not breaking after common abbreviations."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        candidate = paragraph[start:match.start()].rstrip()
        tail = candidate.lower().rsplit(" ", 1)[-1]
        if tail.endswith(_ABBREVIATIONS) or re.search(r"\b[a-z]\.$", tail):
            continue
        parts.append(paragraph[start:match.end()].strip())
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        parts.append(rest)
    return [part for part in parts if part]


# "There is no charge for any of this": the sentence speaks of everything its paragraph said
# before it, not only of the sentence just before. "Any of them" does not: "them" names a thing
# the sentence itself has just named ("If you would prefer not to get reminders, reply STOP to
# any of them").
_QUANTIFIED_BACK = re.compile(
    r"\b(?:any|all|none|each|either|neither|some|most) of (?:this|these|those)\b", re.I)


def refers_to_all_before(sentence: str) -> bool:
    """Does the sentence speak of all that came before it ("any of this", "all of these")?"""
    return " of th" in sentence and bool(_QUANTIFIED_BACK.search(sentence))
