"""An earlier request told as ignored, in the forms the cue lists lacked (intents/clauses.py,
Reading.ignored): the verb before the subject after a fronted date ("Op 3 mei heb ik
gevraagd", "I januari har jag bett"), a request said to have been sent ("I submitted a
subject access request"), the time the organisation had gone by ("it has been over ten
weeks", "cela fait plus de trois semaines"), and "twice" before the verb ("haromszor
kertem"). By the labelled sets' convention a request ignored is a complaint.

Every wording was written for this test; the near misses must stay without a complaint.
"""

from __future__ import annotations

import pytest

from intents import classify
from tests.intents.mailmaker import mail


def _intents(body: str) -> list[str]:
    return classify(mail(body, "Mijn verzoek")).intents


@pytest.mark.parametrize("body", [
    "Begin maart heb ik jullie gevraagd mijn account te sluiten. Ik heb nog steeds niets "
    "gehoord.",
    "I januari har jag bett er att ta bort mig från listan. Nyhetsbreven kommer fortfarande.",
    "Back in September I submitted a subject access request through your web form. It has "
    "been over ten weeks and nothing has arrived.",
    "Im Mai habe ich Sie gebeten, meine Daten zu löschen. Seit über sechs Wochen warte ich "
    "auf eine Antwort.",
    "Je vous ai demandé la suppression de mon compte. Cela fait plus de trois semaines.",
    "Háromszor kértem már, hogy töröljék a fiókomat.",
])
def test_a_request_told_as_ignored_is_a_complaint(body: str) -> None:
    assert "complaint" in _intents(body)


@pytest.mark.parametrize("body", [
    # Answered, or thanked for.
    "I asked you to delete my account and you did, thanks. That was two months ago.",
    # A quote asked for, not the sender's data: no data-protection request ignored.
    "Op 3 mei heb ik een offerte gevraagd. Ik heb nog steeds niets gehoord.",
    # Time gone by with no request told.
    "We have been clients for over three months now and love every photo.",
    "Cela fait deux mois que nous avons reçu les photos, elles sont superbes.",
])
def test_time_gone_by_or_an_answered_request_is_no_complaint(body: str) -> None:
    assert "complaint" not in _intents(body)
