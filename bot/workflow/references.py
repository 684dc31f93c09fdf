"""Ticket references people can read out on the phone: PREFIX-YEAR-NNNN (AIM-2026-0042)."""

from __future__ import annotations

import re

from bot.errors import WorkflowError

REFERENCE_RE = re.compile(r"\b([A-Z]{2,5})-(\d{4})-(\d{4,})\b")
_EXACT = re.compile(r"^([A-Z]{2,5})-(\d{4})-(\d{4,})$")


class InvalidReferenceError(WorkflowError):
    """The text is not a ticket reference."""


def format_reference(prefix: str, year: int, number: int) -> str:
    """AIM-2026-0042; the counter is zero-padded to four digits and grows past 9999."""
    if not re.fullmatch(r"[A-Z]{2,5}", prefix) or number < 1 or not 2000 <= year <= 9999:
        raise InvalidReferenceError(f"cannot make a reference from {prefix!r}, {year}, {number}")
    return f"{prefix}-{year}-{number:04d}"


def parse_reference(text: str) -> tuple[str, int, int]:
    """(prefix, year, number) of an exact reference; tolerant of case and spaces around it."""
    match = _EXACT.match(text.strip().upper())
    if match is None:
        raise InvalidReferenceError(
            f"not a ticket reference: {text!r} (expected e.g. AIM-2026-0042)"
        )
    return match.group(1), int(match.group(2)), int(match.group(3))


def normalise_reference(text: str) -> str:
    prefix, year, number = parse_reference(text)
    return format_reference(prefix, year, number)


def find_references(text: str, prefixes: frozenset[str] | None = None) -> list[str]:
    """References mentioned in a subject line, in order, optionally only the given prefixes."""
    found: list[str] = []
    for match in REFERENCE_RE.finditer(text.upper()):
        if prefixes is not None and match.group(1) not in prefixes:
            continue
        ref = match.group(0)
        if ref not in found:
            found.append(ref)
    return found
