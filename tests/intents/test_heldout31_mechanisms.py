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
