"""The mechanisms held-out set 28 showed missing, each in wordings of its own (not the set's).

heldout28_mail.jsonl (40 mails, 8 languages) scored macro-F1 0.836 and 70% exact on its first
run; what it found missing, by kind: everyday access idioms ("what you've got on me"),
"no more of the ... offers", marketing after an unsubscribe told as a story, a pronoun inside
a French opt-out ("m'en envoyer"), chat spelling in Italian ("nn"), "everything" as the thing
to erase in Italian, Portuguese and Dutch, a data breach named in Portuguese, Italian or
Dutch, Catalan, and a complaint declared in general words about the service only (no
data-protection intent).
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
]


@pytest.mark.parametrize(("body", "subject", "expected"), CASES)
def test_mechanism(body: str, subject: str, expected: list[str]) -> None:
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
