"""A sender offering its own opt-out ("Reply STOP to stop receiving these") tells the reader
how; nobody asks (intents/clause_cues boilerplate). Wordings written for this test, in
several languages; the near misses are the sender's own opt-out, which must stay one.
"""

from __future__ import annotations

import pytest

from intents import classify
from tests.intents.mailmaker import mail


def _intents(body: str) -> list[str]:
    return classify(mail(body, "Quick idea")).intents


@pytest.mark.parametrize("body", [
    "Hi team, we build booking funnels for photographers. Free call on Thursday?\n\n"
    "Not for you? Reply STOP and we will not write again.",
    "Hola, ofrecemos anuncios para estudios de fotografía. ¿Hablamos?\n\n"
    "Responde BAJA para no recibir más mensajes.",
    "Bonjour, nous vendons des albums photo en gros. Un appel cette semaine ?\n\n"
    "Répondez STOP pour ne plus recevoir nos messages.",
    "Hallo, wir bieten Studiobeleuchtung zum Sonderpreis an.\n\n"
    "Antworten Sie mit STOP, um keine weiteren E-Mails zu erhalten.",
])
def test_an_opt_out_offered_to_the_reader_asks_nothing(body: str) -> None:
    assert _intents(body) == []


@pytest.mark.parametrize("body", [
    "Please stop texting me. I already replied STOP twice.",
    "Stop sending me your offers please.",
    "Por favor, dejad de enviarme publicidad.",
])
def test_the_senders_own_opt_out_stays(body: str) -> None:
    assert "opt_out" in _intents(body)
