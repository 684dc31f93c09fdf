"""Policy text -> a flat sequence of blocks: headings, paragraphs, list items, facts, table rows.

Plain text is read the way the messy seeds are written: numbered headings ("7.1 How Long We
Keep Your Data"), unnumbered ones on a line of their own, a numbered heading glued under the
list above it, tables flattened into lines under a header line, "Label: value" lines.
Markdown (#-headings, lists, pipe tables) has its own, stricter reading in markdown.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from knowledge.layout import (
    NUMBERED,
    continues_list,
    is_prose,
    sequence_headings,
    without_page_furniture,
)

BlockKind = Literal["heading", "paragraph", "item", "fact", "row"]


@dataclass
class Block:
    """One piece of the policy; `row` blocks carry their table's header in `label`."""

    kind: BlockKind
    text: str
    number: str = ""  # as written, with its punctuation ("7.", "7.1")
    level: int = 0  # headings only; 0 means "work it out from the numbering"
    label: str = ""
    value: str = ""
    cells: list[str] = field(default_factory=list)
    sub: bool = False  # a heading one level below the last other heading (a "Q:" line)


BULLET = re.compile(r"^(?:[•\-*·▪◦●○■□➢➤►✓–—+]|\(?[a-z]{1,3}\)|\(?\d{1,2}\))\s+(?=\S)")
# "Section 3", "Article 5.2:", "Part II -", "IV." before a heading.
WORD_NUMBERED = re.compile(
    r"^((?:Section|Article|Part|Chapter|Clause|SECTION|ARTICLE|PART|CHAPTER|CLAUSE)\s+"
    r"(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVXLC]{1,6})[.:)]?|[IVX]{1,5}[.)])\s+(?:[-–:]\s+)?(\S.*)$")
_SMALL_TEXT = ("a an and as at by for from in into of on or the to with your our we you us how "
               "what who why when where do does is are")
_SMALL_WORDS = frozenset(_SMALL_TEXT.split())
KEY_VALUE = re.compile(r"^([A-Z][\w'’/&() .-]{0,40}?)\s*(?::|\s[-–]\s)\s*(.*)$")
SENTENCE_END = (".", "!", "?", ";", ",", ":")
_STARTS_TEXT = "we you our this these if when it they please all your there"
_SENTENCE_STARTS = frozenset(_STARTS_TEXT.split())


def looks_like_heading_text(text: str, *, strict: bool) -> bool:
    """Short, starts with a capital, does not end like a sentence or a lead-in."""
    text = text.strip()
    words = text.split()
    if not words or len(text) > 90 or len(words) > 12 or not text[0].isupper():
        return False
    if text.endswith(("...", "…", "?")):
        return not strict or len(words) <= 10
    if text.endswith(SENTENCE_END) or ":" in text or "@" in text:
        return False
    lowered = text.lower()
    if "http" in lowered or "www." in lowered or text.count(",") > 1:
        return False
    if strict:
        # An unnumbered heading: few words, mostly letters.
        letters = sum(ch.isalpha() for ch in text)
        return len(words) <= 10 and letters >= 0.7 * len(text.replace(" ", ""))
    return True


def title_like(text: str) -> bool:
    """Title Case or ALL CAPS: every word that is not a small word starts with a capital."""
    words = [word for word in re.findall(r"[A-Za-z][\w'’-]*", text)
             if word.lower() not in _SMALL_WORDS]
    return bool(words) and all(word[0].isupper() for word in words)


def all_caps_heading(line: str) -> bool:
    """ "INFORMATION WE COLLECT": a heading even with text right under it."""
    text = line.strip().rstrip(":")
    letters = [ch for ch in text if ch.isalpha()]
    return (len(letters) >= 4 and all(ch.isupper() for ch in letters)
            and looks_like_heading_text(text, strict=True))


def numbered_heading(line: str) -> tuple[str, str] | None:
    """(number, heading) when the line is a numbered heading such as "7.1 How Long..."."""
    match = NUMBERED.match(line.strip()) or WORD_NUMBERED.match(line.strip())
    if not match:
        return None
    number, text = match.groups()
    if not looks_like_heading_text(text, strict=False) or not any(c.isalpha() for c in text):
        return None
    return number, text.strip()


def key_value(line: str) -> tuple[str, str] | None:
    """("Email", "hello@...") for a short "Label: value" line; None for prose."""
    match = KEY_VALUE.match(line.strip())
    if not match:
        return None
    label, value = match.group(1).strip(), match.group(2).strip()
    if len(label.split()) > 5 or (value and (len(value.split()) > 15 or value.endswith("."))):
        return None
    first = value.split()[0].lower() if value else ""
    if len(value.split()) > 6 and first in _SENTENCE_STARTS:
        return None  # "Note: You will still receive ..." is prose, not a value
    return label, value


