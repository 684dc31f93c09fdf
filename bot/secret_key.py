"""The service's HMAC key: from settings, or a random one kept in the data dir.

Verification codes, our own Message-IDs and unsubscribe links are keyed with it, so it must
survive restarts and be the same in every process that shares the database. A generated key
is only safe with the embedded default (one data dir, one SQLite file); with a shared
database (DATABASE_URL) each process could make its own, so the key must be configured.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile

from bot.errors import ConfigError
from bot.settings import Settings

KEY_FILE = "secret.key"
MIN_KEY_LENGTH = 16


def resolve_secret_key(settings: Settings) -> bytes:
    """The configured key, else the data dir's key file, created on first use."""
    if settings.secret_key is not None:
        value = settings.secret_key.get_secret_value().encode()
        if len(value) < MIN_KEY_LENGTH:
            raise ConfigError(
                f"PRIVACYBOT_SECRET_KEY must be at least {MIN_KEY_LENGTH} characters")
        return value
    if not settings.effective_database_url.startswith("sqlite"):
        raise ConfigError(
            "set PRIVACYBOT_SECRET_KEY: with a shared database (DATABASE_URL) every process "
            "must sign links and Message-IDs with the same key")
    return _data_dir_key(settings)


def _data_dir_key(settings: Settings) -> bytes:
    path = settings.data_dir / KEY_FILE
    try:
        # Private from the start: it holds the key, the database and the outbox.
        settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not path.exists():
            # Written whole under a temporary name and linked into place, so that a process
            # starting at the same moment never reads a half-written key; the first link wins.
            fd, temp = tempfile.mkstemp(dir=settings.data_dir, prefix=".secret-")
            try:
                with os.fdopen(fd, "w") as handle:
                    handle.write(secrets.token_hex(32))
                with contextlib.suppress(FileExistsError):
                    os.link(temp, path)
            finally:
                os.unlink(temp)
        key = path.read_bytes().strip()
    except OSError as exc:
        raise ConfigError(f"cannot read or create the secret key at {path}: {exc}") from exc
    if len(key) < MIN_KEY_LENGTH:
        raise ConfigError(f"the secret key at {path} is too short; delete it to make a new one")
    return key
