"""The guards that keep reading and classifying from raising do not hide defects: malformed
mail is handled where it is expected, and anything else is logged, counted where the
service can read it, and marks the mail for a person."""

from __future__ import annotations

import logging

import pytest

import intents.classifier
import intents.parts
from intents import classify, read_message
from intents.failures import FAILURES

ERASE = (b"From: Alice <alice@example.org>\r\nTo: hello@aimigos.studio\r\n"
         b"Subject: Delete my data\r\nMessage-ID: <f1@example.org>\r\n\r\n"
         b"Please delete all the personal data you hold about me.\r\n")


def _broken_rule(folded: str) -> list[object]:
    raise RuntimeError("a rule that cannot run")


@pytest.mark.provokes_failure
def test_a_rule_that_raises_is_logged_counted_and_sent_to_triage(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    mail = read_message(ERASE)
    assert classify(mail).intents == ["erasure"]
    before = FAILURES.counts().get("classify", 0)
    monkeypatch.setattr(intents.classifier, "candidate_starts", _broken_rule)
    with caplog.at_level(logging.ERROR, logger="intents"):
        result = classify(mail)
    assert result.intents == []
    assert result.needs_triage
    assert FAILURES.counts()["classify"] == before + 1
    [record] = [r for r in caplog.records if r.name == "intents"]
    assert "classify failed with RuntimeError" in record.getMessage()
    assert record.exc_info is not None
    assert "Please delete" not in record.getMessage()  # the mail's words stay out of the log


def test_a_mail_read_normally_needs_no_triage() -> None:
    assert not classify(read_message(ERASE)).needs_triage


@pytest.mark.provokes_failure
def test_a_defect_in_a_part_reader_stops_the_walk_and_is_counted(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> str:
        raise RuntimeError("an html reader bug")

    html = (b"From: a@example.org\r\nTo: b@example.org\r\nSubject: x\r\n"
            b"Content-Type: text/html; charset=utf-8\r\n\r\n<p>Please delete my data</p>\r\n")
    before = FAILURES.counts().get("MIME walk", 0)
    monkeypatch.setattr(intents.parts, "html_to_text", broken)
    mail = read_message(html)
    assert "MIME walk stopped: RuntimeError" in mail.defects
    assert FAILURES.counts()["MIME walk"] == before + 1


def test_malformed_parts_are_handled_without_counting_a_defect() -> None:
    raw = (b"From: a@example.org\r\nTo: b@example.org\r\nSubject: x\r\n"
           b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
           b"--b\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\nUGxlYXNlIGRlbGV0ZSBteSBkYXRh!!\r\n"
           b"--b\r\nContent-Type: application/pdf; name*=x''%ZZ\r\n"
           b"Content-Disposition: attachment; filename*=utf-8''%E2%28\r\n\r\nJVBERi0=\r\n"
           b"--b--\r\n")
    before = FAILURES.total()
    mail = read_message(raw)
    classify(mail)
    assert FAILURES.total() == before
    assert "delete" in mail.text.lower()
