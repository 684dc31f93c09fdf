"""Turning the bytes of a part or header into text when the declared charset lies or is missing.

Order of trust: the declared charset if the bytes really are in it, then UTF-8, then a guess by
charset-normalizer on a bounded sample, then windows-1252 (which never fails). Latin-1 and
ASCII declarations are checked against UTF-8 first because mail clients mislabel UTF-8 as
those far more often than the reverse.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

# Declarations that say little: UTF-8 bytes are commonly sent under these labels.
_WEAK = {"us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252"}
_GUESS_SAMPLE = 64 * 1024  # charset-normalizer is slow on big inputs; a sample decides


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip('"').lower()
    # Common aliases Python does not know.
    name = {"ks_c_5601-1987": "cp949", "x-sjis": "shift_jis", "unicode-1-1-utf-7": "utf-7",
            "iso-8859-8-i": "iso-8859-8", "x-unknown": "", "unknown-8bit": ""}.get(name, name)
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):  # ValueError: a name with a NUL byte in it
        return None


def decode_bytes(data: bytes, declared: str | None, defects: list[str]) -> str:
    """Text of `data`, recording in `defects` when the declared charset was wrong or missing."""
    if not data:
        return ""
    codec = _codec(declared)
    if declared and codec is None:
        defects.append(f"unknown charset {declared[:40]!r}")
    if data.isascii() and not (codec or "").startswith(("iso2022", "utf-7", "utf_7", "hz")):
        return data.decode("ascii")  # 7-bit charsets that use escapes are decoded below
    if codec is not None and (declared or "").strip().strip('"').lower() not in _WEAK:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            defects.append(f"bytes are not {codec}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if codec is not None and codec != "utf-8":
            defects.append(f"declared {codec} but is UTF-8")
        return text
    if codec is not None:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            pass
    best = None
    try:
        best = from_bytes(data[:_GUESS_SAMPLE]).best()
    except Exception:  # a guesser bug must not stop the read
        best = None
    if best is not None and best.encoding:
        defects.append(f"charset guessed as {best.encoding}")
        return data.decode(best.encoding, errors="replace")
    defects.append("undecodable bytes replaced")
    return data.decode("cp1252", errors="replace")


def unsurrogate(text: str) -> str:
    """Header text the parser left with escaped raw bytes, decoded as UTF-8 or windows-1252."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", errors="surrogateescape")
        except UnicodeEncodeError:
            return text.encode("utf-8", errors="replace").decode("utf-8")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    return text
