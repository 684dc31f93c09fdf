"""Where SQLAlchemy and driver errors become StorageErrors, so nothing above sees a driver.

The rule: a locked, gone or unreachable database is UnavailableError (the SMTP channel answers
451 and the sender retries); a unique-key or concurrent-change clash is ConflictError; a schema
that was never migrated says so; anything else is a plain StorageError. Messages never carry
SQL parameters (they may hold personal data) nor passwords.
"""

from __future__ import annotations

from sqlalchemy import exc as sa_exc

from storage.errors import ConflictError, StorageError, UnavailableError

# Fragments of driver messages (SQLite, asyncpg) that mean "try again later".
_UNAVAILABLE_HINTS = (
    "database is locked",
    "database table is locked",
    "unable to open database",
    "disk i/o error",
    "readonly database",
    "database or disk is full",
    "connection refused",
    "connection was closed",
    "connection is closed",
    "connection reset",
    "cannot connect",
    "could not connect",
    "does not exist",  # PostgreSQL: database dropped
    "terminating connection",
    "the database system is",  # starting up / shutting down
    "not currently accepting connections",  # PostgreSQL: ALLOW_CONNECTIONS false, or dropping
    "cannot connect now",
    "too many clients",
    "timeout",
    "timed out",
    "name or service not known",
    "temporary failure in name resolution",
)
_CONFLICT_HINTS = ("deadlock detected", "could not serialize", "lock not available")


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def describe(exc: BaseException) -> str:
    """The driver's own message, one line, without the SQL statement or its parameters."""
    orig = getattr(exc, "orig", None)
    source = orig if orig is not None else exc
    text = _first_line(str(source)) or type(source).__name__
    if isinstance(exc, sa_exc.StatementError) and orig is None:
        text = _first_line(str(exc).split("[SQL:")[0])
    return text


def translate(exc: BaseException, action: str = "database operation") -> StorageError:
    """The StorageError to raise (`from exc`) for a SQLAlchemy, driver or socket error."""
    if isinstance(exc, StorageError):
        return exc
    detail = describe(exc)
    lowered = detail.lower()
    if "no such table" in lowered or ("relation" in lowered and "does not exist" in lowered):
        return StorageError(
            f"{action} failed: the database schema is missing or old "
            f"(run `privacybot db upgrade`): {detail}"
        )
    if isinstance(exc, sa_exc.IntegrityError):
        return ConflictError(f"{action} failed: conflicts with stored data: {detail}")
    if any(hint in lowered for hint in _CONFLICT_HINTS):
        return ConflictError(f"{action} failed: concurrent change, try again: {detail}")
    if isinstance(exc, (OSError, ConnectionError, TimeoutError, sa_exc.TimeoutError,
                        sa_exc.DisconnectionError)):
        return UnavailableError(f"database unavailable: {detail}")
    if isinstance(exc, (sa_exc.OperationalError, sa_exc.InterfaceError)) or (
        isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated
    ):
        return UnavailableError(f"database unavailable: {detail}")
    if any(hint in lowered for hint in _UNAVAILABLE_HINTS):
        return UnavailableError(f"database unavailable: {detail}")
    return StorageError(f"{action} failed: {detail}")


# What `except` clauses at the boundary catch: the library's errors and the sockets under it.
TRANSLATED: tuple[type[BaseException], ...] = (
    sa_exc.SQLAlchemyError,
    OSError,
    ConnectionError,
    TimeoutError,
)
