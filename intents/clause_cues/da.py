"""Danish clause cues (folded: å as a, ø as o; æ stays)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

_AFTER = r"(?= venligst| straks| hurtigst muligt| nu|\s*[.!?,]|\s*$)"

CUES = ClauseCues(
    code="da",
    past=(r"sidste (?:ar|maned|uge|sommer|vinter)", r"i fjor",
          r"(?:ar|maneder|uger) siden", r"dengang",
          r"i sendte mig", r"i har sendt mig", r"de sendte mig",
          r"de har sendt mig"),
    request=(r"venligst", r"jeg vil gerne", r"jeg onsker", r"jeg beder (?:om|jer|dem)",
             r"jeg anmoder", r"vær venlig", r"vær sa venlig", r"vil i (?:venligst )?(?:slette|sende"
             r"|fjerne|stoppe|afmelde|oplyse)", r"kan i (?:venligst )?(?:slette|sende"
             r"|fjerne|stoppe|afmelde|oplyse)"),
    threat=(r"ellers", r"i modsat fald"),
    reservation=(r"forbeholder (?:jeg )?mig (?:\w+ )?ret(?:ten)?",),
    question=(r"har i (?:\w+ ){0,4}(?:videregivet|solgt|delt|overladt)", r"til hvem",
              r"om i har"),
    grievance_question=(r"hvorfor", r"hvor har i (?:faet|hentet)", r"hvordan har i faet"),
    boilerplate=(r"denne (?:e-?mail|mail|besked) (?:er fortrolig|kan indeholde fortrolig"
                 r"|indeholder fortrolig)", r"hvis du har modtaget denne (?:e-?mail|mail"
                 r"|besked) ved en fejl", r"hvis du ikke er den rette modtager"),
    marketing_list=(r"(?:mail|nyhedsbrevs|reklame|markedsforings)listen?",
                    r"mailinglisten?", r"udsendelseslisten?"),
    data_object=(r"mine (?:person)?oplysninger", r"mine (?:person)?data",
                 r"min (?:konto|profil|brugerkonto)"),
    nouns={"marketing": (r"nyhedsbrev\w*", r"reklamer?", r"reklamemails?", r"tilbud"),
           "data": (r"(?:person)?oplysninger(?:ne)?", r"billeder(?:ne)?", r"optagelser(?:ne)?"),
           "account": (r"konto(?:en)?", r"brugerkonto(?:en)?", r"profil(?:en)?")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:slet|fjern) (?:dem|den|det)" + _AFTER, action="remove"),
        PronounRequest(pattern=r"(?:stop|stands) (?:dem|den|det)" + _AFTER, action="stop"),
        PronounRequest(pattern=r"(?:fjern|tag|slet) mig (?:fra|af) (?:den|dem)" + _AFTER,
                       action="remove"),
        PronounRequest(pattern=r"send (?:dem|den|det) til mig|send mig (?:dem|den|det)" + _AFTER,
                       action="send"),
    ),
    first_person=(r"mine?", r"mit", r"mig", r"jeg"),
    request_verbs=(
        RequestVerb(pattern=r"slet(?:te|tes|ter)?", action="remove", object_first=True),
        RequestVerb(pattern=r"fjern\w*", action="remove", object_first=True),
        RequestVerb(pattern=r"tag (?:mig )?(?:af|ud af)", action="remove"),
        RequestVerb(pattern=r"stop(?:pe)?", action="stop"),
        RequestVerb(pattern=r"ophor\w*", action="stop"),
        RequestVerb(pattern=r"stands", action="stop"),
        RequestVerb(pattern=r"(?:sende|send|se|vide|fa indsigt i|fa)", action="send"),
        RequestVerb(pattern=r"hvad (?:har|gemmer|ved) (?:i|du)(?: \w+){0,2} (?:gemt "
                    r"|registreret )?om mig", action="send", asks=True),
    ),
    held_data=(
        r"(?:en kopi af |alle )?mine (?:person)?(?:oplysninger|data)",
        r"(?:hvilke (?:person)?oplysninger|hvad) (?:har |gemmer )?(?:i|du)(?: \w+){0,2}"
        r" (?:har|gemmer|gemt"
        r"|registreret)(?: \w+){0,2} om mig",
    ),
    ongoing=(r"stadig(?:væk)?", r"fortsat", r"igen"),
    asked_before=(r"jeg (?:har )?(?:bedt|bad|anmodede|anmodet)",),
    done=(r"det (?:gjorde i|har i gjort)", r"hvilket i (?:ogsa )?(?:gjorde|har gjort)"),
    blockers=(r"ikke", r"aldrig", r"hvis", r"lad være"),
    asked_earlier=(
        r"(?:har|havde) jeg (?:\w+ ){0,4}(?:bedt|afmeldt|sendt)",
        r"jeg (?:har )?(?:afmeldte|afmeldt|bad|bedt|frabad|frabedt)",
        r"jeg har (?:\w+ ){0,4}(?:bedt|afmeldt|frabedt)",
        r"jeg meldte mig (?:\w+ )?(?:af|ud)",
    ),
    persisting=(
        r"stadig",
        r"fortsat",
        r"igen",
        r"(?:to|tre|fire) gange",
        r"intet svar",
        r"ikke (?:faet|modtaget) (?:noget )?svar",
    ),
    hypothesis=(r"(?:hvis|om) i (?:har|havde)(?! ikke\b| stadig\b| fortsat\b)",
                r"om mine (?:person)?oplysninger (?:er|blev|har)(?! ikke\b| stadig\b)"),
    information=(r"oplys\w*", r"information(?:er)?", r"fortæl mig", r"redegor"),
    erasure_confirmed=(
        r"bekræft\w*(?: \w+){0,3},? at (?:i|mine \w+) (?:\w+ ){0,5}(?:slettet|fjernet)",
        r"bekræftelse pa,? at (?:\w+ ){0,5}(?:slettet|fjernet)",
        r"bekræftelse pa (?:sletningen|sletning)",
    ),
)
