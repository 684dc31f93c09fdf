"""Access read from its parts (intents/clauses.verb_requests, action "send"): an access verb
of the language (send, tell, let see, want to know) in a sentence that asks, or a form that
asks by itself ("what have you got stored about me?"), and the sender's data named as held
(`held_data`: "my personal data", "what information you keep about me").

Every wording here was written for this test (none comes from a labelled or unseen set):
plain access requests in several languages, and the near misses that must stay nothing (a
studio asked for the details of a session or for prices, the sender's own details offered,
a copy told as already sent, a negation, a condition).
"""

from __future__ import annotations

import pytest

from intents import CORE_INTENTS, classify
from intents.clause_cues import ALL
from intents.clauses import HELD_DATA, read_clauses
from intents.textnorm import fold
from tests.intents.mailmaker import mail


def _intents(body: str, subject: str = "Hallo") -> list[str]:
    return sorted(set(classify(mail(body, subject)).intents) & set(CORE_INTENTS))


@pytest.mark.parametrize("body", [
    "Hi, could you tell me what information your studio keeps about me? Thanks.",
    "Please send me everything you hold on me, in whatever format is easiest.",
    "what have you got stored about me?",
    "Can I see the records you have on me from the 2022 shoot?",
    "Bonjour, pourriez-vous me communiquer les données personnelles me concernant que "
    "vous détenez ?",
    "Hola, quiero saber qué datos tenéis sobre mí.",
    "Hallo, bitte teilen Sie mir mit, welche Daten Sie über mich gespeichert haben.",
    "Ciao, vorrei sapere quali dati conservate su di me.",
    "Hej, vad har ni sparat om mig egentligen?",
    "Hej, hvad har I gemt om mig?",
    "Hei, jeg vil gjerne vite hva dere har lagret om meg.",
    "Dzień dobry, proszę o przesłanie kopii moich danych osobowych.",
    "Goedendag, kunt u mij laten weten welke gegevens u van mij hebt opgeslagen?",
    "Bonjour, j'aimerais savoir quelles données vous conservez me concernant.",
    "Bon dia, vull saber quines dades meves teniu guardades.",
    # The object is the first item of the list the verb opens, a weak "article 15" beside.
    "Madame,\n\nAu titre de l'article 15, je vous prie de me transmettre :\n\n- "
    "l'ensemble des données personnelles me concernant ;\n- leur source.\n\nCordialement",
    "Dear Sir,\n\nPlease send me the following:\n- a copy of all the personal data you hold"
    " about me;\n- the purposes.\n\nRegards",
])
def test_an_access_verb_with_the_senders_held_data_is_read(body: str) -> None:
    assert _intents(body) == ["access"]


@pytest.mark.parametrize("body", [
    # The studio's own work or offer asked for: no data of the sender's held.
    "Please send me the details of the newborn session and the price list.",
    "Please send me more information about your prices.",
    "Can you tell me the price of a family shoot?",
    "Hola, ¿podéis mandarme los precios de las sesiones de verano?",
    "Hallo, können Sie mir die Preise für ein Familienshooting schicken?",
    # The sender's details offered, not asked for.
    "Please see my details below and book me in.",
    "Bon dia, vull saber quines dades necessiteu per a la reserva.",
    # The list the verb opens asks for the studio's own offer.
    "Madame,\n\nJe vous prie de me communiquer :\n- vos tarifs pour un portrait ;\n- vos "
    "disponibilités en mai.\n\nCordialement",
    # On a condition: nothing asked yet.
    "If you still have my details, tell me.",
])
def test_near_misses_stay_without_access(body: str) -> None:
    assert "access" not in _intents(body)


def test_every_language_with_access_verbs_names_held_data() -> None:
    # An access verb whose language names no held data could never be read.
    for cues in ALL:
        if any(v.action == "send" for v in cues.request_verbs):
            assert cues.held_data, cues.code


def test_held_data_is_the_senders() -> None:
    text = read_clauses(fold("tell me what data you hold about me")).text
    assert HELD_DATA.search(text, 0, len(text)) is not None
    text = read_clauses(fold("tell me what time you open")).text
    assert HELD_DATA.search(text, 0, len(text)) is None
