"""Message-ID headers that a mailer RFC 2047-encoded still thread (In-Reply-To, References)."""

from __future__ import annotations

from email.header import Header

from intents import read_message

OURS = "<pb.AIM-2026-0042.0a1b2c3d.0123456789abcdef0123@aimigos.studio>"


def _raw(in_reply_to: str, references: str) -> bytes:
    return (
        "From: ann@example.org\r\nTo: hello@aimigos.studio\r\nSubject: Re: code\r\n"
        f"Message-ID: <r1@example.org>\r\nIn-Reply-To: {in_reply_to}\r\n"
        f"References: {references}\r\n\r\n123456\r\n"
    ).encode()


def test_encoded_in_reply_to_and_references_are_decoded() -> None:
    encoded = Header(OURS, "utf-8").encode()
    assert encoded.startswith("=?utf-8?")
    mail = read_message(_raw(encoded, f"<a@b.c> {encoded}"))
    assert mail.in_reply_to == OURS
    assert mail.references == ["<a@b.c>", OURS]


def test_plain_ids_are_unchanged() -> None:
    mail = read_message(_raw(OURS, OURS))
    assert mail.in_reply_to == OURS
    assert mail.references == [OURS]
    assert mail.message_id == "<r1@example.org>"
