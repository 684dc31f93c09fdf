"""A policy saved as a web page -> Markdown-like text the Markdown reader understands.

Headings become #-headings, list items "- " lines, table rows pipe rows, block elements
paragraphs; scripts, styles and site navigation are dropped. Uses only the standard library's
HTML tokenizer (no network, no files).
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
    """True for a saved web page or an HTML fragment with block markup."""
    head = text[:4000].lower()
    if "<html" in head or "<!doctype html" in head:
        return True
    return len(re.findall(r"<(?:p|div|h[1-6]|li|br|table)\b", text[:200_000], re.I)) >= 5


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _HEADINGS:
            self.parts.append("\n\n" + "#" * _HEADINGS[tag] + " ")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "tr":
            self.parts.append("\n|")
        elif tag in ("td", "th"):
            self.in_cell = True
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _HEADINGS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.in_cell = False
            self.parts.append(" |")
        elif tag in _BLOCKS:  # "table" among them
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        text = re.sub(r"\s+", " ", data)
        if self.in_cell:
            text = text.replace("|", "/")
        self.parts.append(text)


def html_to_text(html: str) -> str:
    """Markdown-like text of an HTML page (see the module docstring)."""
    converter = _Converter()
    converter.feed(html)
    converter.close()
    text = "".join(converter.parts)
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    # A table's first row is its header: give the Markdown reader the rule it expects.
    return re.sub(r"((?:^|\n\n)\|[^\n]*\|)\n(?=\|)",
                  lambda m: m.group(1) + "\n" + _rule(m.group(1)) + "\n", text)


def _rule(header: str) -> str:
    cells = header.strip().strip("|").split("|")
    return "|" + "|".join(" --- " for _ in cells) + "|"
