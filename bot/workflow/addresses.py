"""Email addresses from clients: validated, normalised, never pasted into a header raw.

`clean_address` gives the address we may write to (one address, no display name, no CR/LF,
lower-cased). `normalise_address` is the identity used for suppression and for matching a
reply's sender to a requester: it also drops a "+tag" where the organisation says
alice+news@x and alice@x are one person.
"""

from __future__ import annotations

import re
from email.utils import getaddresses
from functools import lru_cache

from bot.errors import WorkflowError

# Deliberately plain: dot-atom local part, a dotted domain with a letter TLD (or IDN punycode).
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = rf"(?:{_LABEL}\.)+(?:[A-Za-z]{{2,63}}|xn--[A-Za-z0-9-]{{1,59}})"
_ADDRESS = re.compile(rf"^{_LOCAL}@{_DOMAIN}$")
_FORBIDDEN = re.compile(r"[\r\n\x00]")
MAX_LENGTH = 254


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
    if len(address) > MAX_LENGTH or not _ADDRESS.match(address):
        raise InvalidAddressError(f"not a valid email address: {text!r}")
    return address.lower()


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
