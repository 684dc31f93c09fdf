"""The mechanisms held-out set 30 showed missing, each in wordings of its own (not the set's).

heldout30_mail.jsonl (40 mails, mostly Spanish, Catalan, German and French, as a Barcelona
studio's clients write) scored macro-F1 0.878 and 82.5% exact on its first run. What it
found missing: a dated Spanish unsubscribe with mail counted since, addresses sent in an open
copy (Catalan, Spanish, French, German, Italian), Italian consent never given and "and"
ending a negation's reach, Italian mail that still comes (weak alone: said out of curiosity
it is no complaint), Dutch word order ("van de mailinglijst halen") and Dutch compounds
("factuurgegevens"), and the sender's own act read as a misuse ("I only gave my number for
delivery updates").
"""

from __future__ import annotations

import pytest

from intents import classify
from tests.intents.mailmaker import mail

CASES = [
    ("Me di de baja de la newsletter en marzo y desde entonces me habéis enviado cuatro más.",
     "Newsletter", ["complaint"]),
    ("Nos mandasteis el aviso con todos los correos en copia visible, el mío incluido.",
     "Aviso", ["complaint"]),
    ("Vous avez envoyé le message sans cci : tout le monde voit mon adresse.", "Message",
     ["complaint"]),
    ("Ihre Einladung ging ohne BCC an alle Teilnehmer.", "Einladung", ["complaint"]),
    ("Non vi ho mai dato il consenso per la newsletter.", "Newsletter", ["complaint"]),
    ("Non voglio piu le vostre email e cancellate tutti i miei dati.", "Dati",
     ["erasure", "opt_out"]),
    ("Ogni tanto ricevo ancora la vostra newsletter, ma va bene così.", "Newsletter", []),
    ("Vi avevo chiesto di smettere, ma continuo a ricevere le vostre offerte.", "Offerte",
     ["complaint"]),
    ("Kunnen jullie mij van de nieuwsbrief afhalen?", "Nieuwsbrief", ["opt_out"]),
    ("Graag een kopie van mijn klantgegevens.", "Gegevens", ["access"]),
    ("Welke gegevens hebben jullie van mij opgeslagen?", "Vraag", ["access"]),
    ("Please stop the marketing texts. I only gave my number so the courier could call.",
     "Texts", ["opt_out"]),
    ("You gave my number to a caterer without asking me.", "Number", ["complaint"]),
]


@pytest.mark.parametrize(("body", "subject", "expected"), CASES)
def test_mechanism(body: str, subject: str, expected: list[str]) -> None:
    assert classify(mail(body, subject)).intents == expected
