"""The six further rights, read from the lexicon's data: every example it gives is read as
its right and no near miss is, in every language; the data are checked when loaded; and the
mechanisms around them (marketing stays opt-out, a topic named in an access letter is no
request, a conditional withdrawal is the ground of an erasure) hold in new wordings."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from intents import NEW_RIGHTS_INTENTS, InboundMail, classify, read_message
from intents.rights_lexicon import LEXICON
from intents.rights_words import RightWords


def intents_of(text: str, subject: str = "Request") -> list[str]:
    return classify(InboundMail(text=text, subject=subject)).intents


EXAMPLES = [(lang, right, text) for lang, rights in LEXICON.items()
            for right, words in rights.items() for text in words.examples]
NEAR_MISSES = [(lang, right, text) for lang, rights in LEXICON.items()
               for right, words in rights.items() for text in words.near_misses]


@pytest.mark.parametrize(("lang", "right", "text"), EXAMPLES)
def test_every_example_is_read_as_its_right(lang: str, right: str, text: str) -> None:
    assert right in intents_of(text), (lang, text)


@pytest.mark.parametrize(("lang", "right", "text"), NEAR_MISSES)
def test_no_near_miss_is(lang: str, right: str, text: str) -> None:
    assert right not in intents_of(text), (lang, text)


@pytest.mark.parametrize("lang", ["en", "es", "de", "fr"])
def test_the_four_languages_read_all_six_rights(lang: str) -> None:
    assert set(LEXICON[lang]) == set(NEW_RIGHTS_INTENTS)
    for words in LEXICON[lang].values():
        assert words.near_misses, "each right needs a near miss it must not match"


def test_the_other_languages_name_every_right() -> None:
    assert set(LEXICON["others"]) == set(NEW_RIGHTS_INTENTS)


@pytest.mark.parametrize("bad", [
    {"examples": ()},  # a rule that shows nothing it matches
    {"terms": ("(unclosed",), "examples": ("x",)},
    {"terms": ("  ",), "examples": ("x",)},
    {"verbs": ("fix",), "examples": ("x",), "adverbs": ("x",)},
])
def test_bad_lexicon_data_is_refused_when_loaded(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        RightWords.model_validate(bad)


@pytest.mark.parametrize(("text", "expected"), [
    # Each right in words the lexicon does not list, in several languages.
    ("My surname is misspelt on my account. Could you amend my details, please?",
     ["rectification"]),
    ("Mi número de teléfono ha cambiado, por favor actualicen mis datos de contacto.",
     ["rectification"]),
    ("Meine Anschrift ist veraltet, bitte aktualisieren Sie meine Adresse.",
     ["rectification"]),
    ("Merci de modifier mon nom de famille dans votre dossier.", ["rectification"]),
    ("Please block my data from any further use while you check it.", ["restriction"]),
    ("Sperren Sie bitte meine Daten, bis die Sache geklärt ist.", ["restriction"]),
    ("Me gustaría que limitarais el uso de mis datos hasta aclarar el asunto.",
     ["restriction"]),
    ("Je demande que vous limitiez le traitement de mes données.", ["restriction"]),
    ("Could you transmit my client profile directly to my new studio?",
     ["access", "portability"]),
    ("Merci de transmettre mes données directement à mon nouveau prestataire.",
     ["access", "portability"]),
    ("I object to you profiling me from my purchase history.", ["objection"]),
    ("Nos oponemos al uso de nuestras fotos para entrenar modelos.", ["objection"]),
    ("Ich widerspreche der Nutzung meiner Fotos für Ihre Statistik.", ["objection"]),
    ("Je m'oppose à l'utilisation de mes photos pour vos statistiques.", ["objection"]),
    ("No human looked at my application. I'd like a person to reconsider the rejection.",
     ["automated_decision"]),
    ("Pido que una persona revise la decisión, fue rechazada automáticamente.",
     ["automated_decision"]),
    ("Je demande une intervention humaine sur ce refus.", ["automated_decision"]),
    ("I revoke the permission I gave you to post my photos online.", ["consent_withdrawal"]),
    ("Revoco el permiso que os di para publicar mis fotos.", ["consent_withdrawal"]),
    ("Ich ziehe meine Zustimmung zur Veröffentlichung meiner Fotos zurück.",
     ["consent_withdrawal"]),
    ("Je révoque mon autorisation de publier mes photos.", ["consent_withdrawal"]),
    ("Revoco il mio consenso al trattamento delle immagini.", ["consent_withdrawal"]),
    ("Vraag om beperking van de verwerking van mijn gegevens, artikel 18 AVG.",
     ["restriction"]),
    # A pronoun stands for the sender's own fact said to be wrong just before it.
    ("Mein Nachname ist bei Ihnen falsch geschrieben. Könnten Sie das bitte korrigieren?",
     ["rectification"]),
    ("Hi, you have my old postal address on file. Please correct it.", ["rectification"]),
    # A passive names the processing objected to; pictures in adverts are about pictures.
    ("I object to my photo being used on your homepage.", ["objection"]),
    ("I withdraw my permission to use my photos in your adverts.", ["consent_withdrawal"]),
])
def test_each_right_in_new_wordings(text: str, expected: list[str]) -> None:
    assert intents_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Fixing things that are not the sender's personal data is no rectification.
    ("Please correct the typo on your website.", []),
    ("Could you fix your system? The gallery link is broken.", []),
    ("Can you update the invoice to show the right amount?", []),
    ("Könnten Sie bitte die Rechnung korrigieren?", []),
    # An objection to direct marketing and a withdrawn marketing consent are opt-outs.
    ("I object to the processing of my data for direct marketing.", ["opt_out"]),
    ("Me opongo al tratamiento de mis datos con fines de mercadotecnia.", ["opt_out"]),
    ("Ich widerspreche der Verwendung meiner Daten für Werbung.", ["opt_out"]),
    ("Je m'oppose à l'utilisation de mes données à des fins de prospection.", ["opt_out"]),
    ("I withdraw my consent to receive your newsletter.", ["opt_out"]),
    ("Je retire mon consentement pour la newsletter, merci de ne plus m'envoyer vos offres.",
     ["opt_out"]),
    # "said consent" points back to the marketing named before it.
    ("If I have given consent to processing for direct marketing purposes (e.g. under "
     "Article 6(1) GDPR), I hereby withdraw said consent. I object to direct marketing.",
     ["opt_out"]),
    # A withdrawal on a condition is the ground of the erasure it comes with.
    ("Please erase all my personal data. If I have given consent to the processing, I "
     "withdraw it.", ["erasure"]),
    # An access letter asks about automated decision-making; it contests none.
    ("Please send me a copy of my data, including information on the existence of "
     "automated decision-making under Article 22.", ["access"]),
    # "Fix it" about something that is not the sender's fact said to be wrong.
    ("Your site lets anyone download a file with my home address on it. Fix this now.",
     ["complaint"]),
    ("Our invoice shows the wrong VAT number. Could you correct it?", []),
    ("Where did you get my number? I'd like to update it.", ["access"]),
    # Negated, asked about, or an automated message.
    ("I don't want you to restrict the processing of my data, just delete my old address.",
     ["erasure"]),
    ("This is an automated reply: your decision request was received.", []),
])
def test_near_misses_in_new_wordings(text: str, expected: list[str]) -> None:
    assert intents_of(text) == expected


def test_evidence_names_the_words_of_the_right() -> None:
    result = classify(InboundMail(text="Please correct my date of birth, it is wrong.",
                                  subject="DOB"))
    assert result.intents == ["rectification"]
    assert any(e.intent == "rectification" and "correct my date of birth" in e.text
               for e in result.evidence)
    assert result.scores["rectification"] >= 0.5


HERE = Path(__file__).resolve().parent


def _as_mail(item: dict[str, Any]) -> bytes:
    message = EmailMessage()
    message["From"] = item["from"]
    message["To"] = "hello@aimigos.studio"
    message["Subject"] = item["subject"]
    message.set_content(item["body"])
    return bytes(message)


@pytest.mark.parametrize(("name", "misses"), [
    # 28 mails, the six rights in en/es/de/fr and near misses, written before the rights
    # were read; first run 27 of 28 exactly right (a restriction letter also read as access).
    ("fresh_rights_mail.jsonl", 1),
    # 18 longer and mixed mails (two rights at once, it/pt/nl, passives, pronoun objects),
    # written after the first rules by their author; first run 13 of 18. The one left is a
    # "two weeks" chaser about an order read as a complaint (a rule of the four).
    ("fresh_rights2_mail.jsonl", 1),
])
def test_rights_sets_do_not_fall(name: str, misses: int) -> None:
    """Regression guards after their first runs (docs/evaluation.md), not measures of new
    mail: every intent of every mail, all ten rights."""
    items = [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8")
             .splitlines() if line.strip()]
    wrong = [item["id"] for item in items
             if set(classify(read_message(_as_mail(item))).intents) != set(item["labels"])]
    assert len(wrong) <= misses, wrong
