"""Norwegian (bokmål) clause cues (folded: å as a, ø as o; æ stays)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

_AFTER = r"(?= snarest| umiddelbart| na|\s*[.!?,]|\s*$)"

CUES = ClauseCues(
    code="no",
    past=(r"i fjor", r"forrige (?:maned|uke|sommer|vinter)",
          r"(?:ar|maneder|uker) siden", r"den gangen",
          r"dere (?:sendte|har sendt) meg"),
    request=(r"vennligst", r"jeg vil gjerne", r"jeg onsker", r"(?:jeg )?ber (?:om|dere)",
             r"vær sa snill", r"kan dere", r"vil dere"),
    threat=(r"ellers", r"i motsatt fall"),
    reservation=(r"forbeholder (?:jeg )?meg (?:\w+ )?rett(?:en)?",),
    question=(r"har dere (?:\w+ ){0,4}(?:videreformidlet|solgt|delt|gitt videre|utlevert)",
              r"om dere har"),
    grievance_question=(r"hvor har dere (?:fatt|hentet)", r"hvordan har dere fatt"),
    boilerplate=(r"denne e-?posten (?:er konfidensiell|kan inneholde)",
                 r"hvis du har mottatt denne (?:e-?posten|meldingen) ved en feil"),
    marketing_list=(r"(?:e-?post|nyhetsbrev|reklame|markedsforings)list(?:en|a|e)?",
                    r"utsendelseslisten?"),
    data_object=(r"personopplysning(?:er|ene)", r"kontoen min",
                 r"min konto", r"dataene mine", r"mine data"),
    nouns={"marketing": (r"nyhetsbrev\w*", r"reklame\w*", r"tilbud", r"markedsforing\w*"),
           "data": (r"(?:person)?opplysning(?:er|ene)", r"bilder(?:ne)?", r"opptak(?:ene)?"),
           "account": (r"konto(?:en)?", r"profil(?:en)?")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:slett|fjern) (?:dem|den|det)" + _AFTER, action="remove"),
        PronounRequest(pattern=r"stopp (?:dem|den|det)" + _AFTER, action="stop"),
        PronounRequest(pattern=r"ta meg (?:av|ut av|bort fra) (?:den|dem)" + _AFTER,
                       action="remove"),
        PronounRequest(pattern=r"send (?:dem|den|det) til meg|send meg (?:dem|den|det)" + _AFTER,
                       action="send"),
    ),
    first_person=(r"mine?", r"mitt", r"meg", r"jeg"),
    request_verbs=(
        RequestVerb(pattern=r"slett\w*", action="remove", object_first=True),
        RequestVerb(pattern=r"fjern\w*", action="remove", object_first=True),
        RequestVerb(pattern=r"ta (?:meg )?(?:av|ut av|bort)", action="remove"),
        RequestVerb(pattern=r"stans\w*", action="stop"),
        RequestVerb(pattern=r"stopp\w*", action="stop"),
        RequestVerb(pattern=r"slutt (?:a|med)", action="stop"),
        RequestVerb(pattern=r"(?:sende|send|se|vite|fa innsyn i|fa)", action="send"),
        RequestVerb(pattern=r"hva (?:har|lagrer|vet) (?:dere|du)(?: \w+){0,2} (?:lagret "
                    r"|registrert )?om meg", action="send", asks=True),
    ),
    held_data=(
        r"(?:en kopi av |alle )?(?:personopplysningene|opplysningene|dataene) mine",
        r"(?:hvilke (?:person)?opplysninger|hva) (?:har |lagrer )?(?:dere|du)(?: \w+){0,2}"
        r" (?:har|lagrer|lagret"
        r"|registrert)(?: \w+){0,2} om meg",
    ),
    ongoing=(r"fortsatt", r"fremdeles", r"igjen"),
    asked_before=(r"jeg (?:har )?(?:bedt|ba)",),
    done=(r"det (?:gjorde dere|har dere gjort)", r"noe dere (?:ogsa )?gjorde"),
    blockers=(r"ikke", r"aldri", r"hvis", r"dersom"),
    asked_earlier=(
        r"(?:har|hadde) jeg (?:\w+ ){0,4}(?:bedt|meldt meg av|sendt)",
        r"jeg (?:har )?(?:meldte meg av|meldt meg av|ba|bedt|reserverte)",
        r"jeg har (?:\w+ ){0,4}(?:bedt|meldt meg av)",
    ),
    persisting=(
        r"fortsatt",
        r"fremdeles",
        r"igjen",
        r"(?:to|tre|fire) ganger",
        r"ikke (?:fatt|mottatt) (?:noe )?svar",
    ),
    hypothesis=(r"(?:hvis|dersom|om) dere (?:har|hadde)(?! ikke\b| fortsatt\b| fremdeles\b)",),
    information=(r"opplys\w*", r"informasjon(?:en)?", r"fortell meg", r"gjor rede"),
    erasure_confirmed=(
        r"bekreft\w*(?: \w+){0,3},? at dere (?:\w+ ){0,5}(?:slettet|fjernet)",
        r"bekreft\w*(?: \w+){0,3},? at (?:\w+ ){0,4}(?:er|har blitt) (?:slettet|fjernet)",
    ),
)
