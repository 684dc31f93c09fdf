"""Parsing raw bytes into an email.message.Message: the stdlib parser, with a fast path.

The stdlib feed parser runs a Python generator over every line, which is the largest single
cost of reading a small mail. Most mail is one text part with well-formed headers; for those
this module builds exactly the Message the feed parser would build (same headers, same
payload, no defects). Anything else (multipart, message/*, an mbox "From " line, a malformed
header line, no blank line after the headers) goes through the feed parser.

The feed parser's other cost is per line: a 25 MB mail's base64 attachment is 330,000 lines,
each read, matched against every open boundary and joined back (0.35 s of a 25 MB mail's
0.36 s). A run of such lines is replaced, before parsing, by one line holding a token, and the
token in the parsed message by the run (`_elided`). That gives the same Message because every
line of the run is inert to the feed parser: not empty, not starting with "-", a space or a
tab, no ":" and no space in it, so it is never a header, a continuation, a boundary, an mbox
"From " line or a separator; wherever such lines are (a part's body, a preamble, an
epilogue, or where headers end for want of a blank line), the parser handles N of them in a
row as it handles one, appends them and joins them, and only the last one's line end is
ever trimmed. The run is found in fixed-width blocks (base64 encoders write lines of one
length), so checking it costs a few C-level passes over the bytes.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser


class _RawHeaderFactory:
    """Keeps header values as the raw strings they arrived as.

    policy.default would build a structured header object on every read; that object's
    parser is the slow part of reading a message and can raise on malformed values. This
    package decodes the few headers it needs itself, each under its own guard.
    """

    class _Unlimited:
        max_count = None

    def __call__(self, name: str, value: str) -> str:
        return value

    def __getitem__(self, name: str) -> type[_RawHeaderFactory._Unlimited]:
        return self._Unlimited


# The modern policy's parsing (RFC 6532 UTF-8 headers, no raising on defects), raw headers.
MAIL_POLICY = policy.default.clone(header_factory=_RawHeaderFactory())
_PARSER = BytesParser(policy=MAIL_POLICY)

# The blank line after the headers: two line ends in a row, as the feed parser splits lines
# (\r\n, \r or \n; atomic, so the \n of a \r\n never starts a second one). On the bytes, so a
# big multipart mail is not decoded twice.
_BLANK_LINE = re.compile(rb"(?>\r\n|\r|\n)(?>\r\n|\r|\n)")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")
# A header line the feed parser takes as a field with a name (its headerRE, name non-empty).
_FIELD = re.compile(r"[\041-\071\073-\176]+:")


def parse_bytes(raw: bytes) -> Message:
    """The message the stdlib parser (MAIL_POLICY) makes of `raw`."""
    # `is not None`: a Message without headers is false, and would be parsed again.
    if (message := _simple(raw)) is not None or (message := _elided(raw)) is not None:
        return message
    return _PARSER.parsebytes(raw)


ELIDE_FROM = 256 * 1024  # bytes of a message from which runs of inert lines are looked for
_BLOCK = 64 * 1024  # bytes of lines checked at a time; a run is whole blocks
_MAX_LINE = 998  # RFC 5322's limit; longer lines are not looked at
# A run's stand-in: inert itself, and framed by NUL bytes, which no mail should hold (RFC
# 5322), so that one memchr-fast test shows the token cannot be mistaken for mail text.
_MARK = b"\0"
_TOKEN = re.compile("\0PrivacybotElidedRun(\\d+)\0")


def _inert_block(raw: bytes, start: int) -> tuple[int, bytes] | None:
    """(end, line) of a block of about _BLOCK bytes of inert lines, from the line start
    `start`, all as long as the first and ending as it does; `line` is the first line."""
    eol = raw.find(b"\n", start, start + _MAX_LINE + 2)
    if eol < 0:
        return None
    line = raw[start : eol + 1]
    ending = line[-2:] if line.endswith(b"\r\n") else b"\n"
    width = len(line)
    count = _BLOCK // width
    end = start + count * width
    if width == len(ending) or count < 1 or end > len(raw):
        return None
    block = bytearray(memoryview(raw)[start:end])
    for offset, char in enumerate(ending, width - len(ending)):
        if block[offset::width] != bytes((char,)) * count:
            return None
        block[offset::width] = b"x" * count  # checked: a line end left is a line too short
    firsts = block[::width]
    if b"-" in firsts or b"\t" in firsts:
        return None
    if b"\n" in block or b"\r" in block or b":" in block or b" " in block:
        return None
    return end, line


def _runs(raw: bytes) -> list[tuple[int, int, bytes]]:
    """(start, end, line end) of each run of inert lines of one form, in whole blocks."""
    runs: list[tuple[int, int, bytes]] = []
    pos = 0
    while pos + _BLOCK < len(raw):
        start = raw.find(b"\n", pos) + 1
        if start == 0:
            break
        found = _inert_block(raw, start)
        if found is None:
            pos = start + _BLOCK
            continue
        end, line = found
        while (more := _inert_block(raw, end)) is not None and len(more[1]) == len(line) \
                and more[1].endswith(b"\r\n") == line.endswith(b"\r\n"):
            end = more[0]
        runs.append((start, end, b"\r\n" if line.endswith(b"\r\n") else b"\n"))
        pos = end
    return runs


def _elided(raw: bytes) -> Message | None:
    """The feed parser's Message for `raw`, parsed with each long run of inert lines as one
    line (see the module docstring); None when there is nothing to elide."""
    if len(raw) < ELIDE_FROM or _MARK in raw:
        return None
    runs = _runs(raw)
    if not runs:
        return None
    pieces: list[bytes] = []
    texts: list[str] = []
    pos = 0
    for n, (start, end, ending) in enumerate(runs):
        texts.append(raw[start : end - len(ending)].decode("ascii", "surrogateescape"))
        pieces += [raw[pos:start], b"%sPrivacybotElidedRun%d%s" % (_MARK, n, _MARK), ending]
        pos = end
    pieces.append(raw[pos:])
    message = _PARSER.parsebytes(b"".join(pieces))
    if sorted(_restore(message, texts)) != list(range(len(texts))):
        return None  # a token went somewhere the argument above says it cannot: parse it all
    return message


def _restore(message: Message, texts: list[str]) -> list[int]:
    """Puts each run back where its token landed, in one pass over each field (a part may
    hold hundreds of runs); the numbers of the tokens found."""
    found: list[int] = []

    def put_back(token: re.Match[str]) -> str:
        n = int(token[1])
        if n >= len(texts):
            return token[0]
        found.append(n)
        return texts[n]

    for part in message.walk():
        fields = vars(part)  # the payload as the parser stored it: get_payload() may decode
        for name in ("_payload", "preamble", "epilogue"):
            value = fields.get(name)
            if isinstance(value, str) and "\0" in value:
                fields[name] = _TOKEN.sub(put_back, value)
    return found


def _simple(raw: bytes) -> Message | None:
    """The feed parser's result for a single-part message with clean headers, else None."""
    blank = _BLANK_LINE.search(raw)
    if blank is None:
        return None
    head_end = blank.start() + (2 if raw.startswith(b"\r\n", blank.start()) else 1)
    # The parser decodes the bytes as ASCII with surrogates: one character per byte.
    head = raw[:head_end].decode("ascii", errors="surrogateescape")
    message = EmailMessage(policy=MAIL_POLICY)
    field: list[str] = []
    for line in _LINE.findall(head):
        if line[:1] in (" ", "\t"):
            if not field:
                return None  # a continuation first: the feed parser records a defect
            field.append(line)
            continue
        if line.startswith("From ") or _FIELD.match(line) is None:
            return None
        if field:
            message.set_raw(*MAIL_POLICY.header_source_parse(field))
        field = [line]
    if not field:
        return None
    message.set_raw(*MAIL_POLICY.header_source_parse(field))
    if message.get_content_maintype() in ("message", "multipart"):
        return None
    message.set_payload(raw[blank.end() :].decode("ascii", errors="surrogateescape"))
    return message
