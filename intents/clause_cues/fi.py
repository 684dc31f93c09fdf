"""Finnish clause cues (folded: ä as a, ö as o)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

_AFTER = r"(?= heti| valittomasti| pikaisesti|\s*[.!?,]|\s*$)"

CUES = ClauseCues(
    code="fi",
    past=(r"viime (?:vuonna|kuussa|viikolla|kesana|talvena)",
          r"(?:vuosi|vuotta|kuukausi|kuukautta|viikko|viikkoa) sitten", r"lahetitte minulle"),
    request=(r"pyydan", r"pyydamme", r"haluan", r"voisitteko", r"voitteko", r"olkaa hyva",
             r"ystavallisesti"),
    threat=(r"muussa tapauksessa",),
    reservation=(r"pidatan (?:itselleni )?oikeuden",),
    question=(r"oletteko (?:\w+ ){0,3}(?:luovuttaneet|myyneet|jakaneet|siirtaneet)",
              r"onko (?:\w+ )?(?:henkilo)?tietojani"),
    grievance_question=(r"miksi", r"mista (?:olette )?(?:saitte|saaneet)"),
    boilerplate=(r"tama (?:sahkoposti|viesti) (?:on luottamuksellinen|voi sisaltaa)",
                 r"jos olet saanut taman (?:viestin|sahkopostin) (?:vahingossa|erehdyksessa)"),
    marketing_list=(r"(?:postitus|sahkoposti|uutiskirje|markkinointi|tekstiviesti|sms-)lista\w*",),
    data_object=(r"tietoni", r"henkilotietoni", r"tilini", r"kayttajatilini"),
    nouns={"marketing": (r"uutiskirje\w*", r"mainos\w*", r"markkinointiviest\w*",
                         r"tekstiviest\w*"),
           "data": (r"(?:henkilo)?tiedot", r"(?:henkilo)?tietoni", r"kuvat", r"tallenteet"),
           "account": (r"tili(?:ni|n|a)?", r"kayttajatili\w*", r"profiili\w*")},
    pronoun_requests=(
        PronounRequest(pattern=r"poistakaa (?:ne|se|niita|sita)" + _AFTER, action="remove"),
        PronounRequest(pattern=r"lopettakaa (?:ne|se|niiden lahettaminen)" + _AFTER,
                       action="stop"),
        PronounRequest(pattern=r"lahettakaa (?:ne|se) minulle", action="send"),
    ),
    first_person=(r"\w+(?:ni)", r"minun", r"minua", r"minulle", r"minusta"),
    request_verbs=(
        RequestVerb(pattern=r"poista\w*", action="remove", object_first=True),
        RequestVerb(pattern=r"poistettava\w*", action="remove", object_first=True),
        RequestVerb(pattern=r"lopett\w*", action="stop"),
    ),
    ongoing=(r"edelleen", r"yha", r"taas", r"jalleen"),
    asked_before=(r"pyysin", r"olen (?:jo )?pyytanyt"),
    done=(r"(?:minka|kuten) (?:te )?(?:myos )?teittekin", r"ja te teitte niin"),
    blockers=(r"ala", r"alkaa", r"jos", r"mikali"),
    asked_earlier=(
        r"pyysin",
        r"pyysimme",
        r"olen (?:jo )?(?:\w+ )?(?:pyytanyt|perunut|kieltanyt)",
        r"peruin",
        r"kielsin",
    ),
    persisting=(
        r"silti",
        r"edelleen",
        r"taas",
        r"jalleen",
        r"kahdesti",
        r"kolmesti",
        r"(?:toinen|kolmas|neljas) kerta",
        r"en ole saanut",
        r"ei vastausta",
    ),
    hypothesis=(r"jos olette (?:\w+ ){0,3}(?:myyneet|luovuttaneet|jakaneet|siirtaneet)",
                r"mikali olette (?:\w+ ){0,3}(?:myyneet|luovuttaneet|jakaneet|siirtaneet)"),
    information=(r"kertokaa", r"ilmoittakaa", r"seuraavat tiedot", r"selvitys"),
    erasure_confirmed=(
        r"vahvista\w*(?: \w+){0,3},? etta (?:\w+ ){0,5}(?:poistettu|poistaneet|poistanut)",
    ),
)
