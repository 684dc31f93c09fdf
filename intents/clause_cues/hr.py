"""Croatian clause cues (folded: no accents, "đ" read as "d")."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

CUES = ClauseCues(
    code="hr",
    nouns={"marketing": (r"newsletter\w*", r"reklam\w*", r"sms\w*", r"ponud\w*"),
           "data": (r"podatk\w*", r"podaci", r"fotografij\w*", r"snimk\w*"),
           "account": (r"racun", r"profil\w*")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:izbrisite|obrisite|uklonite) (?:ih|ga)"
                       r"(?= molim| odmah|\s*[.!?,]|\s*$)", action="remove"),
        PronounRequest(pattern=r"(?:maknite|uklonite|odjavite) me (?:s nje|s njega|odatle"
                       r"|s te liste|s tog popisa)", action="remove"),
        PronounRequest(pattern=r"prestanite (?:mi )?(?:ih )?(?:slati|saljati)", action="stop"),
        PronounRequest(pattern=r"(?:posaljite|dostavite) mi (?:ih|ga)", action="send"),
    ),
    blockers=(r"nemojte", r"ako", r"kad"),
    asked_earlier=(
        r"(?:sam|smo) (?:se |vas |vam )?(?:\w+ )?(?:odjavio|odjavila|odjavili|trazio"
        r"|trazila|zamolio|zamolila|pisao|pisala)",
        r"(?:odjavio|odjavila|trazio|trazila|zamolio|zamolila) sam",
    ),
    # A time gone by, and a request the organisation did ("to ste brzo napravili"): told.
    past=(
        r"prosle godine",
        r"proslog (?:mjeseca|tjedna|ljeta)",
        r"prije (?:\w+ )?(?:godinu|godina|mjesec\w*)",
        r"poslali ste mi",
    ),
    request=(r"molim", r"molimo", r"zahtijevam", r"trazim", r"zelio bih", r"zeljela bih",
             r"zelim", r"mozete li", r"biste li"),
    threat=(r"u protivnom", r"u suprotnom", r"u slucaju da ne (?:odgovorite|postupite)"),
    reservation=(r"zadrzavam (?:si )?pravo",),
    question=(r"jeste li (?:\w+ )?(?:proslijedili|prodali|ustupili|dali)",),
    grievance_question=(r"zasto", r"odakle vam"),
    boilerplate=(r"ova (?:e-?mail )?poruka (?:\w+ ){0,3}(?:je|sadrzi) (?:\w+ )?povjerljiv\w*",
                 r"ako niste (?:namjeravani )?primatelj"),
    marketing_list=(r"(?:mailing|marketinsk\w*|reklamn\w*|sms) list\w*",
                    r"list\w* (?:za )?(?:slanje|primatelja) (?:newslettera|obavijesti)"),
    data_object=(r"(?:sve )?(?:moje|svoje) (?:osobne )?podatke", r"(?:moj|svoj) (?:racun"
                 r"|korisnicki racun|profil)"),
    first_person=(r"moj\w*", r"mene", r"mi", r"me"),
    request_verbs=(
        RequestVerb(pattern=r"izbris\w*", action="remove"),
        RequestVerb(pattern=r"obris\w*", action="remove"),
        RequestVerb(pattern=r"uklon\w*", action="remove"),
        RequestVerb(pattern=r"makn\w*", action="remove"),
        RequestVerb(pattern=r"prestan\w*", action="stop"),
        RequestVerb(pattern=r"obustav\w*", action="stop"),
    ),
    ongoing=(r"i dalje", r"jos uvijek", r"ponovno", r"opet"),
    asked_before=(r"(?:trazio|trazila|zamolio|zamolila) sam",),
    done=(r"to ste (?:\w+ ){0,3}(?:napravili|ucinili|obavili|izbrisali|obrisali)",),
    hypothesis=(r"ako ste(?! i dalje\b| jos\b| nastavili\b)",),
    information=(r"informacij\w*", r"obavijestite", r"priopcite", r"navedite"),
    erasure_confirmed=(r"potvrdite (?:\w+ ){0,3}(?:brisanje|uklanjanje)",
                       r"potvrdite(?: \w+){0,3},? da (?:\w+ ){0,5}(?:izbrisani|obrisani"
                       r"|izbrisane|obrisane)"),
    persisting=(
        r"i dalje",
        r"jos uvijek",
        r"ponovno",
        r"opet",
        r"dvaput",
        r"triput",
        r"(?:dva|tri) puta",
        r"nikakav odgovor",
        r"nisam dobi(?:o|la) (?:nikakav )?odgovor",
    ),
)
