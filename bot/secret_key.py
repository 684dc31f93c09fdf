"""The service's HMAC key: from settings, or a random one kept in the data dir.

Verification codes, our own Message-IDs and unsubscribe links are keyed with it, so it must
survive restarts; a generated key is written once with owner-only permissions.
"""

from __future__ import annotations

import os
import secrets

from bot.errors import ConfigError
from bot.settings import Settings

KEY_FILE = "secret.key"


def resolve_secret_key(settings: Settings) -> bytes:
    """The configured key, else the data dir's key file, created on first use."""
    if settings.secret_key is not None:
        value = settings.secret_key.get_secret_value().encode()
        if len(value) < 16:
            raise ConfigError("PRIVACYBOT_SECRET_KEY must be at least 16 characters")
        return value
    path = settings.data_dir / KEY_FILE
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return path.read_bytes().strip()
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
        return path.read_bytes().strip()
    except OSError as exc:
        raise ConfigError(f"cannot read or create the secret key at {path}: {exc}") from exc