# A question-and-answer pair: "Q: Can my physio speak to my coach?" / "A: Only with your
# explicit consent ...". The question is the heading of its answer, never an answer itself.
_QUESTION_LINE = re.compile(r"^(?:Q|Question)\s*\d{0,2}\s*:\s*(\S.*)$")
_ANSWER_LINE = re.compile(r"^(?:A|Answer)\s*\d{0,2}\s*:\s*(?=\S)")


def question_heading(line: str, following: str) -> str | None:
    """The question of a "Q:" line, or of a question line followed by an "A:" line."""
    line = line.strip()
    if line[:1] == "Q" and (match := _QUESTION_LINE.match(line)) is not None:
        return match.group(1).strip()
    if (line.endswith("?") and following.lstrip()[:1] == "A" and len(line.split()) <= 25
            and _ANSWER_LINE.match(following.strip())):
        return line
    return None


def answer_text(line: str) -> str:
    """The line without its "A:" mark."""
    if line.lstrip()[:1] != "A":
        return line  # most lines: no regex needed
    match = _ANSWER_LINE.match(line.strip())
    return line.strip()[match.end():] if match else line


# A flattened table row can be long ("Donation and Gift Aid records 6 years after the end of the
# tax year in which the gift was made"); sentences end with punctuation, rows do not.
TABLE_ROW_WORDS = 24


def _is_table(lines: list[str]) -> bool:
    """A header line and rows flattened from a table: short lines, none ending a sentence."""
    if len(lines) < 3:
        return False
    for line in lines:
        words = line.split()
        if len(words) < 2 or len(words) > TABLE_ROW_WORDS or line.rstrip().endswith(SENTENCE_END):
            return False
    return True


def split_row(row: str) -> tuple[str, str]:
    """Row label and value: the value starts at the first later word with a capital or digit,
    except a capital inside a name of capitalised words ("Gift Aid records", "Direct Debit
    instructions 13 months"), when a later word can still start the value."""
    words = row.split()
    starts = [index for index in range(1, len(words))
              if words[index][0].isupper() or words[index][0].isdigit()]
    for index in starts:
        in_name = words[index][0].isupper() and (
            words[index - 1][0].isupper()
            or (index + 1 < len(words) and words[index + 1][0].isupper()))
        if not in_name:
            return " ".join(words[:index]), " ".join(words[index:])
    if starts:
        return " ".join(words[:starts[0]]), " ".join(words[starts[0]:])
    return row, ""


def _runs(lines: list[str]) -> list[list[str]]:
    runs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


# A heading glued to the text around it is short beside the run's longest line: text saved
# from a web page keeps each paragraph on one long line, while a hard-wrapped paragraph's lines
# are all about as long as each other.
GLUED_HEADING_CHARS = 60
GLUED_HEADING_SHARE = 0.6


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _unglued(runs: list[list[str]], base: int) -> list[list[str]]:
    """Runs with the headings glued between their paragraphs split off as runs of their own.

    Text copied from a web page loses the blank lines around headings: "...as this policy
    says.", "Law enforcement", "Under certain circumstances ..." arrive as one run. A line is
    such a heading when it reads as one (short, capitalised, no sentence end), is not indented
    under the text (list items are), follows a sentence's end, an indented list or another
    such heading (then in Title Case), and is followed, after any further headings, by a line
    of running text.
    """
    result: list[list[str]] = []
    for index, run in enumerate(runs):
        if len(run) == 1:
            result.append(run)
            continue
        after = runs[index + 1][0] if index + 1 < len(runs) else ""
        longest = max(len(line.strip()) for line in run)
        marks = [False] * len(run)
        for position, raw in enumerate(run):
            line = raw.strip()
            if (_indent(raw) > base or len(line) > GLUED_HEADING_CHARS
                    or not looks_like_heading_text(line, strict=True)
                    or numbered_heading(line) is not None or BULLET.match(line)
                    or not (title_like(line) or len(line) < GLUED_HEADING_SHARE * longest)):
                continue
            # Under another heading only in Title Case: a table's header line is followed
            # by rows that read like short headings too.
            previous = run[position - 1] if position else ""
            if position and not (
                    (marks[position - 1] and title_like(line))
                    or previous.rstrip().endswith((".", "!", "?"))
                    or _indent(previous) > _indent(raw)):  # the end of an indented list
                continue
            marks[position] = True
        # A heading needs running text after it; a chain of marked lines ending the run
        # leans on the next run's first line.
        text_follows = _opens_prose(after)
        for position in range(len(run) - 1, -1, -1):
            if not marks[position]:
                text_follows = _opens_prose(run[position])
            elif not text_follows:
                marks[position] = False
        if not any(marks):
            result.append(run)
            continue
        current: list[str] = []
        for raw, marked in zip(run, marks, strict=True):
            if marked:
                if current:
                    result.append(current)
                result.append([raw])
                current = []
            else:
                current.append(raw)
        if current:
            result.append(current)
    return result


