"""Things privacybot signs: its own Message-IDs and the links it puts in mails.

A reply's In-Reply-To/References can only name one of our Message-IDs if we made it, because
each carries an HMAC of the ticket reference under the service key; a guessed reference in a
subject proves nothing, a valid Message-ID does. Link tokens (the verification link and RFC
8058 one-click unsubscribe) are `payload.signature`, base64url, with an optional expiry.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from datetime import datetime

from bot.errors import VerificationError

_MSGID = re.compile(
    r"<?pb\.([A-Z]{2,5}-\d{4}-\d{4,})\.([a-z0-9]{8,32})\.([a-f0-9]{20}|[a-f0-9]{32})@[^<>\s@]+>?"
)
PURPOSE_VERIFY = "verify"
PURPOSE_UNSUBSCRIBE = "unsubscribe"
PURPOSE_PACK = "pack"  # the link to a requester's access pack (bot/desk/export.py)


class TokenError(VerificationError):
    """A link token is malformed, forged, for something else, or expired."""


def _mac(secret: bytes, *parts: str) -> str:
    message = "\x1f".join(parts).encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


MAC_HEX = 20


def make_message_id(secret: bytes, ticket_ref: str, domain: str) -> str:
    """`<pb.AIM-2026-0042.<nonce>.<mac>@domain>`: unique, and provably ours.

    Short enough that `In-Reply-To: <id>` fits one 78-character line: mail programs fold or
    even RFC 2047-encode longer ones, and a reply whose In-Reply-To got mangled can no longer
    prove it answers us. 80 bits of MAC leave nothing to guess online.
    """
    nonce = secrets.token_hex(4)
    mac = _mac(secret, "msgid", ticket_ref, nonce)[:MAC_HEX]
    return f"<pb.{ticket_ref}.{nonce}.{mac}@{domain}>"


def ticket_ref_from_message_id(secret: bytes, msgid: str) -> str | None:
    """The ticket reference inside one of our Message-IDs, or None if it is not ours."""
    match = _MSGID.search(msgid or "")
    if match is None:
        return None
    ref, nonce, mac = match.groups()
    # Ids sent before the MAC was shortened carry 32 hex digits; they stay valid.
    expected = _mac(secret, "msgid", ref, nonce)[:len(mac)]
    return ref if hmac.compare_digest(mac, expected) else None


def refs_from_headers(secret: bytes, *header_values: str | None) -> list[str]:
    """Every ticket reference proven by our Message-IDs in In-Reply-To/References values."""
    found: list[str] = []
    for value in header_values:
        for candidate in re.findall(r"<[^<>]*>", value or ""):
            ref = ticket_ref_from_message_id(secret, candidate)
            if ref and ref not in found:
                found.append(ref)
    return found


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_token(
    secret: bytes, purpose: str, subject: str, *, expires_at: datetime | None = None
) -> str:
    """A signed, URL-safe token saying `subject` for `purpose` (until `expires_at`)."""
    payload = {
        "p": purpose,
        "s": subject,
        "e": int(expires_at.timestamp()) if expires_at else None,
        "n": secrets.token_hex(6),
    }
    body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode())
    return f"{body}.{_b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())}"


def read_token(secret: bytes, purpose: str, token: str, *, now: datetime) -> str:
    """The subject of a valid token for `purpose`; TokenError otherwise."""
    body, dot, signature = (token or "").strip().partition(".")
    # Our tokens are base64url: anything else is malformed (and compare_digest refuses to
    # compare a str with non-ASCII characters at all).
    if not dot or not body or not signature or len(token) > 4096 or not token.isascii():
        raise TokenError("malformed link token")
    expected = _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(signature, expected):
        raise TokenError("link token is not valid (tampered or from another installation)")
    try:
        payload = json.loads(_unb64(body))
        token_purpose, subject, expiry = payload["p"], payload["s"], payload["e"]
    except (ValueError, KeyError, TypeError) as exc:
        raise TokenError("malformed link token") from exc
    if token_purpose != purpose or not isinstance(subject, str):
        raise TokenError(f"link token is not for {purpose}")
    if expiry is not None and now.timestamp() > float(expiry):
        raise TokenError("link has expired; ask for a new one")
    return subject


def token_digest(secret: bytes, token: str) -> str:
    """What is stored for a verification link: a keyed hash, never the token itself."""
    return _mac(secret, "link", token)
