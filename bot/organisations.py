"""The organisations file: whom privacybot serves and how each wants its work done.

Each organisation's legal setting follows its `jurisdiction` (ISO 3166 alpha-2): the bank
holidays that move its due dates (with `subdivision` where a country has several calendars;
England's for GB unless another is given) and the supervisory authority its replies name
(bot.authorities: its own `[organisation.authority]` table, else the jurisdiction's default).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.authorities import Authority, default_authorities, default_for
from bot.errors import ConfigError, UnknownOrganisationError
from bot.workflow.addresses import InvalidAddressError, clean_address
from bot.workflow.retention import parse_period

# -- Retention (privacybot's own data): how long each kind it holds is kept --------------------
# Periods read "3 years", "18 months", "90 days" (bot.workflow.retention); the defaults are
# the shipped policies' figure for correspondence, see docs/accountability.md.


class Retention(BaseModel):
    """How long privacybot keeps what it holds for an organisation, kind by kind."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    raw_mail: str = "3 years"              # the mail as received and as sent (messages)
    message_bodies: str = "3 years"        # the text and subject kept to read mail
    outbox_copies: str = "3 years"         # the copy of each mail sent (outbox)
    staff_questions: str = "1 year"        # what the team asked in Slack
    ticket_personal_data: str = "3 years"  # names, addresses, subjects, words in the history
    # After an erasure request is done, its requester's data in privacybot goes after this.
    erasure_grace: str = "30 days"

    @field_validator("*")
    @classmethod
    def _period(cls, value: str) -> str:
        try:
            parse_period(value)
        except ConfigError as exc:  # pydantic reports ValueErrors, with the field's name
            raise ValueError(str(exc)) from None
        return value


# -- Systems (the fulfilment checklist): where the organisation keeps personal data -----------


