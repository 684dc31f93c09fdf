"""Identity verification rules: codes, their keyed hashes, expiry and attempt limits.

A challenge is a 6-digit code and a link token sent to the requester's address. Only keyed
HMAC-SHA256 digests of them are stored; comparison is constant-time. A challenge expires
after the organisation's TTL; its CODE locks after its maximum of wrong attempts (one
attempt = one mail or one entry, which may carry several candidate codes), its link does
not. Access, erasure and the other rights over a person's data need it (NEEDS_VERIFICATION);
opt-outs, complaints and consent withdrawals never do. Where the organisation
requires it, a team member's manual check (method and who) is needed too before the clock
starts.

A code counts only in the requester's own words: never in the quoted copy of our mail (a
reply from the owner saying "this wasn't me" quotes it too), and never in lines copied from
a mail we sent (a helpdesk's acknowledgement may paste our mail without quote marks).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from bot.errors import VerificationError
from bot.workflow.redaction import redact_text

CODE_DIGITS = 6
# Rights that disclose, change or stop using a person's data for them: an impostor could
# read, alter or freeze someone else's data. Opt-outs, complaints and consent withdrawals
# only stop what the address's owner is sent or what was done on their consent, so they
# need none (docs/tickets.md).
NEEDS_VERIFICATION = frozenset({"access", "erasure", "rectification", "restriction",
                                "portability", "objection", "automated_decision"})
_CODE_IN_TEXT = re.compile(r"(?<!\d)(\d{3})[ -]?(\d{3})(?!\d)")


class Challenge(BaseModel):
    """A pending identity challenge as the rules see it (mapped from the stored row)."""

    model_config = ConfigDict(frozen=True)

    code_hash: str
    link_hash: str | None = None
    expires_at: datetime
    attempts: int = 0
    max_attempts: int
    verified_at: datetime | None = None


class Outcome(StrEnum):
    VERIFIED = "verified"
    WRONG = "wrong"
    EXPIRED = "expired"
    EXHAUSTED = "exhausted"
    ALREADY = "already_verified"
    CLOSED = "closed"
    SUPERSEDED = "superseded"


def needs_verification(intents: Iterable[str]) -> bool:
    """Whether any of the intents is a request that must come from the data subject."""
    return any(intent in NEEDS_VERIFICATION for intent in intents)


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def code_digest(secret: bytes, reference: str, code: str) -> str:
    """Keyed hash of a code, bound to its ticket so a digest cannot be replayed elsewhere."""
    message = f"code\x1f{reference}\x1f{code}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def expiry(now: datetime, ttl_hours: int) -> datetime:
    return now + timedelta(hours=ttl_hours)


def normalise_code(text: str) -> str:
    """'123 456', '123-456' and ' 123456 ' are the same code; anything else is refused."""
    digits = re.sub(r"[\s-]", "", text or "")
    if not re.fullmatch(rf"\d{{{CODE_DIGITS}}}", digits):
        raise VerificationError(f"a verification code is {CODE_DIGITS} digits")
    return digits


def check_code(challenge: Challenge, secret: bytes, reference: str, code: str,
               *, now: datetime) -> Outcome:
    """What trying `code` against the challenge means; the caller counts the attempt."""
    if challenge.verified_at is not None:
        return Outcome.ALREADY
    if challenge.attempts >= challenge.max_attempts:
        return Outcome.EXHAUSTED
    if now > challenge.expires_at:
        return Outcome.EXPIRED
    try:
        digits = normalise_code(code)
    except VerificationError:
        return Outcome.WRONG
    if hmac.compare_digest(code_digest(secret, reference, digits), challenge.code_hash):
        return Outcome.VERIFIED
    return Outcome.WRONG


def check_link(challenge: Challenge, link_hash: str, *, now: datetime) -> Outcome:
    """The emailed link, compared by its stored digest. Wrong CODES do not lock it: codes
    can be guessed by anyone who forges the requester's From, the link only reaches the
    address's owner, so exhausting the code attempts must not lock the owner out."""
    if challenge.verified_at is not None:
        return Outcome.ALREADY
    if now > challenge.expires_at:
        return Outcome.EXPIRED
    if challenge.link_hash and hmac.compare_digest(link_hash, challenge.link_hash):
        return Outcome.VERIFIED
    return Outcome.WRONG


def codes_in_text(text: str) -> list[str]:
    """Candidate codes in a reply's text (six digits, possibly split 3+3), first ones first."""
    return [a + b for a, b in _CODE_IN_TEXT.findall(text or "")][:5]


# Shorter lines ("Hello,", a bare code) are too common to say they were copied from us.
_ECHO_MIN = 16
_QUOTE_MARKS = re.compile(r"^[\s>|*\-\u2022]+")


def _echo_key(line: str) -> str:
    """A line as compared with ours: codes and link tokens masked (our stored copy of a
    delivered verification mail is redacted), quote marks and spacing ignored."""
    masked = re.sub(r"\d+", "#", redact_text(line).replace("[redacted]", "#"))
    return " ".join(_QUOTE_MARKS.sub("", masked).lower().split())


def own_words(text: str, ours: Iterable[str]) -> str:
    """`text` without the lines that repeat a line of one of our mails (`ours`, their bodies):
    what the requester wrote, not what they (or their helpdesk) copied from us."""
    sent = {key for body in ours for key in map(_echo_key, body.splitlines())
            if len(key) >= _ECHO_MIN}
    if not sent:
        return text
    return "\n".join(line for line in (text or "").splitlines()
                     if _echo_key(line) not in sent)


def outcome_error(outcome: Outcome, attempts_left: int) -> VerificationError:
    """The clear error a channel shows for a failed attempt."""
    if outcome is Outcome.EXPIRED:
        return VerificationError("the verification code has expired; a new one must be sent")
    if outcome is Outcome.EXHAUSTED:
        return VerificationError("too many wrong codes: the code is locked until the team sends"
                                 " a new one")
    if outcome is Outcome.SUPERSEDED:
        return VerificationError("this link was replaced by a newer one; use our latest email")
    if outcome is Outcome.ALREADY:
        return VerificationError("this request is already verified")
    if outcome is Outcome.CLOSED:
        return VerificationError("this request is no longer open; please write to us again")
    return VerificationError(f"wrong verification code ({attempts_left} attempts left)")
