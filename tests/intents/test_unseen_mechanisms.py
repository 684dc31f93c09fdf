"""Mechanisms found by reading the errors on six sets of mail by writers who never saw the
rules (issue 15, second runs): each group holds wordings written for this test, in two or
more languages where the mechanism is language-specific, and near misses that must not
carry the intent. None is copied from the sets (they are regression sets of their own,
tests/intents/*_voices_mail.jsonl and the others named in test_eval.py)."""

from __future__ import annotations

import pytest

from intents import CORE_INTENTS, classify, read_message
from tests.intents.mailmaker import raw_mail


def _read(body: str, subject: str = "") -> list[str]:
    mail = read_message(raw_mail(body, subject, sender="someone@example.org"))
    return sorted(set(classify(mail).intents) & set(CORE_INTENTS))


# A threat to go to the regulator on a condition counts as a complaint (the sets'
# convention), whatever the condition's words: the organisation's inaction ("isn't sorted",
# "should I not hear"), the marketing going on ("if I get one more"), or "otherwise" in a
# language the clause cues do not hold; and a reminder's request stays beside it.
THREATS = [
    ("en", "Hello,\n\nPlease send me a copy of my personal data. If this isn't dealt with "
     "within a month I will be reporting you to the ICO.\n\nAmir", ["access", "complaint"]),
    ("en", "Stop texting me offers. If I receive one more message I am going to the "
     "regulator.\n\nJo", ["complaint", "opt_out"]),
    ("en", "Dear Sir,\n\nPlease delete my account. Should I not hear from you by the end of "
     "the month, I will take the matter to the Data Protection Commission.\n\nD. Byrne",
     ["complaint", "erasure"]),
    ("it", "Buongiorno,\n\nvi ho chiesto di cancellare il mio account e tutte le mie foto il "
     "3 marzo. Se non ricevo risposta entro una settimana presenterò reclamo al Garante.\n\n"
     "Paolo", ["complaint", "erasure"]),
    ("fi", "Hei,\n\npoistakaa tilini ja kaikki kuvani. Muuten teen valituksen "
     "tietosuojaviranomaiselle.\n\nLiisa", ["complaint", "erasure"]),
    ("ro", "Bună ziua,\n\nvă rog să ștergeți contul meu. În lipsa unui răspuns în două "
     "săptămâni, voi depune plângere la ANSPDCP.\n\nIoana", ["complaint", "erasure"]),
]
THREAT_NEAR_MISSES = [
    ("en", "Hi, if I complain to the ICO about a company, will they tell the company my "
     "name?\n\nSam", []),
    ("en", "Please delete my account. I reserve the right to lodge a complaint with the ICO "
     "if this is not done.\n\nKim", ["erasure"]),
    ("it", "Buongiorno, se non ho capito male il Garante pubblica delle linee guida: dove le "
     "trovo?\n\nLuca", []),
]


@pytest.mark.parametrize(("lang", "body", "want"), THREATS + THREAT_NEAR_MISSES)
def test_conditional_threats_to_the_regulator(lang: str, body: str, want: list[str]) -> None:
    assert _read(body) == want, lang
