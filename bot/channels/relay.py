"""SMTP_RELAY_URL, parsed: where and how outbound mail is handed over.

`smtp://user:pass@host:587?starttls=1` (STARTTLS, required), `smtp://host:25` (STARTTLS when
offered), `smtps://user:pass@host` (implicit TLS, port 465). `verify=0` accepts a relay's
self-signed certificate (a test relay on the same host); `timeout=` is in seconds.
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from pydantic import BaseModel, ConfigDict, SecretStr

from bot.channels.errors import RelayConfigError

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class RelayConfig(BaseModel):
    """Connection parameters for aiosmtplib, from the relay URL."""

    model_config = ConfigDict(frozen=True)

    host: str
    port: int
    username: str | None = None
    password: SecretStr | None = None
    use_tls: bool = False
    # None: upgrade when the relay offers STARTTLS; True: require it; False: never.
    start_tls: bool | None = None
    validate_certs: bool = True
    timeout: float = 60.0

    def describe(self) -> str:
        """host:port and the TLS mode, never the credentials (for the startup log line)."""
        mode = "tls" if self.use_tls else {True: "starttls", False: "plain", None: "starttls?"}[
            self.start_tls]
        return f"smtp relay {self.host}:{self.port} ({mode})"


def _flag(query: dict[str, list[str]], name: str, url_hint: str) -> bool | None:
    values = query.get(name)
    if not values:
        return None
    value = values[-1].strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise RelayConfigError(f"SMTP_RELAY_URL {url_hint}: {name}={value!r} is not 0 or 1")


def parse_relay_url(url: str) -> RelayConfig:
    """A RelayConfig, or RelayConfigError saying what is wrong (credentials never echoed)."""
    parts = urlsplit(url.strip())
    hint = f"{parts.scheme}://{parts.hostname or ''}"
    if parts.scheme not in ("smtp", "smtps"):
        raise RelayConfigError(
            f"SMTP_RELAY_URL must start with smtp:// or smtps://, not {parts.scheme or '?'}://")
    if not parts.hostname:
        raise RelayConfigError("SMTP_RELAY_URL has no host")
    try:
        port = parts.port
    except ValueError as exc:
        raise RelayConfigError(f"SMTP_RELAY_URL {hint}: bad port") from exc
    query = parse_qs(parts.query)
    use_tls = parts.scheme == "smtps"
    start_tls = _flag(query, "starttls", hint)
    if use_tls and start_tls:
        raise RelayConfigError(f"SMTP_RELAY_URL {hint}: smtps:// and starttls=1 exclude each other")
    if use_tls:
        start_tls = False
    verify = _flag(query, "verify", hint)
    timeout = 60.0
    if "timeout" in query:
        try:
            timeout = float(query["timeout"][-1])
        except ValueError as exc:
            raise RelayConfigError(f"SMTP_RELAY_URL {hint}: timeout must be a number") from exc
        if timeout <= 0:
            raise RelayConfigError(f"SMTP_RELAY_URL {hint}: timeout must be positive")
    default_port = 465 if use_tls else (587 if start_tls else 25)
    return RelayConfig(
        host=parts.hostname,
        port=port or default_port,
        username=unquote(parts.username) if parts.username else None,
        password=SecretStr(unquote(parts.password)) if parts.password else None,
        use_tls=use_tls,
        start_tls=start_tls,
        validate_certs=verify is not False,
        timeout=timeout,
    )
