"""What the command line prints: client text made harmless for the team's terminal.

A client controls the subject, sender, body and name of every mail, and RFC 2047 lets them put
any character there. A terminal acts on some of them: OSC 52 writes the clipboard, OSC 8
makes links whose text lies about their target, CSI moves the cursor and repaints lines, a
carriage return overwrites what came before, and bidi overrides show text in another order
than it is. So everything the CLI prints goes through here:

- `clean(text)` for a field on one line (subject, address, question): control sequences and
  control characters go, line breaks and tabs become spaces;
- `clean_block(text)` for text shown on several lines (a mail's body): the same, but line
  breaks and tabs stay;
- `echo(text)` prints with `clean_block` applied to the whole output, a last guard for what a
  command forgot to clean;
- `json_text(value)` is JSON whose strings keep their characters (it is data, not display)
  but where every character a terminal could act on is a `\\uXXXX` escape, so even
  `--json` output read on a terminal is inert.

Well-formed escape sequences (CSI, OSC/DCS/APC/PM/SOS strings, two-character ESC sequences)
are removed whole; what remains of a malformed one is plain printable text once its ESC or C1
introducer is gone, so nothing can be interpreted.
"""

from __future__ import annotations

import json
import re
from typing import Any

import typer

# ESC [ or the 8-bit CSI, parameters, intermediates, one final byte.
_CSI = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
# OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC \ or the 8-bit ST).
# Its body stops at any introducer too, so that a text full of unterminated ones is scanned
# once, not once per introducer.
_STRING = (r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x90\x98\x9c-\x9f]*"
           r"(?:\x07|\x1b\\|\x9c)")
# Any other ESC sequence: ESC, intermediates, one final byte (ESC c resets the terminal).
_ESCAPE = r"\x1b[\x20-\x2f]*[\x30-\x7e]"
# Gated on the introducer: most positions of a long text are rejected at one character.
_SEQUENCES = re.compile(f"(?=[\x1b\x90-\x9f])(?:{_CSI}|{_STRING}|{_ESCAPE})")
# Bidi embeddings, overrides and isolates: they reorder what is shown.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# C0 but tab and line feed, DEL, C1 (NEL included), and the bidi controls.
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_ONE_LINE = re.compile("[\t\n]")
# Anything any of the above would change: text without one (nearly all) is returned as it is.
_ANY = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\u2028\u2029]")
# What json.dumps(ensure_ascii=False) leaves raw but a terminal may act on or reorder.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}\u2028\u2029]")


def clean_block(text: str | None) -> str:
    """Text for several lines: no control sequence or character but line feed and tab."""
    if not text or not _ANY.search(text):
        return text or ""
    text = _BREAKS.sub("\n", _SEQUENCES.sub("", text))
    return _CONTROLS.sub("", text)


def clean(text: object) -> str:
    """A value for one line: as `clean_block`, with line breaks and tabs as spaces."""
    if text is None:
        return ""
    return _ONE_LINE.sub(" ", clean_block(str(text)))


def echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print a command's output; whatever slipped through uncleaned is cleaned here."""
    typer.echo(clean_block(text), err=err, nl=nl)


def json_text(value: Any, *, indent: int | None = None) -> str:
    """JSON of `value`, readable (non-ASCII letters as they are) but inert on a terminal.

    json.dumps already escapes C0 controls; C1, DEL, bidi controls and the Unicode line
    separators can only occur inside strings, where `\\uXXXX` means the same character.
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent, default=str)
    return _JSON_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
