"""Casual requests read from their parts: messages to the sender (`nouns["mail"]`: "the
emails", "whatsapp msgs") are stopped, an opt-out, never erased; casual request cues
("pls", "svp") and the everyday things a studio holds of a person (videos, clips,
drawings) as data nouns.

Every wording here was written for this test (none comes from a labelled or unseen set).
"""

from __future__ import annotations

import pytest

from intents import CORE_INTENTS, classify
from tests.intents.mailmaker import mail


def _intents(body: str, subject: str = "Hallo") -> list[str]:
    return sorted(set(classify(mail(body, subject)).intents) & set(CORE_INTENTS))


@pytest.mark.parametrize(("body", "expected"), [
    ("can you stop the emails please, they come every day", ["opt_out"]),
    ("pls stop the whatsapp msgs", ["opt_out"]),
    ("my gran signed me up to ur art club emails years ago, can u stop sending them. also "
     "pls delete my drawings from ur website", ["erasure", "opt_out"]),
    ("pls take down the clips of me from the open day", ["erasure"]),
    ("vous pouvez retirer la vidéo où on me voit svp", ["erasure"]),
])
def test_casual_requests_are_read(body: str, expected: list[str]) -> None:
    assert _intents(body) == expected


@pytest.mark.parametrize("body", [
    # The sender's own messages: nothing to unsubscribe from, nothing of theirs held.
    "Please delete the emails I sent you by mistake yesterday.",
    # Negated.
    "pls don't stop the emails, I like the tips",
])
def test_messages_are_never_erased_nor_stopped_when_negated(body: str) -> None:
    assert _intents(body) == []
