"""Verification codes, signed Message-IDs and link tokens."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime, timedelta

import pytest

from bot.errors import VerificationError
from bot.workflow.tokens import (
    PURPOSE_UNSUBSCRIBE,
    PURPOSE_VERIFY,
    TokenError,
    make_message_id,
    make_token,
    read_token,
    refs_from_headers,
    ticket_ref_from_message_id,
)
from bot.workflow.verification import (
    Challenge,
    Outcome,
    check_code,
    check_link,
    code_digest,
    codes_in_text,
    needs_verification,
    new_code,
    normalise_code,
)

SECRET = b"k" * 32
OTHER = b"o" * 32
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
REF = "AIM-2026-0042"


def challenge(code: str, **changes: object) -> Challenge:
    values: dict[str, object] = {
        "code_hash": code_digest(SECRET, REF, code),
        "link_hash": "abc",
        "expires_at": NOW + timedelta(hours=72),
        "max_attempts": 5,
    }
    values.update(changes)
    return Challenge.model_validate(values)


def test_codes_are_six_digits_and_vary() -> None:
    codes = {new_code() for _ in range(50)}
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert len(codes) > 40


def test_code_digest_is_keyed_and_bound_to_the_ticket() -> None:
    digest = code_digest(SECRET, REF, "123456")
    assert "123456" not in digest
    assert len(digest) == 64
    assert digest != code_digest(OTHER, REF, "123456")
    assert digest != code_digest(SECRET, "AIM-2026-0043", "123456")


def test_check_code_outcomes() -> None:
    pending = challenge("123456")
    assert check_code(pending, SECRET, REF, "123 456", now=NOW) is Outcome.VERIFIED
    assert check_code(pending, SECRET, REF, "654321", now=NOW) is Outcome.WRONG
    assert check_code(pending, SECRET, REF, "12345x", now=NOW) is Outcome.WRONG
    assert check_code(pending, SECRET, REF, "123456", now=NOW + timedelta(hours=73)) is (
        Outcome.EXPIRED
    )
    assert check_code(challenge("123456", attempts=5), SECRET, REF, "123456", now=NOW) is (
        Outcome.EXHAUSTED
    )
    assert check_code(challenge("123456", verified_at=NOW), SECRET, REF, "123456", now=NOW) is (
        Outcome.ALREADY
    )
    assert check_link(pending, "abc", now=NOW) is Outcome.VERIFIED
    assert check_link(pending, "abd", now=NOW) is Outcome.WRONG


def test_normalise_code_refuses_junk() -> None:
    assert normalise_code(" 123-456 ") == "123456"
    with pytest.raises(VerificationError, match="6 digits"):
        normalise_code("12345")


def test_codes_found_in_reply_text() -> None:
    assert codes_in_text("My code is 123 456, thanks. Call 07700900123") == ["123456"]
    assert codes_in_text("nothing") == []


def test_which_intents_need_verification() -> None:
    assert needs_verification(["access", "opt_out"])
    assert needs_verification(["erasure"])
    assert not needs_verification(["opt_out", "complaint"])


def test_message_ids_are_provably_ours() -> None:
    msgid = make_message_id(SECRET, REF, "aimigos.studio")
    assert msgid.startswith("<pb.AIM-2026-0042.")
    assert msgid.endswith("@aimigos.studio>")
    assert ticket_ref_from_message_id(SECRET, msgid) == REF
    assert ticket_ref_from_message_id(OTHER, msgid) is None
    forged = msgid.replace("0042", "0043")
    assert ticket_ref_from_message_id(SECRET, forged) is None
    assert ticket_ref_from_message_id(SECRET, "<random@example.com>") is None
    headers = f"<x@y.z> {msgid}"
    assert refs_from_headers(SECRET, None, headers, msgid) == [REF]


def test_message_ids_fit_one_header_line() -> None:
    # A longer In-Reply-To gets folded or RFC 2047-encoded by mail programs, and the
    # reply could no longer prove it answers us.
    for domain, ref in (("aimigos.studio", "AIM-2026-12345"), ("imgnstudio.com", REF)):
        msgid = make_message_id(SECRET, ref, domain)
        assert len(f"In-Reply-To: {msgid}") <= 78
        assert ticket_ref_from_message_id(SECRET, msgid) == ref


def test_message_ids_sent_with_the_longer_mac_stay_valid() -> None:
    nonce = "0123456789abcdef"
    mac = hmac.new(SECRET, "\x1f".join(["msgid", REF, nonce]).encode(), "sha256").hexdigest()
    assert ticket_ref_from_message_id(
        SECRET, f"<pb.{REF}.{nonce}.{mac[:32]}@aimigos.studio>") == REF


def test_link_tokens() -> None:
    token = make_token(SECRET, PURPOSE_VERIFY, REF, expires_at=NOW + timedelta(hours=1))
    assert read_token(SECRET, PURPOSE_VERIFY, token, now=NOW) == REF
    with pytest.raises(TokenError, match="expired"):
        read_token(SECRET, PURPOSE_VERIFY, token, now=NOW + timedelta(hours=2))
    with pytest.raises(TokenError, match="not for unsubscribe"):
        read_token(SECRET, PURPOSE_UNSUBSCRIBE, token, now=NOW)
    with pytest.raises(TokenError, match="not valid"):
        read_token(OTHER, PURPOSE_VERIFY, token, now=NOW)
    body, _, sig = token.partition(".")
    with pytest.raises(TokenError):
        read_token(SECRET, PURPOSE_VERIFY, body[:-2] + "AA." + sig, now=NOW)
    with pytest.raises(TokenError, match="malformed"):
        read_token(SECRET, PURPOSE_VERIFY, "garbage", now=NOW)
    forever = make_token(SECRET, PURPOSE_UNSUBSCRIBE, "aimigos:bob@example.com")
    later = NOW + timedelta(days=3650)
    assert read_token(SECRET, PURPOSE_UNSUBSCRIBE, forever, now=later) == (
        "aimigos:bob@example.com"
    )


@pytest.mark.parametrize("token", ["abc.é", "é.abc", "abc.\udcff", "ab\u00a0c.def"])
def test_a_non_ascii_token_is_malformed_not_a_crash(token: str) -> None:
    with pytest.raises(TokenError, match="malformed"):
        read_token(SECRET, PURPOSE_VERIFY, token, now=NOW)


def test_an_unsubscribe_token_for_an_international_address_is_ascii() -> None:
    token = make_token(SECRET, PURPOSE_UNSUBSCRIBE, "aimigos:jösé@exämple.org")
    assert token.isascii()
    assert read_token(SECRET, PURPOSE_UNSUBSCRIBE, token, now=NOW) == "aimigos:jösé@exämple.org"
