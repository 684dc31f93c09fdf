"""The log redaction processor: addresses, tokens and personal fields scrubbed, pure."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.observability.redact import ADDRESS, REDACTED, redact_event, redact_text, redact_value
from bot.workflow.tokens import PURPOSE_VERIFY, make_token

TOKEN = make_token(b"k" * 32, PURPOSE_VERIFY, "AIM-2026-0001",
                   expires_at=datetime(2030, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize(("text", "expected"), [
    ("sent to alice@example.org (ack)", f"sent to {ADDRESS} (ack)"),
    ("From: Alice <a.b+tag@mail.example.co.uk>", f"From: Alice <{ADDRESS}>"),
    ("two: x@y.org, Z_9@sub.y.org.", f"two: {ADDRESS}, {ADDRESS}."),
    ("no address @ all, user@localhost", "no address @ all, user@localhost"),
    ("nothing personal here", "nothing personal here"),
    ("", ""),
])
def test_addresses_are_replaced(text: str, expected: str) -> None:
    assert redact_text(text) == expected


def test_link_tokens_are_shortened_to_a_prefix_of_their_signature() -> None:
    signature = TOKEN.split(".")[1]
    line = redact_text(f"http POST /verify/{TOKEN}: refused")
    assert line == f"http POST /verify/[token:{signature[:6]}]: refused"
    assert TOKEN not in line
    assert signature not in line
    # Two tokens stay told apart.
    other = make_token(b"k" * 32, PURPOSE_VERIFY, "AIM-2026-0002")
    assert redact_text(TOKEN) != redact_text(other)


def test_slack_tokens_keep_only_their_kind() -> None:
    assert redact_text("token xoxb-1234-5678-abcdefghijkl") == "token [token:xoxb]"
    assert redact_text("app xapp-1-A0-123-abcdef0123") == "app [token:xapp]"


def test_fields_personal_by_name_are_redacted_whatever_they_hold() -> None:
    assert redact_value("subject", "My data, please") == REDACTED
    assert redact_value("to_address", "bob@example.org") == REDACTED
    assert redact_value("subject", None) is None
    assert redact_value("subject", "") == ""
    # Identifiers are kept: they tie a line to its mail.
    assert redact_value("message_id", "<abc.1@mail.example.org>") == "<abc.1@mail.example.org>"
    assert redact_value("reference", "AIM-2026-0001") == "AIM-2026-0001"
    assert redact_value("attempts", 3) == 3


def test_nested_values_are_walked() -> None:
    value = {"to": ["a@example.org", ("b@example.org",)], "sender": "c@example.org", "n": 1}
    assert redact_value("data", value) == {"to": [ADDRESS, [ADDRESS]], "sender": REDACTED,
                                           "n": 1}
    assert redact_value("set", {"d@example.org"}) == [ADDRESS]


def test_redact_event_covers_every_field_but_structlogs_own() -> None:
    record = object()
    event = {"event": "sent to a@example.org", "exception": "ValueError: b@example.org",
             "subject": "Hi", "message_id": "<m@example.org>", "_record": record}
    assert redact_event(None, "info", event) == {
        "event": f"sent to {ADDRESS}", "exception": f"ValueError: {ADDRESS}",
        "subject": REDACTED, "message_id": "<m@example.org>", "_record": record}
