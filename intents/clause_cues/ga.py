"""Irish clause cues (folded: the síneadh fada dropped)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

_AFTER = r"(?= le do thoil| le bhur dtoil| anois|\s*[.!?,]|\s*$)"

CUES = ClauseCues(
    code="ga",
    past=(r"anuraidh", r"(?:bhliain|mhi|tseachtain) seo caite",
          r"(?:bliain|bliana|mhi|seachtain|seachtaine) o shin", r"sheol sibh chugam"),
    request=(r"le do thoil", r"le bhur dtoil", r"ba mhaith liom", r"iarraim",
             r"an bhfeadfa", r"an bhfeadfadh sibh"),
    threat=(r"murach sin", r"mura ndeantar (?:sin|amhlaidh)"),
    reservation=(r"coimeadaim (?:\w+ )?an ceart",),
    question=(r"ar (?:roinn|dhiol|thug) sibh",),
    grievance_question=(r"cen fath", r"cad chuige", r"ca bhfuair sibh"),
    boilerplate=(r"(?:riomhphost|teachtaireacht) seo (?:faoi run|runda)",),
    marketing_list=(r"liosta (?:poist|riomhphoist|margaiochta|sms|seachadta)",),
    data_object=(r"mo (?:shonrai|chuid sonrai)", r"mo chuntas"),
    nouns={"marketing": (r"nuachtlitir\w*", r"fograi", r"margaiocht\w*"),
           "data": (r"sonrai", r"shonrai", r"grianghraif"),
           "account": (r"cuntas", r"chuntas")},
    pronoun_requests=(
        PronounRequest(pattern=r"scrios (?:iad|e|i)" + _AFTER, action="remove"),
        PronounRequest(pattern=r"stopaigi (?:iad|e|i)" + _AFTER, action="stop"),
        PronounRequest(pattern=r"cuir chugam (?:iad|e|i)", action="send"),
    ),
    first_person=(r"mo", r"m'", r"me", r"liom", r"dom", r"orm"),
    request_verbs=(
        RequestVerb(pattern=r"scrios\w*", action="remove"),
        RequestVerb(pattern=r"bain\w*", action="remove"),
        RequestVerb(pattern=r"mbainfi", action="remove"),
        RequestVerb(pattern=r"baintear", action="remove"),
        RequestVerb(pattern=r"stopaigi", action="stop"),
        RequestVerb(pattern=r"cuir deireadh", action="stop"),
    ),
    ongoing=(r"fos", r"aris"),
    asked_before=(r"iarr me",),
    blockers=(r"mura", r"riamh"),
    asked_earlier=(
        r"iarr me",
        r"dhiliostail me",
    ),
    persisting=(
        r"fos",
        r"aris",
        r"ni bhfuair me (?:aon )?fhreagra",
        r"gan freagra",
        r"faoi (?:dho|thri)",
    ),
    hypothesis=(r"ma (?:dhiol|roinn|thug) sibh",),
    information=(r"eolas", r"cuir in iul dom"),
    erasure_confirmed=(r"deimhnigh\w*(?: \w+){0,3},? (?:go|gur) (?:\w+ ){0,5}scrios",),
)
