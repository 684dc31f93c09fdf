"""Forwarded mail read as what it is: a colleague forwarding a client's request makes the
client's request, with the client as `forwarded_from`; the forwarder's own words come first."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from intents import classify, read_message
from intents.forwards import find_forwards
from tests.intents.mailmaker import mail

COLLEAGUE = "Laura Pinto <laura@aimigos.studio>"

# (language, forward header lines, the client's words, the intent they ask for)
FORWARDS = [
    ("en", "---------- Forwarded message ---------\nFrom: Ann Lee <ann.lee@example.org>\n"
           "Date: Thu, 3 Dec 2026 at 09:14\nSubject: photos\nTo: <laura@aimigos.studio>",
     "Hi, I would like you to delete my account and every photo of me you keep.", "erasure"),
    ("de", "-----Ursprüngliche Nachricht-----\nVon: Ann Lee <ann.lee@example.org>\n"
           "Gesendet: Montag, 30. November 2026 14:03\nAn: Laura Pinto\nBetreff: Auskunft",
     "Guten Tag, bitte teilen Sie mir mit, welche Daten Sie über mich gespeichert haben.",
     "access"),
    ("fr", "Début du message réexpédié :\n\nDe: Ann Lee <ann.lee@example.org>\n"
           "Objet: désinscription\nDate: 1 décembre 2026 à 11:02\nÀ: Laura Pinto",
     "Bonjour, je ne veux plus recevoir vos e-mails publicitaires, merci de me désinscrire.",
     "opt_out"),
    ("es", "De: Ann Lee [mailto:ann.lee@example.org]\nEnviado el: martes, 1 de diciembre de 2026"
           "\nPara: Laura Pinto\nAsunto: mis datos",
     "Hola, quiero que borréis todos mis datos personales de vuestra base de datos.",
     "erasure"),
]


@pytest.mark.parametrize(("lang", "header", "words", "intent"), FORWARDS,
                         ids=[f[0] for f in FORWARDS])
def test_a_colleagues_forward_of_a_clients_request_is_the_clients_request(
        lang: str, header: str, words: str, intent: str) -> None:
    body = f"Can you pick this up, please?\n\nLaura\n\n{header}\n\n{words}\n\nAnn"
    got = classify(mail(body, "Fwd: request", sender=COLLEAGUE))
    assert got.intents == [intent], lang
    assert got.forwarded_from == "ann.lee@example.org"
    assert got.forwarded_from_name == "Ann Lee"
    assert any(e.intent == intent for e in got.evidence)


def test_without_the_forward_the_forwarders_words_ask_nothing() -> None:
    got = classify(mail("Can you pick this up, please?\n\nLaura", "Fwd: request",
                        sender=COLLEAGUE))
    assert got.intents == []
    assert got.forwarded_from is None


def test_a_forward_of_a_message_that_asks_nothing_stays_no_request() -> None:
    body = ("Nice one for the team :)\n\n---------- Forwarded message ---------\n"
            "From: Hannah Lee <hannah.lee@example.com>\nDate: Wed, 2 Dec 2026\n"
            "Subject: thank you!\n\nThe kids loved the camp. Do you have dates for the spring "
            "one yet? I'd like to book again.\n\nHannah")
    got = classify(mail(body, "Fwd: thank you!", sender=COLLEAGUE))
    assert got.intents == []
    assert got.forwarded_from is None


def test_the_forwarders_own_request_is_read_first() -> None:
    body = ("Please unsubscribe me from these, I never signed up.\n\n"
            "---------- Forwarded message ---------\nFrom: Someone Else <someone@example.net>\n"
            "Date: Tue, 1 Dec 2026\nSubject: hello\n\nI want you to delete my account.")
    got = classify(mail(body, "Fwd: hello", sender="Greta Olsen <greta@example.com>"))
    assert got.intents == ["opt_out"]
    assert got.forwarded_from is None


def test_the_forwarders_words_naming_the_forwarded_request_keep_the_client_as_requester() -> None:
    body = ("Hi team, please delete her account as she asks below.\n\n"
            "---------- Forwarded message ---------\nFrom: June Kim <june.kim@example.com>\n"
            "Date: Tue, 1 Dec 2026\nSubject: account\n\nPlease delete my account, thank you.")
    got = classify(mail(body, "Fwd: account", sender=COLLEAGUE))
    assert got.intents == ["erasure"]
    assert got.forwarded_from == "june.kim@example.com"


def test_a_forwarded_mail_from_the_organisation_itself_is_not_a_request() -> None:
    body = ("Is this you?\n\n---------- Forwarded message ---------\n"
            "From: Aimigos <news@aimigos.studio>\nDate: Tue, 1 Dec 2026\nSubject: Your data\n\n"
            "I have deleted my notes on your project and we will delete your account next week.")
    got = classify(mail(body, "Fwd: Your data", sender="Greta Olsen <greta@example.com>"))
    assert got.intents == []


def test_the_senders_own_earlier_mail_is_no_other_persons_request() -> None:
    body = ("Sending this again.\n\n-----Original Message-----\nFrom: Greta Olsen\n"
            "Sent: 02 May 2026 10:11\nTo: hello@aimigos.studio\nSubject: deletion\n\n"
            "Please delete my account.")
    got = classify(mail(body, "FW: deletion", sender="Greta Olsen <greta@example.com>"))
    assert got.forwarded_from is None
    assert got.forwarded_from_name == ""


def test_a_forward_naming_no_address_keeps_the_name_only() -> None:
    body = ("Hallo, anbei die Anfrage meiner Mutter, sie hat keine E-Mail.\n\n"
            "---------- Weitergeleitete Nachricht ----------\nVon: Ingrid Krüger\n"
            "Betreff: Datenschutz\n\nIch bitte um Auskunft, welche Daten Sie über mich "
            "gespeichert haben.")
    got = classify(mail(body, "WG: Datenschutz", sender="Michael Krüger <mk@example.de>"))
    assert got.intents == ["access"]
    assert got.forwarded_from is None
    assert got.forwarded_from_name == "Ingrid Krüger"


def test_a_forwarded_newsletter_is_not_read_as_a_request() -> None:
    body = ("FYI\n\n---------- Forwarded message ---------\nFrom: Shop <news@shop.example>\n"
            "Date: Tue, 1 Dec 2026\nSubject: Sale\n\nI picked these for you: 20% off all "
            "prints.\n\nYou are receiving this because you subscribed to our newsletter. "
            "Unsubscribe | Manage preferences")
    got = classify(mail(body, "Fwd: Sale", sender=COLLEAGUE))
    assert got.intents == []


def test_an_attached_forwarded_message_is_read_too() -> None:
    inner = EmailMessage()
    inner["From"] = "Ann Lee <ann.lee@example.org>"
    inner["Subject"] = "my data"
    inner.set_content("Please send me a copy of all the personal data you hold about me.")
    outer = EmailMessage()
    outer["From"] = COLLEAGUE
    outer["To"] = "hello@aimigos.studio"
    outer["Subject"] = "Fwd: my data"
    outer.set_content("See the attached mail, can you handle it?")
    outer.add_attachment(inner)
    got = classify(read_message(bytes(outer)))
    assert got.intents == ["access"]
    assert got.forwarded_from == "ann.lee@example.org"


def test_a_reply_quote_is_no_forward() -> None:
    body = ("Thanks!\n\nOn Tue, 1 Dec 2026 at 10:00, Ann Lee <ann.lee@example.org> wrote:\n"
            "> Please delete my account.")
    got = classify(mail(body, "Re: account", sender=COLLEAGUE))
    assert got.intents == []
    assert got.forwarded_from is None


@pytest.mark.parametrize("text", [
    "", "\n" * 10_000, "From: x\n" * 5_000, "---------- Forwarded message ---------\n" * 3_000,
    "From: " + "a" * 100_000 + "\nDate: x\nTo: y", "Von: \u0000\nAn:\nBetreff:\n\n\udcff",
])
def test_odd_quoted_text_never_breaks_the_reader(text: str) -> None:
    forwards = find_forwards(text)
    assert len(forwards) <= 5


@pytest.mark.parametrize("header", [
    "-------- Wiadomość przekazana dalej --------\nOd: Ann Lee <ann.lee@example.org>\n"
    "Data: 1 grudnia 2026\nTemat: dane\nDo: laura@aimigos.studio",
    "---------- Vidarebefordrat meddelande ----------\nFrån: Ann Lee <ann.lee@example.org>\n"
    "Datum: 1 december 2026\nÄmne: data\nTill: laura@aimigos.studio",
    "Kimden: Ann Lee <ann.lee@example.org>\nGönderildi: 1 Aralık 2026 Salı 10:00\n"
    "Kime: laura@aimigos.studio\nKonu: data",
], ids=["pl", "sv", "tr"])
def test_forward_headers_of_other_languages_are_data_too(header: str) -> None:
    body = (f"Zur Info.\n\n{header}\n\nHello, please send me a copy of the personal data you "
            "hold about me.\n\nAnn")
    split = mail(body, "Fwd: data", sender=COLLEAGUE)
    assert "copy of the personal data" not in split.text  # the forward is not the own words
    got = classify(split)
    assert got.intents == ["access"]
    assert got.forwarded_from == "ann.lee@example.org"


def test_a_forwarder_writing_in_a_language_not_read_still_passes_on_a_request() -> None:
    body = ("Hej, kan I tage jer af denne henvendelse? Jeg har ikke tid i denne uge, og jeg "
            "ved ikke hvem der har ansvaret for det.\n\nMvh Mette\n\n"
            "---------- Videresendt meddelelse ---------\nFra: Ann Lee <ann.lee@example.org>\n"
            "Dato: 1. dec. 2026\nEmne: data\nTil: mette@aimigos.studio\n\n"
            "Hello, please delete my account and all my personal data.\n\nAnn")
    got = classify(mail(body, "Fwd: data", sender="Mette <mette@aimigos.studio>"))
    assert got.intents == ["erasure"]
    assert got.forwarded_from == "ann.lee@example.org"
    assert not got.language_not_read
    assert got.language == "en"


def test_many_attached_messages_keep_a_bounded_list_of_forwards() -> None:
    outer = EmailMessage()
    outer["From"] = COLLEAGUE
    outer["To"] = "hello@aimigos.studio"
    outer["Subject"] = "Fwd: lots"
    outer.set_content("All of these, FYI.")
    for n in range(60):
        inner = EmailMessage()
        inner["From"] = f"Client {n} <client{n}@example.org>"
        inner["Subject"] = "hello"
        inner.set_content("Thanks for the workshop!")
        outer.add_attachment(inner)
    got = read_message(bytes(outer))
    assert 1 <= len(got.forwards) <= 10
    assert got.forwards[0].from_address == "client0@example.org"
    assert classify(got).intents == []
