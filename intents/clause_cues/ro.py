"""Romanian clause cues (folded: no accents, "ș" "ț" "ă" "î" read as "s" "t" "a" "i")."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

CUES = ClauseCues(
    code="ro",
    past=(r"anul trecut", r"(?:luna|saptamana|vara|iarna) trecuta",
          r"acum (?:un an|o luna|(?:\w+ )?(?:ani|luni|saptamani))",
          r"mi-ati (?:\w+ )?(?:trimis|expediat)"),
    request=(r"va rog", r"va rugam", r"doresc", r"dorim", r"as dori", r"am dori", r"solicit",
             r"solicitam", r"cer sa", r"va cer", r"puteti", r"vreau"),
    threat=(r"in caz contrar", r"altfel (?:voi|vom|o sa)", r"in lipsa unui raspuns"),
    reservation=(r"imi rezerv dreptul", r"ne rezervam dreptul"),
    question=(r"daca (?:ati|mi-ati) (?:\w+ )?(?:transmis|vandut|divulgat|comunicat)",),
    grievance_question=(r"de ce (?:imi|mi|ma|mi-ati|ati|aveti|primesc)",
                        r"de unde aveti", r"cum de"),
    boilerplate=(r"acest (?:e-?mail|mesaj) (?:\w+ ){0,3}(?:este|contine) (?:\w+ ){0,2}"
                 r"confidential\w*",
                 r"daca nu sunteti destinatarul"),
    marketing_list=(r"list\w* de (?:e-?mail|mailing|marketing|sms|newsletter|abonati)",
                    r"lista (?:de )?(?:difuzare|corespondenta)"),
    data_object=(r"(?:toate )?datele (?:mele|personale)", r"contul meu"),
    first_person=(r"me[ia]", r"meu", r"mele", r"mine", r"ma"),
    request_verbs=(
        RequestVerb(pattern=r"sterg\w*", action="remove"),
        RequestVerb(pattern=r"elimin\w*", action="remove"),
        RequestVerb(pattern=r"scoate\w*", action="remove"),
        RequestVerb(pattern=r"opri\w*", action="stop"),
        RequestVerb(pattern=r"inceta\w*", action="stop"),
        RequestVerb(pattern=r"(?:trimite\w*|comunica\w*|sti\w*|afla|primi\w*)", action="send"),
    ),
    held_data=(
        r"(?:o copie a |toate )?datel(?:e|or) (?:mele|personale)(?: \w+)?",
        r"ce (?:date|informatii)(?: \w+){0,3} (?:detineti|aveti|pastrati|prelucrati)",
    ),
    ongoing=(r"inca", r"in continuare", r"din nou", r"iarasi"),
    asked_before=(r"(?:v-am|am) (?:deja )?(?:cerut|solicitat)",),
    done=(r"si (?:ati|l-ati|le-ati) (?:si )?(?:facut|sters)",),
    hypothesis=(r"daca (?:ati|compania dumneavoastra a)(?! nu\b| continuat\b| inca\b)",),
    information=(r"informatii\w*", r"informeze", r"informati-ma", r"comunicati"),
    erasure_confirmed=(r"confirm\w* (?:\w+ ){0,3}(?:stergerea|eliminarea)",
                       r"confirm\w*(?: \w+){0,3},? ca (?:\w+ ){0,5}(?:sterse|sters|eliminate)"),
    nouns={"marketing": (r"newsletter\w*", r"reclam\w*", r"sms\w*", r"oferte\w*"),
           "data": (r"datele", r"fotografii\w*", r"inregistrari\w*"),
           "account": (r"contul", r"cont", r"profilul")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:stergeti|eliminati)-(?:le|l)", action="remove"),
        PronounRequest(pattern=r"sa (?:le|il) (?:stergeti|eliminati)", action="remove"),
        PronounRequest(pattern=r"(?:scoateti|dezabonati)-ma de (?:acolo|pe ea|pe lista"
                       r" asta|pe aceasta lista)", action="remove"),
        PronounRequest(pattern=r"(?:incetati|opriti)(?:-le| sa (?:mi )?le (?:mai )?trimiteti)",
                       action="stop"),
        PronounRequest(pattern=r"trimiteti-mi-(?:le|l)", action="send"),
    ),
    blockers=(r"nu", r"daca", r"cand"),
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
