"""Swedish clause cues (folded: no accents): only the told earlier request and its being
ignored, which make a complaint; the other kinds are read by the rules' own words."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="sv",
    asked_earlier=(
        r"jag (?:har )?(?:bad|bett|avregistrerade|avregistrerat|avslutade|avslutat|avanmalde"
        r"|avanmalt)",
        r"jag (?:har )?(?:\w+ ){0,4}(?:bett om|begart|begarde)",
    ),
    persisting=(
        r"fortfarande",
        r"fortsatt",
        r"igen",
        r"(?:tva|tre|fyra) ganger",
        r"inget svar",
        r"inte fatt (?:nagot )?svar",
    ),
)
