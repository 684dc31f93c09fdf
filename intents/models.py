"""The values the intents package hands out: a read message and its classification.

Plain frozen pydantic models, so the service can store, log and compare them; nothing here
does any work.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

# The four intents the service began with and the evaluation sets label and score.
CORE_INTENTS: tuple[str, ...] = ("access", "erasure", "opt_out", "complaint")
# The other rights a data subject has (GDPR Art. 16, 18, 20, 21, 22 and 7(3)). An objection
# to direct marketing and a withdrawal of marketing consent stay `opt_out`.
NEW_RIGHTS_INTENTS: tuple[str, ...] = (
    "rectification", "restriction", "portability", "objection", "automated_decision",
    "consent_withdrawal",
)
# Every intent a ticket may carry, in canonical order.
RIGHTS_INTENTS: tuple[str, ...] = CORE_INTENTS + NEW_RIGHTS_INTENTS
# Rights noticed but acted on by no workflow: none any more (every right is an intent); kept
# so that callers reading `Classification.extras` keep working.
EXTRA_INTENTS: tuple[str, ...] = ()


class Attachment(BaseModel):
    """A part the sender attached: listed, never read."""

    model_config = ConfigDict(frozen=True)

    filename: str | None
    content_type: str
    size: int


class ForwardedMail(BaseModel):
    """A message forwarded inside another one (inline under a forward header, or attached):
    who wrote it, its subject, and its writer's own words (its quotes, signature and footers
    cut off as for any mail). `bulk` when those words end with a mailing list's footer."""

    model_config = ConfigDict(frozen=True)

    from_name: str = ""
    from_address: str | None = None
    subject: str = ""
    text: str = ""
    bulk: bool = False


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
    # The original sender when the intents come from another person's mail forwarded in this
    # one ("a colleague forwards a client's request"): the request is theirs. None otherwise,
    # or when the forward names no address (then only `forwarded_from_name` says who).
    forwarded_from: str | None = None
    forwarded_from_name: str = ""
    # The mail is in a language the classifier has no rules for: it was not guessed at, its
    # intents are empty and it goes to triage.
    language_not_read: bool = False
    text: str = ""
    quoted: str = ""
    auto_reply: bool = False
    auto_reply_reasons: list[str] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    # Messages forwarded in this one, outermost (newest) first; read by classify only when the
    # sender's own words ask nothing else (intents/forwards.py).
    forwards: list[ForwardedMail] = Field(default_factory=list)


class Evidence(BaseModel):
    """The words of the mail that made the classifier report an intent."""

    model_config = ConfigDict(frozen=True)

    intent: str
    text: str


class Classification(BaseModel):
    """What the sender asks for now.

    `intents` holds the rights asked for, in RIGHTS_INTENTS order; `scores` has every one of
    them. `extras` is always empty now that every right is an intent (kept for callers).
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
    # The original sender when the intents come from another person's mail forwarded in this
    # one ("a colleague forwards a client's request"): the request is theirs. None otherwise,
    # or when the forward names no address (then only `forwarded_from_name` says who).
    forwarded_from: str | None = None
    forwarded_from_name: str = ""
    # The mail is in a language the classifier has no rules for: it was not guessed at, its
    # intents are empty and it goes to triage.
    language_not_read: bool = False
