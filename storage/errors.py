"""The storage package's errors: every database failure leaves here as a StorageError."""


class StorageError(Exception):
    """The database could not do what was asked."""


class NotFoundError(StorageError):
    """No row has that key (an unknown ticket reference, say)."""


class ConflictError(StorageError):
    """The write clashes with what is stored (a unique key, a concurrent change)."""


class UnavailableError(StorageError):
    """The database is locked, gone or unreachable; the caller may retry later."""


class InvalidValueError(StorageError):
    """A value cannot be stored as given (a naive datetime, an unknown channel name)."""
