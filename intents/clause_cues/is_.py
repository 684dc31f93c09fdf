"""Icelandic clause cues (folded: accents dropped, ö as o; æ, ð and þ stay)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

_AFTER = r"(?= strax| sem fyrst|\s*[.!?,]|\s*$)"

CUES = ClauseCues(
    code="is",
    past=(r"i fyrra", r"i siðasta manuði", r"i siðustu viku",
          r"fyrir (?:\w+ )?(?:arum|manuðum|vikum) siðan", r"þið senduð mer"),
    request=(r"vinsamlegast", r"eg oska eftir", r"gætuð þið", r"viljið þið"),
    threat=(r"að oðrum kosti",),
    reservation=(r"askil (?:mer )?(?:\w+ )?rett(?:inn)?",),
    question=(r"hafið þið (?:\w+ ){0,3}(?:afhent|selt|deilt|miðlað)",),
    grievance_question=(r"hvers vegna", r"af hverju", r"hvaðan (?:hafið þið|fenguð þið)"),
    boilerplate=(r"þessi tolvupostur (?:er trunaðarmal|gæti innihaldið)",),
    marketing_list=(r"postlista(?:num|nn)?", r"postlisti(?:nn)?"),
    data_object=(r"personuupplysing\w*", r"aðgang(?:inn|urinn)? minn"),
    nouns={"marketing": (r"frettabref\w*", r"auglysing\w*"),
           "data": (r"(?:personu)?upplysing(?:ar|arnar|um|unum)", r"myndir(?:nar)?"),
           "account": (r"aðgang(?:ur|inn|urinn|i)?", r"reikning(?:ur|inn|urinn|i)?")},
    pronoun_requests=(
        PronounRequest(pattern=r"eyðið (?:þeim|þvi|þessu)" + _AFTER, action="remove"),
        PronounRequest(pattern=r"stoðvið (?:þau|þetta|það|þær|þa)" + _AFTER, action="stop"),
        PronounRequest(pattern=r"sendið mer (?:þær|þau|þa|þetta)", action="send"),
    ),
    first_person=(r"min\w*", r"mitt", r"mer", r"mig", r"eg"),
    request_verbs=(
        RequestVerb(pattern=r"eyð\w*", action="remove"),
        RequestVerb(pattern=r"fjarlæg\w*", action="remove"),
        RequestVerb(pattern=r"hætt\w*", action="stop"),
        RequestVerb(pattern=r"stoðv\w*", action="stop"),
    ),
    ongoing=(r"ennþa", r"enn og aftur"),
    asked_before=(r"eg (?:hef )?(?:bað|beðið)",),
    blockers=(r"ekki", r"aldrei"),
    asked_earlier=(
        r"eg (?:hef )?(?:\w+ )?(?:beðið|bað|afskraði|afskrað)",
    ),
    persisting=(
        r"ennþa",
        r"enn og aftur",
        r"ekkert svar",
        r"ekki fengið (?:neitt )?svar",
    ),
    hypothesis=(r"ef þið hafið(?! ekki\b| enn\b)",),
    information=(r"upplysið", r"eftirfarandi upplysingar"),
    erasure_confirmed=(r"staðfest\w*(?: \w+){0,3},? að (?:\w+ ){0,6}(?:eytt|verið eytt)",),
)
