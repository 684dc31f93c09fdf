"""Finnish clause cues (folded: no accents): only the told earlier request and its being
ignored, which make a complaint; the other kinds are read by the rules' own words."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="fi",
    asked_earlier=(
        r"pyysin",
        r"pyysimme",
        r"olen (?:jo )?(?:\w+ )?(?:pyytanyt|perunut|kieltanyt)",
        r"peruin",
        r"kielsin",
    ),
    persisting=(
        r"silti",
        r"edelleen",
        r"taas",
        r"jalleen",
        r"kahdesti",
        r"kolmesti",
        r"(?:toinen|kolmas|neljas) kerta",
        r"en ole saanut",
        r"ei vastausta",
    ),
)
