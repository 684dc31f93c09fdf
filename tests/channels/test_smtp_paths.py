"""MAIL FROM / RCPT TO arguments: the fast reading of plain "<local@domain> PARAMS" gives
exactly what aiosmtpd's own parser gives, and everything else still goes to that parser."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.channels.smtp_budget import ByteBudget
from bot.channels.smtp_server import _PLAIN_PATH, _TrackedSMTP


class _Handler:
    pass


def _read(protocol: Any, arg: str) -> object:
    """What reading `arg` gives: the pair, or the kind of exception (the stdlib parser raises
    IndexError on a lone "<"; ours must fail the same way, not differently)."""
    try:
        return protocol._getaddr(arg)
    except Exception as exc:
        return type(exc)


@pytest.fixture(scope="module")
def protocols() -> Iterator[tuple[Any, Any]]:
    loop = asyncio.new_event_loop()
    ours = _TrackedSMTP(_Handler(), set(), ByteBudget(1024),  # type: ignore[arg-type]
                        data_size_limit=1024, hostname="test", loop=loop)
    theirs = SMTP(_Handler(), hostname="test", loop=loop)
    yield ours, theirs
    loop.close()


@pytest.mark.parametrize("arg", [
    "<client@example.org>", "<client@example.org> SIZE=1234", "<a.b+tag@mail.ex-ample.co.uk>",
    "<A@B.C>  BODY=8BITMIME SMTPUTF8", "<a@b.c>x", "<x@y.z> SIZE=1 ",
    # not plain: the stdlib parser's business
    "<>", "< a@b.c >", " <a@b.c>", "<\"quoted local\"@b.c>", "<a@[127.0.0.1]>",
    "<@relay.example:a@b.c>", "<a@b.c> (comment)", "a@b.c", "<a..b@c.d>", "<.a@b.c>",
    "<ä@b.c>", "<a@b.c", "<a@b@c>", "", "<" + "l" * 70 + "@b.c>", "<a@b.c> \x0b",
    "<a@b.c> SIZE=1\x7f",
])
def test_known_arguments_read_as_aiosmtpd_reads_them(protocols: tuple[Any, Any],
                                                     arg: str) -> None:
    ours, theirs = protocols
    assert _read(ours, arg) == _read(theirs, arg)


def test_only_plain_paths_take_the_fast_reading() -> None:
    assert _PLAIN_PATH.fullmatch("<client@example.org> SIZE=1")
    for arg in ("<>", "< a@b.c >", "<\"q\"@b.c>", "<a@[1.2.3.4]>", "<a@b.c> (c)", "<ä@b.c>"):
        assert _PLAIN_PATH.fullmatch(arg) is None, arg


_PIECES = st.sampled_from(["a", "Z", "0", ".", "@", "<", ">", " ", "\t", "\x0b", "\x7f", "(",
                           ")", "\"", "[", "]", ":", ",", "+", "-", "=", "ä", "\\", "SIZE=9",
                           "x.y", "b.c"])


@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_any_argument_reads_as_aiosmtpd_reads_it(protocols: tuple[Any, Any],
                                                 arg: str) -> None:
    ours, theirs = protocols
    assert _read(ours, arg) == _read(theirs, arg)


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.from_regex(r"<[a-z0-9.+-]{1,12}@[a-z0-9.-]{1,12}>( [A-Z]{1,6}=[A-Za-z0-9]{1,6}){0,2}",
                     fullmatch=True))
def test_plain_looking_arguments_read_as_aiosmtpd_reads_them(protocols: tuple[Any, Any],
                                                             arg: str) -> None:
    ours, theirs = protocols
    assert _read(ours, arg) == _read(theirs, arg)


def test_the_parser_we_override_is_the_one_of_the_pinned_release() -> None:
    """_getaddr is private to aiosmtpd: the range pyproject.toml pins is the one these tests
    ran on, and the method is still there, taking one argument and giving (address, rest)."""
    import inspect
    from importlib.metadata import version

    major, minor = (int(part) for part in version("aiosmtpd").split(".")[:2])
    assert (major, minor) == (1, 4)
    assert list(inspect.signature(SMTP._getaddr).parameters) == ["self", "arg"]
