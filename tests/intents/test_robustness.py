"""Nothing raises out of read_message or classify: real malformed mail and random bytes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intents import classify, read_message
from tests.intents.mailmaker import raw_mail

SEED = raw_mail("Please delete my account.\n\nOn Mon, A wrote:\n> hi", "Delete",
                Content_Language="en")
MULTIPART = (b"From: a@example.org\r\nSubject: =?utf-8?b?w6k=?=\r\nContent-Type: multipart/"
             b"mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/html; charset=latin-1\r\n\r\n"
             b"<p>Unsubscribe me</p>\r\n--B\r\nContent-Type: message/rfc822\r\n\r\nFrom: b@x\r\n"
             b"\r\nold\r\n--B--\r\n")


def test_every_real_world_sample_parses(shared_dir: Path) -> None:
    samples = sorted(p for p in (shared_dir / "eval" / "eml").iterdir() if p.suffix != ".csv")
    assert len(samples) > 50
    for path in samples:
        got = read_message(path.read_bytes())
        result = classify(got)
        assert got.size == path.stat().st_size, path.name
        assert isinstance(result.intents, list), path.name
    outlook = read_message((shared_dir / "eval" / "eml" / "misc__spamscope__mail_outlook_1.msg")
                           .read_bytes())
    assert not outlook.parsed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_random_bytes(raw: bytes) -> None:
    got = read_message(raw)
    classify(got)
    assert got.size == len(raw)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([SEED, MULTIPART]), st.data())
def test_mangled_messages(base: bytes, data: st.DataObject) -> None:
    raw = bytearray(base)
    for _ in range(data.draw(st.integers(1, 12))):
        action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        at = data.draw(st.integers(0, max(0, len(raw) - 1)))
        if action == "flip" and raw:
            raw[at] = data.draw(st.integers(0, 255))
        elif action == "cut":
            del raw[at : at + data.draw(st.integers(1, 40))]
        else:
            raw[at:at] = data.draw(st.sampled_from([
                b"=?", b"?=", b"\r\n", b"\r\n\r\n", b"--B", b"\xff\xfe", b"<", b">", b":",
                b"Content-Type: multipart/mixed; boundary=\"", b"charset=\"x-unknown\"",
                b"Content-Transfer-Encoding: base64\r\n", b"\x00", "é".encode()]))
    got = read_message(bytes(raw))
    result = classify(got)
    assert set(result.intents) <= {"access", "erasure", "opt_out", "complaint"}


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000), st.text(max_size=200))
def test_any_text_classifies(body: str, subject: str) -> None:
    raw = raw_mail(body.replace("\r", ""), " ".join(subject.splitlines()))
    result = classify(read_message(raw))
    assert all(0.0 <= v <= 1.0 for v in result.scores.values())


def test_a_charset_name_with_a_nul_byte_is_an_unknown_charset() -> None:
    raw = (b"From: a@example.org\r\nTo: hello@aimigos.studio\r\nSubject: x\r\n"
           b"Content-Type: text/plain; charset=\"utf\x00-8\"\r\n\r\nPlease delete my data.\r\n")
    got = read_message(raw)
    assert "delete my data" in got.text
    assert any("unknown charset" in defect for defect in got.defects)
