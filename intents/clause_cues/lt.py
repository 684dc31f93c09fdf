"""Lithuanian clause cues (folded: ą ę ė į ų ū š ž č lose their marks)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

_AFTER = r"(?= nedelsiant| tuojau|\s*[.!?,]|\s*$)"

CUES = ClauseCues(
    code="lt",
    past=(r"pernai", r"praejusiais metais", r"praejusi (?:menesi|savaite)",
          r"pries (?:\w+ )?(?:metus|menesius|savaites)", r"jus man atsiuntete"),
    request=(r"prasau", r"prasome", r"noreciau", r"pageidauju", r"ar galetumete"),
    threat=(r"priesingu atveju",),
    reservation=(r"pasilieku (?:sau )?teise",),
    question=(r"ar jus (?:\w+ )?(?:perdavete|pardavete|atskleidete)",),
    grievance_question=(r"kodel", r"is kur (?:gavote|turite)"),
    boilerplate=(r"sis (?:laiskas|pranesimas) (?:yra konfidencial\w*|gali buti)",),
    marketing_list=(r"(?:naujienlaiskio|reklamos|sms|adresatu|pasto) saras\w*",),
    data_object=(r"mano (?:asmens )?duomen\w*", r"mano paskyr\w*"),
    nouns={"marketing": (r"naujienlaisk\w*", r"reklam\w*", r"pasiulym\w*"),
           "data": (r"duomen(?:ys|is|u|imis)", r"nuotrauk\w*"),
           "account": (r"paskyr\w*",)},
    pronoun_requests=(
        PronounRequest(pattern=r"istrinkite (?:juos|ja|tai)" + _AFTER, action="remove"),
        PronounRequest(pattern=r"sustabdykite (?:juos|ja|tai)" + _AFTER, action="stop"),
        PronounRequest(pattern=r"atsiuskite (?:juos|ja|tai) man", action="send"),
    ),
    first_person=(r"man\w*",),
    request_verbs=(
        RequestVerb(pattern=r"istrink\w*", action="remove"),
        RequestVerb(pattern=r"pasalink\w*", action="remove"),
        RequestVerb(pattern=r"nutrauk\w*", action="stop"),
        RequestVerb(pattern=r"sustabdyk\w*", action="stop"),
    ),
    ongoing=(r"vis dar", r"is naujo"),
    asked_before=(r"prasiau", r"esu (?:jau )?(?:prases|prasiusi)"),
    blockers=(r"jei(?:gu)?", r"niekada"),
    asked_earlier=(
        r"prasiau",
        r"esu (?:jau )?(?:\w+ )?(?:prases|prasiusi|atsisakes|atsisakiusi)",
        r"atsisakiau",
    ),
    persisting=(
        r"vis dar",
        r"vis tiek",
        r"(?:du|tris) kartus",
        r"negavau (?:jokio )?atsakymo",
        r"jokio atsakymo",
    ),
    hypothesis=(r"jei(?:gu)? (?:jus )?(?:\w+ )?(?:perdavete|pardavete|atskleidete)",),
    information=(r"informacij\w*", r"informuokite", r"nurodykite"),
    erasure_confirmed=(r"patvirtinkite(?: \w+){0,3},? kad (?:\w+ ){0,5}(?:istrinti|istryne"
                       r"|istrynete)",),
)
