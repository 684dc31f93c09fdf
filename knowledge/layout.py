"""The layout of text extracted from documents: page furniture, and headings told by their numbers.

Text saved from a PDF or a word processor keeps what the page showed around the policy: a
table of contents with dot leaders ("6. How long do we keep personal data? ........ 5"),
running headers and footers on every page ("2018-06-D-21-en-4   5/6"), page numbers. None of
it is the policy's words; left in, a footer ends the sentence before it ("... kept for
archiving purposes. 2018-06-D-21-en-4 5/6") and a contents line competes with the section it
names. `without_page_furniture` drops those lines.

Such text also loses the blank lines that mark headings: "2.    What are the purposes for
which personal data are collected?" follows the last line of section 1 directly, where a
numbered list item could stand too. Numbers tell them apart: a policy's sections are numbered
1, 2, 3 with running text between them, while a list's items follow one another.
`sequence_headings` gives the numbered lines that continue such a sequence; a line among them
is a heading though glued to the text before it, and though longer than a heading usually is
("1) Information about the collection of personal data and contact details of the person
responsible").
"""

from __future__ import annotations

import re
from itertools import pairwise

NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3}(?:\.|\))?)\s+(?:[-–:]\s+)?(\S.*)$")
_TOP_NUMBER = re.compile(r"^(\d{1,2})([.)]?)\s+(?:[-–:]\s+)?(\S.*)$")
_ITEM_NUMBER = re.compile(r"(\d{1,2})([.)]?)")
_LETTERED = re.compile(r"^([a-z])([.)])\s+(\S.*)$")
_DOT_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{1,3}\s*$|…{2,}\s*\d{1,3}\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:(?:page|p\.)\s*)?\d{1,3}\s*(?:/|of)\s*\d{1,3}\s*$"
                          r"|^\s*[-–]\s*\d{1,3}\s*[-–]\s*$", re.IGNORECASE)
_CONTENTS_TITLES = frozenset({"contents", "table of contents", "content", "index"})
# A running header or footer: a short line with a number in it (a page number, a document
# reference) that recurs, numbers aside, on this many pages.
FURNITURE_REPEATS = 3
FURNITURE_WORDS = 8
PAGE_LINES = 8  # the fewest lines between two of a running header's or footer's appearances
# A numbered heading may run longer than other headings: its number and its line already say
# what it is.
SEQUENCE_HEADING_WORDS = 20
SEQUENCE_HEADING_CHARS = 160


def is_prose(line: str) -> bool:
    """A line of running text rather than a value: long, or ending a sentence."""
    text = line.strip()
    return len(text.split()) > 15 or text.endswith((".", "!", "?"))


def _digitless(line: str) -> str:
    return " ".join(re.sub(r"\d+", "#", line).split()).lower()


def without_page_furniture(lines: list[str]) -> list[str]:
    """The lines without contents entries, page numbers and running headers and footers."""
    places: dict[str, list[int]] = {}
    for position, line in enumerate(lines):
        if any(ch.isdigit() for ch in line) and len(line.split()) <= FURNITURE_WORDS:
            places.setdefault(_digitless(line), []).append(position)
    # A page's length apart each time: a table's value column ("3 years", "6 years") recurs
    # too, but line after line.
    running = {form for form, seen in places.items() if len(seen) >= FURNITURE_REPEATS
               and min(b - a for a, b in pairwise(seen)) >= PAGE_LINES}
    kept: list[str] = []
    for position, line in enumerate(lines):
        text = line.strip()
        if text.lower().rstrip(":") in _CONTENTS_TITLES and _DOT_LEADER.search(
                next((later for later in lines[position + 1:] if later.strip()), "")):
            continue
        if text and (_DOT_LEADER.search(text) or _PAGE_NUMBER.match(text)
                     or _digitless(line) in running):
            continue
        kept.append(line)
    return kept


def continues_list(previous: str, number: str) -> bool:
    """Whether an item numbered `number` ("2.") is the next of a list whose last item was
    numbered `previous` ("1."): then it is that list's item, however much it reads like a
    heading ("2. Our payment processor")."""
    before, after = _ITEM_NUMBER.fullmatch(previous), _ITEM_NUMBER.fullmatch(number)
    return (before is not None and after is not None and before[2] == after[2]
            and int(after[1]) == int(before[1]) + 1)


def _reads_as_heading(text: str) -> bool:
    """Lenient: starts with a capital, not too long, does not end like a sentence (a question
    mark aside) or a lead-in, no link or address."""
    words = text.split()
    return (bool(words) and text[0].isupper() and len(words) <= SEQUENCE_HEADING_WORDS
            and len(text) <= SEQUENCE_HEADING_CHARS
            and not text.endswith((".", "!", ";", ",", ":"))
            and "http" not in text.lower() and "@" not in text)


def sequence_headings(lines: list[str]) -> dict[str, tuple[str, str, bool]]:
    """The numbered lines (stripped) that are headings by their numbers, each with its number,
    its text and whether it is a lettered one (a heading under the last numbered one): "N.",
    "N)", "a." or "a)" lines reading as headings, each next in order to another of the same
    style with running text between the two."""
    found: list[tuple[int, int, str, str, str]] = []  # (line, order, style, number, text)
    for position, raw in enumerate(lines):
        text = raw.strip()
        if (match := _TOP_NUMBER.match(text)) is not None and _reads_as_heading(match[3]):
            found.append((position, int(match[1]), match[2], match[1] + match[2], match[3]))
        elif (match := _LETTERED.match(text)) is not None and _reads_as_heading(match[3]):
            found.append((position, ord(match[1]), "a" + match[2], match[1] + match[2],
                          match[3]))
    prose_before = [0]
    for raw in lines:
        prose_before.append(prose_before[-1] + is_prose(raw))
    headings: dict[str, tuple[str, str, bool]] = {}
    for style in {entry[2] for entry in found}:
        chain = [entry for entry in found if entry[2] == style]
        for earlier, later in pairwise(chain):
            if (later[1] == earlier[1] + 1
                    and prose_before[later[0]] - prose_before[earlier[0] + 1] > 0):
                for position, _, _, number, text in (earlier, later):
                    headings[lines[position].strip()] = (number, text.strip(),
                                                         style.startswith("a"))
    return headings
