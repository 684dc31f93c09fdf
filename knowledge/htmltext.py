"""A policy saved as a web page -> Markdown-like text the Markdown reader understands.

Headings become #-headings, bold text **bold** (a bold line on its own reads as a heading),
list items "- " lines, rows of data tables pipe rows, block elements and the cells of layout
tables paragraphs; scripts, styles, forms' controls and site navigation are dropped. Uses
only the standard library's HTML tokenizer (no network, no files).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = ("p div section article main aside header footer blockquote dl dt dd form address "
               "figure figcaption ul ol table thead tbody tfoot pre hr")
_SKIPPED_TAGS = "script style noscript svg nav template iframe head button select"
_BLOCKS = frozenset(_BLOCK_TAGS.split())
_SKIPPED = frozenset(_SKIPPED_TAGS.split())
_HEADINGS = {f"h{level}": level for level in range(1, 7)}


def looks_like_html(text: str) -> bool:
    """True for a saved web page or an HTML fragment with block markup.

    Markdown with tags inside it (line breaks in a table's cells, a centred image) is not a
    page: when its headings are Markdown's "#" lines and none is an HTML heading, the
    Markdown reader reads it and drops the tags."""
    head = text[:4000].lower()
    if "<html" in head or "<!doctype html" in head:
        return True
    sample = text[:200_000]
    if len(re.findall(r"<(?:p|div|h[1-6]|li|br|table)\b", sample, re.I)) < 5:
        return False
    markdown_headings = len(re.findall(r"^#{1,6}\s+\S", sample, re.M))
    return markdown_headings < 2 or re.search(r"<h[1-6]\b", sample, re.I) is not None


class _TableSurvey(HTMLParser):
    """First pass: which tables hold data (rows of short cells) and which only lay a page
    out (paragraphs, line breaks or other tables inside their cells)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.layout: list[bool] = []
        self.stack: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            if self.stack:
                self.layout[self.stack[-1]] = True
            self.stack.append(len(self.layout))
            self.layout.append(False)
        elif self.stack and (tag in _BLOCKS or tag in _HEADINGS or tag in ("br", "li")):
            self.layout[self.stack[-1]] = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and len(data.strip()) > 300:
            self.layout[self.stack[-1]] = True


class _Converter(HTMLParser):
    def __init__(self, layout: list[bool]) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.layout = layout
        self.tables = 0
        self.stack: list[bool] = []  # per open table: does it hold data?

    @property
    def in_data_table(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "table":
            data = self.tables < len(self.layout) and not self.layout[self.tables]
            self.tables += 1
            self.stack.append(data)
            self.parts.append("\n\n")
        elif tag in _HEADINGS:
            self.parts.append("\n\n" + "#" * _HEADINGS[tag] + " ")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "tr":
            self.parts.append("\n|" if self.in_data_table else "\n\n")
        elif tag in ("td", "th"):
            self.parts.append("" if self.in_data_table else "\n\n")
        elif tag in ("strong", "b") and not self.in_data_table:
            self.parts.append("**")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "table":
            if self.stack:
                self.stack.pop()
            self.parts.append("\n\n")
        elif tag in _HEADINGS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" |" if self.in_data_table else "\n\n")
        elif tag in ("strong", "b") and not self.in_data_table:
            self.parts.append("**")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        text = re.sub(r"\s+", " ", data)
        if self.in_data_table:
            text = text.replace("|", "/")
        self.parts.append(text)


def html_to_text(html: str) -> str:
    """Markdown-like text of an HTML page (see the module docstring)."""
    survey = _TableSurvey()
    survey.feed(html)
    survey.close()
    converter = _Converter(survey.layout)
    converter.feed(html)
    converter.close()
    text = "".join(converter.parts)
    # Bold around nothing or around spaces only is layout noise.
    text = re.sub(r"\*\*(\s*)\*\*", r"\1", text)
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    # A table's first row is its header: give the Markdown reader the rule it expects.
    return re.sub(r"((?:^|\n\n)\|[^\n]*\|)\n(?=\|)",
                  lambda m: m.group(1) + "\n" + _rule(m.group(1)) + "\n", text)


def _rule(header: str) -> str:
    cells = header.strip().strip("|").split("|")
    return "|" + "|".join(" --- " for _ in cells) + "|"
