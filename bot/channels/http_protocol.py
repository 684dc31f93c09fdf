"""aiohttp's protocol layer, for requests that never reach a handler.

A request line or header field over aiohttp's limit (8190 octets), a malformed request line,
a bad chunked body: aiohttp answers 400 and closes, which is right, but logs each with a
full traceback as if it were our bug. Anyone on the network can send those, so they get one
warning line saying what was refused; everything else aiohttp reports keeps its traceback.
Pass RUNNER_OPTIONS to web.AppRunner.
"""

from __future__ import annotations

import logging
from typing import Any

from aiohttp.http_exceptions import HttpProcessingError

# The logger aiohttp's request handler uses by default (aiohttp.web_log.server_logger).
_AIOHTTP_SERVER = logging.getLogger("aiohttp.server")


class _ProtocolLog(logging.Logger):
    """aiohttp.server's log, with a client's malformed request as one line, no traceback."""

    def __init__(self) -> None:
        super().__init__(_AIOHTTP_SERVER.name)
        self.parent = _AIOHTTP_SERVER

    # Not registered with the logging manager: aiohttp.server's level (as it is now, not as
    # it was when this was made), filters and handlers decide, as for aiohttp's own records.
    def isEnabledFor(self, level: int) -> bool:
        return _AIOHTTP_SERVER.isEnabledFor(level)

    def handle(self, record: logging.LogRecord) -> None:
        _AIOHTTP_SERVER.handle(record)

    def exception(self, msg: object, *args: object, exc_info: Any = True,
                  **kwargs: Any) -> None:
        if isinstance(exc_info, HttpProcessingError):
            # What was wrong, without the client's bytes aiohttp quotes after it.
            reason = " ".join(str(exc_info.message).split()).split(": b", 1)[0]
            self.warning("http: answered %s to a malformed request (%s): %s: %s",
                         exc_info.code, str(msg) % args if args else msg,
                         type(exc_info).__name__, reason[:120])
            return
        super().exception(msg, *args, exc_info=exc_info, **kwargs)


RUNNER_OPTIONS: dict[str, Any] = {"logger": _ProtocolLog()}
