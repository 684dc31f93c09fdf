"""Differential tests: every fast path in intents/ gives exactly what the code it replaces gives.

The mail reader and classifier skip the stdlib's slow paths when the input is plain: a
single-part mail is built without the feed parser (mailparse), 'Name <addr>' is read without
parseaddr (reader), 'type/sub; charset=x' without get_content_charset (parts), rules are tried
only at the words that can open them (rules.candidate_starts + classifier._hits), clause and
sentence ends are found by regex (textnorm) and footers are pre-filtered by words (quotes).
Each test here runs the fast path and the reference (the stdlib call, finditer, or the old
Python loop recovered from git) over corpus and generated input and asserts the same answer.
"""

from __future__ import annotations

import base64
import json
import random
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intents import (
    classifier,
    headers,
    mailparse,
    parts,
    quotes,
    read_message,
    reader,
    regex_starts,
    textnorm,
)
from intents.rules import RULES, candidate_starts
from intents.textnorm import CLAUSE_END, SENTENCE_END, clause_start, fold, sentence_bounds
from tests.intents.mailmaker import raw_mail

HERE = Path(__file__).parent
FAST = settings(max_examples=120, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _corpus(count: int) -> list[dict[str, Any]]:
    """A deterministic sample of the labelled mails in tests/intents/*.jsonl."""
    items = [json.loads(line) for path in sorted(HERE.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return random.Random(20261124).sample(items, min(count, len(items)))


CORPUS = _corpus(300)


# --- mailparse: the fast Message is the feed parser's Message -------------------------------

def _outcome(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except Exception as exc:  # the same exception counts as the same answer
        return ("raised", type(exc).__name__)


def _facts(message: Message) -> dict[str, Any]:
    payload = _outcome(message.get_payload)
    return {
        "class": type(message).__name__,
        "items": list(message.raw_items()),
        "unixfrom": message.get_unixfrom(),
        "multipart": message.is_multipart(),
        "content_type": _outcome(message.get_content_type),
        "default_type": message.get_default_type(),
        "charset": _outcome(message.get_content_charset),
        "payload": len(payload) if isinstance(payload, list) else payload,
        "decoded": _outcome(lambda: message.get_payload(decode=True)),
        "defects": [type(defect).__name__ for defect in message.defects],
        "preamble": message.preamble,
        "epilogue": message.epilogue,
    }


def _reference_parse(raw: bytes) -> Message:
    return mailparse._PARSER.parsebytes(raw)


def _assert_same_message(raw: bytes) -> bool:
    """Fast and stdlib parse agree; True when the fast path (not the fallback) answered."""
    fast = mailparse._simple(raw)
    expected = _facts(_reference_parse(raw))
    if fast is not None:
        assert _facts(fast) == expected, raw[:300]
    assert _facts(mailparse.parse_bytes(raw)) == expected, raw[:300]
    return fast is not None


def _ref_charset(part: Message) -> str | None:
    try:
        return part.get_content_charset()
    except Exception:
        return None


@contextmanager
def _reference_reader() -> Iterator[None]:
    """read_message with every fast path of reading swapped for what it stands in for."""
    with mock.patch.object(reader, "parse_bytes", _reference_parse), \
            mock.patch.object(reader, "_parseaddr", parseaddr), \
            mock.patch.object(reader, "_getaddresses", getaddresses), \
            mock.patch.object(parts, "_charset", _ref_charset):
        yield


def _assert_same_mail(raw: bytes) -> None:
    fast = read_message(raw).model_dump()
    with _reference_reader():
        reference = read_message(raw).model_dump()
    assert fast == reference, raw[:300]


def _corpus_raws() -> list[bytes]:
    raws = []
    for n, item in enumerate(CORPUS[:120]):
        raws.append(raw_mail(item["body"], item.get("subject", ""), item["from"]))
        charset = "iso-8859-1" if n % 2 else "utf-8"
        try:
            data = item["body"].encode(charset)
        except UnicodeEncodeError:
            continue
        cte = b"8bit" if n % 3 else b"quoted-printable"
        head = (f"From: {item['from']}\nSubject: {item.get('subject', '')}\n"
                f"Content-Type: text/plain; charset={charset}\n").encode()
        raws.append(head + b"Content-Transfer-Encoding: " + cte + b"\n\n" + data)
    return raws


def test_corpus_mails_parse_the_same_fast_and_slow() -> None:
    raws = _corpus_raws()
    took_fast = [_assert_same_message(raw) for raw in raws]
    # The fast path must really run here, or the comparison above proves nothing.
    assert sum(took_fast) > len(raws) // 2
    for raw in raws[:80]:
        _assert_same_mail(raw)


def test_eval_eml_parse_the_same_fast_and_slow(shared_dir: Path) -> None:
    folder = shared_dir / "eval" / "eml"
    if not folder.is_dir():
        pytest.skip(f"no eval mails at {folder}")
    samples = sorted(p for p in folder.iterdir() if p.suffix == ".eml")
    assert samples
    took_fast = 0
    for path in samples:
        raw = path.read_bytes()
        took_fast += _assert_same_message(raw)
        _assert_same_mail(raw)
    assert took_fast >= 3


def test_a_plain_mail_takes_the_fast_path() -> None:
    # Guards the differential tests from going vacuous if the fast path stopped engaging.
    raw = b"From: Ann <ann@example.org>\r\nSubject: hi\r\n  there\r\n\r\nPlease delete me.\r\n"
    message = mailparse._simple(raw)
    assert message is not None
    assert message.get_payload() == "Please delete me.\r\n"
    assert _facts(message) == _facts(_reference_parse(raw))


_NAMES = st.one_of(
    st.sampled_from(["From", "To", "Subject", "Content-Type", "content-type",
                     "Content-Transfer-Encoding", "MIME-Version", "Message-ID", "X-Spam",
                     "Received", "Date", "Reply-To", "Return-Path"]),
    st.from_regex(r"[!-9;-~]{1,12}", fullmatch=True),
    st.sampled_from(["Bad Name", "", " Subject", "Subject ", "From ", "X:Y", "Zé"]),
)
_CTYPES = st.sampled_from([
    "text/plain", "text/plain; charset=utf-8", 'text/plain; charset="ISO-8859-1"',
    "text/html; charset=windows-1252", "TEXT/PLAIN; CHARSET=UTF-8", "text/plain;charset=utf-8",
    "multipart/mixed; boundary=B", "multipart/alternative; boundary=\"b\"", "message/rfc822",
    "Message/Delivery-Status", "application/octet-stream", "text", "text/plain; charset=",
    "text/plain; charset*=utf-8''latin-1", "text/plain; charset=\"utf-8", "garbage/ ;;",
])
_CTES = st.sampled_from(["base64", "quoted-printable", "7bit", "8bit", "BASE64", "x-uuencode",
                         "quoted-printable; x", ""])
_VALUE_CHARS = st.sampled_from([*"abc XYZ019:;<>@,.\"()\t=?_-", "=?utf-8?b?w6k=?=",
                               "=?iso-8859-1?q?caf=E9?=", "\udcff", "é", "\x00", "\x7f"])


@st.composite
def _raw_mails(draw: st.DrawFn) -> bytes:
    eol = draw(st.sampled_from(["\n", "\r\n", "\r", "mixed"]))

    def end() -> str:
        return draw(st.sampled_from(["\n", "\r\n", "\r"])) if eol == "mixed" else eol

    lines: list[str] = []
    if draw(st.integers(0, 9)) == 0:
        lines.append("From ann@example.org Tue Nov 24 12:00:00 2026" + end())
    fields: list[tuple[str, str]] = draw(st.lists(
        st.tuples(_NAMES, st.lists(_VALUE_CHARS, max_size=12).map("".join)), max_size=6))
    if draw(st.booleans()):
        fields.insert(draw(st.integers(0, len(fields))), ("Content-Type", draw(_CTYPES)))
    if draw(st.booleans()):
        fields.append(("Content-Transfer-Encoding", draw(_CTES)))
    for name, value in fields:
        space = draw(st.sampled_from([" ", "", "  ", "\t"]))
        line = f"{name}:{space}{value}"
        for _ in range(draw(st.integers(0, 2))):  # folded continuation lines
            line += end() + draw(st.sampled_from([" ", "\t", "   "])) + draw(_VALUE_CHARS)
        lines.append(line + end())
    if draw(st.integers(0, 9)) == 0:
        lines.insert(0, " continuation first" + end())
    if draw(st.integers(0, 5)) != 0:  # else: no blank line after the headers
        lines.append(end())
    body = draw(st.one_of(
        st.just(""),
        st.sampled_from(["Please delete my data.", "w6k=", "caf=E9=\nsoir", "--B\n\nx\n--B--"]),
        st.text(st.sampled_from([*"ab \n\r=é.", "\udc80"]), max_size=40)))
    head = "".join(lines).encode("utf-8", "surrogateescape")
    data = body.encode("latin-1", "surrogateescape") if draw(st.booleans()) else \
        body.encode("utf-8", "surrogateescape")
    return head + data


@settings(FAST, max_examples=120)
@given(_raw_mails())
def test_generated_mails_parse_the_same_fast_and_slow(raw: bytes) -> None:
    _assert_same_message(raw)
    _assert_same_mail(raw)


# --- mailparse: long runs of inert lines parsed as one line ---------------------------------

def _tree(message: Message) -> list[dict[str, Any]]:
    return [_facts(part) for part in message.walk()]


def _assert_same_elided(raw: bytes) -> bool:
    """The elided parse is the feed parser's; True when runs were really elided."""
    elided = mailparse._elided(raw)
    expected = _tree(_reference_parse(raw))
    if elided is not None:
        assert _tree(elided) == expected, raw[:300]
    assert _tree(mailparse.parse_bytes(raw)) == expected, raw[:300]
    return elided is not None


_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="


def _hazard(rnd: random.Random, line: str) -> str:
    """`line` made one the feed parser does not take as inert, mostly keeping its width (a
    line of another width is turned down by the width check alone, testing nothing else)."""
    width = len(line)
    roll = rnd.randrange(6)
    if roll == 0:
        return rnd.choice("- \t") + line[1:]
    if roll == 1:
        at = rnd.randrange(width)
        return line[:at] + rnd.choice([":", " ", "\r", "\n", "\0", "é", "\t"]) + line[at + 1 :]
    if roll == 2:
        return rnd.choice(["--B", "--B--", "--C", "From x", "X:", "", "\n"]).ljust(width)[:width]
    if roll == 3:
        return line[:-1] + "\n" if width > 1 else "\n"  # then an empty line
    if roll == 4:
        return rnd.choice(["", "--B", "X: y", " folded", "From x", "-x", "a:b"])
    return "".join(rnd.choices(_B64, k=rnd.randint(1, 90)))


def _run(rnd: random.Random, eol: str) -> str:
    """Base64-like lines of one width, now and then a hazard."""
    width = rnd.choice([1, 3, 5, 19, 76, rnd.randint(1, 90)])
    lines = []
    first_hazard = rnd.random() < 0.2  # where headers end for want of a blank line, it counts
    for n in range(rnd.choice([0, 1, 5, 40, 120, 300])):
        line = "".join(rnd.choices(_B64, k=width))
        if rnd.random() < 0.03 or (n == 0 and first_hazard):
            line = _hazard(rnd, line)
        lines.append(line + (rnd.choice(["\n", "\r\n", "\r"]) if eol == "mixed" else eol))
    return "".join(lines)


def _structured_mail(rnd: random.Random) -> bytes:
    """A message whose parts, preambles, epilogues and header blocks hold runs."""
    eol = rnd.choice(["\n", "\r\n", "\n", "\r\n", "mixed"])
    nl = "\n" if eol == "mixed" else eol

    def head(ctype: str | None) -> str:
        lines = ["From: Ann <ann@example.org>", "Subject: data"] if rnd.random() < 0.7 else []
        if ctype:
            lines.append(f"Content-Type: {ctype}")
        if rnd.random() < 0.5:
            lines.append("Content-Transfer-Encoding: " + rnd.choice(["base64", "7bit", "binary"]))
        blank = nl if rnd.random() < 0.85 else ""  # else the run ends the headers itself
        return "".join(line + nl for line in lines) + blank

    def entity(depth: int) -> str:
        kind = rnd.choice(["leaf", "leaf", "multipart", "rfc822", "report", "status", "nobound"])
        if depth > 2 or kind == "leaf":
            ctype = rnd.choice(["text/plain", "application/octet-stream", None, "text/html"])
            return head(ctype) + _run(rnd, eol)
        if kind == "rfc822":
            return head("message/rfc822") + entity(depth + 1)
        if kind == "status":
            return head("message/delivery-status") + _run(rnd, eol) + nl + _run(rnd, eol)
        if kind == "nobound":
            return head("multipart/mixed") + _run(rnd, eol)
        boundary = "BC"[depth % 2]
        ctype = f"multipart/{'report' if kind == 'report' else 'mixed'}; boundary={boundary}"
        out = head(ctype) + _run(rnd, eol)
        for _ in range(rnd.randint(0, 3)):
            out += f"--{boundary}{nl}" + entity(depth + 1) + nl
        if rnd.random() < 0.8:
            out += f"--{boundary}--{nl}" + _run(rnd, eol)
        return out

    return entity(0).encode("utf-8", "surrogateescape")


def test_runs_of_inert_lines_parse_as_the_feed_parser_parses_them() -> None:
    rnd = random.Random(20261207)
    elided = 0
    # Small blocks, so that runs of a few lines are elided and every context gets them.
    with mock.patch.object(mailparse, "ELIDE_FROM", 0), mock.patch.object(mailparse, "_BLOCK", 160):
        for _ in range(1500):
            elided += _assert_same_elided(_structured_mail(rnd))
    assert elided > 500  # the path must really run, or the comparison proves nothing


@pytest.mark.parametrize("first", ["-" + "A" * 19, "A:" + "A" * 18, "From " + "A" * 15,
                                   "A A" + "A" * 17, " " + "A" * 19, "\t" + "A" * 19])
def test_a_run_is_not_elided_from_a_line_the_parser_reads_differently(first: str) -> None:
    run = ("B" * 20 + "\n") * 20
    for raw in (f"Subject: x\n{first}\n{run}", f"{first}\n{run}",
                f"Content-Type: message/delivery-status\n\nA: b\n\n{first}\n{run}"):
        with mock.patch.object(mailparse, "ELIDE_FROM", 0), \
                mock.patch.object(mailparse, "_BLOCK", 105):
            _assert_same_elided(raw.encode())


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_blank_lines_and_a_change_of_line_end_are_not_elided(eol: str) -> None:
    blank = f"Subject: x{eol}" + eol * 400 + f"Delete my data{eol}"
    switch = f"Subject: x{eol}{eol}--B{eol}" + f"{'A' * 20}{eol}" * 30 \
        + f"{'A' * 20}\n" * 30 + f"{'A' * 19}\r\n" * 30 + f"--B--{eol}"  # one width
    multipart = "Content-Type: multipart/mixed; boundary=B\n" + switch
    with mock.patch.object(mailparse, "ELIDE_FROM", 0), mock.patch.object(mailparse, "_BLOCK", 105):
        for raw in (blank, switch, multipart):
            _assert_same_elided(raw.encode())


def _big_mail(eol: bytes, blob: bytes) -> bytes:
    message = EmailMessage()
    message["From"] = "Big Sender <big@example.org>"
    message["Subject"] = "My access request, with ID"
    message.set_content("Please send me a copy of all personal data you hold about me.")
    message.add_attachment(blob, maintype="application", subtype="octet-stream",
                           filename="scan.bin")
    inner = EmailMessage()
    inner["Subject"] = "fwd"
    inner.set_content("Delete all my data please")
    inner.add_attachment(blob[:300_000], maintype="image", subtype="png", filename="a.png")
    message.add_attachment(inner)
    message.preamble = "".join(f"{n:076d}\n" for n in range(3000))
    message.epilogue = "".join(f"{n:076d}\n" for n in range(3000))
    return bytes(message).replace(b"\n", eol)


@pytest.mark.parametrize("eol", [b"\n", b"\r\n"])
def test_a_big_mail_is_elided_and_read_the_same(eol: bytes) -> None:
    raw = _big_mail(eol, random.Random(1).randbytes(2_000_000))
    assert len(raw) > mailparse.ELIDE_FROM
    runs = mailparse._runs(raw)
    assert sum(end - start for start, end, _ in runs) > len(raw) * 0.9
    assert _assert_same_elided(raw)
    _assert_same_mail(raw)
    assert mailparse._elided(raw.replace(b"ID", b"\0D", 1)) is None  # a NUL: nothing elided


def test_a_part_broken_into_many_runs_is_put_back_whole() -> None:
    # A short line every ~70 KB ends each run: a 25 MB part so made once held 189 runs, and
    # putting them back one token at a time went over the payload 189 times.
    blob = random.Random(2).randbytes(6_000)
    lines = "".join(f"{base64.b64encode(blob[n:n + 57]).decode()}\n"
                    for n in range(0, len(blob), 57))
    body = "".join(lines + "QUJD\n" for _ in range(40))
    raw = ("From: a@example.org\nContent-Type: multipart/mixed; boundary=B\n\n--B\n"
           "Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n"
           + body + "--B--\n").encode()
    with mock.patch.object(mailparse, "ELIDE_FROM", 0), \
            mock.patch.object(mailparse, "_BLOCK", 1024):
        assert len(mailparse._runs(raw)) >= 40
        assert _assert_same_elided(raw)


def test_a_big_message_without_headers_is_parsed_once() -> None:
    raw = b"no header here\n" + (b"A" * 76 + b"\n") * 5000
    parse = mailparse._PARSER.parsebytes
    with mock.patch.object(mailparse._PARSER, "parsebytes", wraps=parse) as parsing:
        message = mailparse.parse_bytes(raw)
    assert not message.keys()  # a Message without headers is false, yet it was found
    assert parsing.call_count == 1
    assert message.get_payload() == raw.decode()  # no header line: all of it is the body


# --- reader: 'Name <addr>' without parseaddr ------------------------------------------------

_ADDR_PIECES = st.sampled_from([
    "Ann", "Lee", "O'Brien", "Jean-Luc", "123", "-", "'", "Zoë", "\"Lee, Ann\"", "(comment)",
    "ann", "ann.lee", "a+b", "x_y", "@", "example.org", "ex-ample.co.uk", "<", ">", ",", ";",
    ":", ".", "..", " ", "  ", "\t", "\"", "\\", "[1.2.3.4]", "=?utf-8?q?Ann?=", "Group:",
    "ann@example.org", "<ann@example.org>", "<ann@example.org", "ann@@example.org",
])


@st.composite
def _address_values(draw: st.DrawFn) -> str:
    shape = draw(st.integers(0, 4))
    # Mostly the characters the fast pattern takes, now and then one just outside it.
    name = draw(st.lists(st.from_regex(r"[A-Za-z0-9'-]{1,6}|[A-Za-z0-9'._\"\\(),:;@é-]{1,4}",
                                       fullmatch=True), max_size=3))
    spec = draw(st.from_regex(r"[A-Za-z0-9_+.-]{1,8}@[A-Za-z0-9.-]{1,10}"
                              r"|[A-Za-z0-9_+.'=#-]{1,4}@[A-Za-z0-9._+-]{1,6}", fullmatch=True))
    if shape == 0:  # near the simple forms, with odd spacing
        pad = draw(st.sampled_from(["", " ", "  ", "\t"]))
        return pad + (" ".join(name) + " <" + spec + ">" if name else spec) + pad
    if shape == 1:  # pieces glued together
        return "".join(draw(st.lists(_ADDR_PIECES, max_size=8)))
    if shape == 2:
        return draw(st.text(max_size=30))
    if shape == 3:  # groups and lists
        return draw(st.sampled_from(["", "Team: "])) + ", ".join(
            draw(st.lists(st.sampled_from([spec, f"{' '.join(name)} <{spec}>", f'"{spec}" <x@y>',
                                           f"{spec} (Ann)", ""]), min_size=1, max_size=3))
        ) + draw(st.sampled_from(["", ";", ","]))
    return " ".join(name) + " " + draw(_ADDR_PIECES) + spec + draw(_ADDR_PIECES)


@settings(FAST, max_examples=150)
@given(_address_values())
def test_address_reading_matches_parseaddr(value: str) -> None:
    assert reader._parseaddr(value) == parseaddr(value)
    assert reader._address(value) == _reference_address(value)


def _reference_address(value: str) -> tuple[str, str | None]:
    with mock.patch.object(reader, "_parseaddr", parseaddr):
        return reader._address(value)


@settings(FAST, max_examples=120)
@given(st.lists(_address_values(), max_size=3))
def test_address_lists_match_getaddresses(values: list[str]) -> None:
    assert reader._getaddresses(values) == getaddresses(values)


def test_simple_addresses_take_the_fast_path() -> None:
    with mock.patch.object(reader, "parseaddr", side_effect=AssertionError), \
            mock.patch.object(reader, "getaddresses", side_effect=AssertionError):
        assert reader._parseaddr("Ann Lee <ann.lee@example.org>") == ("Ann Lee",
                                                                       "ann.lee@example.org")
        assert reader._getaddresses(["a@b.c, D <d@e.f>"]) == [("", "a@b.c"), ("D", "d@e.f")]


# --- parts: the charset of 'type/sub; charset=x' --------------------------------------------

@st.composite
def _content_types(draw: st.DrawFn) -> str:
    token = st.from_regex(r"[A-Za-z0-9_.:+-]{0,10}", fullmatch=True)
    charset = draw(st.one_of(token, st.text(max_size=8),
                             st.sampled_from(["utf-8", "UTF-8", "iso-8859-1", "x:y", "é"])))
    quote = draw(st.sampled_from(["", '"', "'"]))
    return (draw(st.sampled_from(["text/plain", "TEXT/HTML", "text/x-foo.bar+baz", "text", "",
                                  "multipart/mixed", "text/pl ain", "x1/y"]))
            + draw(st.sampled_from(["; ", ";", " ; ", ";  ", "; format=flowed; "]))
            + draw(st.sampled_from(["charset=", "CHARSET=", "Charset = ", "charset*=",
                                    "charset*0=", "name="]))
            + quote + charset + draw(st.sampled_from([quote, "", '"']))
            + draw(st.sampled_from(["", " ", ";", "; x=y", " (comment)"])))


# The form the fast path takes, in any case and quoting, so a good share of cases runs it.
_PLAIN_CTYPES = st.from_regex(r"[A-Za-z]{1,5}/[A-Za-z0-9.+-]{1,6}; [Cc][Hh][Aa][Rr][Ss][Ee][Tt]="
                              r"(?:\"[A-Za-z0-9_.:-]{1,8}\"|[A-Za-z0-9_.:-]{1,8})", fullmatch=True)


@settings(FAST, max_examples=150)
@given(st.one_of(_content_types(), _PLAIN_CTYPES))
def test_charset_reading_matches_get_content_charset(value: str) -> None:
    message = Message(policy=mailparse.MAIL_POLICY)
    message.set_raw("Content-Type", value)
    assert parts._charset(message) == _ref_charset(message)


def test_plain_charset_takes_the_fast_path() -> None:
    message = Message(policy=mailparse.MAIL_POLICY)
    message["Content-Type"] = 'text/plain; charset="UTF-8"'
    with mock.patch.object(Message, "get_content_charset", side_effect=AssertionError):
        assert parts._charset(message) == "utf-8"


# --- rules: matching at candidate starts finds what finditer finds -------------------------

def _texts() -> list[str]:
    texts = []
    for item in CORPUS:
        texts.append(fold(item["body"]))
        texts.append(fold(item.get("subject", "")))
    return texts


def _reference_hits(folded: str) -> list[tuple[int, int, int]]:
    """_hits' spans the slow way: every rule, its first five finditer matches, non-empty."""
    found = []
    for index, rule in enumerate(RULES):
        for count, match in enumerate(rule.regex.finditer(folded)):
            if count >= 5:
                break
            if match.end() > match.start():
                found.append((index, match.start(), match.end()))
    return found


def test_rule_hits_match_finditer_on_the_corpus() -> None:
    index_of = {id(rule): index for index, rule in enumerate(RULES)}
    checked = 0
    for folded in _texts():
        fast = [(index_of[id(hit.rule)], hit.start, hit.end) for hit in classifier._hits(folded)]
        expected = _reference_hits(folded)
        assert fast == expected, folded[:200]
        checked += len(expected)
    assert checked > 100  # the sample must actually hit rules


def test_rule_hits_stop_at_five_like_the_reference() -> None:
    # Repeated texts give rules more than five matches: the cap must fall where it did.
    index_of = {id(rule): index for index, rule in enumerate(RULES)}
    repeated = ["\n".join([text] * 6) for text in _texts()[:120:2] if _reference_hits(text)]
    assert len(repeated) > 10
    for folded in repeated:
        fast = [(index_of[id(hit.rule)], hit.start, hit.end) for hit in classifier._hits(folded)]
        assert fast == _reference_hits(folded), folded[:200]


def test_every_match_starts_at_a_candidate_start() -> None:
    # Uncapped: any finditer match of a gated rule begins at one of its listed starts, and
    # every rule with a match is a candidate.
    for folded in _texts()[::2]:
        starts = {id(rule): where for rule, where in candidate_starts(folded)}
        for rule in RULES:
            spans = [m.start() for m in rule.regex.finditer(folded) if m.end() > m.start()]
            if not spans:
                continue
            assert id(rule) in starts, (rule.regex.pattern[:80], folded[:200])
            where = starts[id(rule)]
            if where is not None:
                assert set(spans) <= set(where), (rule.regex.pattern[:80], folded[:200])


# --- textnorm: clause and sentence bounds, against the loops they replaced (git 9a3193f^) ---

def _old_clause_start(text: str, pos: int, limit: int = 160) -> int:
    low = max(0, pos - limit)
    for i in range(pos - 1, low - 1, -1):
        char = text[i]
        if char in CLAUSE_END:
            if char == "." and (i + 2 < len(text) and text[i + 1] == " " and text[i + 2].isdigit()):
                continue
            return i + 1
    return low


def _old_decimal_point(text: str, i: int) -> bool:
    return (text[i] == "." and 0 < i < len(text) - 1 and text[i - 1].isdigit()
            and text[i + 1].isdigit())


def _old_sentence_bounds(text: str, start: int, end: int, limit: int = 300) -> tuple[int, int]:
    low = max(0, start - limit)
    s = low
    for i in range(start - 1, low - 1, -1):
        if text[i] in SENTENCE_END and not (text[i] == "." and i + 2 < len(text)
                                            and text[i + 1] == " " and text[i + 2].isdigit()) \
                and not _old_decimal_point(text, i):
            s = i + 1
            break
    high = min(len(text), end + limit)
    e = high
    for i in range(end, high):
        if text[i] in SENTENCE_END and not _old_decimal_point(text, i):
            e = i
            break
    return s, e


_BOUND_TEXT = st.lists(st.sampled_from([*"a 1.,;:!?\n()[]\"-•·|'x9", ". 1", "1.2", "art. 15",
                                         "e.g. ", "£1,240.00", "v2.1."]),
                       max_size=16).map("".join)


@settings(FAST, max_examples=200)
@given(_BOUND_TEXT, st.sampled_from([0, 1, 2, 5, 160, 300]))
def test_bounds_match_the_old_loops_everywhere(text: str, limit: int) -> None:
    for pos in range(len(text) + 1):
        assert clause_start(text, pos, limit) == _old_clause_start(text, pos, limit)
        for end in range(pos, min(len(text), pos + 6) + 1):
            assert sentence_bounds(text, pos, end, limit) == \
                _old_sentence_bounds(text, pos, end, limit)


def test_bounds_match_the_old_loops_on_the_corpus() -> None:
    for folded in _texts()[:160:2]:
        for pos in range(0, len(folded) + 1, 3):
            assert clause_start(folded, pos) == _old_clause_start(folded, pos), (folded, pos)
            end = min(len(folded), pos + 7)
            assert sentence_bounds(folded, pos, end) == \
                _old_sentence_bounds(folded, pos, end), (folded, pos)


# --- quotes: the word pre-filter keeps every footer and disclaimer verdict ------------------

def _old_is_disclaimer(paragraph: str) -> bool:
    lower = paragraph.lower().replace("\u2019", "'")
    if quotes._FOOTER.search(lower):
        return True
    if quotes._RIGHTS_NOTICE.search(lower) and not quotes.FIRST_PERSON.search(lower):
        return True
    return bool(quotes._DISCLAIMER_CUE.search(lower) and quotes._DISCLAIMER_ACT.search(lower))


_FILLER = st.text(st.sampled_from([*"aé Z.\n,'’", "İ", "ẞ"]), max_size=12)


@settings(FAST, max_examples=120)
@given(st.one_of(
    st.tuples(_FILLER, st.from_regex(quotes._FOOTER, fullmatch=True), _FILLER),
    st.tuples(_FILLER, st.from_regex(quotes._DISCLAIMER_CUE, fullmatch=True),
              st.from_regex(quotes._DISCLAIMER_ACT, fullmatch=True)),
    st.tuples(_FILLER, _FILLER, _FILLER),
), st.sampled_from([str, str.upper, str.title]))
def test_disclaimer_verdicts_match_the_unfiltered_regexes(
        pieces: tuple[str, str, str], case: Callable[[str], str]) -> None:
    paragraph = case(" ".join(pieces))
    assert quotes._is_disclaimer(paragraph) == _old_is_disclaimer(paragraph)


def test_disclaimer_verdicts_on_corpus_paragraphs() -> None:
    paragraphs = [p for item in CORPUS for p in re.split(r"\n\s*\n", item["body"])]
    verdicts = [quotes._is_disclaimer(p) for p in paragraphs]
    assert verdicts == [_old_is_disclaimer(p) for p in paragraphs]
    assert any(verdicts)  # some footer or disclaimer is in the sample


# --- quotes and forwards: gates before the reply-header, marker and label patterns ----------

_HEADER_LINES = [
    "On Mon, 5 May 2025 at 10:00, Ann <a@b.org> wrote:", "El lun, 5 may 2025, Ana escribió:",
    "Am 5. Mai 2025 schrieb Anna:", "Le 5 mai 2025, Anne a écrit :", "Ann yazdı:",
    "W dniu 5 maja napisał:", "Ann ezt írta (x):", "-----Original Message-----",
    "Begin forwarded message:", "Début du message réexpédié :", "From: Ann <a@b.org>",
    "Kimden: Ann", "---------- Forwarded message ---------", "Subject: hi", "> quoted",
    "ON 5 MAİ, ANN WROTE:", "Ann yazdı:", "Am 5. Mai ſchrieb Anna:", "Ann \u212airjoitti:",
    "Den 5 maj 2025 skrev Ann:", "Ann ezt irta (x):", "Ann έγραψε:", "Ο Ann ΈΓΡΑΨΕ :",
    "Note: the time is 10:00", "Re: Subject: x",
]
_LINE_TEXT = st.lists(st.sampled_from([*"aeIiKkSs :>-*_\t", "ı", "ſ", "\u212a", "İ", "é", "ẞ",
                                       "wrote", "WROTE", "yazd", "schrieb", "from", "on "]),
                      max_size=12).map("".join)


def _lines_to_check() -> list[str]:
    lines = [line for item in CORPUS for line in item["body"].split("\n")] + _HEADER_LINES
    return [case(line) for line in lines for case in (str, str.upper, str.swapcase)]


@settings(FAST, max_examples=300)
@given(st.one_of(_LINE_TEXT, st.sampled_from(_HEADER_LINES).map(str.upper)))
def test_line_gates_keep_every_line_their_patterns_match(line: str) -> None:
    assert quotes._is_reply_header(line) == (quotes._REPLY_HEADER.match(line) is not None)
    if not headers.may_open(line):
        assert headers.MARKER.match(line) is None
        assert headers.LABEL.match(line) is None
    assert bool(quotes._QUOTED_OR_BLANK.match(line)) == (
        not line.strip() or line.lstrip().startswith(">"))


def test_line_gates_on_corpus_lines() -> None:
    lines = _lines_to_check()
    kept = [quotes._is_reply_header(line) for line in lines]
    assert kept == [quotes._REPLY_HEADER.match(line) is not None for line in lines]
    assert any(kept)
    for line in lines:
        if not headers.may_open(line):
            assert headers.MARKER.match(line) is None
            assert headers.LABEL.match(line) is None


# --- textnorm: fold by str.translate is the per-character fold -----------------------------

@settings(FAST, max_examples=200)
@given(st.text(max_size=40))
def test_fold_by_table_is_the_per_character_fold(text: str) -> None:
    assert fold(text) == (text.lower() if text.isascii()
                          else "".join(map(textnorm._fold_char, text)))


def test_only_four_non_ascii_letters_match_ascii_ones_when_case_is_ignored() -> None:
    # quotes._AS_ASCII rests on it: after them, lower() keeps every ASCII word a pattern
    # ignoring case matched in a line.
    letter = re.compile(r"[a-z0-9 '-]", re.IGNORECASE)
    found = {chr(code) for code in range(0x80, 0x110000) if letter.match(chr(code))}
    assert found == {"\u0130", "\u0131", "\u017f", "\u212a"} == regex_starts.ASCII_FOLDING
    # The other way round, as regex_starts.required(ascii_text=True) needs it: no other
    # non-ASCII character in a pattern ignoring case matches an ASCII one.
    others = re.compile("[^\x00-\x7f" + "".join(sorted(found)) + "]", re.IGNORECASE)
    assert not any(others.match(chr(code)) for code in range(128))
    assert all(len(char.translate(quotes._AS_ASCII).lower()) == 1 for char in found)


def test_required_in_ascii_text_leaves_out_what_needs_another_script() -> None:
    assert regex_starts.required(r"(?:abc|δx)", ascii_text=True) == frozenset({"abc"})
    assert regex_starts.required(r"(?:abc|δx)") == frozenset({"abc", "δx"})
    assert regex_starts.required(r"δx", ascii_text=True) == frozenset()
    assert regex_starts.required(r"(?:\u017fx|yz)", lowered=True,
                                  ascii_text=True) == frozenset({"x", "yz"})
    assert ":" in quotes._REPLY_NEEDS
    assert ":" not in quotes._REPLY_NEEDS_ASCII
