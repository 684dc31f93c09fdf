"""intents: raw RFC 5322 bytes -> InboundMail (clean text, language, auto-reply flags)
-> Classification (intents, scores, evidence); and whether a reply denies having made a
request (`find_denial`). Pure: no I/O, nothing read at import time."""

from intents.classifier import classify
from intents.denial import Denial, denies_request, find_denial
from intents.models import (
    CORE_INTENTS,
    EXTRA_INTENTS,
    NEW_RIGHTS_INTENTS,
    RIGHTS_INTENTS,
    Attachment,
    Classification,
    Evidence,
    InboundMail,
)
from intents.reader import read_message

__all__ = [
    "CORE_INTENTS",
    "EXTRA_INTENTS",
    "NEW_RIGHTS_INTENTS",
    "RIGHTS_INTENTS",
    "Attachment",
    "Classification",
    "Denial",
    "Evidence",
    "InboundMail",
    "classify",
    "denies_request",
    "find_denial",
    "read_message",
]
