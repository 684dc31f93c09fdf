"""Per-call cost of build_message against the plain stdlib generator it replaced.

The baseline builds the same mail as a compat32 email.message.Message and serialises it with
the email generator (what build_message did before); the new one writes header lines itself
and leaves folding, RFC 2047 and quoted-printable to the stdlib only where they are needed.

    .venv/bin/python bench/outbound.py [--calls 2000]

Prints ms per call for three mails: all-ASCII (the common case, goal < 0.06 ms), non-ASCII
name/subject/body, a long subject with a long body line, and ASCII with the From-line cache
cleared before every call.
"""

from __future__ import annotations

import argparse
import re
import timeit
from collections.abc import Callable
from datetime import UTC, datetime
from email import policy
from email.charset import QP, Charset
from email.header import Header
from email.message import Message
from email.utils import format_datetime, formataddr

from bot.workflow.addresses import clean_address
from bot.workflow.outbound import (
    OutboundMail,
    _from_line,
    _header_text,
    build_message,
    clean_subject,
    safe_message_id,
)

_WIRE = policy.compat32.clone(linesep="\r\n")


def stdlib_build(mail: OutboundMail) -> bytes:
    """The previous build_message: a compat32 Message through the email generator."""
    sender = clean_address(mail.from_address)
    message: Message[str, str | Header] = Message()
    charset = Charset("us-ascii" if mail.body.isascii() else "utf-8")
    if not mail.body.isascii():
        charset.body_encoding = QP
    message.set_payload(mail.body, charset)
    message["From"] = formataddr((clean_subject(mail.from_name), sender), charset="utf-8")
    message["To"] = clean_address(mail.to)
    message["Subject"] = _header_text(clean_subject(mail.subject))
    message["Date"] = format_datetime(mail.date)
    message["Message-ID"] = safe_message_id(mail.message_id) or ""
    parent = safe_message_id(mail.in_reply_to)
    if parent:
        message["In-Reply-To"] = parent
    references = [ref for ref in (safe_message_id(item) for item in mail.references) if ref]
    if references:
        message["References"] = " ".join(references)
    message["Auto-Submitted"] = "auto-replied"
    message["X-Auto-Response-Suppress"] = "All"
    message["Precedence"] = "auto_reply"
    if mail.unsubscribe_url and re.match(r"^https?://[^\s<>]+$", mail.unsubscribe_url):
        message["List-Unsubscribe"] = f"<{mail.unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message.as_bytes(policy=_WIRE)


def mails() -> dict[str, OutboundMail]:
    body = ("Dear Bob,\n\nWe received your request and will answer within one month.\n"
            * 12)[:700]
    ascii_mail = OutboundMail(
        from_name="Aimigos Studio", from_address="hello@aimigos.studio", to="bob@example.com",
        subject="Re: Your data access request [PB-2026-ABCD] has been received",
        body=body, message_id="<pb.PB-2026-ABCD.1@aimigos.studio>",
        date=datetime(2026, 11, 24, 12, 0, tzinfo=UTC), in_reply_to="<client-1@example.com>",
        references=("<older@example.com>", "<client-1@example.com>"),
        unsubscribe_url="https://privacy.example.com/unsubscribe/abc.def")
    return {
        "ascii": ascii_mail,
        "non-ascii": ascii_mail.model_copy(update=dict(
            from_name="Société Générale", subject="Réponse à votre demande [PB-2026-ABCD] 🎉",
            body=body.replace("Dear", "Chère"))),
        "long": ascii_mail.model_copy(update=dict(
            subject="Re: " + "a long subject " * 12, body=body + "x" * 1500 + "\n")),
    }


def per_call_ms(function: Callable[[OutboundMail], bytes], mail: OutboundMail,
                calls: int) -> float:
    best = min(timeit.repeat(lambda: function(mail), number=calls, repeat=3))
    return best / calls * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    print(f"{'mail':<10} {'stdlib ms':>10} {'new ms':>8} {'speed-up':>9}")
    for name, mail in mails().items():
        old = per_call_ms(stdlib_build, mail, args.calls)
        new = per_call_ms(build_message, mail, args.calls)
        print(f"{name:<10} {old:>10.4f} {new:>8.4f} {old / new:>8.1f}x")
    # The From line is cached per (name, address); without the cache (a new organisation
    # every mail) the ASCII case also pays clean_address and formataddr once more.
    mail = mails()["ascii"]
    old = per_call_ms(stdlib_build, mail, args.calls)
    new = per_call_ms(cold_from, mail, args.calls)
    print(f"{'ascii cold':<10} {old:>10.4f} {new:>8.4f} {old / new:>8.1f}x")


def cold_from(mail: OutboundMail) -> bytes:
    _from_line.cache_clear()
    return build_message(mail)


if __name__ == "__main__":
    main()
