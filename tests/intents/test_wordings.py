"""Wordings read as the intents they ask for, in the languages clients write: everyday
access idioms, opt-outs with pronouns and chat spelling, marketing after an unsubscribe told
as a story or counted, breaches and open copies named, erasure of "everything", requests with
clitics, Catalan, Dutch and Polish; and the near-misses that ask nothing (an invoice, a
booking, a service grievance alone). Each mechanism is tested in wordings of its own, not
those of the held-out set that showed it missing (tests/intents/heldout*_mail.jsonl, scored
in test_eval.py; figures in docs/evaluation.md).
"""

from __future__ import annotations

import pytest

from intents import classify
from tests.intents.mailmaker import mail

CASES = [
    # Everyday access idioms, with the adverbs people put in them.
    ("Could you tell me what you've got about me on your systems?", "Question", ["access"]),
    ("What exactly have you got on me? I never signed anything.", "Hello", ["access"]),
    ("What do you have on file? I need to update my billing address.", "Billing",
     ["rectification"]),
    ("What do you really know about me, and who told you?", "me", ["access"]),
    ("What have you got on file for my booking on Saturday?", "Booking", []),
    # A marketing noun after "no more of the/your ...".
    ("Happy to stay a customer, but no more of your promotional texts, thanks.", "Texts",
     ["opt_out"]),
    # Marketing after an unsubscribe, told as a story, and consent said to be gone.
    ("I opted out of your mailing list last month. Since then I have received three more.",
     "Emails", ["complaint"]),
    ("You don't have my consent to use my address for your mailings, and you never did.",
     "Mailings", ["complaint"]),
    # A bare "everything deleted" is no request (a rule for it was tried and dropped: it took
    # "the memory card is corrupted, everything deleted??" for erasure).
    ("Our agency has everything deleted after 30 days, as the contract says.", "Agency", []),
    ("the memory card is corrupted, everything deleted?? can you help", "Card", []),
    # French: the pronoun inside the opt-out.
    ("Vos offres ne m'intéressent pas. Ne m'en envoyez plus.", "Offres", ["opt_out"]),
    # Italian chat spelling; everything as the object.
    ("nn voglio ricevere newsletter grazie", "newsletter", ["opt_out"]),
    ("Non sono più cliente: vi chiedo di eliminare tutto.", "dati", ["erasure"]),
    ("Peço que apaguem tudo o que têm sobre mim.", "pedido", ["erasure"]),
    ("Verwijder alles wat jullie van mij hebben, alstublieft.", "verzoek", ["erasure"]),
    # A breach named in Portuguese, Italian, Dutch.
    ("Houve uma violação dos meus dados na vossa loja online.", "Queixa", ["complaint"]),
    ("C'è stata una violazione dei miei dati: voglio sapere cosa è successo.", "Violazione",
     ["complaint"]),
    ("Door jullie datalek ligt mijn adres nu op straat.", "Datalek", ["complaint"]),
    # Catalan.
    ("Bon dia, si us plau esborreu les meves dades del vostre sistema.", "Dades", ["erasure"]),
    ("Voldria donar-me de baixa del butlletí. Gràcies.", "Butlletí", ["opt_out"]),
    ("Quines dades meves teniu guardades?", "Consulta", ["access"]),
    ("No vull rebre més correus promocionals.", "Correus", ["opt_out"]),
    ("He presentat una queixa a l'APDCAT per l'ús de les meves dades.", "Queixa",
     ["complaint"]),
    # A pronoun that stands for the marketing named just before; none without it.
    ("i did a workshop and now i get the newsletter every week. pls stop sending them", "hi",
     ["opt_out"]),
    ("You sent me the same invoice twice. Please stop sending it, it is paid.", "Invoice",
     []),
    ("I love your newsletter! Could you stop sending it to my old address and use this one?",
     "Newsletter", []),
    # A count since the unsubscribe.
    ("I opted out last spring. This is the fourth since. Unbelievable.", "Again",
     ["complaint"]),
    # The account, mistyped; other things to delete are no erasure; a list stays an opt-out.
    ("could you please delete my accont on the app, I dont use it", "app", ["erasure"]),
    ("Could you please delete my previous message? I sent it by mistake.", "Oops", []),
    ("Can you remove my booking for Saturday? Something came up.", "Booking", []),
    ("Please remove my email from your mailing list.", "list", ["opt_out"]),
    ("Your assistant passed on the family's contact list to a printing company.", "Why",
     ["complaint"]),
    ("please not more newsletters, thank you", "newsletter", ["opt_out"]),
    # Chasers.
    ("I asked for a copy of my data on 3 March. No reply, not even an automatic one.",
     "Data request", ["access", "complaint"]),
    # Breaches, opt-outs, complaints and requests in Catalan, Spanish, Italian, Portuguese.
    ("Hi ha hagut una filtració de les meves dades personals.", "Dades", ["complaint"]),
    ("Lo que ha pasado es una vulneración de la protección de datos.", "Datos",
     ["complaint"]),
    ("Smettete di mandarmi newsletter, grazie.", "newsletter", ["opt_out"]),
    ("Vi ho già scritto, ma continuo a ricevere le vostre offerte.", "offerte", ["complaint"]),
    ("Parem de me enviar publicidade, por favor.", "publicidade", ["opt_out"]),
    ("Podem mandar-me os meus dados pessoais?", "dados", ["access"]),
    ("Peço que eliminem a minha conta e todas as fotos.", "conta", ["erasure"]),
    ("Vorrei sapere come funziona la cancellazione dell'account.", "account", []),
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
def test_a_wording_reads_as_the_intents_it_asks_for(body: str, subject: str,
                                                   expected: list[str]) -> None:
    assert classify(mail(body, subject)).intents == expected


@pytest.mark.parametrize("body", [
    "I wish to make a formal complaint. The prints arrived scratched and blurry and I expect a"
    " refund.",
    "Quiero presentar una queja: el álbum llegó con tres semanas de retraso.",
    "Je souhaite déposer une plainte : les photos sont floues et livrées en retard.",
    "Ich möchte mich beschweren: die Bilder sind unscharf und kamen zu spät.",
])
def test_a_complaint_about_the_service_alone_is_no_data_complaint(body: str) -> None:
    assert classify(mail(body, "Complaint")).intents == []


@pytest.mark.parametrize("body", [
    "I wish to make a formal complaint. The prints arrived late, and you sent my gallery link"
    " to someone else.",
    "I want to make a complaint: you were late AND you shared my photos on Instagram without"
    " my consent.",
    "Ich möchte mich beschweren: die Bilder kamen zu spät und Sie haben meine Daten"
    " weitergegeben.",
    "Quiero presentar una queja: llegaron tarde y usaron mi foto en su web sin permiso.",
])
def test_a_service_grievance_beside_a_data_one_is_still_a_complaint(body: str) -> None:
    assert "complaint" in classify(mail(body, "Complaint")).intents


def test_still_there_after_a_confirmed_deletion_is_a_complaint() -> None:
    got = classify(mail("In May you wrote that my profile had been deleted. Today it is still"
                        " there, with my address on the order page. Delete it properly.",
                        "Not deleted"))
    assert "complaint" in got.intents
    assert "erasure" in got.intents


# Ordinary mail close to the wordings above: each was misread once.
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
def test_requests_beside_boilerplate_or_invitations_are_still_read(body: str, subject: str,
                                                  expected: list[str]) -> None:
    assert classify(mail(body, subject)).intents == expected
