"""Czech and Slovak clause cues (folded: no accents): only the told earlier request and its being
ignored, which make a complaint; the other kinds are read by the rules' own words."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="cs",
    asked_earlier=(
        r"jsem (?:vas |se )?(?:\w+ )?(?:zadal\w*|pozadal\w*|odhlasil\w*)",
        r"som (?:vas |sa )?(?:\w+ )?(?:ziadal\w*|poziadal\w*|odhlasil\w*)",
    ),
    persisting=(
        r"porad",
        r"stale",
        r"opet",
        r"znovu",
        r"dvakrat",
        r"trikrat",
        r"zadnou odpoved",
        r"ziadnu odpoved",
    ),
)
