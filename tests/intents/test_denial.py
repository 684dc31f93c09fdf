"""A reply that denies having made the request, in every language the classifier reads; and
the look-alikes that must not count (our own "if you did not send this", a denial about
the code, a request for something else)."""

from __future__ import annotations

from pathlib import Path

import pytest

from intents import Denial, denies_request, find_denial
from intents.denial import DENIAL_PHRASES

TEMPLATES = Path(__file__).resolve().parents[2] / "bot" / "templates"

DENIALS = [
    ("en", "I never sent this, do NOT do anything."),
    ("en", "This wasn't me."),
    ("en", "Hi, that's not me, please ignore."),
    ("en", "It was not sent by me"),
    ("en", "I did not make this request"),
    ("en", "I didn't ask for any of this!"),
    ("en", "Please do not proceed."),
    ("en", "We have not submitted any request"),
    ("en", "Someone else must have sent it"),
    ("en", "I never contacted you."),
    ("en", "Not me!"),
    ("en", "This request is not mine."),
    ("en", "I did not make this request and I want to know who did"),
    ("es", "No he enviado esta solicitud."),
    ("es", "Yo no envié nada"),
    ("es", "No fui yo"),
    ("es", "No hagan nada, por favor"),
    ("es", "Esto no lo he pedido yo."),
    ("de", "Das war ich nicht!"),
    ("de", "Ich habe diese Anfrage nicht gestellt."),
    ("de", "Ich habe nie eine Anfrage geschickt"),
    ("de", "Bitte unternehmen Sie nichts."),
    ("de", "Diese Anfrage habe ich nicht gestellt."),
    ("de", "Das habe ich nicht beantragt."),
    ("fr", "Je n'ai jamais envoyé cette demande."),
    ("fr", "Ce n'est pas moi"),
    ("fr", "je n'ai rien demandé du tout"),
    ("fr", "Ne faites rien."),
    ("fr", "Je n'ai fait aucune demande."),
    ("ca", "No he enviat aquesta sol·licitud"),
    ("ca", "No vaig enviar res"),
    ("ca", "No era jo"),
    ("ca", "No feu res"),
    ("it", "Non ho mai inviato questa richiesta"),
    ("it", "Non sono stato io"),
    ("it", "Non fate nulla"),
    ("pt", "Não enviei este pedido"),
    ("pt", "Não fui eu"),
    ("pt", "Não façam nada"),
    ("nl", "Dat was ik niet"),
    ("nl", "Ik heb dit verzoek niet ingediend"),
    ("nl", "Ik heb nooit een verzoek gestuurd"),
    ("nl", "Doe alstublieft niets"),
]

NOT_DENIALS = [
    "I didn't ask for a copy, I asked for deletion.",
    "Yes, that was me. My code is 123456",
    "This was me, go ahead.",
    "If you did not send this request, you can ignore this email.",
    "I haven't sent the code yet",
    "I didn't receive the code",
    "Please delete my data",
    "I think someone is using my data, please delete it",
    "I didn't ask you to send a code, just delete my data",
    "No he pedido la copia todavía",
    "No he recibido nada",
    "Si no envió esta solicitud, puede ignorar este correo.",
    "Ich habe den Code nicht gesendet",
    "Wenn Sie diese Anfrage nicht gestellt haben, können Sie diese E-Mail ignorieren.",
    "je n'ai pas demandé de copie",
    "Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail.",
    # "not yet": the requester is still sending something, not denying
    "I haven't sent it yet because I couldn't find my passport",
    "I didn't send the form yet",
    "I didn't ask for it to be sent by post",
    "Not meant to be rude but where is my data?",
    "No he enviado nada todavía",
    "Todavía no he enviado el formulario",
    "Ich habe die Unterlagen noch nicht geschickt, weil ich verreist war.",
    "je n'ai rien envoyé encore",
    "Ik heb de documenten nog niet gestuurd.",
    "",
]


@pytest.mark.parametrize(("language", "text"), DENIALS)
def test_a_denial_is_found_in_each_language(language: str, text: str) -> None:
    found = find_denial(text)
    assert isinstance(found, Denial)
    assert found.language == language
    assert found.words
    assert found.words in " ".join(text.split())
    assert denies_request(f"Hello,\n\n{text}\n\nRegards, Ann")


@pytest.mark.parametrize("text", NOT_DENIALS)
def test_look_alikes_are_not_denials(text: str) -> None:
    assert find_denial(text) is None


def test_every_language_the_classifier_reads_has_phrases() -> None:
    assert {"en", "es", "de", "fr", "ca", "it", "pt", "nl"} <= set(DENIAL_PHRASES)


def test_our_own_mails_never_read_as_a_denial() -> None:
    # A helpdesk may paste our mail back without quote marks: none of our texts may stop a
    # request by itself.
    for template in sorted(TEMPLATES.glob("*/*.txt.j2")):
        assert find_denial(template.read_text(encoding="utf-8")) is None, template


def test_huge_text_is_read_only_near_the_top() -> None:
    assert find_denial("Hello. " * 5000 + "This wasn't me.") is None
    assert find_denial("This wasn't me. " + "word " * 100_000) is not None
