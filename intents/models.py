"""The values the intents package hands out: a read message and its classification.

Plain frozen pydantic models, so the service can store, log and compare them; nothing here
does any work.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

# The four rights the service acts on, in their canonical order.
RIGHTS_INTENTS: tuple[str, ...] = ("access", "erasure", "opt_out", "complaint")
# Rights that are reported but open no workflow of their own.
EXTRA_INTENTS: tuple[str, ...] = ("rectification", "portability", "objection")


class Attachment(BaseModel):
    """A part the sender attached: listed, never read."""

    model_config = ConfigDict(frozen=True)

    filename: str | None
    content_type: str
    size: int


class InboundMail(BaseModel):
    """Everything the service needs from one message, read defensively from its raw bytes."""

    model_config = ConfigDict(frozen=True)

    parsed: bool = True
    defects: list[str] = Field(default_factory=list)
    size: int = 0
    message_id: str | None = None
    in_reply_to: str | None = None
    references: list[str] = Field(default_factory=list)
    subject: str = ""
    from_address: str | None = None
    from_name: str = ""
    reply_to_address: str | None = None
    to_addresses: list[str] = Field(default_factory=list)
    date: datetime | None = None
    return_path: str | None = None
    language: str = "und"
    text: str = ""
    quoted: str = ""
    auto_reply: bool = False
    auto_reply_reasons: list[str] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)


class Evidence(BaseModel):
    """The words of the mail that made the classifier report an intent."""

    model_config = ConfigDict(frozen=True)

    intent: str
    text: str


class Classification(BaseModel):
    """What the sender asks for now.

    `intents` holds the four rights (RIGHTS_INTENTS order) the workflow acts on; `extras`
    holds other rights noticed (rectification, portability, objection) so they never change
    what the four-intent workflow does.
    """

    model_config = ConfigDict(frozen=True)

    intents: list[str] = Field(default_factory=list)
    extras: list[str] = Field(default_factory=list)
    scores: dict[str, float] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)
    language: str = "und"
    # The classifier failed (a defect, logged and counted in intents.failures.FAILURES): no
    # intent was read, and a person must look at the mail.
    needs_triage: bool = False
