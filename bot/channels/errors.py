"""Errors of the channels: outbound delivery outcomes and bad relay configuration."""

from __future__ import annotations

from bot.errors import BotError, ConfigError


class RelayConfigError(ConfigError):
    """SMTP_RELAY_URL cannot be understood."""


class DeliveryError(BotError):
    """An outbound message could not be handed over."""


class TemporaryDeliveryError(DeliveryError):
    """The relay or the disk failed in a way that may pass: retry later."""


class PermanentDeliveryError(DeliveryError):
    """The relay refused the message for good (5xx) or the message is unusable."""
