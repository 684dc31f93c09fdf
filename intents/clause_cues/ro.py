"""Romanian clause cues (folded: no accents): only the told earlier request and its being
ignored, which make a complaint; the other kinds are read by the rules' own words."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="ro",
    asked_earlier=(
        r"(?:v-am|vam|am) (?:deja )?(?:cerut|solicitat|scris)",
        r"m-am (?:deja )?(?:dezabonat|dezinscris)",
    ),
    persisting=(
        r"inca",
        r"in continuare",
        r"din nou",
        r"de (?:doua|trei|patru) ori",
        r"niciun raspuns",
        r"nu am primit",
    ),
)
