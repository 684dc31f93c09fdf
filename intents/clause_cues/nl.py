"""Dutch clause cues."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

CUES = ClauseCues(
    code="nl",
    past=(r"vorig jaar", r"vorige (?:maand|week)", r"(?:jaar|maanden|weken)"
          r" geleden", r"(?:heeft|hebben) (?:mij|me)"
          r" (?:\w+ )?(?:gestuurd|toegestuurd|gekopieerd)", r"destijds"),
    request=(r"graag", r"alstublieft", r"kunt u", r"kunnen jullie", r"ik (?:wil"
             r"|verzoek|vraag)", r"wilt u", r"gelieve"),
    threat=(r"anders", r"zo niet", r"bij gebreke daarvan", r"indien niet"),
    reservation=(r"behoud (?:ik )?(?:me|mij) het recht", r"onder voorbehoud",
                 r"voorbehoud van"),
    question=(r"(?:heeft|hebben) (?:u|jullie) (?:mijn|de) (?:\w+ )?(?:gedeeld|verkocht"
              r"|doorgegeven)", r"met wie", r"aan wie", r"of (?:u|jullie)"),
    boilerplate=(r'antwoord (?:met )?"?stop"?,?(?: om| en)',
                 r"dit (?:e-?mail)?bericht (?:is|kan) (?:vertrouwelijk|uitsluitend)",
                 r"indien u niet de (?:beoogde )?geadresseerde", r"denk aan het milieu"),
    phishing=(r"verifieer (?:uw|je) (?:account|identiteit|gegevens)", r"(?:uw|je) account"
              r" (?:is|wordt) (?:geblokkeerd|opgeschort|gesloten)", r"binnen (?:24|48) uur",
              r"klik (?:hier|op de link)", r"ongebruikelijke activiteit"),
    vendor_notice=(r"beveiligingsincident", r"wij hebben (?:ontdekt|vastgesteld)",
                   r"onbevoegde toegang", r"u hoeft (?:zelf )?niets te doen",
                   r"wij willen u (?:laten weten|informeren)"),
    marketing_list=(r"(?:sms|e-?mail|marketing|verzend|mailing)lijst", r"mailing list",
                    r"bel-me-niet"),
    data_object=(r"(?:al )?mijn (?:persoons)?gegevens", r"mijn account"),
    nouns={"marketing": (r"nieuwsbrie\w*", r"reclame", r"aanbiedingen", r"sms\w*",
                         r"mailings?"),
           "data": (r"gegevens", r"foto'?s", r"informatie", r"opnames"),
           "account": (r"account", r"profiel")},
    pronoun_requests=(
        PronounRequest(pattern=r"stop(?:t| u| jullie)? (?:ze|die|het|deze|dat)(?= graag"
                       r"| alstublieft|\s*[.!?,]|\s*$)", action="stop"),
        PronounRequest(pattern=r"(?:verwijder|wis|vernietig)(?:t| u| jullie)?"
                       r" (?:ze|die|het|deze|dat)(?= graag| alstublieft| a\.u\.b|\s*[.!?,]"
                       r"|\s*$)", action="remove"),
        PronounRequest(pattern=r"haal (?:me|mij|ons) (?:daar|er) ?(?:uit|vanaf|af)",
                       action="remove"),
        PronounRequest(pattern=r"stuur (?:ze|die|het|deze) (?:me|mij) (?:toe|op|door)",
                       action="send"),
    ),
    grievance_question=(r"waarom", r"hoe (?:komen|kan|komt)", r"waar hebben"),
    first_person=(r"mijn", r"mij", r"me", r"ik"),
    request_verbs=(
        RequestVerb(pattern=r"te (?:verwijderen|wissen|schrappen)", action="remove",
                    object_first=True),
        RequestVerb(pattern=r"verwijder\w*", action="remove", object_first=True),
        RequestVerb(pattern=r"wis(?:sen)?", action="remove", object_first=True),
        RequestVerb(pattern=r"schrap\w*", action="remove", object_first=True),
        RequestVerb(pattern=r"stop\w*", action="stop"),
        RequestVerb(pattern=r"staak\w*", action="stop"),
        RequestVerb(pattern=r"staken", action="stop"),
        RequestVerb(pattern=r"(?:toesturen|toe te sturen|opsturen|sturen|zien|weten|inzien"
                    r"|ontvangen|mailen)", action="send", object_first=True),
        RequestVerb(pattern=r"(?:stuur|mail) (?:me|mij)", action="send"),
        RequestVerb(pattern=r"welke (?:persoons)?gegevens (?:\w+ )?(?:hebben|bewaren|verwerken)"
                    r" (?:jullie|u) (?:\w+ )?(?:over|van) (?:mij|me)", action="send", asks=True),
    ),
    held_data=(
        r"(?:een kopie van |al )?mijn (?:persoons)?gegevens",
        r"welke (?:persoons)?gegevens(?: \w+){0,3} (?:jullie|u)(?: \w+){0,3} (?:hebben|heeft"
        r"|bewaren|bewaart|verwerken|verwerkt|opgeslagen|vastgelegd)",
    ),
    disclosure_acts=(
        r"(?:hebben jullie|heeft u|jullie hebben|u heeft) (?:\w+ ){0,6}(?:gedeeld|verkocht"
        r"|doorgegeven|gestuurd|verstuurd|gegeven|doorgestuurd)",
    ),
    disclosure_wrongs=(
        r"zonder (?:mijn |onze )?(?:toestemming|akkoord)",
        r"aan (?:een )?(?:vreemde\w*|derden|andere (?:bedrijven|klanten|ouders))",
        r"in (?:de )?open cc", r"niet in (?:de )?bcc",
    ),
    ongoing=(r"nog steeds", r"blijf\w*", r"weer", r"opnieuw"),
    asked_before=(r"ik heb", r"ik had"),
    blockers=(r"niet", r"geen", r"nooit", r"als", r"wanneer"),
    # An earlier request told, and its being ignored (clauses.Reading.ignored).
    asked_earlier=(
        r"(?:heb|had) ik (?:\w+ ){0,6}(?:gevraagd|afgemeld|uitgeschreven|verzocht)",
        r"(?:heb|had) ik (?:\w+ ){0,3}(?:verzoek|aanvraag) (?:\w+ ){0,3}(?:gestuurd|ingediend"
        r"|gedaan)",
        r"ik heb (?:me |mij |u |jullie |dit |dat |het |al |eerder "
        r"|ook )*(?:\w+ ){0,6}(?:gevraagd|afgemeld|uitgeschreven|verzocht)",
        r"ik had (?:\w+ ){0,6}(?:gevraagd|afgemeld|verzocht)",
    ),
    persisting=(
        r"(?:al|inmiddels|ruim|meer dan) (?:\w+ )?(?:twee|drie|vier|vijf|zes|acht"
        r"|\d+) (?:weken|maanden)",
        r"nog steeds",
        r"nog altijd",
        r"opnieuw",
        r"weer",
        r"(?:twee|drie|vier) ?(?:keer|maal)",
        r"sindsdien",
        r"nooit (?:iets )?(?:gehoord|ontvangen|teruggehoord)",
        r"geen (?:antwoord|reactie)",
    ),
    # A condition on the organisation's own act, in whose protasis a grievance word
    # accuses nobody (clauses.in_protasis); not on its inaction or on what goes on.
    hypothesis=(
        r"(?:als|indien|ingeval|of) (?:u|jullie)(?! niet\b| nog\b| blijft\b| blijven\b)",
        r"of (?:mijn|er) (?:persoons)?gegevens",
    ),
    # A list's introduction that asks to be told (clauses.list_intro's callers).
    information=(
        r"informatie", r"verstrekken", r"weten", r"laat mij weten", r"details", r"lijst",
        r"toelichting",
    ),
    # A confirmation of an erasure asked: no copy of the data is asked.
    erasure_confirmed=(
        r"bevestiging van (?:de )?verwijdering",
        r"bevestig\w*(?: \w+){0,3},? dat (?:u|jullie) (?:\w+ ){0,4}(?:verwijderd|gewist)",
    ),
    report_acts=(
        r"(?:ik )?(?:heb|ga|zal) (?:vandaag |al )?(?:een )?(?:klacht (?:ingediend|indienen)"
        r"|melding (?:gedaan|doen|gemaakt)|gemeld|melden)",
    ),
    authorities=(
        r"(?:de )?autoriteit persoonsgegevens", r"(?:de )?ap\b", r"toezichthouder",
    ),
)
