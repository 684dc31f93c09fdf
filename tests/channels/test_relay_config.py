"""SMTP_RELAY_URL parsing: the shapes the docs promise, and clear errors without secrets."""

from __future__ import annotations

import pytest

from bot.channels.errors import RelayConfigError
from bot.channels.relay import parse_relay_url


def test_starttls_with_credentials() -> None:
    cfg = parse_relay_url("smtp://user%40corp:p%3Ass@mail.example.com:587?starttls=1")
    assert (cfg.host, cfg.port, cfg.username) == ("mail.example.com", 587, "user@corp")
    assert cfg.password is not None
    assert cfg.password.get_secret_value() == "p:ss"
    assert cfg.start_tls is True
    assert cfg.use_tls is False
    assert "p:ss" not in cfg.describe()
    assert "p:ss" not in repr(cfg)


def test_defaults_per_scheme() -> None:
    plain = parse_relay_url("smtp://relay.local")
    assert (plain.port, plain.start_tls, plain.use_tls) == (25, None, False)
    tls = parse_relay_url("smtps://u:p@relay.local")
    assert (tls.port, tls.use_tls, tls.start_tls) == (465, True, False)
    assert parse_relay_url("smtp://h?starttls=1").port == 587
    assert parse_relay_url("smtp://h:2525?verify=0&timeout=2.5").validate_certs is False
    assert parse_relay_url("smtp://h:2525?timeout=2.5").timeout == 2.5


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://h", "must start with smtp://"),
        ("smtp://", "no host"),
        ("smtp://h:99999", "bad port"),
        ("smtp://h?starttls=maybe", "starttls='maybe'"),
        ("smtps://h?starttls=1", "exclude each other"),
        ("smtp://h?timeout=x", "timeout must be a number"),
        ("smtp://h?timeout=-1", "timeout must be positive"),
    ],
)
def test_bad_urls_are_clear(url: str, message: str) -> None:
    with pytest.raises(RelayConfigError, match=message):
        parse_relay_url(url)


def test_error_never_shows_the_password() -> None:
    with pytest.raises(RelayConfigError) as info:
        parse_relay_url("smtp://user:secretpw@h?starttls=2")
    assert "secretpw" not in str(info.value)
