"""Czech and Slovak clause cues (folded: no accents)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

CUES = ClauseCues(
    code="cs",
    past=(r"(?:minuly|minuleho) (?:rok|roku|mesic|mesice|tyden|tydne)",
          r"(?:minulom|minuly) (?:roku|mesiaci|tyzdni)",
          r"v minulem (?:roce|mesici|tydnu)", r"loni", r"vlani",
          r"pred (?:\w+ )?(?:lety|rokem|mesici|mesicem|tydny)",
          r"pred (?:\w+ )?(?:rokmi|rokom|mesiacmi|mesiacom|tyzdnami)",
          r"poslali jste mi", r"poslali ste mi"),
    request=(r"prosim", r"prosime", r"zadam", r"ziadam", r"pozaduji", r"pozadujem",
             r"chtel(?:a)? bych", r"chcel(?:a)? by som", r"chci", r"chcem",
             r"muzete", r"mohli byste", r"mozete", r"mohli by ste"),
    threat=(r"v opacnem pripade", r"v opacnom pripade", r"jinak (?:se|podam|budu)",
            r"inak (?:sa|podam|budem)"),
    reservation=(r"vyhrazuji si pravo", r"vyhradzujem si pravo"),
    question=(r"zda jste (?:\w+ )?(?:predali|poskytli|prodali)",
              r"ci ste (?:\w+ )?(?:odovzdali|poskytli|predali)"),
    grievance_question=(r"proc", r"preco", r"odkud mate", r"odkial mate"),
    boilerplate=(r"tento e-?mail (?:\w+ ){0,2}(?:je|obsahuje) (?:\w+ )?duvern\w*",
                 r"tento e-?mail (?:\w+ ){0,2}(?:je|obsahuje) (?:\w+ )?doverne\w*"),
    marketing_list=(r"(?:mailingov\w*|marketingov\w*|reklamn\w*|zasilkov\w*) (?:seznam\w*"
                    r"|zoznam\w*)", r"(?:seznam\w*|zoznam\w*) (?:odberatel\w*|adresat\w*)"),
    data_object=(r"(?:vsechny |vsetky )?(?:moje|svoje) (?:osobni |osobne )?udaje",
                 r"(?:muj|moj) (?:ucet|profil)"),
    first_person=(r"m[ae]", r"moj\w*", r"mych", r"mymi?", r"mne", r"mi"),
    request_verbs=(
        RequestVerb(pattern=r"smaz\w*", action="remove"),
        RequestVerb(pattern=r"vymaz\w*", action="remove"),
        RequestVerb(pattern=r"zmaz\w*", action="remove"),
        RequestVerb(pattern=r"odstran\w*", action="remove"),
        RequestVerb(pattern=r"prestan\w*", action="stop"),
        RequestVerb(pattern=r"(?:poslat|zaslat|poslete|zaslete|poslite|zaslite|vedet|videt"
                    r"|ziskat)", action="send"),
    ),
    held_data=(
        r"(?:kopii )?(?:moje|mych|moich) (?:osobni |osobne )?udaj\w*",
        r"jake (?:osobni |osobne )?udaje(?: \w+){0,3} (?:mate|uchovavate|zpracovavate"
        r"|spracuvate)",
    ),
    disclosure_acts=(
        r"(?:jste|ste) (?:\w+ )?(?:poslali|poskytli|predali|sdileli|prodali|zverejnili"
        r"|odeslali|preposlali)",
        r"(?:poslali|poskytli|predali|sdileli|prodali|zverejnili|odeslali|preposlali) (?:jste"
        r"|ste)",
    ),
    disclosure_wrongs=(
        r"bez (?:meho |naseho |mojho )?(?:souhlasu|svoleni|vedomia?)",
        r"(?:v|ve) otvoren\w* kopii", r"(?:v|ve) otevren\w* kopii",
        r"(?:cizim|tretim stranam|jinym firmam)",
    ),
    ongoing=(r"porad", r"stale", r"opet", r"znovu", r"stale este"),
    asked_before=(r"(?:zadal|pozadal|ziadal|poziadal)(?:a)? (?:jsem|som)",),
    hypothesis=(r"(?:pokud|jestli|zda|ak|ci) (?:jste|ste|vase firma|vasa firma)"
                r"(?! ne\w+\b| stale\b| porad\b)",),
    information=(r"informac\w*", r"informujte", r"sdelte", r"oznamte", r"uvedte"),
    erasure_confirmed=(r"potvrd\w* (?:\w+ ){0,3}(?:vymaz\w*|smazani|odstraneni)",
                       r"potvrd\w*(?: \w+){0,3},? ze (?:\w+ ){0,5}(?:smazany|vymazane"
                       r"|vymazany|odstranene)"),
    nouns={"marketing": (r"newsletter\w*", r"reklam\w*", r"sms\w*", r"nabid\w*",
                         r"obchodni sdeleni"),
           "data": (r"udaje", r"udaju", r"udajov", r"fotk\w*", r"fotografi\w*",
                    r"nahravk\w*"),
           "account": (r"ucet", r"uctu", r"profil\w*")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:smazte|vymazte|zmazte|odstrante) (?:je|ho|ich)"
                       r"(?= prosim| okamzite|\s*[.!?,]|\s*$)", action="remove"),
        PronounRequest(pattern=r"prosim (?:je|ho|ich) (?:smazte|vymazte|zmazte|odstrante)",
                       action="remove"),
        PronounRequest(pattern=r"(?:odhlaste|vyradte) (?:me|ma) (?:z nej|z neho|z toho"
                       r"|odtud|odtial)", action="remove"),
        PronounRequest(pattern=r"prestante (?:mi )?(?:je |ich |to )?(?:posilat|posielat"
                       r"|zasilat|zasielat)", action="stop"),
        PronounRequest(pattern=r"(?:poslete|zaslete|poslite) mi (?:je|ho|ich)",
                       action="send"),
    ),
    blockers=(r"pokud", r"jestli", r"kdyz", r"ked"),
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
