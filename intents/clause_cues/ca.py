"""Catalan clause cues (folded: no accents; the "l·l" point is matched by ".")."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

CUES = ClauseCues(
    code="ca",
    past=(r"l'any passat", r"el (?:mes|estiu|hivern) passat", r"la setmana passada",
          r"fa (?:\w+ )?(?:anys|mesos|setmanes)", r"(?:em|ens) vau enviar"),
    request=(r"si us plau", r"us prego", r"vull", r"voldria", r"voldriem", r"demano",
             r"sol.licito", r"podeu", r"podrieu"),
    threat=(r"en cas contrari", r"altrament", r"si no ho feu"),
    reservation=(r"(?:em|ens) reserv(?:o|em) el dret",),
    question=(r"si heu (?:\w+ )?(?:cedit|venut|compartit|comunicat)",),
    grievance_question=(r"per que (?:em|m'|ens|rebo)", r"d'on (?:heu tret|teniu|treieu)"),
    boilerplate=(r"aquest (?:correu|missatge) (?:\w+ ){0,3}(?:es|conte) (?:\w+ )?confidencial",
                 r"si no (?:en )?sou el destinatari"),
    marketing_list=(r"llista de (?:correu|distribucio|difusio|sms|publicitat|butlletins)",),
    data_object=(r"(?:totes )?les meves dades(?: personals)?", r"el meu compte"),
    first_person=(r"meu", r"meus", r"meva", r"meves", r"em", r"m'"),
    request_verbs=(
        RequestVerb(pattern=r"esborr\w*", action="remove"),
        RequestVerb(pattern=r"elimin\w*", action="remove"),
        RequestVerb(pattern=r"suprimi\w*", action="remove"),
        RequestVerb(pattern=r"traieu", action="remove"),
        RequestVerb(pattern=r"deixeu de", action="stop"),
        RequestVerb(pattern=r"atur\w*", action="stop"),
        RequestVerb(pattern=r"(?:enviar|envieu|enviar-me|saber|coneixer|veure|rebre"
                    r"|accedir a)", action="send"),
    ),
    held_data=(
        r"(?:una copia de |totes )?les meves dades(?: personals)?",
        r"(?:quines|quina) (?:dades|informacio)(?: \w+){0,3} (?:teniu|tenen|guardeu|conserveu"
        r"|tracteu)",
    ),
    disclosure_acts=(
        r"(?:heu|hagiu|han|hagin) (?:\w+ )?(?:cedit|compartit|venut|enviat|donat|passat"
        r"|filtrat)",
    ),
    disclosure_wrongs=(
        r"sense (?:el )?(?:meu |nostre )?(?:consentiment|permis|autoritzacio)",
        r"a (?:un |una )?(?:desconegut\w*|tercers|altres empreses)",
        r"en copia (?:visible|oberta)",
    ),
    ongoing=(r"encara", r"de nou", r"una altra vegada", r"continuo"),
    asked_before=(r"us vaig demanar", r"he demanat"),
    done=(r"i (?:ho|les|el) vau fer", r"i ho vau esborrar"),
    hypothesis=(r"si (?:heu|vau|la vostra empresa ha)(?! continuat\b)",),
    information=(r"informacio", r"informeu", r"indiqueu", r"comuniqueu"),
    erasure_confirmed=(r"confirm\w*(?:-me|-nos)? (?:\w+ ){0,3}(?:l'esborrament|la supressio"
                       r"|l'eliminacio)",
                       r"confirm\w*(?:-me|-nos)?(?: \w+){0,3},? que (?:\w+ ){0,5}"
                       r"(?:esborrat|esborrades|eliminades|suprimides)"),
    nouns={"marketing": (r"butllet\w*", r"newsletters?", r"publicitat", r"promocion\w*",
                         r"ofertes", r"sms"),
           "data": (r"dades", r"fotos", r"informacio", r"gravacions"),
           "account": (r"compte", r"perfil")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:esborreu|elimineu|suprimiu|traieu)-(?:les|los|la|lo|ho)",
                       action="remove"),
        PronounRequest(pattern=r"traieu-(?:me|nos) d'(?:alla|aqui|aquesta llista)",
                       action="remove"),
        PronounRequest(pattern=r"(?:atureu|pareu)-(?:les|los|la|lo|ho)", action="stop"),
        PronounRequest(pattern=r"deixeu d'enviar-(?:me|nos)-(?:les|los|la|lo|ho)",
                       action="stop"),
        PronounRequest(pattern=r"envieu-(?:me|nos)-(?:les|los|la|lo|ho)", action="send"),
    ),
    blockers=(r"quan",),
    asked_earlier=(
        r"(?:vaig|vam) (?:demanar|sol.licitar|solicitar|escriure|donar de baixa)",
        r"em vaig donar de baixa",
        r"he demanat",
    ),
    persisting=(
        r"encara",
        r"una altra vegada",
        r"de nou",
        r"(?:dues|tres|quatre) vegades",
        r"cap resposta",
        r"continuo rebent",
    ),
)
