"""HTML mail bodies to plain text with the standard library's parser.

Block elements become line breaks, scripts and styles vanish, and quoted material
(<blockquote>, Gmail's and Outlook's quote containers) is prefixed with "> " so the quote
separator treats it like plain-text quoting.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCK = frozenset({
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "pre", "hr", "section", "article", "header", "footer", "dd", "dt", "title",
})
_SKIP = frozenset({"script", "style", "head", "template", "noscript"})
_QUOTE_CLASSES = ("gmail_quote", "moz-cite-prefix", "yahoo_quoted", "protonmail_quote")
_SPACES = re.compile(r"\s+")
MAX_HTML = 2 * 1024 * 1024  # beyond this only the start is converted: the rest is rarely prose


class _TextBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.quote = 0
        self.stack: list[bool] = []  # per open div/blockquote: did it open a quote?

    def _newline(self) -> None:
        line = "".join(self.current).strip()
        self.current = []
        if line:
            self.lines.append("> " * self.quote + line)
        elif self.lines and self.lines[-1] != "":
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if tag in ("blockquote", "div"):
            classes = " ".join(v or "" for k, v in attrs if k in ("class", "id", "type"))
            opens = tag == "blockquote" or any(c in classes for c in _QUOTE_CLASSES) \
                or "divRplyFwdMsg" in classes or "appendonsend" in classes
            self.stack.append(opens)
            if opens:
                self._newline()
                self.quote += 1
        if tag in _BLOCK:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in _BLOCK or tag == "blockquote":
            self._newline()
        if tag in ("blockquote", "div") and self.stack and self.stack.pop():
            self._newline()
            self.quote = max(0, self.quote - 1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(_SPACES.sub(" ", data))


def html_to_text(markup: str) -> str:
    """Readable text of an HTML body; never raises."""
    builder = _TextBuilder()
    try:
        builder.feed(markup[:MAX_HTML])
        builder.close()
    except Exception:  # html.parser is lenient, but a bug here must not lose the mail
        return html.unescape(markup[:MAX_HTML])
    builder._newline()
    return "\n".join(builder.lines).strip()
