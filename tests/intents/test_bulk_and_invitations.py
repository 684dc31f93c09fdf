"""Bulk mail and calendar invitations are never answered, and a person writing above or
about them still is: a mailing list's footer in the sender's own text makes the mail bulk, a
forwarded newsletter under a request does not, an invitation is an automatic mail unless its
subject is a person's words."""

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