def _opens_prose(raw: str) -> bool:
    """A line that starts running text: a sentence, or a list's lead-in ("We may share your
    data in the following situations:"), opening with a capital or a digit."""
    text = raw.strip()
    if not text or not (text[0].isupper() or text[0].isdigit()):
        return False
    return is_prose(text) or (text.endswith(":") and len(text.split()) >= 4)


def plain_blocks(text: str) -> list[Block]:
    """Read plain text (runs of lines separated by blank lines) into blocks."""
    lines = without_page_furniture(text.split("\n"))
    numbered = sequence_headings(lines)
    base = min((_indent(line) for line in lines if line.strip()), default=0)
    runs = _unglued(_runs(lines), base)
    blocks: list[Block] = []
    for index, run in enumerate(runs):
        following = runs[index + 1][0].strip() if index + 1 < len(runs) else ""
        single = run[0].strip()
        if len(run) == 1 and (question := question_heading(single, following)) is not None:
            blocks.append(Block("heading", question, sub=True))
            continue
        if (len(run) == 1 and numbered_heading(single) is None and _indent(run[0]) <= base
                and not re.match(r"^\(?[a-z]\)\s", following)
                and (looks_like_heading_text(single, strict=True)
                     or _heading_with_colon(single, following))):
            blocks.append(Block("heading", single.rstrip(":").strip()))
            continue
        if len(run) > 1 and numbered_heading(run[0]) is None and (
                all_caps_heading(run[0])
                or (is_prose(run[1]) and (
                    _heading_with_colon(single, run[1].strip())
                    or (looks_like_heading_text(single, strict=True) and title_like(single)
                        and key_value(single) is None)))):
            blocks.append(Block("heading", single.rstrip(":").strip()))
            run = run[1:]
        blocks.extend(_run_blocks(run, numbered))
    return blocks


def _heading_with_colon(line: str, following: str) -> bool:
    """ "Information We Collect:" on its own line, prose under it: a heading, not a lead-in."""
    text = line.rstrip()
    if not text.endswith(":") or len(text.split()) > 6:
        return False
    text = text[:-1]
    if not (looks_like_heading_text(text, strict=True) and title_like(text)):
        return False
    return bool(following) and not (BULLET.match(following) or NUMBERED.match(following)
                                     or key_value(following))


def _run_blocks(run: list[str],
                numbered: dict[str, tuple[str, str, bool]] | None = None) -> list[Block]:
    """A run's blocks; a line in `numbered` (layout.sequence_headings) is a heading wherever
    it stands."""
    blocks: list[Block] = []
    prose: list[str] = []
    item: list[str] = []
    item_number = ""  # the number the current item began with ("1."), if any

    def flush() -> None:
        if item:
            blocks.append(Block("item", " ".join(item)))
            item.clear()
        if prose:
            blocks.extend(_prose_blocks(prose))
            prose.clear()

    lines = iter(enumerate(run))
    for position, raw in lines:
        following = run[position + 1] if position + 1 < len(run) else ""
        if (question := question_heading(raw, following)) is not None:
            flush()
            blocks.append(Block("heading", question, sub=True))
            continue
        line = answer_text(raw).strip()
        if numbered and (by_number := numbered.get(line)) is not None:
            flush()
            number, text, lettered = by_number
            blocks.append(Block("heading", text, number=number, sub=lettered))
            continue
        heading = numbered_heading(line)
        bullet = BULLET.match(line)
        # "2. Our payment processor" after "1. Our booking system provider" goes on a list
        listed = heading is not None and bool(item) and continues_list(item_number, heading[0])
        if heading and not listed and (position == 0 or item or not prose):
            flush()
            blocks.append(Block("heading", heading[1], number=heading[0]))
        elif bullet or (numbering := NUMBERED.match(line)) is not None:
            flush()
            item_number = numbering.group(1) if not bullet and numbering is not None else ""
            item.append(line[bullet.end():].strip() if bullet else line)
        elif item and (raw[:1].isspace() or line[:1].islower()):
            item.append(line)  # a wrapped list item
        elif (pair := key_value(line)) is not None and not prose and (
                pair[1] or position + 1 < len(run)):
            flush()
            label, value = pair
            quote = line
            if not value:
                value = run[position + 1].strip()
                quote = f"{line} {value}"
                next(lines, None)
            blocks.append(Block("fact", quote, label=label, value=value))
        else:
            if item:
                flush()
            prose.append(line)
    flush()
    return blocks


def _prose_blocks(lines: list[str]) -> list[Block]:
    if _is_table(lines):
        header = lines[0].strip()
        rows = []
        for line in lines[1:]:
            label, value = split_row(line.strip())
            rows.append(Block("row", line.strip(), label=label, value=value, cells=[header]))
        return rows
    return [Block("paragraph", " ".join(line.strip() for line in lines))]
