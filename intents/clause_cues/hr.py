"""Croatian clause cues (folded: no accents): only the told earlier request and its being
ignored, which make a complaint; the other kinds are read by the rules' own words."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="hr",
    asked_earlier=(
        r"(?:sam|smo) (?:se |vas |vam )?(?:\w+ )?(?:odjavio|odjavila|odjavili|trazio"
        r"|trazila|zamolio|zamolila|pisao|pisala)",
        r"(?:odjavio|odjavila|trazio|trazila|zamolio|zamolila) sam",
    ),
    # A time gone by, and a request the organisation did ("to ste brzo napravili"): told.
    past=(
        r"prosle godine",
        r"proslog (?:mjeseca|tjedna|ljeta)",
        r"prije (?:\w+ )?(?:godinu|godina|mjesec\w*)",
    ),
    done=(r"to ste (?:\w+ ){0,3}(?:napravili|ucinili|obavili|izbrisali|obrisali)",),
    persisting=(
        r"i dalje",
        r"jos uvijek",
        r"ponovno",
        r"opet",
        r"dvaput",
        r"triput",
        r"(?:dva|tri) puta",
        r"nikakav odgovor",
        r"nisam dobi(?:o|la) (?:nikakav )?odgovor",
    ),
)
