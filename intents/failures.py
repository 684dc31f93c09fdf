"""Failures the package survives, logged and counted where the caller can read them.

Reading and classifying never raise (a mail must never be lost to a parser), so the guards
that keep that promise must not hide a defect either: each failure a guard catches beyond
the malformed input it expects is logged with its traceback and counted per site in
`FAILURES`, which the service can export and the tests check stays at zero.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from email.errors import MessageError

log = logging.getLogger("intents")

# What the email package raises on malformed mail rather than noting a defect: header and
# MIME parse errors, bad encodings and charsets (ValueError covers UnicodeError and
# binascii.Error; LookupError an unknown codec), and the IndexError, TypeError and
# AttributeError its header parser is known to raise on some broken headers.
MALFORMED: tuple[type[Exception], ...] = (
    MessageError, ValueError, LookupError, IndexError, TypeError, AttributeError,
)


class FailureCounter:
    """How many times each guarded step failed in this process, and the log line for each."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # the intake classifies on executor threads
        self._counts: Counter[str] = Counter()

    def record(self, site: str, exc: BaseException) -> None:
        """Count one failure at `site` and log it. The mail is not logged: only the
        exception's type and traceback, which name our code, not the sender's words."""
        with self._lock:
            self._counts[site] += 1
        log.error("intents: %s failed with %s; the mail goes on without it", site,
                  type(exc).__name__, exc_info=(type(exc), exc, exc.__traceback__))

    def counts(self) -> dict[str, int]:
        """Failures so far, per site."""
        with self._lock:
            return dict(self._counts)

    def total(self) -> int:
        with self._lock:
            return sum(self._counts.values())


FAILURES = FailureCounter()
