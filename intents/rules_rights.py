"""Rules for the six further rights, built from the lexicon's words (rights_lexicon.py).

The mechanisms are the same in every language, so they live here once: the right's own name
(0.85, a reference a chaser may lift), a request verb near its object within a sentence
(0.8; object first 0.75), a request with a pronoun object after a personal fact it stands
for (0.75), a weak sign (0.4, two make the intent) and the GDPR article number (0.45: with
anything else of the right, enough). The checks every rule gets (negation, condition,
question, retraction, past) are the classifier's.

Objections to direct marketing and withdrawn marketing consent are opt-outs (Art. 21(2),
7(3)): `speaks_of_marketing` tells the classifier a sentence is about marketing.
"""

from __future__ import annotations

import re

from intents.rights_lexicon import LEXICON
from intents.rights_words import ARTICLE_WEIGHTS, ARTICLES, FACTS, INACCURACY, RightWords
from intents.ruleparts import RawRule, gap
from intents.ruleset import shared_fragment

TERM_WEIGHT = 0.85
VERB_OBJECT_WEIGHT = 0.8
OBJECT_VERB_WEIGHT = 0.75
PRONOUN_WEIGHT = 0.75
SIGN_WEIGHT = 0.4
ARTICLE_WEIGHT = 0.45
# The two rights that an opt-out covers when they are about marketing.
# "Article 15", "Art. 15", "artículo 15", "článku 15", "άρθρο 15" (folded).
ARTICLE = shared_fragment("ARTICLE")
# "16 artiklan", "18. člen", "21. pants": the word after the number.
ARTICLE_AFTER = shared_fragment("ARTICLE_AFTER")
MARKETING_COVERED = frozenset({"objection", "consent_withdrawal"})
MARKETING = re.compile(
    r"\b(?:\w*marketing\w*|mercadotecnia|advertis\w*|adverts?|ads|newsletters?|mailing lists?"
    r"|promotion\w*|promotional|promos?|spam|publicidad\w*|publicit\w*|comerciales|commercial"
    r" (?:e-?mails?|messages|communications?|offers)|ofertas|offres|prospection|werbung\w*"
    r"|werbe\w*|direktwerbung|reclame|pubblicit\w*|nieuwsbrief|boletin|marknadsfor\w*"
    # The GDPR's "direct marketing" in the thinly read languages (Art. 21(2)).
    r"|rinkodar\w*|tirgvedib\w*|\w*turundus\w*|\w*markkinoin\w*|trzenj\w*|маркетинг\w*"
    r"|εμπορικ\w* προωθησ\w*|margaiocht\w*|kummercjalizzazzjoni|comercializacao direta"
    r"|obchodni\w* sdeleni|reklam\w*)\b")


def _any(parts: tuple[str, ...]) -> str:
    return "(?:" + "|".join(parts) + ")"


def _start(pattern: str) -> str:
    return pattern if pattern.startswith(r"\b") else r"\b" + pattern


def rules_for(intent: str, words: RightWords) -> list[RawRule]:
    """The rules one language's words make for one right."""
    rules: list[RawRule] = []
    if words.terms:
        rules.append((intent, TERM_WEIGHT, r"\b" + _any(words.terms) + r"(?!\w)", "r"))
    if words.verbs and words.objects:
        verbs, objects = _any(words.verbs) + r"\w*", _any(words.objects)
        rules.append((intent, VERB_OBJECT_WEIGHT, r"\b" + verbs + gap(5) + objects, ""))
        if words.verb_last:
            rules.append((intent, OBJECT_VERB_WEIGHT, r"\b" + objects + gap(6) + verbs, ""))
    # "f": only after a personal fact the pronoun can stand for (classifier._check).
    rules.extend((intent, PRONOUN_WEIGHT, _start(request), "f")
                 for request in words.pronoun_requests)
    rules.extend((intent, SIGN_WEIGHT, _start(sign), "") for sign in words.signs)
    return rules


def _build() -> list[RawRule]:
    rules: list[RawRule] = []
    for rights in LEXICON.values():
        for intent, words in rights.items():
            rules.extend(rules_for(intent, words))
    for intent, number in ARTICLES.items():
        weight = ARTICLE_WEIGHTS.get(intent, ARTICLE_WEIGHT)
        rules.append((intent, weight, ARTICLE + number + r"\b(?![.,]\d)", "r"))
        rules.append((intent, weight, r"\b" + number + ARTICLE_AFTER, "r"))
    return rules


RIGHTS_RULES: list[RawRule] = _build()


# An object that points back ("said consent", "ce consentement"): what it names is in the
# sentence before.
ANAPHORA = re.compile(r"\b(?:said|that|this|such|the same|it|ce|cet|cette|ese|esa|este|esta"
                      r"|dicho|dicha|diese|dieses|diesen|dies|sie)\b")


# A personal fact said to be wrong in the words before a pronoun request ("my surname is
# spelled Olsen not Olson. Could you fix that?").
FACT_CONTEXT = re.compile(r"\b(?:" + "|".join(FACTS) + ")")
INACCURACY_CONTEXT = re.compile(r"\b(?:" + "|".join(INACCURACY) + ")")
# Marketing that carries the sender's picture is about the picture: "the permission to use
# my photos in your adverts" is a consent withdrawal, not an opt-out.
MEDIA = re.compile(r"\b(?:photos?|photographs?|pictures?|images?|videos?|footage|likeness"
                   r"|fotos?|fotografias?|imagen(?:es)?|bilder?|aufnahmen)\b")


def speaks_of_marketing(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] (a sentence) is about marketing sent to the sender, not
    about their pictures used in it."""
    return (MARKETING.search(folded, start, end) is not None
            and MEDIA.search(folded, start, end) is None)


def names_wrong_fact(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] names one of the sender's facts and says it is wrong."""
    return (FACT_CONTEXT.search(folded, start, end) is not None
            and INACCURACY_CONTEXT.search(folded, start, end) is not None)
