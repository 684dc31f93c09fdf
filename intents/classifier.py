"""classify: placeholder rules, replaced by the lexicon classifier."""

from __future__ import annotations

from intents.models import RIGHTS_INTENTS, Classification, InboundMail


def classify(mail: InboundMail) -> Classification:
    """What the sender asks for now; pure, never raises."""
    return Classification(intents=[], scores=dict.fromkeys(RIGHTS_INTENTS, 0.0),
                          evidence=[], language=mail.language)
