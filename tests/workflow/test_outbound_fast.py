"""build_message: the hand-written lines parse back to the inputs, and match the generator.

The reference is the previous implementation (compat32 Message + email generator), kept here
only as the yardstick: for every body it handled within RFC 5322 the bytes must be identical.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email import message_from_bytes, policy
from email.charset import QP, Charset
from email.header import Header
from email.message import EmailMessage, Message
from email.utils import format_datetime, formataddr

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.workflow.addresses import InvalidAddressError, clean_address
from bot.workflow.outbound import (
    OutboundMail,
    _header_text,
    _line,
    build_message,
    clean_subject,
    safe_message_id,
)

_WIRE = policy.compat32.clone(linesep="\r\n")
DATE = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
URL = "https://privacy.example.com/unsubscribe/abc.def"
BODY = ("Dear Bob,\n\nWe received your request and will answer within one month.\n" * 12)[:700]
EXPECTED_NAMES = [
    "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "From", "To", "Subject",
    "Date", "Message-ID", "In-Reply-To", "References", "Auto-Submitted",
    "X-Auto-Response-Suppress", "Precedence", "List-Unsubscribe", "List-Unsubscribe-Post"]


def reference_build(mail: OutboundMail) -> bytes:
    """The previous build_message, verbatim: the stdlib generator's bytes."""
    sender = clean_address(mail.from_address)
    recipient = clean_address(mail.to)
    message_id = safe_message_id(mail.message_id)
    assert message_id is not None
    message: Message[str, str | Header] = Message()
    charset = Charset("us-ascii" if mail.body.isascii() else "utf-8")
    if not mail.body.isascii():
        charset.body_encoding = QP
    message.set_payload(mail.body, charset)
    message["From"] = formataddr((clean_subject(mail.from_name), sender), charset="utf-8")
    message["To"] = recipient
    message["Subject"] = _header_text(clean_subject(mail.subject))
    message["Date"] = format_datetime(mail.date)
    message["Message-ID"] = message_id
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


def make(**changes: object) -> OutboundMail:
    values: dict[str, object] = dict(
        from_name="Aimigos Studio", from_address="hello@aimigos.studio", to="bob@example.com",
        subject="Re: Your data access request [PB-2026-ABCD] has been received",
        body=BODY, message_id="<pb.PB-2026-ABCD.1@aimigos.studio>", date=DATE,
        in_reply_to="<client-1@example.com>",
        references=("<older@example.com>", "<client-1@example.com>"), unsubscribe_url=URL)
    values.update(changes)
    return OutboundMail.model_validate(values)


def parse(raw: bytes) -> EmailMessage:
    parsed = message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def body_of(parsed: EmailMessage) -> str:
    part = parsed.get_body()
    assert part is not None
    content = part.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


def newlines(text: str) -> str:
    return re.sub(r"\r\n|\r", "\n", text)


def assert_wire_shape(raw: bytes) -> None:
    """Every line ends CRLF, none is longer than 998 octets, all of it is ASCII."""
    assert raw.isascii()
    assert b"\x00" not in raw
    assert raw.endswith(b"\r\n") or b"\r\n\r\n" in raw
    for line in raw.split(b"\r\n"):
        assert b"\r" not in line
        assert b"\n" not in line
        assert len(line) <= 998
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert not head.startswith((b" ", b"\t"))
    for line in head.split(b"\r\n"):  # a field or a continuation, nothing else
        assert re.match(rb"[A-Za-z-]+: |[ \t]", line), line


def assert_round_trip(mail: OutboundMail) -> EmailMessage:
    raw = build_message(mail)
    assert_wire_shape(raw)
    parsed = parse(raw)
    names = parsed.keys()  # a list: duplicates would show
    expected = [n for n in EXPECTED_NAMES
                if (n != "In-Reply-To" or safe_message_id(mail.in_reply_to))
                and (n != "References" or any(map(safe_message_id, mail.references)))
                and (not n.startswith("List-Unsubscribe") or mail.unsubscribe_url)]
    assert names == expected
    address = parsed["From"].addresses[0]
    assert address.display_name == clean_subject(mail.from_name)
    assert address.addr_spec == clean_address(mail.from_address)
    assert parsed["To"] == clean_address(mail.to)
    assert parsed["Subject"] == clean_subject(mail.subject)
    assert parsed["Date"].datetime == mail.date
    assert parsed["Message-ID"] == mail.message_id
    assert parsed["Auto-Submitted"] == "auto-replied"
    assert parsed["X-Auto-Response-Suppress"] == "All"
    assert parsed["MIME-Version"] == "1.0"
    assert parsed.get_content_type() == "text/plain"
    assert parsed.get_content_charset() in ("us-ascii", "utf-8")
    assert parsed["Content-Transfer-Encoding"] in ("7bit", "quoted-printable")
    if mail.unsubscribe_url:
        assert parsed["List-Unsubscribe"] == f"<{mail.unsubscribe_url}>"
        assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert body_of(parsed) == newlines(mail.body)
    return parsed


