"""Hungarian clause cues (folded: no accents): only the told earlier request and its being
ignored, which make a complaint; the other kinds are read by the rules' own words."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="hu",
    asked_earlier=(r"(?:kertem|kertuk|leiratkoztam|jeleztem)",),
    persisting=(
        r"tovabbra is",
        r"megint",
        r"ujra",
        r"meg mindig",
        r"ketszer",
        r"haromszor",
        r"azota sem",
    ),
)
