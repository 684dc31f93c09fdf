"""Norwegian clause cues (folded: no accents): only the told earlier request and its being
ignored, which make a complaint; the other kinds are read by the rules' own words."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="no",
    asked_earlier=(
        r"jeg (?:har )?(?:meldte meg av|meldt meg av|ba|bedt|reserverte)",
        r"jeg har (?:\w+ ){0,4}(?:bedt|meldt meg av)",
    ),
    persisting=(
        r"fortsatt",
        r"fremdeles",
        r"igjen",
        r"(?:to|tre|fire) ganger",
        r"ikke (?:fatt|mottatt) (?:noe )?svar",
    ),
)
