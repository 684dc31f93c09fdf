"""Swedish clause cues (folded: å and ä as a, ö as o)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

_AFTER = r"(?= omgaende| genast| snarast| nu|\s*[.!?,]|\s*$)"

CUES = ClauseCues(
    code="sv",
    past=(r"forra (?:aret|manaden|veckan|sommaren|vintern)", r"i fjol",
          r"(?:ar|manader|veckor) sedan", r"ni (?:skickade|har skickat) mig"),
    request=(r"vanligen", r"jag vill (?:garna|att|ha)", r"jag begar", r"jag ber (?:er|om)",
             r"kan ni", r"skulle ni kunna", r"var snall och"),
    threat=(r"annars", r"i annat fall"),
    reservation=(r"forbehaller (?:jag )?mig (?:\w+ )?ratt(?:en)?",),
    question=(r"har ni (?:\w+ ){0,4}(?:lamnat ut|salt|delat|overfort)", r"till vem",
              r"om ni har"),
    grievance_question=(r"varfor", r"var har ni fatt", r"hur har ni fatt"),
    boilerplate=(r"detta (?:e-?postmeddelande|meddelande) (?:ar konfidentiellt|kan innehalla)",
                 r"om du (?:har )?(?:fatt|mottagit) (?:detta|det har) (?:\w+ )?(?:av misstag"
                 r"|felaktigt)"),
    marketing_list=(r"(?:epost|nyhetsbrevs|utskicks|reklam|marknadsforings)listan?",
                    r"sandlistan?"),
    data_object=(r"mina (?:person)?uppgifter", r"mitt (?:konto|anvandarkonto)",
                 r"min profil"),
    nouns={"marketing": (r"nyhetsbrev\w*", r"reklam\w*", r"utskick\w*", r"erbjudanden"),
           "data": (r"(?:person)?uppgifter(?:na)?", r"bilder(?:na)?", r"inspelningar(?:na)?"),
           "account": (r"konto(?:t)?", r"profil(?:en)?")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:radera|ta bort) (?:dem|den|det)" + _AFTER, action="remove"),
        PronounRequest(pattern=r"stoppa (?:dem|den|det)" + _AFTER, action="stop"),
        PronounRequest(pattern=r"ta bort mig (?:fran|ur) (?:den|dem)" + _AFTER,
                       action="remove"),
        PronounRequest(pattern=r"skicka (?:dem|den|det) till mig|skicka mig (?:dem|den|det)"
                       + _AFTER, action="send"),
    ),
    first_person=(r"mina?", r"mitt", r"mig", r"jag"),
    request_verbs=(
        RequestVerb(pattern=r"tas bort", action="remove", object_first=True),
        RequestVerb(pattern=r"radera\w*", action="remove", object_first=True),
        RequestVerb(pattern=r"ta bort", action="remove"),
        RequestVerb(pattern=r"stryk\w*", action="remove"),
        RequestVerb(pattern=r"sluta", action="stop"),
        RequestVerb(pattern=r"stoppa", action="stop"),
        RequestVerb(pattern=r"upphor", action="stop"),
        RequestVerb(pattern=r"(?:skicka|se|veta|fa ut|fa ta del av|ta del av)", action="send"),
        RequestVerb(pattern=r"vad (?:har|sparar|lagrar|vet) (?:ni|du)(?: \w+){0,2} (?:sparat "
                    r"|lagrat |registrerat )?om mig", action="send", asks=True),
    ),
    held_data=(
        r"(?:en kopia av |alla )?mina (?:person)?uppgifter",
        r"(?:vad|vilka (?:person)?uppgifter) (?:har |sparar |lagrar )?(?:ni|du)(?: \w+){0,2}"
        r" (?:har|sparat|lagrat|sparar"
        r"|lagrar|registrerat)(?: \w+){0,2} om mig",
    ),
    ongoing=(r"fortfarande", r"igen", r"an en gang"),
    asked_before=(r"jag (?:har )?(?:bett|bad|begart|begarde)",),
    done=(r"vilket ni (?:ocksa )?(?:gjorde|har gjort)", r"och det (?:gjorde ni|har ni gjort)"),
    blockers=(r"inte", r"aldrig", r"ifall"),
    asked_earlier=(
        r"(?:har|hade) jag (?:\w+ ){0,4}(?:bett|begart|avregistrerat|avanmalt)",
        r"jag (?:har )?(?:bad|bett|avregistrerade|avregistrerat|avslutade|avslutat|avanmalde"
        r"|avanmalt)",
        r"jag (?:har )?(?:\w+ ){0,4}(?:bett om|begart|begarde)",
    ),
    persisting=(
        r"fortfarande",
        r"fortsatt",
        r"igen",
        r"(?:tva|tre|fyra) ganger",
        r"inget svar",
        r"inte fatt (?:nagot )?svar",
    ),
    hypothesis=(r"(?:om|ifall) ni (?:har|hade)(?! inte\b| fortfarande\b| fortsatt\b)",),
    information=(r"upplys\w*", r"information(?:en)?", r"beratta", r"redogor"),
    erasure_confirmed=(
        r"bekrafta\w*(?: \w+){0,3},? att (?:ni|mina \w+) (?:\w+ ){0,5}(?:raderat|tagit bort"
        r"|raderats|tagits bort)",
    ),
)
