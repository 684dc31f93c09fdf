"""The service's log lines: structlog's formatter on the standard library's root logger.

Every `logging` call in the code base goes through the same structlog processors, so call
sites stay plain `log.info("...", args)`; those that know which mail or ticket a line is
about say so with `extra={"reference": ...}` or by binding context for a whole task:

    with bound_contextvars(message_id=mail.message_id):
        ...                                  # every line logged in here carries it

`PRIVACYBOT_LOG_FORMAT=json` writes one JSON object a line (for a log shipper); the default
is one readable line, `2026-12-07T10:00:00Z info  privacybot.x: message key=value`.
Unless `PRIVACYBOT_LOG_PII=1`, addresses, subjects and tokens are scrubbed (redact.py).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import IO, Any, Literal

import structlog
from structlog.contextvars import bind_contextvars, bound_contextvars, merge_contextvars
from structlog.stdlib import ExtraAdder, ProcessorFormatter
from structlog.typing import Processor

from bot.observability.redact import redact_event

LogFormat = Literal["text", "json"]
# aiosmtpd logs every connection and command at INFO, Alembic every migration context.
NOISY = ("mail.log", "alembic")
_HANDLER_NAME = "privacybot"
# Control characters (but line feed and tab): a client's text must not drive the terminal.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

__all__ = ["LogFormat", "bind_contextvars", "bound_contextvars", "configure_logging",
           "log_formatter"]


def _no_formatter_attrs(logger: Any, method: str, event: MutableMapping[str, Any]
                        ) -> MutableMapping[str, Any]:
    # Another handler's Formatter may have formatted the record first and left these on it
    # (ExtraAdder would take them for extras): the message is already the event.
    event.pop("message", None)
    event.pop("asctime", None)
    return event


def _inert(logger: Any, method: str, event: MutableMapping[str, Any]
           ) -> MutableMapping[str, Any]:
    for key, value in event.items():
        if isinstance(value, str) and not key.startswith("_"):
            event[key] = _CONTROLS.sub("", value)
    return event


def log_formatter(fmt: LogFormat = "text", *, pii: bool = False) -> ProcessorFormatter:
    """A logging.Formatter rendering records as JSON or readable lines, redacted unless
    `pii`."""
    # Run on records from the standard library (every call site) before the processors.
    pre_chain: list[Processor] = [
        merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        ExtraAdder(),
        _no_formatter_attrs,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    processors: list[Processor] = [
        ProcessorFormatter.remove_processors_meta,
        structlog.processors.format_exc_info,  # before redaction: tracebacks quote values
    ]
    if not pii:
        processors.append(redact_event)
    if fmt == "json":
        processors.append(structlog.processors.JSONRenderer())
    else:
        processors.append(_inert)
        processors.append(structlog.dev.ConsoleRenderer(colors=False, pad_event_to=0,
                                                        pad_level=False))
    return ProcessorFormatter(processors=processors, foreign_pre_chain=pre_chain)


def configure_logging(fmt: LogFormat = "text", *, pii: bool = False,
                      level: int = logging.INFO, stream: IO[str] | None = None,
                      ) -> logging.Handler:
    """Put privacybot's handler on the root logger (replacing one put there before) and
    quieten the libraries that chatter at INFO; the handler, so a caller can remove it."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(log_formatter(fmt, pii=pii))
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in NOISY:
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler
