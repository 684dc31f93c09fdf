"""Danish clause cues (folded: no accents): only the told earlier request and its being
ignored, which make a complaint; the other kinds are read by the rules' own words."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="da",
    asked_earlier=(
        r"jeg (?:har )?(?:afmeldte|afmeldt|bad|bedt|frabad|frabedt)",
        r"jeg har (?:\w+ ){0,4}(?:bedt|afmeldt|frabedt)",
        r"jeg meldte mig (?:\w+ )?(?:af|ud)",
    ),
    persisting=(
        r"stadig",
        r"fortsat",
        r"igen",
        r"(?:to|tre|fire) gange",
        r"intet svar",
        r"ikke (?:faet|modtaget) (?:noget )?svar",
    ),
)
