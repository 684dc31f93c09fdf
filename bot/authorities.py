"""The data protection supervisory authority each organisation's requesters may complain to.

Replies that tell a requester of their right to complain name the authority and say how to
reach it. Which authority is a legal fact of the organisation's jurisdiction, so it comes
from configuration: the organisation's own `[organisation.authority]` table, else the default
for its `jurisdiction` in bot/defaults/authorities.toml. There is no fallback beyond that:
an organisation with neither is refused at start-up rather than sent to the wrong regulator.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.errors import ConfigError

DEFAULTS = Path(__file__).parent / "defaults" / "authorities.toml"


class Authority(BaseModel):
    """One regulator: its name, initials and the ways a complaint reaches it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=2)
    short_name: str = ""
    address: str = ""
    complaint_url: str = Field(min_length=4)
    telephone: str = ""

    @property
    def title(self) -> str:
        """How the texts name it: "Data Protection Commission (DPC)"."""
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    @property
    def contact(self) -> str:
        """Its details, without its name: address; complaint page ; telephone.

        The space before the semicolon after the address of the page keeps mail clients from
        taking the semicolon into the link."""
        parts = [part for part in (self.address, f"{self.complaint_url} ") if part.strip()]
        text = "; ".join(parts)
        if self.telephone:
            text += f"; telephone {self.telephone}"
        return text.strip()


@lru_cache(maxsize=4)
def _read_defaults(path: Path) -> Mapping[str, Authority]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found = {key.upper(): Authority.model_validate(value) for key, value in data.items()}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError,
            AttributeError) as exc:
        raise ConfigError(f"cannot read the default authorities {path}: {exc}") from exc
    return MappingProxyType(found)


def default_authorities(path: Path = DEFAULTS) -> Mapping[str, Authority]:
    """Jurisdiction (ISO 3166 alpha-2, upper case) -> its authority, as shipped."""
    return _read_defaults(path)


def default_for(jurisdiction: str) -> Authority | None:
    """The shipped authority of a jurisdiction, or None when there is none."""
    return default_authorities().get(jurisdiction.strip().upper())
