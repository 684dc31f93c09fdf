"""Requests read from their parts (intents/clauses.verb_requests): a language's request cue,
an everyday request verb (`request_verbs`) and the noun it acts on (`nouns`,
`marketing_list`), so a language needs words, not a rule per wording.

Every wording here was written for this test (none comes from a labelled or unseen set):
plain requests in several languages, verbs that follow their object, list items under a
line that asks, and the near misses that must stay nothing (not asked, negated, about
someone else's files, a past act, a threat).
"""

from __future__ import annotations

import pytest

from intents import CORE_INTENTS, classify
from intents.clause_cues import ALL
from intents.clauses import read_clauses, verb_requests
from intents.textnorm import fold
from tests.intents.mailmaker import mail


def _intents(body: str, subject: str = "Hallo") -> list[str]:
    return sorted(set(classify(mail(body, subject)).intents) & set(CORE_INTENTS))


@pytest.mark.parametrize(("body", "expected"), [
    # A list asked to drop the sender, in languages whose rules lack the wording.
    ("Hei, vil dere ta meg ut av e-postlista deres? Takk.", ["opt_out"]),
    ("Hej, kan ni stryka mig från nyhetsbrevet? Tack på förhand.", ["opt_out"]),
    ("Jó napot! Kérem, töröljék a címemet a hírlevél-listáról.", ["opt_out"]),
    ("Dia daoibh, ba mhaith liom go mbainfí mé den liosta ríomhphoist.", ["opt_out"]),
    # Stopping marketing named before the verb ("which ... stop").
    ("I get your promo texts every Friday, which I would like you to stop sending.",
     ["opt_out"]),
    # Erasure of the sender's own data, the verb after its object.
    ("Ik wil graag dat u de foto's waarop ik sta van uw site verwijdert.", ["erasure"]),
    ("Ich möchte, dass Sie meine Fotos aus Ihrem Archiv löschen.", ["erasure"]),
    ("Vennligst sørg for at bildene av meg slettes fra nettsiden deres.", ["erasure"]),
    ("Per favore, potete rimuovere le foto in cui compaio io dal vostro sito?",
     ["erasure"]),
    # A list item under a line that asks.
    ("Geachte heer,\n\nIk verzoek u het volgende:\n1. de opnames waarop ik te horen ben te "
     "wissen;\n2. dit schriftelijk te bevestigen.\n\nMet vriendelijke groet,\nAnke",
     ["erasure"]),
])
def test_a_request_verb_with_its_noun_is_read(body: str, expected: list[str]) -> None:
    assert _intents(body) == expected


@pytest.mark.parametrize("body", [
    # Someone else's files: no first-person word, nothing of the sender's.
    "Kunnen jullie de testfoto's uit de gedeelde map verwijderen?",
    "Kan dere slette de gamle utkastene fra fellesmappen?",
    "Potete rimuovere le bozze dalla cartella condivisa?",
    # Negated, or on a condition.
    "Bitte löschen Sie meine Fotos nicht, ich brauche sie noch.",
    "Vennligst ikke slett bildene mine, jeg trenger dem.",
    "Ha nem kérem, ne töröljék a fotóimat.",
    # Told, not asked: a past act, and the sender's own act.
    "Vorig jaar hebben jullie mijn foto's van de site verwijderd, dank daarvoor.",
    # Not asked at all: a statement about the list.
    "Jeg står på e-postlista deres og leser den hver uke.",
])
def test_near_misses_ask_nothing(body: str) -> None:
    assert _intents(body) == []


def test_a_list_and_the_data_are_two_requests() -> None:
    # Taking the sender off a list does not turn the erasure beside it into an opt-out.
    body = "Please take me off your mailing list and delete my photos from your archive."
    assert _intents(body) == ["erasure", "opt_out"]


def test_the_evidence_is_the_rules_own_words_when_they_read_it() -> None:
    result = classify(mail("Please delete my account, I no longer use it.", "Account"))
    assert next(e.text for e in result.evidence if e.intent == "erasure") == "delete my account"


def test_the_request_is_read_in_the_verbs_place() -> None:
    text = fold("Kan dere fjerne meg fra e-postlista deres?")
    (resolution,) = verb_requests(read_clauses(text))
    assert resolution.only == "opt_out"
    assert "unsubscribe me" in resolution.text
    assert resolution.text.startswith("kan dere")


def test_every_request_verb_has_a_plain_start() -> None:
    # The cue index (intents/clause_index.py) finds where a verb may match by its opening
    # letters; a verb without one would be tried at every position of every mail.
    from intents.clause_index import cue_set

    verbs = cue_set([v.pattern for cues in ALL for v in cues.request_verbs])
    assert not verbs.always
    assert all(v.action in ("remove", "stop", "send") for cues in ALL for v in cues.request_verbs)
