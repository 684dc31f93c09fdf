"""The mechanisms held-out set 31 showed missing, each in wordings of its own (not the set's).

heldout31_mail.jsonl (40 mails, an ordinary week: 14 ask nothing) scored macro-F1 0.875 and
87.5% exact on its first run, written after the fixes of sets 28-30 (the fresh set, never
tuned on, stays at 86.5%: about 85-88% exact is the honest figure for new mail). What it
found missing: a mailing list's own footer in the sender's text makes the mail bulk mail, a
signature telling the reader "you have the right to request access ... or erasure" is
boilerplate, "send me the data" after the request it chases, unhappiness with how photos or
data are handled, and Polish.
"""

from __future__ import annotations

import pytest

from intents import classify
from tests.intents.mailmaker import mail


def test_a_list_footer_in_the_senders_text_is_bulk_mail() -> None:
    got = mail("Ten tips for answering erasure requests and subject access requests fast.\n\n"
               "You are receiving this email because you signed up for our newsletter.\n"
               "Unsubscribe | Privacy policy", "Newsletter: ten tips")
    assert got.auto_reply
    assert "mailing-list footer" in got.auto_reply_reasons
    assert classify(got).intents == []


def test_a_forwarded_newsletter_under_the_senders_request_is_not_bulk() -> None:
    got = mail("Please take me off this list, I never signed up.\n\n"
               "---------- Forwarded message ---------\nFrom: Studio <news@example.org>\n"
               "Subject: Spring offers\n\nOur spring offers!\n\nYou are receiving this email"
               " because you subscribed to our newsletter.\nUnsubscribe | Privacy policy",
               "Fwd: Spring offers")
    assert not got.auto_reply
    assert "opt_out" in classify(got).intents


CASES = [
    ("Please unsubscribe me.\n\nKind regards\nAnn\n\nThis message is confidential. You have the"
     " right to request access to or erasure of your personal data and to lodge a complaint"
     " with the ICO.", "Unsubscribe", ["opt_out"]),
    ("I asked for my data in March and heard nothing back. Please send me the data now.",
     "SAR", ["access", "complaint"]),
    ("Could you send me the data sheet for the lighting kit?", "Kit", []),
    ("Can you send me the data from the shoot? The raw files, I mean.", "Shoot", []),
    ("Please send us the data processing agreement to sign.", "DPA", []),
    ("Frankly I am disappointed with how you handle your clients' photos: mine were on a public"
     " link.", "Photos", ["complaint"]),
    ("Proszę o usunięcie moich danych i konta.", "Dane", ["erasure"]),
    ("Chcę uzyskać dostęp do moich danych osobowych.", "Wniosek", ["access"]),
    ("Nie chcę już otrzymywać newslettera.", "Newsletter", ["opt_out"]),
]


@pytest.mark.parametrize(("body", "subject", "expected"), CASES)
def test_mechanism(body: str, subject: str, expected: list[str]) -> None:
    assert classify(mail(body, subject)).intents == expected


# Ordinary mail a reviewer wrote against this round's new rules: each was misread once.
ORDINARY = [
    ("Could you send us the data now? The agency needs the footage today.", "Footage"),
    ("Potete inviarmi i dati di fatturazione corretti?", "Fattura"),
    ("Podem enviar-me as informações sobre os preços?", "Preços"),
    ("Smettete di mandarmi i solleciti, ho pagato ieri.", "Solleciti"),
    ("Deixeu d'enviar factures en paper, si us plau.", "Factures"),
    ("Arrêtez de m'en envoyer des rappels, j'ai déjà payé la facture.", "Rappels"),
    ("Podeu esborrar les fotos de prova de la carpeta compartida?", "Fotos"),
    ("Podem remover as fotos do casamento da pasta partilhada?", "Pasta"),
    ("Cancellate tutto e ricominciamo: il preventivo era sbagliato.", "Preventivo"),
    ("Vi avevo scritto per il preventivo, ricevo ancora le vostre fatture al vecchio indirizzo.",
     "Fatture"),
    ("We're well past the editing month you promised - any news on the photos?", "Photos"),
    ("I'm not happy with how you handled the photos from our shoot, the edits look wrong.",
     "Edits"),
    ("Mettetemi in copia aperta nella prossima mail, grazie.", "Copia"),
    ("I printed the flyers for the spring promotion. Please stop sending them as PDFs.", "Flyers"),
    ("Een kopie van mijn factuurgegevens graag, voor de boekhouding.", "Factuur"),
]


@pytest.mark.parametrize(("body", "subject"), ORDINARY)
def test_ordinary_mail_asks_nothing(body: str, subject: str) -> None:
    assert classify(mail(body, subject)).intents == []


@pytest.mark.parametrize(("body", "subject", "expected"), [
    # A reply above a newsletter whose quote header is Catalan: a person's request, not bulk.
    ("Please unsubscribe me and delete all my data.\n\nEl dv., 3 d'abr. 2026 a les 10:00,"
     " Aimigos <news@aimigos.studio> va escriure:\n\nSpring workshops!\n\nYou're receiving this"
     " email because you signed up to our newsletter. Unsubscribe | Manage preferences",
     "Re: Spring workshops", ["erasure", "opt_out"]),
    ("Please unsubscribe me and delete all my data.\n\nSpring workshops!\n\nYou're receiving"
     " this email because you signed up to our newsletter. Unsubscribe | Manage preferences",
     "Re: Spring workshops", ["erasure", "opt_out"]),
    # Someone speaking keeps the paragraph that tells them their rights.
    ("I know you have the right to request ID before you answer, so I attached my passport."
     " Please send me a copy of all personal data you hold on me.", "SAR", ["access"]),
    # A person answering an invitation is writing.
    ("please take me off your events list and delete my details",
     "Declined: Studio open day @ Sat 12 Apr 18:00", ["erasure", "opt_out"]),
    ("Your last email went out to all of us with everyone in CC, I can see 40 other parents'"
     " addresses.", "Privacy", ["complaint"]),
    ("I want to make a formal complaint. You emailed my invoice with my home address to my"
     " ex-husband. And my refund is still pending.", "Complaint", ["complaint"]),
])
def test_requests_the_new_rules_must_not_silence(body: str, subject: str,
                                                  expected: list[str]) -> None:
    assert classify(mail(body, subject)).intents == expected