class System(BaseModel):
    """One system an access or erasure request must be carried out in (bot.workflow.checklist)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    owner: str = ""      # the Slack user id of whoever searches or erases it
    access: str = ""     # what to do for an access request
    erasure: str = ""    # what to do for an erasure request
    processor: str = ""  # the address of a processor that holds the data, if one does

    @field_validator("processor")
    @classmethod
    def _processor_address(cls, value: str) -> str:
        """Erasures, restrictions and rectifications are told to it by mail
        (bot.workflow.recipients): an address that cannot be mailed is refused at load."""
        if not value.strip():
            return ""
        try:
            return clean_address(value)
        except InvalidAddressError as exc:
            raise ValueError(f"processor must be an email address: {exc}") from None

# Great Britain has three bank-holiday calendars; an organisation that names none gets
# England's. Elsewhere no subdivision means the country's national calendar.
DEFAULT_SUBDIVISIONS = {"GB": "ENG"}


class Organisation(BaseModel):
    """One organisation: its privacy mailbox, its policy and its workflow preferences."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,31}$")
    name: str
    privacy_address: str
    policy: Path
    reference_prefix: str = Field(pattern=r"^[A-Z]{2,5}$")
    jurisdiction: str = Field(default="GB", pattern=r"^[A-Z]{2}$")
    subdivision: str | None = None
    # The language the organisation writes in to others than requesters (the notices to its
    # processors, bot.workflow.recipients): ISO 639-1; English where it has no template.
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")
    # Filled from the jurisdiction's default when the file gives none (see _legal_setting).
    authority: Authority
    # The organisation's own way to complain, quoted in complaint acknowledgements before the
    # authority (e.g. "Write to our Data Protection Officer first: dpo@example.org"). Empty:
    # none. The policy's complaint section is only suggested at start-up (bot.desk.routes),
    # for the team to confirm here: a search never puts words in a legal notice by itself.
    complaint_route: str = ""
    plus_addressing: bool = True
    manual_identity_check: bool = False
    verification_ttl_hours: int = 72
    verification_max_attempts: int = 5
    unverified_reminder_days: int = 7
    unverified_close_days: int = 30
    max_auto_replies_per_day: int = 5
    slack_channel: str = ""
    team_members: tuple[str, ...] = ()
    team_usergroup: str = ""
    # Slack channel id -> answers there are scoped to this organisation.
    slack_question_channels: tuple[str, ...] = ()
    # Retention of privacybot's own data, and the systems of the checklist (the blocks above).
    retention: Retention = Retention()
    systems: tuple[System, ...] = ()

    @field_validator("systems")
    @classmethod
    def _unique_systems(cls, value: tuple[System, ...]) -> tuple[System, ...]:
        names = [system.name.strip().lower() for system in value]
        if len(set(names)) != len(names):
            raise ValueError("each system needs a name of its own")
        return value

    @model_validator(mode="before")
    @classmethod
    def _legal_setting(cls, data: Any) -> Any:
        """The jurisdiction's defaults for what the entry leaves out: the subdivision (GB
        only) and the supervisory authority (where bot/defaults/authorities.toml has one)."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        jurisdiction = str(data.get("jurisdiction") or "GB").strip().upper()
        data["jurisdiction"] = jurisdiction
        if "subdivision" not in data and jurisdiction in DEFAULT_SUBDIVISIONS:
            data["subdivision"] = DEFAULT_SUBDIVISIONS[jurisdiction]
        if data.get("authority") is None:
            found = default_for(jurisdiction)
            if found is not None:
                data["authority"] = found
        return data

    @field_validator("privacy_address")
    @classmethod
    def _lower_address(cls, value: str) -> str:
        value = value.strip().lower()
        if "@" not in value:
            raise ValueError("privacy_address must be an email address")
        return value

    @field_validator("subdivision")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None


class Organisations(BaseModel):
    """All configured organisations, looked up by id or by privacy address."""

    model_config = ConfigDict(frozen=True)

    items: tuple[Organisation, ...]

    def get(self, org_id: str) -> Organisation:
        for org in self.items:
            if org.id == org_id:
                return org
        known = ", ".join(org.id for org in self.items)
        raise UnknownOrganisationError(f"unknown organisation {org_id!r} (known: {known})")

    def by_address(self, address: str) -> Organisation | None:
        wanted = address.strip().lower()
        return next((org for org in self.items if org.privacy_address == wanted), None)

    def by_channel(self, channel_id: str) -> Organisation | None:
        return next(
            (org for org in self.items
             if channel_id and (channel_id == org.slack_channel
                                or channel_id in org.slack_question_channels)),
            None,
        )


def load_organisations(path: Path) -> Organisations:
    """Read the TOML organisations file; policy paths become absolute, relative to the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"organisations file not found: {path}") from exc
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read organisations file {path}: {exc}") from exc
    entries = data.get("organisation", [])
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path}: no [[organisation]] entries")
    for entry in entries:
        _require_authority(path, entry)
    try:
        orgs = tuple(
            Organisation.model_validate({**entry, "policy": path.parent / entry.get("policy", "")})
            for entry in entries
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"{path}: organisation {where}: {first['msg']}") from exc
    # Each of these keys routes mail or names tickets: a repeat would send one organisation's
    # requests to another, or make every reference of the second clash with the first.
    for key in ("id", "privacy_address", "reference_prefix"):
        values = [getattr(org, key) for org in orgs]
        repeated = sorted({value for value in values if values.count(value) > 1})
        if repeated:
            raise ConfigError(f"{path}: organisation {key} must be unique: "
                              f"{', '.join(repeated)} is used more than once")
    return Organisations(items=orgs)


def _require_authority(path: Path, entry: object) -> None:
    """Refuse, in one line that says what to add, an organisation whose replies could not
    name the regulator its requesters may complain to."""
    if not isinstance(entry, dict) or entry.get("authority") is not None:
        return
    jurisdiction = str(entry.get("jurisdiction") or "GB").strip().upper()
    if default_for(jurisdiction) is not None:
        return
    known = ", ".join(sorted(default_authorities()))
    raise ConfigError(
        f"{path}: organisation {entry.get('id', '?')!r} has no supervisory authority for "
        f"jurisdiction {jurisdiction!r}: add an [organisation.authority] table with name, "
        f"address and complaint_url (defaults exist for {known})")
