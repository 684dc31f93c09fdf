"""Markdown policies -> blocks: #- and underlined headings, lists, pipe tables, paragraphs.

Inline markup (emphasis, code, links, HTML tags) is reduced to its words so that quotes read
as the policy reads.
"""

from __future__ import annotations

import re

from knowledge.blocks import (
    BULLET,
    Block,
    answer_text,
    key_value,
    looks_like_heading_text,
    question_heading,
)
from knowledge.layout import NUMBERED

ATX_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT = re.compile(r"^(=+|-+)\s*$")
TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_MARKUP = re.compile(r"(\*\*|__|`|~~|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
_TAG = re.compile(r"<[^>]{1,200}>")
_NUMBER_PREFIX = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3}[.)]?)\s+(\S.*)$")
# CommonMark's backslash escapes: "4\. Data retention" is written so that it is no list item,
# and reads "4. Data retention".
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BOLD_LINE = re.compile(r"^[ \t]*(?:\*\*|__)[^*_\n]{2,120}(?:\*\*|__):?[ \t]*$", re.M)
_SET_ASIDE = 0xF0000  # a private-use plane: never in a policy's text
_SET_ASIDE_CHARS = re.compile("[\U000F0021-\U000F007E]")


# A static site's page opens with its settings between "---" (YAML) or "+++" (TOML) lines.
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.{0,4000}?)\n\1[ \t]*(?:\n|\Z)", re.S)
_FRONT_TITLE = re.compile(r"^title\s*[:=]\s*[\"']?(.+?)[\"']?\s*$", re.M)


def without_front_matter(text: str) -> str:
    """The text without a static site's front matter, its title kept as the page's heading.

    The settings are no policy text, and a YAML comment in them ("# Optional header image")
    would read as a Markdown heading."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text
    settings = match.group(2).split("\n")
    if not all(not line.strip() or line.lstrip().startswith("#") or line[:1].isspace()
               or re.match(r"^[\w-]+\s*[:=]", line) for line in settings):
        return text  # a rule under the first lines, not front matter
    title = _FRONT_TITLE.search(match.group(2))
    rest = text[match.end():]
    return f"# {title.group(1)}\n\n{rest}" if title else rest


def looks_like_markdown(text: str) -> bool:
    """True when the text has a pipe table, or three headings written in Markdown: "#"
    headings, or lines wholly in bold (a page saved as Markdown often has one "#" title and
    bold lines for its sections): read it as Markdown."""
    headings = len(re.findall(r"^#{1,6}\s+\S", text, re.M))
    bold_lines = len(_BOLD_LINE.findall(text))
    table = re.search(r"^\|.*\|\s*$\n^\|?\s*:?-{3,}", text, re.M)
    return headings >= 2 or (headings >= 1 and headings + bold_lines >= 3) or bool(table)


def inline(text: str) -> str:
    """Markdown inline markup -> plain words; a link keeps its address in brackets."""
    def link(match: re.Match[str]) -> str:
        label, target = match.group(1), match.group(2)
        if match.group(0).startswith("!"):
            return label
        if not target or target.startswith("#") or target == label:
            return label
        return f"{label} ({target})"

    # An escaped character is set aside (as a private-use character) so that no markup rule
    # reads it, and put back as itself at the end.
    text = _ESCAPE.sub(lambda m: chr(_SET_ASIDE + ord(m.group(1))), text)
    text = _LINK.sub(link, text)
    text = _TAG.sub("", text)
    text = _MARKUP.sub("", text)
    text = _SET_ASIDE_CHARS.sub(lambda m: chr(ord(m.group()) - _SET_ASIDE), text)
    return re.sub(r"\s+", " ", text).strip()


def plain_cleanup(text: str) -> str:
    """Plain text with stray Markdown (a "# Title", **bold**, [links](...), > quotes) reduced
    to its words, line by line, indentation and bullets kept."""
    lines = []
    for raw in text.split("\n"):
        indent = raw[: len(raw) - len(raw.lstrip())]
        line = raw.strip()
        while line.startswith(">"):
            line = line[1:].strip()
        atx = ATX_HEADING.match(line)
        if atx is not None:
            line = atx.group(2)
        lines.append(indent + inline(line) if line else "")
    return "\n".join(lines)


def _heading(text: str, level: int) -> Block:
    text = inline(text)
    match = _NUMBER_PREFIX.match(text)
    if match and any(ch.isalpha() for ch in match.group(2)):
        return Block("heading", match.group(2), number=match.group(1), level=level)
    return Block("heading", text, level=level)


def _cells(line: str) -> list[str]:
    line = line.strip().strip("|")
    return [inline(cell) for cell in line.split("|")]


def markdown_blocks(text: str) -> list[Block]:
    """Read Markdown into blocks; heading levels come from the markup."""
    lines = text.split("\n")
    blocks: list[Block] = []
    prose: list[str] = []
    item: list[str] = []
    header: list[str] = []
    last_level = 1

    def flush() -> None:
        if item:
            blocks.append(Block("item", inline(" ".join(item))))
            item.clear()
        if prose:
            joined = inline(" ".join(prose))
            if joined:
                blocks.append(Block("paragraph", joined))
            prose.clear()

    index = 0
    while index < len(lines):
        raw = lines[index]
        line = raw.strip().lstrip(">").strip()
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        index += 1
        if not line:
            flush()
            header.clear()
            continue
        if (question := question_heading(inline(line), inline(following))) is not None:
            flush()
            blocks.append(_heading(question, min(last_level + 1, 6)))
            continue
        line = answer_text(line)
        if (atx := ATX_HEADING.match(line)) is not None:
            flush()
            last_level = len(atx.group(1))
            blocks.append(_heading(atx.group(2), last_level))
        elif (not prose and not item and SETEXT.match(following) and not line.startswith("|")
              and not BULLET.match(line)):
            flush()
            last_level = 1 if following.startswith("=") else 2
            blocks.append(_heading(line, last_level))
            index += 1
        elif line.startswith("|"):
            flush()
            if TABLE_RULE.match(line):
                continue
            cells = _cells(line)
            if not header:
                header.extend(cells)
                continue
            label = cells[0]
            value = "; ".join(
                f"{name.rstrip(':').strip()}: {cell}" if name and len(cells) > 2 else cell
                for name, cell in zip(header[1:], cells[1:], strict=False) if cell)
            blocks.append(Block("row", " | ".join(cells), label=label, value=value,
                                cells=[" ".join(header)]))
        elif (bold := re.fullmatch(r"(\*\*|__)(.+?)\1:?", line)) is not None and not item \
                and looks_like_heading_text(inline(bold.group(2)), strict=False):
            flush()
            blocks.append(_heading(bold.group(2), min(last_level + 1, 6)))
        elif (bullet := BULLET.match(line)) is not None or NUMBERED.match(line):
            flush()
            item.append(line[bullet.end():] if bullet else line)
        elif item and raw[:1].isspace():
            item.append(line)
        elif not prose and (pair := key_value(inline(line))) is not None and pair[1]:
            flush()
            blocks.append(Block("fact", inline(line), label=pair[0], value=pair[1]))
        else:
            if item:
                flush()
            prose.append(line)
    flush()
    return blocks