def test_ascii_mail_is_the_generators_bytes() -> None:
    mail = make()
    raw = build_message(mail)
    assert raw == reference_build(mail)
    parsed = assert_round_trip(mail)
    assert parsed["In-Reply-To"] == "<client-1@example.com>"
    assert parsed["References"] == "<older@example.com> <client-1@example.com>"
    assert parsed["Content-Transfer-Encoding"] == "7bit"
    assert b"\r\nSubject: Re: Your data access request [PB-2026-ABCD] has been received\r\n" in raw


@pytest.mark.parametrize(("name", "subject"), [
    ("Señora Núñez y Compañía", "Re: Su solicitud de acceso a sus datos [PB-2026-ABCD] ¿recibida?"),
    ("Müller & Söhne GmbH", "Ihre Anfrage zur Löschung Ihrer Daten [PB-2026-ABCD] – Bestätigung"),
    ("Société Générale Française", "Réponse à votre demande d'accès [PB-2026-ABCD] reçue"),
    ("Aimigos 🎉 Studio", "🎉 Done ✅ [PB-2026-ABCD] 日本語のテキスト"),
    ("Ünïcödé", "ÄÖÜ" * 70),
])
def test_non_ascii_names_and_subjects(name: str, subject: str) -> None:
    mail = make(from_name=name, subject=subject, body=f"Hola {name}, ça va? 🎉\n")
    raw = build_message(mail)
    assert raw == reference_build(mail)
    assert b"[PB-2026-ABCD]" in raw or "PB-2026" not in subject
    parsed = assert_round_trip(mail)
    assert parsed["Content-Transfer-Encoding"] == "quoted-printable"
    assert parsed.get_content_charset() == "utf-8"


@pytest.mark.parametrize("subject", [
    "word " * 60, "x" * 300, "Re: " + "averyveryverylongwordwithoutspaces" * 8 + " [PB-1]",
    "é" + "x" * 250, ("ascii part " * 5 + "ñandú " * 5) * 3])
def test_long_subjects_fold_within_limits(subject: str) -> None:
    mail = make(subject=subject)
    raw = build_message(mail)
    old = reference_build(mail)
    # The generator leaves the first line empty when the first word does not fit (readers
    # then see a leading space); otherwise the bytes are its bytes.
    assert raw == old or b"\r\nSubject: \r\n " in old
    head = raw.split(b"\r\n\r\n", 1)[0]
    subject_lines = head.split(b"\r\nSubject: ", 1)[1].split(b"\r\nDate: ")[0]
    foldable = " " in clean_subject(subject) or not subject.isascii()  # spaces, encoded words
    assert (b"\r\n " in subject_lines) == foldable
    assert_round_trip(mail)


@pytest.mark.parametrize("attack", [
    "Hi\r\nBcc: evil@x.com", "Hi\nBcc: evil@x.com", "Hi\rBcc: evil@x.com",
    "Hi\x00Bcc: evil@x.com", "Hi\r\n\r\nbody", "Hï\r\nBcc: evil@x.com", "\u2028Bcc: e@x.com",
    "Hi\x85X-Evil: 1", "Hi\r\n Bcc: folded@x.com", "=?utf-8?q?a=0D=0ABcc:_x@y.z?="])
def test_line_breaks_in_subject_and_name_add_no_header(attack: str) -> None:
    mail = make(subject=attack, from_name=attack)
    raw = build_message(mail)
    assert raw == reference_build(mail)
    parsed = parse(raw)
    assert parsed["Bcc"] is None
    assert parsed["X-Evil"] is None
    assert [n for n in parsed.keys() if n not in EXPECTED_NAMES] == []  # noqa: SIM118
    assert_wire_shape(raw)
    if "=?" not in attack:  # an encoded word in plain text is decoded by the reader, as text
        assert_round_trip(mail)


def test_injected_addresses_and_ids_are_refused_or_dropped() -> None:
    with pytest.raises(InvalidAddressError, match="line break"):
        build_message(make(to="a@b.co\r\nBcc: c@d.co"))
    with pytest.raises(InvalidAddressError, match="line break"):
        build_message(make(from_address="a@b.co\nBcc: c@d.co"))
    with pytest.raises(ValueError, match="Message-ID"):
        build_message(make(message_id="<a@b>\r\nBcc: c@d.co"))
    mail = make(in_reply_to="<a@b>\r\nBcc: x@y.z", references=("<c@d>\nX: 1", "<ok@e.f>"))
    parsed = parse(build_message(mail))
    assert parsed["In-Reply-To"] is None
    assert parsed["References"] == "<ok@e.f>"
    assert parsed["Bcc"] is None
    assert parsed["X"] is None


@pytest.mark.parametrize("url", [
    "https://x.example/ü", "https://x.example/\r\nBcc: a@b.c", "javascript:alert(1)",
    "https://x.example/<a>", "https://x.example/" + "a" * 1000])
