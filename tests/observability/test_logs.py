"""The log formatter on the standard library's logging: JSON or readable lines, redacted
unless PII is allowed, carrying the mail or ticket a line concerns."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from structlog.contextvars import clear_contextvars

from bot.errors import ConfigError
from bot.observability.logs import bind_contextvars, bound_contextvars, configure_logging
from bot.settings import Settings


@pytest.fixture
def restore_root() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    clear_contextvars()
    root.handlers[:] = handlers
    root.setLevel(level)


def _lines(stream: io.StringIO) -> list[str]:
    return stream.getvalue().splitlines()


def test_json_one_object_a_line_redacted_with_context(restore_root: None) -> None:
    stream = io.StringIO()
    configure_logging("json", stream=stream)
    log = logging.getLogger("privacybot.test")
    with bound_contextvars(message_id="<m1@example.org>"):
        log.info("sent to %s", "alice@example.org", extra={"reference": "AIM-2026-0001"})
    log.warning("multi\nline for bob@example.org", extra={"subject": "My secret subject"})
    try:
        raise ValueError("carol@example.org")
    except ValueError:
        log.exception("failed")
    lines = _lines(stream)
    assert len(lines) == 3
    first, second, third = (json.loads(line) for line in lines)
    assert first["event"] == "sent to [address]"
    assert first["message_id"] == "<m1@example.org>"
    assert first["reference"] == "AIM-2026-0001"
    assert first["level"] == "info"
    assert first["logger"] == "privacybot.test"
    assert first["timestamp"].endswith("Z")
    assert second["event"] == "multi\nline for [address]"
    assert second["subject"] == "[redacted]"
    assert "message_id" not in second  # the context ended with its block
    assert "carol@example.org" not in third["exception"]
    assert "ValueError" in third["exception"]


def test_pii_allowed_keeps_everything(restore_root: None) -> None:
    stream = io.StringIO()
    configure_logging("json", pii=True, stream=stream)
    logging.getLogger("privacybot.test").info("sent to %s", "alice@example.org",
                                              extra={"subject": "Hi"})
    [line] = _lines(stream)
    assert json.loads(line)["event"] == "sent to alice@example.org"
    assert json.loads(line)["subject"] == "Hi"


def test_text_lines_are_readable_and_inert(restore_root: None) -> None:
    stream = io.StringIO()
    configure_logging("text", stream=stream)
    log = logging.getLogger("privacybot.test")
    bind_contextvars(message_id="<m2@example.org>")  # this test's own context
    log.info("subject \x1b]52;c;cm0=\x07 from dave@example.org", extra={"reference": "A-1"})
    [line] = _lines(stream)
    assert "\x1b" not in line
    assert "\x07" not in line
    assert "[info]" in line
    assert "[privacybot.test]" in line
    assert "from [address]" in line
    assert "reference=A-1" in line
    assert "message_id=<m2@example.org>" in line
    assert not line.startswith("{")


def test_configuring_again_replaces_the_handler(restore_root: None) -> None:
    first, second = io.StringIO(), io.StringIO()
    configure_logging("json", stream=first)
    configure_logging("text", stream=second)
    logging.getLogger("privacybot.test").info("once")
    assert first.getvalue() == ""
    assert _lines(second)[0].endswith("once [privacybot.test]")
    assert logging.getLogger("mail.log").level == logging.WARNING


def test_settings_read_the_format_and_pii(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (Settings().log_format, Settings().log_pii) == ("text", False)
    monkeypatch.setenv("PRIVACYBOT_LOG_FORMAT", "json")
    monkeypatch.setenv("PRIVACYBOT_LOG_PII", "1")
    assert (Settings().log_format, Settings().log_pii) == ("json", True)
    monkeypatch.setenv("PRIVACYBOT_LOG_FORMAT", "xml")
    with pytest.raises(ConfigError, match="PRIVACYBOT_LOG_FORMAT"):
        Settings()
