"""The SQLite file a Database opened, and whether it is still the one at its path.

A SQLite connection holds its file open, so when the file is deleted (or another file is moved
into its place) while the service runs, every write still "commits", into a file nobody will
ever open again: the mails answered 250 are lost at the next restart. So the Database notes
the file's identity (device and inode) when it opens it, and after each write transaction
commits it checks that the path still names that same file (and, in WAL mode, that the WAL
file the commit went into is still there). If not, the commit does not count: the caller gets
UnavailableError (the SMTP intake answers 451 and the sender retries).

The check after the commit is the one that matters: a commit that landed in the file the path
still names is in the database, whatever happens to the file afterwards. It costs two stat
calls (a few microseconds) per write transaction.

A file is only ever created on purpose: `create_empty` (for `db upgrade` and `serve`); the
connections themselves open with `mode=rw`, so a vanished file is never silently replaced by
a new empty database.
"""

from __future__ import annotations

import os
import urllib.parse
from dataclasses import dataclass

from storage.errors import StorageError, UnavailableError

GONE = ("the database file was removed or replaced while the service ran; "
        "restore it and restart the service")


@dataclass(frozen=True)
class FileIdentity:
    """Which file a path named when the database was opened."""

    device: int
    inode: int
    wal: bool  # the WAL file existed: in WAL mode, every commit must find it still there


def uri(path: str) -> str:
    """The URI that opens an existing database read-write and never creates one."""
    return f"file:{urllib.parse.quote(path)}?mode=rw"


def create_empty(path: str) -> None:
    """Create the (empty, owner-only) database file unless it exists; an empty file is an
    empty SQLite database. Its folder must exist."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)


def require(path: str) -> None:
    """StorageError in one line when there is no database file at `path`."""
    if not os.path.isfile(path):
        raise StorageError(
            f"no database at {path}: `privacybot db upgrade` (or `privacybot serve`) "
            f"creates one; check --data-dir or DATABASE_URL")


def identify(path: str) -> FileIdentity:
    """The identity of the file at `path` now (OSError if there is none)."""
    found = os.stat(path)
    return FileIdentity(found.st_dev, found.st_ino, os.path.exists(f"{path}-wal"))


def same_file(path: str, expected: FileIdentity) -> None:
    """UnavailableError unless `path` still names the file that was opened."""
    try:
        found = os.stat(path)
    except OSError as exc:
        raise UnavailableError(f"database unavailable: {GONE}") from exc
    if (found.st_dev, found.st_ino) != (expected.device, expected.inode):
        raise UnavailableError(f"database unavailable: {GONE}")


def check(path: str, expected: FileIdentity) -> FileIdentity:
    """`same_file`, just after a commit, and the WAL file must be there. Returns the identity
    to expect next time: once a commit has seen the WAL file, every later one must (the
    committing connection keeps it from being removed; between commits, with every
    connection closed, SQLite may remove it itself)."""
    same_file(path, expected)
    wal = os.path.exists(f"{path}-wal")
    if expected.wal and not wal:
        raise UnavailableError(f"database unavailable: {GONE}")
    return expected if wal == expected.wal else FileIdentity(expected.device, expected.inode, wal)


def writable_problem(path: str) -> str | None:
    """Why this process could not open the file for writing now (read-only, immutable), or
    None. Open connections may still write; a new one (or a restart) could not."""
    if not os.access(path, os.W_OK):
        return "the database file is read-only (permissions or immutable flag)"
    folder = os.path.dirname(path) or "."
    if not os.access(folder, os.W_OK | os.X_OK):
        return "the database folder is read-only (SQLite keeps its WAL and locks there)"
    return None