def test_unsubscribe_url_that_cannot_be_one_clean_header_is_left_out(url: str) -> None:
    parsed = parse(build_message(make(unsubscribe_url=url)))
    assert parsed["List-Unsubscribe"] is None
    assert parsed["List-Unsubscribe-Post"] is None
    assert parsed["Bcc"] is None


def test_long_unsubscribe_url_stays_whole() -> None:
    url = "https://privacy.example.com/unsubscribe/" + "tok,en;" * 100
    mail = make(unsubscribe_url=url)
    assert f"\r\nList-Unsubscribe: <{url}>\r\n".encode() in build_message(mail)
    assert_round_trip(mail)


@pytest.mark.parametrize("body", [
    "short\n" + "y" * 1200 + "\nend\n", "z" * 5000, "é" + "w" * 3000 + "\n",
    "a line\n" + " ".join(["word"] * 400) + "\n"])
def test_long_body_lines_are_quoted_printable(body: str) -> None:
    raw = build_message(make(body=body))
    assert_wire_shape(raw)
    parsed = assert_round_trip(make(body=body))
    assert parsed["Content-Transfer-Encoding"] == "quoted-printable"


@pytest.mark.parametrize("body", [
    "Hello\n.\nFrom here on\nFrom: not a header\n..\n.\n",
    "From the start\r\n.\r\nthe end", "mixed\rcr\r\nand\nlf\n\n", "", "\n", ".",
    "Héllo\n.\nFrom ünïcode\n", "trailing spaces   \nand tabs\t\n", "nul\x00inside\n",
    "form\x0cfeed and \x0bvtab\n"])
def test_dot_and_from_lines_survive(body: str) -> None:
    mail = make(body=body)
    raw = build_message(mail)
    if "\x00" not in body:
        assert raw == reference_build(mail)
    assert b">From" not in raw
    assert_round_trip(mail)


def test_date_keeps_its_offset() -> None:
    when = datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    parsed = assert_round_trip(make(date=when))
    assert str(parsed["Date"]) == "Sun, 01 Mar 2026 09:30:00 -0500"


HEADER_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=120)


@settings(max_examples=120, deadline=None)
@given(name=st.sampled_from(["Subject", "To", "References", "List-Unsubscribe"]),
       value=HEADER_TEXT)
def test_fast_header_line_is_what_the_stdlib_folds(name: str, value: str) -> None:
    assert _line(name, value) == _WIRE.fold(name, value)


ANY_TEXT = st.text(max_size=300)
ids = st.sampled_from(["<a@b.c>", "<x.y@example.com>", "junk", "<a,b;c@d.e>", "", "<é@x.y>"])


@settings(max_examples=120, deadline=None)
@given(name=ANY_TEXT, subject=ANY_TEXT, body=st.text(max_size=2000),
       in_reply_to=ids, references=st.lists(ids, max_size=12))
def test_same_as_the_generator_for_any_input(
    name: str, subject: str, body: str, in_reply_to: str, references: list[str]
) -> None:
    mail = make(from_name=name, subject=subject, body=body, in_reply_to=in_reply_to,
                references=tuple(references))
    raw = build_message(mail)
    assert_wire_shape(raw)
    old = reference_build(mail)
    within_limits = all(len(line) <= 998 for line in old.split(b"\r\n"))
    if within_limits and "\x00" not in body and b": \r\n " not in old:
        assert raw == old
    else:  # the generator wrote an over-long or NUL line as 7bit, or an empty first line
        new_parsed, old_parsed = parse(raw), parse(old)
        mime = ("Content-Type", "Content-Transfer-Encoding")
        assert [(k, str(v).strip()) for k, v in new_parsed.items() if k not in mime] == [
            (k, str(v).strip()) for k, v in old_parsed.items() if k not in mime]
        assert body_of(new_parsed) == newlines(body)


@settings(max_examples=100, deadline=None)
@given(name=ANY_TEXT, subject=ANY_TEXT, body=st.text(max_size=1500))
def test_parses_back_to_the_inputs(name: str, subject: str, body: str) -> None:
    assume("=?" not in subject and "=?" not in name)
    assert_round_trip(make(from_name=name, subject=subject, body=body))


def test_the_header_block_backstop_refuses_what_is_not_a_field() -> None:
    from bot.workflow.outbound import _HEADER_BLOCK

    assert _HEADER_BLOCK.fullmatch("Subject: hello\r\n long folded\r\nTo: a@b.c\r\n")
    for bad in ("Subject: hi\nBcc: x@y.z\r\n", "Subject: hi\r\nBcc x@y.z\r\n",
                "Subject: hi\rX: y\r\n", "Subject: caf\u00e9\r\n", "Subject: a\x00b\r\n",
                "Subject: hi\r\n\r\nX: y\r\n"):
        assert _HEADER_BLOCK.fullmatch(bad) is None, bad
