"""Separating what the sender writes now from quotes, signatures, disclaimers and footers."""

from __future__ import annotations

import pytest

from intents.quotes import split_quotes

REPLY_HEADERS = [
    "On Tue, 4 Feb 2025 at 09:12, Aimigos Studio <hello@aimigos.studio> wrote:",
    "El lun, 3 mar 2025 a las 10:00, IMGN <studio@imgnstudio.com> escribió:",
    "Am 12.03.2025 um 14:02 schrieb Aimigos Studio <hello@aimigos.studio>:",
    "Le 5 mars 2025 à 11:20, Aimigos Studio <hello@aimigos.studio> a écrit :",
    "-----Original Message-----",
    "---------- Forwarded message ---------",
    "-----Ursprüngliche Nachricht-----",
]


@pytest.mark.parametrize("header", REPLY_HEADERS)
def test_reply_headers_start_the_quote(header: str) -> None:
    own, quoted = split_quotes(f"Thanks, sorted.\n\n{header}\nPlease delete your data, we said.")
    assert own == "Thanks, sorted."
    assert "delete your data" in quoted


def test_reply_header_wrapped_over_two_lines() -> None:
    own, quoted = split_quotes("Yes please.\n\nOn Mon, 5 May 2025 at 10:00, A Very Long Name\n"
                               "<someone@example.org> wrote:\n> Shall we delete it?")
    assert own == "Yes please."
    assert "Shall we delete it?" in quoted


def test_outlook_header_block() -> None:
    own, quoted = split_quotes("Chasing this.\n\nFrom: Tim Grey\nSent: 02 May 2025 10:11\n"
                               "To: studio@imgnstudio.com\nSubject: deletion\n\nPlease delete.")
    assert own == "Chasing this."
    assert quoted.endswith("Please delete.")


def test_inline_answers_between_quoted_lines_are_kept() -> None:
    text = ("On Mon, Bob wrote:\n> Do you want the newsletter?\nNo, unsubscribe me.\n"
            "> And your account?\nKeep it.")
    own, quoted = split_quotes(text)
    assert own == "No, unsubscribe me.\nKeep it."
    assert "> Do you want the newsletter?" in quoted


def test_signature_and_phone_taglines() -> None:
    own, quoted = split_quotes("Stop emailing me please\n\nSent from my iPhone")
    assert own == "Stop emailing me please"
    own, quoted = split_quotes("Send me my data.\n-- \nZoe Park\nDelete-o-matic Ltd")
    assert own == "Send me my data."
    assert "Delete-o-matic" in quoted


@pytest.mark.parametrize("disclaimer", [
    "CONFIDENTIALITY NOTICE: This email is intended solely for the use of the addressee. If you"
    " are not the intended recipient, please notify the sender and delete this email.",
    "This e-mail is confidential. If you have received it in error, please delete it.",
    "Si usted no es el destinatario indicado, le rogamos que elimine este mensaje.",
    "Wenn Sie nicht der richtige Empfänger sind, löschen Sie bitte diese E-Mail.",
    "Si vous n'êtes pas le destinataire prévu, merci de supprimer ce message.",
])
def test_disclaimers_are_boilerplate(disclaimer: str) -> None:
    own, quoted = split_quotes(f"Friday works for us.\n\n{disclaimer}")
    assert own == "Friday works for us."
    assert disclaimer in quoted


@pytest.mark.parametrize("footer", [
    "You are receiving this email because you subscribed. To unsubscribe, click here.",
    "You're receiving this because you have an account. Unsubscribe · Delete my account",
    "Sie erhalten diesen Newsletter, weil Sie sich registriert haben. Newsletter abbestellen",
    "PROTECCIÓN DE DATOS: Puede ejercer sus derechos de acceso, rectificación y supresión.",
])
def test_bulk_footers_and_privacy_notices_are_boilerplate(footer: str) -> None:
    own, _ = split_quotes(f"Our spring prints are here.\n\n{footer}")
    assert own == "Our spring prints are here."


@pytest.mark.parametrize("asked", [
    "I want to stop receiving emails from you. All of them.",
    "Wie kann ich mich vom Newsletter abmelden?",
    "Ich möchte den Newsletter abbestellen.",
    "Je souhaite me désinscrire de la newsletter.",
    "Please update my email preferences to monthly.",
])
def test_a_request_in_footer_words_is_kept(asked: str) -> None:
    assert split_quotes(asked)[0] == asked


def test_request_paragraph_mentioning_recipients_is_not_a_disclaimer() -> None:
    text = "Bitte löschen Sie meine Daten und informieren Sie alle Empfänger darüber."
    assert split_quotes(text)[0] == text


def test_big_text_is_capped_and_linear() -> None:
    own, quoted = split_quotes("> quoted line\n" * 100_000 + "tail")
    assert own == ""
    assert quoted.endswith("tail")
