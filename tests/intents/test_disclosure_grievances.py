"""Grievances read from their parts (intents/clauses.grievances): in one sentence, the
organisation's act of passing data on (`disclosure_acts`) and what makes it wrong
(`disclosure_wrongs`: a stranger, third parties, no consent, an open CC).

Every wording here was written for this test (none comes from a labelled or unseen set):
grievances in several languages, and the near misses that must stay without a complaint
(the act negated, asked about, supposed, asked not to happen, the sender's own notice).
"""

from __future__ import annotations

import pytest

from intents import CORE_INTENTS, classify
from intents.clause_cues import ALL
from tests.intents.mailmaker import mail


def _intents(body: str, subject: str = "Hallo") -> list[str]:
    return sorted(set(classify(mail(body, subject)).intents) & set(CORE_INTENTS))


@pytest.mark.parametrize("body", [
    "The proofs were meant for us only and you've forwarded them to a total stranger.",
    "I never agreed that you could pass my phone number to other suppliers.",
    "Vous avez transmis mon adresse à d'autres prestataires sans mon accord.",
    "Habéis enviado el boletín con copia abierta y ahora todos ven mi correo.",
    "Sie haben unsere Fotos ohne Zustimmung an andere Firmen geschickt.",
    "Avete condiviso il mio numero con altri fornitori senza il mio consenso.",
    "Jullie hebben mijn adres zonder toestemming aan derden doorgegeven.",
    "Heu enviat les meves fotos a un desconegut.",
    "Poslali jste moje fotky bez mého souhlasu dalším lidem.",
])
def test_a_disclosure_with_its_wrong_is_a_complaint(body: str) -> None:
    assert "complaint" in _intents(body)


@pytest.mark.parametrize("body", [
    # Negated: nothing happened.
    "You never shared my data with third parties, thank you for confirming.",
    "Thanks, I'm glad you have not sent my photos to other clients.",
    # Asked about or supposed: nobody accused.
    "Have you shared my data with other companies?",
    "If you have shared my data with third parties, tell me who they are.",
    # Asked not to happen.
    "Please never share my data with third parties without my consent.",
    # The sender's own act.
    "I forwarded your price list to other parents in my group, hope that's ok.",
])
def test_near_misses_are_no_complaint(body: str) -> None:
    assert "complaint" not in _intents(body)


def test_languages_with_acts_name_wrongs() -> None:
    # An act without the words that make it wrong could never be read, and the reverse.
    for cues in ALL:
        assert bool(cues.disclosure_acts) == bool(cues.disclosure_wrongs), cues.code


@pytest.mark.parametrize("body", [
    # The organisation's use of the sender's data, and its wrong in the next sentence.
    "you put me on your mailing list after I came to one open day. is that even legal?",
    "Vous m'avez inscrit à votre lettre d'information après un seul achat. Est-ce légal ?",
    "Sie haben mich nach einem Kauf in Ihren Newsletter eingetragen. Ist das überhaupt "
    "erlaubt?",
    "Mi avete iscritto alla newsletter dopo un solo acquisto. È legale?",
])
def test_a_use_with_its_wrong_in_the_next_sentence_is_a_complaint(body: str) -> None:
    assert "complaint" in _intents(body)


@pytest.mark.parametrize("body", [
    # A request, then a question: nothing done to the sender yet.
    "Could you add me to your newsletter? Is that legal for under-18s?",
    # The act, then an unrelated question.
    "You added me to the spring class list. Is the first session on Monday?",
])
def test_a_use_without_its_wrong_is_no_complaint(body: str) -> None:
    assert "complaint" not in _intents(body)
