"""The rule type, the cues that cancel or weaken a match, and the compiled rule set.

A rule is a regular expression over folded text (see textnorm) with the intent it signals and
a weight. Flags: "n" the pattern carries its own negation ("I don't want any more emails"), so
the negation cue check is skipped; "r" the pattern refers to a request that may be an earlier
one ("my access request", "Article 15"), which a chaser raises; "c" a chaser: the sender says
an earlier request was ignored; "h" no check for conditions ("if ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intents.rules_en import EN_RULES
from intents.rules_eu import EU_RULES
from intents.rules_more import MORE_RULES


@dataclass(frozen=True)
class Rule:
    intent: str
    weight: float
    regex: re.Pattern[str]
    flags: str


# A negation just before a match (within a few words, same clause) cancels it.
NEGATION = re.compile(
    r"\b(?:not|don'?t|doesn'?t|didn'?t|dont|never|no need to|no|nothing|neither|nor|won'?t"
    r"|wouldn'?t|shouldn'?t|isn'?t|nicht|kein\w*|nie|niemals|nunca|ne|n'|pas|jamais"
    r"|non|mai|niet|geen|nooit|nao|inte|ej|aldrig|nemojte|δεν|μην|nu)\b[^,;:.!?]{0,40}$"
)
# A condition or a reservation around a match weakens it: "if I unsubscribe, will I...",
# "I reserve the right to lodge a complaint".
CONDITION = re.compile(
    r"^\W*to\b|\b(?:if(?! (?:yes|so|you do|you are|you have|you could|you would|you can"
    r"|you will)\b)|in case|considering|thinking (?:about|of)|wonder\w*|whether|would that"
    r"|reserve the right|will result in|hypothetical\w*|suppose|si|en caso|me reservo|wenn"
    r"|falls|sollte\w*|ob|behalte|vorbehalten|au cas|me reserve|qualora|mi riservo"
    r"|indien|voorbehoud|behoud|caso|reservo|forbehaller|pokud|v pripade|vyhrazuji|ako"
    r"|zadrzavam|εαν|αν|επιφυλασσομαι|daca|imi rezerv|ifall|jesli|zastrzegam)\b"
)
# Reservations reach over the whole sentence: "..., I reserve the right to take legal action
# and to lodge a complaint".
RESERVATION = re.compile(
    r"\b(?:reserve the right|behalte\w* (?:ich )?mir|vorbehalten|me reservo|me reserve"
    r"|mi riservo|me reservo|reservo-me|vyhrazuji|zadrzavam|επιφυλασσομαι|imi rezerv\w*"
    r"|forbehaller|voorbehoud|behoud ik|zastrzegam|detin dreptul|vyhrazuji si"
    r"|zadrzavam si|διατηρω το δικαιωμα)\b"
)
# Words before a request that make it a reference to an earlier one: "my request to stop...".
REFERENCE = re.compile(
    r"\b(?:request\w*|asked(?: you)?|ask you|demande|peticion|solicitud|anfrage|antrag)\W+"
    r"(?:\w+\W+){0,3}(?:to|de|que|zu|um)\W+(?:\w+\W+)?$"
)
# The sender takes back what follows: "please ignore my email asking you to delete...".
RETRACTION = re.compile(
    r"\b(?:(?:ignore|disregard|ignorieren sie|ignorez|ignorad|ignoren)\W+"
    r"(?:my|that|the|this|meine|mon|ma|mi)"
    r"\W+(?:\w+\W+)?(?:e-?mail|message|mail|request|nachricht|anfrage|correo|demande)"
    r"|changed my mind|cancel my (?:previous |earlier |last )?request"
    r"|withdraw my (?:previous |earlier |last )?request|never ?mind)\b"
)
# A question about the sender's own situation asks, it does not request.
QUESTION = re.compile(
    r"^\W*(?:(?:hi|hello|hey|quick question|bonjour|hola|hallo)\W+)*(?:will i|would i|do i"
    r"|can i|should i|shall i|is it|are you|do you|does|did you|is there|how long|when"
    r"|are there|est-ce que|combien de temps|cuanto tiempo|wie lange)\b"
)
def _compile(raw: list[tuple[str, float, str, str]]) -> tuple[Rule, ...]:
    return tuple(Rule(intent, weight, re.compile(pattern), flags)
                 for intent, weight, pattern, flags in raw)


RULES: tuple[Rule, ...] = _compile([*EN_RULES, *EU_RULES, *MORE_RULES])
