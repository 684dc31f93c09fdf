"""Polish clause cues (folded: no accents): only the told earlier request and its being
ignored, which make a complaint; the other kinds are read by the rules' own words."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="pl",
    asked_earlier=(
        r"(?:prosilem|prosilam|prosilismy|wypisalem sie|wypisalam sie|zadalem|zadalam"
        r"|zrezygnowalem|zrezygnowalam)",
    ),
    persisting=(
        r"nadal",
        r"wciaz",
        r"znowu",
        r"ponownie",
        r"dwukrotnie",
        r"trzykrotnie",
        r"(?:dwa|trzy|cztery) razy",
        r"brak odpowiedzi",
        r"zadnej odpowiedzi",
    ),
)
