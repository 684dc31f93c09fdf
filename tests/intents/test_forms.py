"""Mail relayed by web forms, helpdesks and SMS or voicemail gateways (intents/forms.py and
the helpdesk thread rule in quotes.py): the sender's words are read, the wrapper is not."""

from __future__ import annotations

from intents import classify
from intents.forms import unwrap_form
from intents.quotes import split_quotes
from tests.intents.mailmaker import mail

SMS = ("Incoming SMS\nTo: +44 20 7946 0001\nFrom: +447700900555\nBody: STOP\n\n"
       "Forwarded by your SMS gateway.")


def test_message_field_loses_its_label_and_contact_fields_go() -> None:
    own, quoted = split_quotes(SMS)
    assert "STOP" in own.splitlines()
    assert "+447700900555" not in own
    assert "From: +447700900555" in quoted


def test_a_bare_stop_in_a_gateway_field_is_an_opt_out() -> None:
    assert classify(mail(SMS, "SMS from +447700900555")).intents == ["opt_out"]


def test_form_fields_named_like_mail_headers_are_not_a_quoted_outlook_block() -> None:
    form = ("From: Gloria Mendes <gloria.m@example.com>\nTo: Aimigos\nDate: 3 May 2026\n"
            "Subject: Data\nMessage: please delete my account")
    own, _ = split_quotes(form)
    assert own.splitlines()[-1] == "please delete my account"
    assert classify(mail(form, "New message")).intents == ["erasure"]


def test_prose_with_a_colon_is_not_a_form() -> None:
    text = "Question: do you keep the raw files? Name: not needed."
    assert unwrap_form(text) == (text, [])
    assert unwrap_form("no fields here") == ("no fields here", [])


def test_helpdesk_thread_below_a_rule_and_a_name_date_line_is_quoted() -> None:
    text = ("Thanks, everything looks complete. You can close this.\n\n"
            "--------------------------------\nIMGN Support, Nov 21, 2026\n"
            "Please find attached a copy of your personal data (subject access request).")
    own, quoted = split_quotes(text)
    assert own == "Thanks, everything looks complete. You can close this."
    assert "subject access request" in quoted
    assert classify(mail(text, "Re: your request")).intents == []


def test_a_rule_without_a_name_date_line_quotes_nothing() -> None:
    own, _ = split_quotes("Please delete my account.\n\n----------\nThanks a lot")
    assert "Thanks a lot" in own
