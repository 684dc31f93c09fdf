"""The mechanisms held-out set 29 showed missing, each in wordings of its own (not the set's).

heldout29_mail.jsonl (40 mails, 7 languages, unusual writers) scored macro-F1 0.773 and 70%
exact on its first run. What it found missing, by kind: a pronoun standing for the newsletter
("stop sending it"), a count of mails since an unsubscribe ("the third since"), a mistyped
account ("delete my acount"), a contact sheet passed on, "not
more emails", chasers worded "no answer, not even ..." and "past the one month", a
"still there" in a sentence that also names an order page, breaches in Catalan and Spanish
("vulneració"), Italian and Portuguese opt-outs and complaints, Portuguese requests with a
clitic ("enviar-me"), removal of photos in Portuguese and Italian, and calendar invitations,
which must never be answered.
"""

from __future__ import annotations

import pytest

from intents import classify
from tests.intents.mailmaker import mail

CASES = [
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
]


@pytest.mark.parametrize(("body", "subject", "expected"), CASES)
def test_mechanism(body: str, subject: str, expected: list[str]) -> None:
    assert classify(mail(body, subject)).intents == expected


def test_still_there_after_a_confirmed_deletion_is_a_complaint() -> None:
    got = classify(mail("In May you wrote that my profile had been deleted. Today it is still"
                        " there, with my address on the order page. Delete it properly.",
                        "Not deleted"))
    assert "complaint" in got.intents
    assert "erasure" in got.intents


@pytest.mark.parametrize("subject", [
    "Invitation: Quarterly privacy review @ Mon 3 Nov 2025 14:00 - 15:00 (GMT)",
    "Updated invitation: Data deletion backlog @ Wed 5 Nov 2025 09:00 (CET)",
    "Accepted: Access requests catch-up @ Fri 7 Nov 2025 11:00",
])
def test_calendar_invitations_are_never_answered(subject: str) -> None:
    got = mail("Agenda: backlog of deletion and access requests; unsubscribe link broken.",
               subject)
    assert got.auto_reply
    assert "calendar invitation" in got.auto_reply_reasons
    assert classify(got).intents == []


def test_an_invitation_in_words_is_a_person_writing() -> None:
    got = mail("Please delete my data.", "Invitation to your webinar: please delete my data")
    assert not got.auto_reply
    assert classify(got).intents == ["erasure"]
