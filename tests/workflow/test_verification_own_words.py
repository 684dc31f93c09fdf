"""Only the requester's own words hold a code: lines copied from a mail we sent do not
(issue 16.1: a helpdesk's acknowledgement that pastes our mail without quote marks)."""

from __future__ import annotations

from bot.workflow.redaction import redact_text
from bot.workflow.verification import codes_in_text, own_words

OURS = """Hello,

Before we act on it we need to be sure that it came from you. If you asked for this, please
confirm by either:

  - opening this link: http://links.test/verify/abc.def
  - or replying to this email with the code 482 913 written in your reply

Aimigos Studio privacy team
"""


def test_lines_copied_from_our_mail_are_not_own_words() -> None:
    echo = ("Thank you for contacting Example Helpdesk. We received:\n\n" + OURS)
    own = own_words(echo, [OURS])
    assert codes_in_text(own) == []
    assert "Thank you for contacting Example Helpdesk" in own


def test_the_redacted_copy_we_keep_still_recognises_the_echo() -> None:
    # After delivery the outbox keeps our mail with the code and link replaced.
    echo = "Auto-acknowledgement\n" + OURS
    assert codes_in_text(own_words(echo, [redact_text(OURS)])) == []


def test_the_requesters_own_code_counts() -> None:
    reply = "Yes, that was me. My code is 482913.\n\nHello,\nAimigos Studio privacy team"
    own = own_words(reply, [OURS])
    assert codes_in_text(own) == ["482913"]
    # short lines ("Hello,") are too common to say they were copied
    assert "Hello," in own


def test_no_mail_of_ours_changes_nothing() -> None:
    assert own_words("code 123456", []) == "code 123456"
    assert own_words("", [OURS]) == ""
