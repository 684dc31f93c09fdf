"""Driver errors become the right StorageError: what the SMTP channel's 451 depends on."""

from __future__ import annotations

import pytest
from sqlalchemy import exc as sa_exc

from storage.boundary import translate
from storage.errors import ConflictError, StorageError, UnavailableError


class _DriverError(Exception):
    """Stands in for a driver's exception class, as SQLAlchemy wraps it in `.orig`."""


def _wrapped(message: str, kind: type[sa_exc.DBAPIError] = sa_exc.DBAPIError) -> Exception:
    return kind("SELECT 1", {"secret": "ann@example.org"}, _DriverError(message))


@pytest.mark.parametrize(
    "message",
    [
        'database "pb" is not currently accepting connections',
        "database is locked",
        "the database system is shutting down",
        'database "gone" does not exist',
        "sorry, too many clients already",
    ],
)
def test_try_again_later_errors_are_unavailable(message: str) -> None:
    error = translate(_wrapped(message))
    assert isinstance(error, UnavailableError)
    assert "ann@example.org" not in str(error)


def test_unique_violation_is_a_conflict() -> None:
    error = translate(_wrapped("duplicate key value", sa_exc.IntegrityError))
    assert isinstance(error, ConflictError)


def test_unknown_failure_is_a_plain_storage_error_without_parameters() -> None:
    error = translate(_wrapped("value too long for type character varying(5)"))
    assert type(error) is StorageError
    assert "value too long" in str(error)
    assert "ann@example.org" not in str(error)


def test_missing_schema_says_to_upgrade() -> None:
    error = translate(_wrapped('relation "tickets" does not exist'))
    assert "privacybot db upgrade" in str(error)
