"""Building test messages as raw bytes, the way they arrive over SMTP."""

from __future__ import annotations

from email.message import EmailMessage

from intents import InboundMail, read_message


def raw_mail(body: str = "Hello", subject: str = "Hi", sender: str = "Ann <ann@example.org>",
             **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "hello@aimigos.studio"
    message["Subject"] = subject
    message["Message-ID"] = "<m1@example.org>"
    message["Date"] = "Tue, 24 Nov 2026 12:00:00 +0000"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return bytes(message)


def mail(body: str = "Hello", subject: str = "Hi", **headers: str) -> InboundMail:
    return read_message(raw_mail(body, subject, **headers))
