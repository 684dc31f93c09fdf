"""read_message on well-formed and awkward messages: headers, charsets, MIME, attachments."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from email.message import EmailMessage

from intents import read_message
from tests.intents.mailmaker import mail, raw_mail


def test_headers_are_read_and_normalised() -> None:
    got = read_message(raw_mail(
        "Please delete my data.", "=?utf-8?q?L=C3=B6schung?= meiner Daten",
        sender="=?utf-8?q?Jos=C3=A9?= Garc\u00eda <Jose.Garcia@Example.ORG>",
        Reply_To="other@example.net", Cc="Team <TEAM@example.org>",
        In_Reply_To="<abc@bot.example>", References="<a@x> <b@y>",
        Return_Path="<bounce@example.org>"))
    assert got.parsed
    assert got.subject == "Löschung meiner Daten"
    assert got.from_address == "jose.garcia@example.org"
    assert "José" in got.from_name
    assert got.reply_to_address == "other@example.net"
    assert got.to_addresses == ["hello@aimigos.studio", "team@example.org"]
    assert got.message_id == "<m1@example.org>"
    assert got.in_reply_to == "<abc@bot.example>"
    assert got.references == ["<a@x>", "<b@y>"]
    assert got.date == datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    assert got.return_path == "bounce@example.org"
    assert got.text == "Please delete my data."
    assert got.size > 100


def test_garbage_headers_become_none_not_errors() -> None:
    raw = (b"From: not an address\r\nMessage-ID: <<<>>> garbage\r\nDate: yesterday-ish\r\n"
           b"Subject: =?bogus-charset?B?!!!?=\r\nReturn-Path: <>\r\n\r\nbody\r\n")
    got = read_message(raw)
    assert got.parsed
    assert got.from_address is None
    assert got.message_id is None
    assert got.date is None
    assert got.return_path == ""
    assert "=?bogus-charset" in got.subject


def test_adjacent_encoded_words_join_split_characters() -> None:
    raw = (b"From: a@example.org\r\nSubject: =?utf-8?B?w6k=?= =?utf-8?B?w6k=?= plain\r\n\r\nx")
    assert read_message(raw).subject == "éé plain"


def test_lying_and_missing_charsets() -> None:
    utf8_labelled_latin1 = (b"From: a@example.org\r\nContent-Type: text/plain; charset=iso-8859-1"
                            b"\r\n\r\n" + "Bitte löschen Sie meine Daten".encode())
    assert read_message(utf8_labelled_latin1).text == "Bitte löschen Sie meine Daten"
    latin1_unlabelled = (b"From: a@example.org\r\nContent-Type: text/plain\r\n\r\n"
                         + "Supprimez mes données, s'il vous plaît".encode("latin-1"))
    assert "données" in read_message(latin1_unlabelled).text
    cp1252 = (b"From: a@example.org\r\nContent-Type: text/plain; charset=windows-1252\r\n\r\n"
              + "I\u2019d like my data \u2013 all of it".encode("cp1252"))
    assert read_message(cp1252).text == "I\u2019d like my data \u2013 all of it"
    invalid = (b"From: a@example.org\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
               b"ok \xff\xfe ok")
    got = read_message(invalid)
    assert got.parsed
    assert got.text.startswith("ok")
    assert got.defects


def test_japanese_charsets() -> None:
    for charset in ("shift_jis", "iso-2022-jp"):
        raw = (f"From: a@example.org\r\nContent-Type: text/plain; charset={charset}\r\n\r\n"
               .encode() + "個人情報を削除してください".encode(charset))
        got = read_message(raw)
        assert got.text == "個人情報を削除してください", charset
        assert got.language == "ja"


def test_html_only_body_becomes_text_with_quotes_marked() -> None:
    message = EmailMessage()
    message["From"] = "a@example.org"
    message.set_content(
        "<html><head><style>p{}</style></head><body><p>Please <b>unsubscribe</b> me.</p>"
        "<div class='gmail_quote'>On Mon, X wrote:<blockquote>Our spring sale!</blockquote>"
        "</div></body></html>", subtype="html")
    got = read_message(bytes(message))
    assert got.text == "Please unsubscribe me."
    assert "spring sale" in got.quoted
    assert "p{}" not in got.text + got.quoted


def test_nested_multipart_attachments_and_forwarded_message() -> None:
    inner = EmailMessage()
    inner["From"] = "mum@example.org"
    inner["Subject"] = "aimigos"
    inner.set_content("Please take my name off their system.")
    outer = EmailMessage()
    outer["From"] = "son@example.org"
    outer.set_content("She wants you to delete her details.")
    outer.add_alternative("<p>She wants you to delete her details.</p>", subtype="html")
    outer.add_attachment(b"%PDF-1.4 fake", maintype="application", subtype="pdf",
                         filename="id.pdf")
    outer.add_attachment(inner)
    got = read_message(bytes(outer))
    assert got.text == "She wants you to delete her details."
    assert "take my name off" in got.quoted
    kinds = {a.content_type: a for a in got.attachments}
    assert kinds["application/pdf"].filename == "id.pdf"
    assert kinds["application/pdf"].size > 0
    assert "message/rfc822" in kinds


def test_truncated_mime_keeps_what_arrived() -> None:
    raw = (b"From: a@example.org\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
           b"--XX\r\nContent-Type: text/plain\r\n\r\nPlease send me my data.\r\n--XX\r\n"
           b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBER")
    got = read_message(raw)
    assert got.parsed
    assert got.text == "Please send me my data."
    assert "CloseBoundaryNotFoundDefect" in got.defects


def test_not_a_message_at_all() -> None:
    for raw in (b"", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), b"just some text"):
        got = read_message(raw)
        assert not got.parsed
        assert got.defects
        assert got.size == len(raw)


def test_big_mail_reads_its_text_and_lists_the_attachment() -> None:
    message = EmailMessage()
    message["From"] = "a@example.org"
    message.set_content("Please send me a copy of my data.")
    message.add_attachment(b"x" * (25 * 1024 * 1024), maintype="application",
                           subtype="octet-stream", filename="scan.bin")
    got = read_message(bytes(message))
    assert got.text == "Please send me a copy of my data."
    assert got.attachments[0].size >= 25 * 1024 * 1024 - 4


def test_huge_text_body_is_capped() -> None:
    body = base64.b64encode(("Please delete my data. " * 200_000).encode()).decode()
    raw = (b"From: a@example.org\r\nContent-Type: text/plain\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\n" + body.encode())
    got = read_message(raw)
    assert got.text.startswith("Please delete my data.")
    assert len(got.text) <= 250_000
    assert "text part truncated for analysis" in got.defects


def test_language_detection() -> None:
    samples = {
        "en": "Please delete all of the data that you hold about me and my account.",
        "es": "Hola, por favor eliminad todos mis datos personales de vuestra base de datos.",
        "de": "Bitte löschen Sie alle meine Daten und das Konto, das ich bei Ihnen habe.",
        "fr": "Bonjour, je vous prie de supprimer toutes mes données personnelles.",
    }
    for lang, text in samples.items():
        assert mail(text).language == lang, lang
    assert mail("12345 !!!").language == "und"
