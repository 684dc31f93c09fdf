"""The one place that reads the environment: privacybot's settings.

Everything else receives a Settings (or the parts of it that it needs) as an argument.
Reading happens when `Settings()` is constructed, never at import time.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import ConfigError

DEFAULT_CONFIG = Path(__file__).parent / "defaults" / "organisations.toml"
MEGABYTE = 1024 * 1024
# Values never repeated in an error: they may hold a password or a token.
_SECRET_WORDS = ("secret", "token", "url", "key")


def _user_cache() -> Path:
    """privacybot's folder in the user's cache (XDG_CACHE_HOME, or ~/.cache)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "privacybot"


class Settings(BaseSettings):
    """Service configuration from the environment (and CLI flags, which override it)."""

    model_config = SettingsConfigDict(env_prefix="PRIVACYBOT_", extra="ignore", frozen=True)

    data_dir: Path = Path("./data")
    # PRIVACYBOT_EMBEDDINGS_DIR: where policies' sentence embeddings are kept between runs;
    # by default the user's cache folder, shared by every data dir.
    embeddings_dir: Path = Field(default_factory=lambda: _user_cache() / "embeddings")
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "PRIVACYBOT_DATABASE_URL")
    )
    config_path: Path = Field(
        default=DEFAULT_CONFIG, validation_alias=AliasChoices("PRIVACYBOT_CONFIG")
    )
    # Keys HMACs (verification codes, our Message-IDs, unsubscribe tokens). When unset, the
    # service keeps a random one in the data dir so that a restart does not void sent links.
    secret_key: SecretStr | None = None

    smtp_host: str = "127.0.0.1"
    smtp_port: int = Field(default=8025, ge=0, le=65535)  # 0: any free port (tests)
    http_host: str = "127.0.0.1"
    http_port: int = Field(default=3000, ge=0, le=65535)
    public_url: str | None = None  # base of links in mails; defaults to http://host:port
    # How long the link to a requester's access pack works (`tickets export --send`).
    pack_link_days: int = Field(default=7, ge=1, le=90)
    max_message_bytes: int = Field(default=25 * MEGABYTE, gt=0)
    # Mail data the SMTP intake holds in memory at once; past it, large mails get "451 try
    # later" (bot/channels/smtp_budget.py). Default: four messages of max_message_bytes.
    smtp_data_budget_bytes: int | None = Field(default=None, gt=0)
    # serve sets glibc's malloc for big mail (bot/memory.py); 0 leaves glibc's own settings.
    malloc_tuning: bool = True
    smtp_relay_url: str | None = Field(
        default=None, validation_alias=AliasChoices("SMTP_RELAY_URL", "PRIVACYBOT_SMTP_RELAY_URL")
    )

    slack_bot_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_BOT_TOKEN")
    )
    slack_signing_secret: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_SIGNING_SECRET")
    )
    slack_app_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_APP_TOKEN")
    )
    slack_api_url: str | None = Field(default=None, validation_alias=AliasChoices("SLACK_API_URL"))

    # Logs: readable lines ("text") or one JSON object a line ("json", for a log shipper).
    # Addresses, subjects and tokens are scrubbed from them unless log_pii (a developer's
    # own machine): log lines travel further than the database does.
    log_format: Literal["text", "json"] = "text"
    log_pii: bool = False
    # A process without the http part (`serve --only smtp|worker`) serves /metrics and
    # /healthz on this port when set: its counters exist in that process only.
    metrics_port: int | None = Field(default=None, ge=0, le=65535)

    def __init__(self, **values: Any) -> None:
        """Read the environment; a bad value is a ConfigError of one line naming the variable
        (pydantic's own report spans several lines and names the field, not the variable)."""
        try:
            super().__init__(**values)
        except ValidationError as exc:
            raise ConfigError(_one_line(exc)) from None

    @property
    def effective_database_url(self) -> str:
        """DATABASE_URL when set, else the embedded SQLite file under the data dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'privacybot.db').resolve()}"

    @property
    def outbox_dir(self) -> Path:
        """Where outbound mail is written as .eml files when no relay is set."""
        return self.data_dir / "outbox"

    @property
    def effective_public_url(self) -> str:
        return (self.public_url or f"http://{self.http_host}:{self.http_port}").rstrip("/")

    def with_overrides(self, **values: object) -> Settings:
        """A copy with CLI flags applied; None means 'not given'."""
        given = {key: value for key, value in values.items() if value is not None}
        return self.model_copy(update=given) if given else self


def variable_name(field: str) -> str:
    """The environment variable a setting is read from: "smtp_port" -> PRIVACYBOT_SMTP_PORT,
    "database_url" -> DATABASE_URL (its first alias)."""
    info = Settings.model_fields.get(field)
    alias = info.validation_alias if info is not None else None
    if isinstance(alias, AliasChoices) and isinstance(alias.choices[0], str):
        return alias.choices[0]
    if info is None:
        return field.upper()
    return f"PRIVACYBOT_{field.upper()}"


def _one_line(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else "?"
        name = variable_name(field)
        problem = f"{name}: {error['msg'].rstrip('.').lower()}"
        if not any(word in name.lower() for word in _SECRET_WORDS):
            problem += f" (got {str(error.get('input'))[:40]!r})"
        problems.append(problem)
    return "bad setting " + "; ".join(problems)
