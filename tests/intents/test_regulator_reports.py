"""Reports to the regulator read from their parts (intents/clauses.regulator_reports): the
sender's own act of complaining or reporting (`report_acts`) and, after it in its sentence,
the national authority by any of its names (`authorities`).

Every wording here was written for this test (none comes from a labelled or unseen set):
reports main's rules did not read, in several languages, and the near misses that must stay
without a complaint (negated, reserved, quoted, asked about, a vendor's notice).
"""

from __future__ import annotations

import pytest

from intents import CORE_INTENTS, classify
from tests.intents.mailmaker import mail


def _intents(body: str, subject: str = "Hallo") -> list[str]:
    return sorted(set(classify(mail(body, subject)).intents) & set(CORE_INTENTS))


@pytest.mark.parametrize("body", [
    "Je vous informe que j'ai adressé ce matin une réclamation à la Commission nationale de "
    "l'informatique et des libertés.",
    "J'ai aujourd'hui formulé un signalement auprès de la Commission nationale de "
    "l'informatique et des libertés.",
    "Ik heb vandaag een melding gedaan bij de toezichthouder.",
    # The verb last, the authority before it.
    "Beim Bundesbeauftragten für den Datenschutz habe ich heute Ihre Firma gemeldet.",
    "Ich werde die Sache morgen der Aufsichtsbehörde melden.",
    # About to be made, and on a condition: a threat counts in full (docs/mail.md).
    "Je vais signaler votre studio à la Commission nationale de l'informatique et des "
    "libertés.",
    "Si cela continue, je vais signaler votre studio à la Commission nationale de "
    "l'informatique et des libertés.",
])
def test_a_report_to_the_regulator_is_a_complaint(body: str) -> None:
    assert "complaint" in _intents(body)


@pytest.mark.parametrize("body", [
    "Je n'ai pas encore adressé de réclamation à la Commission nationale de l'informatique "
    "et des libertés.",
    "I have not sent a formal complaint to the Information Commissioner, and I hope I won't "
    "need to.",
    "I reserve the right to submit a report to the data protection regulator.",
    "Je me réserve le droit d'adresser une réclamation à la Commission nationale de "
    "l'informatique et des libertés.",
    "Ich habe mich noch nicht bei der Datenschutzbehörde beschwert.",
    "Ik heb nog geen klacht ingediend bij de Autoriteit Persoonsgegevens.",
    "Wir haben der Aufsichtsbehörde den Vorfall gemeldet. Es besteht kein Handlungsbedarf.",
    "> I've just sent a formal complaint to the Information Commissioner about your studio.",
    "Have you ever had a report made to the data protection regulator about you?",
    "We have sent a report to the data protection regulator about the security incident. "
    "No action is required.",
])
def test_near_misses_stay_without_a_complaint(body: str) -> None:
    assert "complaint" not in _intents(body)
