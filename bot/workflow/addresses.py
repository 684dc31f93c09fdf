"""Email addresses from clients: validated, normalised, never pasted into a header raw.

`clean_address` gives the address we may write to (one address, no display name, no CR/LF,
lower-cased). `normalise_address` is the identity used for suppression and for matching a
reply's sender to a requester: it also drops a "+tag" where the organisation says
alice+news@x and alice@x are one person.

Internationalised addresses (RFC 6531, `jösé@exämple.org`) are addresses too: a non-ASCII
local part is kept (NFC, lower-cased), and the domain is written with Unicode labels
whichever way it came (`xn--exmple-cua.org` and `exämple.org` are one domain, so one
person). `ascii_form` says how such an address travels where only ASCII may: the domain in
A-labels, or None when the local part itself needs SMTPUTF8.
"""

from __future__ import annotations

import re
import unicodedata
from email.utils import getaddresses
from functools import lru_cache

import idna

from bot.errors import WorkflowError

# Deliberately plain: dot-atom local part, a dotted domain with a letter TLD (or IDN punycode).
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = rf"(?:{_LABEL}\.)+(?:[A-Za-z]{{2,63}}|xn--[A-Za-z0-9-]{{1,59}})"
_ADDRESS = re.compile(rf"^{_LOCAL}@{_DOMAIN}$")
_ASCII_DOMAIN = re.compile(rf"^{_DOMAIN}$")
_FORBIDDEN = re.compile(r"[\r\n\x00]")
MAX_LENGTH = 254  # octets (RFC 5321; RFC 6531 keeps the limit in octets of UTF-8)
# A non-ASCII character may stand in a local part unless it is a control, format, private or
# unassigned code point or a space or line separator (categories C* and Z*): those could
# hide a second address or break a header line.
_UNSAFE_CATEGORY = ("C", "Z")


class InvalidAddressError(WorkflowError):
    """Not exactly one valid email address."""


@lru_cache(maxsize=4096)
def clean_address(raw: str) -> str:
    """The single address in `raw` ("Name <a@b>" or "a@b"), validated and lower-cased.

    Remembered (a refusal is not): one received mail asks about its sender several times
    (stored row, ticket, reply rules, suppression), and the email package's parser is slow."""
    if _FORBIDDEN.search(raw):
        raise InvalidAddressError("address contains a line break or NUL (header injection?)")
    text = raw.strip()
    if not text:
        raise InvalidAddressError("empty address")
    pairs = [pair for pair in getaddresses([text]) if pair[1] or pair[0]]
    if len(pairs) != 1 or (text.count("@") > 1 and "<" not in text):
        raise InvalidAddressError(f"expected exactly one address, got {text!r}")
    address = pairs[0][1].strip()
    if "<" in text and not re.search(r"<[^<>]+>\s*$", text):
        raise InvalidAddressError(f"malformed address {text!r}")
    if address.isascii() and "xn--" not in address.lower():
        if len(address) > MAX_LENGTH or not _ADDRESS.match(address):
            raise InvalidAddressError(f"not a valid email address: {text!r}")
        return address.lower()
    return _international(address, text)


def _international(address: str, text: str) -> str:
    """An address with a non-ASCII local part or domain (or an A-label domain), checked as
    its ASCII counterpart would be, with Unicode labels in the domain."""
    local, at, domain = address.rpartition("@")
    local = unicodedata.normalize("NFC", local).lower()
    if not at or not local:
        raise InvalidAddressError(f"not a valid email address: {text!r}")
    try:
        a_labels = idna.encode(domain, uts46=True).decode("ascii")
        u_labels = idna.decode(a_labels)
    except (idna.IDNAError, UnicodeError) as exc:
        raise InvalidAddressError(f"not a valid email address: {text!r}") from exc
    # The local part must read as a dot-atom once each allowed non-ASCII character stands
    # for a letter.
    stand_in = "".join(char if char.isascii() else "a" for char in local)
    if (any(unicodedata.category(char)[0] in _UNSAFE_CATEGORY
            for char in local if not char.isascii())
            or not _ADDRESS.match(f"{stand_in}@{a_labels}")
            or not _ASCII_DOMAIN.match(a_labels)):
        raise InvalidAddressError(f"not a valid email address: {text!r}")
    result = f"{local}@{u_labels}"
    if len(result.encode("utf-8")) > MAX_LENGTH or len(f"{local}@{a_labels}") > MAX_LENGTH:
        raise InvalidAddressError(f"not a valid email address: {text!r}")
    return result


def ascii_form(address: str) -> str | None:
    """`address` as plain ASCII (its domain in A-labels), or None when its local part is not
    ASCII: such a mail can only travel over SMTPUTF8 (RFC 6531)."""
    clean = clean_address(address)
    if clean.isascii():
        return clean
    local, _, domain = clean.rpartition("@")
    if not local.isascii():
        return None
    return f"{local}@{idna.encode(domain, uts46=True).decode('ascii')}"


def normalise_address(raw: str, *, plus_addressing: bool) -> str:
    """The identity of an address: lower-case, and without "+tag" where the org says so."""
    address = clean_address(raw)
    local, _, domain = address.rpartition("@")
    if plus_addressing and "+" in local:
        stripped = local.split("+", 1)[0]
        if stripped:
            local = stripped
    return f"{local}@{domain}"


def same_person(first: str, second: str, *, plus_addressing: bool) -> bool:
    """Whether two addresses are the same mailbox for this organisation; invalid ones are not."""
    try:
        return normalise_address(first, plus_addressing=plus_addressing) == normalise_address(
            second, plus_addressing=plus_addressing
        )
    except InvalidAddressError:
        return False


def domain_of(address: str) -> str:
    return clean_address(address).rpartition("@")[2]
