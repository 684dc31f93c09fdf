"""German clause cues (folded: no umlauts)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

CUES = ClauseCues(
    code="de",
    past=(r"letztes jahr", r"(?:letzten|vergangenen) (?:monat|sommer|winter)",
          r"letzte woche", r"vor (?:\w+ )?(?:jahren|monaten|wochen)", r"damals",
          r"sie haben mir (?:\w+ )?(?:geschickt|gesendet"
          r"|kopiert|zugesandt)"),
    # A wish said for someone else is a request too ("er möchte, dass ... gelöscht wird").
    request=(r"bitte", r"konnen sie", r"konnten sie", r"ich (?:mochte|will|bitte|fordere"
             r"|verlange|beantrage)", r"wurden sie", r"(?:er|sie|wir) (?:mochte|mochten|will"
             r"|wollen)", r"mochte,? dass",
             r"(?:mochte|mochten|will|wollen) (?:ich|wir)"),
    threat=(r"andernfalls", r"ansonsten", r"sonst", r"widrigenfalls", r"falls nicht"),
    reservation=(r"behalte (?:ich )?mir (?:\w+ )?vor", r"vorbehaltlich",
                 r"unter vorbehalt"),
    question=(r"(?:haben|wurden) sie (?:meine|die) (?:\w+ )?(?:daten|adresse|nummer)"
              r" (?:\w+ ){0,3}(?:weitergegeben|verkauft|ubermittelt)", r"an wen", r"ob sie"),
    boilerplate=(r'antworte\w* (?:sie )?(?:mit )?"?stop"?,?(?: um| und)',
                 r"diese (?:e-?mail|nachricht) (?:enthalt|ist) (?:vertrauliche|vertraulich)",
                 r"wenn sie nicht der (?:richtige )?adressat", r"sollten sie diese"
                 r" (?:e-?mail|nachricht) irrtumlich", r"bitte denken sie an die umwelt"),
    phishing=(r"bestatigen sie ihr(?:e)? (?:konto|identitat|daten)", r"ihr konto (?:wurde"
              r"|wird) (?:gesperrt|deaktiviert|geschlossen)", r"innerhalb von (?:24|48)"
              r" stunden", r"klicken sie (?:hier|auf den link)", r"ungewohnliche aktivitat"),
    vendor_notice=(r"sicherheitsvorfall", r"wir haben (?:festgestellt|entdeckt)",
                   r"unbefugte(?:r|n)? (?:zugriff|dritte)", r"sie mussen nichts (?:weiter )?tun",
                   r"wir mochten sie (?:daruber )?informieren"),
    marketing_list=(r"(?:sms|e-?mail|newsletter|werbe|marketing)-?(?:verteiler|liste)",
                    r"verteiler(?:liste)?", r"mailingliste"),
    data_object=(r"(?:alle )?meine (?:personenbezogenen )?daten", r"mein (?:konto"
                 r"|kundenkonto)"),
    nouns={"marketing": (r"newsletter", r"werbung\w*", r"werbe\w+", r"sms", r"angebote",
                         r"rundbrief\w*", r"mailings?"),
           "data": (r"daten", r"fotos", r"angaben", r"aufnahmen", r"unterlagen"),
           "account": (r"konto", r"kundenkonto", r"profil")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:loschen|entfernen|vernichten|stornieren) sie"
                       r" (?:sie|diese|die|es|das)"
                       r"(?= bitte| umgehend| sofort| endgultig|\s*[.!?,]|\s*$)",
                       action="remove"),
        PronounRequest(pattern=r"(?:stoppen|beenden) sie (?:sie|diese|die|es|das)"
                       r"(?= bitte| umgehend| sofort|\s*[.!?,]|\s*$)", action="stop"),
        PronounRequest(pattern=r"(?:nehmen|streichen) sie (?:mich|uns) (?:da|dort)"
                       r" ?(?:raus|heraus|von)|(?:davon|dort|da) (?:ab|aus)(?:melden|tragen)",
                       action="remove"),
        PronounRequest(pattern=r"(?:schicken|senden) sie (?:sie|diese|die|es|das) mir",
                       action="send"),
        # "Könnt ihr mir das bitte zusammenstellen und schicken?" after what is stored.
        PronounRequest(pattern=r"(?:konnt|konnen|konntet|konnten) (?:ihr|sie) (?:mir|uns)"
                       r" (?:das|dies|diese|sie|es|alles) (?:\w+ ){0,4}(?:schicken|senden"
                       r"|zusenden|zukommen lassen|ubermitteln)", action="send"),
    ),
    grievance_question=(r"warum", r"wieso", r"weshalb", r"woher", r"wie kommen"),
    first_person=(r"mein\w*", r"mich", r"mir", r"ich"),
    request_verbs=(
        RequestVerb(pattern=r"(?:geloscht|entfernt|vernichtet)", action="remove",
                    object_first=True),
        RequestVerb(pattern=r"zu (?:loschen|entfernen|vernichten)", action="remove",
                    object_first=True),
        RequestVerb(pattern=r"losch\w*", action="remove", object_first=True),
        RequestVerb(pattern=r"entfern\w*", action="remove", object_first=True),
        RequestVerb(pattern=r"vernicht\w*", action="remove", object_first=True),
        RequestVerb(pattern=r"austrag\w*", action="remove"),
        RequestVerb(pattern=r"streich\w*", action="remove"),
        RequestVerb(pattern=r"einstell\w*", action="stop"),
        RequestVerb(pattern=r"stopp\w*", action="stop"),
        RequestVerb(pattern=r"(?:zusenden|zuschicken|senden|schicken|ubermitteln"
                    r"|zukommen lassen|mitteilen|nennen)", action="send", object_first=True),
        RequestVerb(pattern=r"(?:sende|schicke|ubermittle|nenne)n sie(?: mir)?", action="send"),
        RequestVerb(pattern=r"(?:wissen|erfahren|einsehen)", action="send", object_first=True),
        RequestVerb(pattern=r"welche (?:daten|informationen|angaben) (?:\w+ )?(?:haben|speichern"
                    r"|verarbeiten) sie (?:\w+ )?uber mich", action="send", asks=True),
    ),
    held_data=(
        r"(?:eine kopie )?(?:aller |alle )?meine[rn]? (?:personenbezogenen |gespeicherten )?"
        r"daten",
        r"welche (?:\w+ )?(?:daten|informationen|angaben)(?: \w+){0,4} (?:sie|ihr)(?: \w+){0,3}"
        r" (?:gespeichert|haben|speichern|verarbeiten|vorliegen)",
        r"(?:was|alles,? was) (?:sie|ihr) (?:\w+ )?(?:uber|von) mir (?:\w+ )?(?:gespeichert"
        r"|haben|speichern|wissen)",
    ),
    disclosure_acts=(
        r"(?:haben sie|sie haben) (?:\w+ ){0,8}(?:weitergegeben|verkauft|geschickt|gesendet"
        r"|ubermittelt|geteilt|offengelegt|verwendet|benutzt|hinzugefugt|eingetragen"
        r"|veroffentlicht)",
    ),
    disclosure_wrongs=(
        r"ohne (?:meine |unsere )?(?:einwilligung|zustimmung|erlaubnis|einverstandnis)",
        r"an (?:einen |eine )?(?:fremde\w*|dritte|andere (?:firmen|unternehmen|kunden"
        r"|eltern))",
        r"(?:im|in) offenen? (?:cc|verteiler)", r"fur alle sichtbar",
        r"ist (?:das|dies) (?:uberhaupt |uberhaupt so )?(?:legal|erlaubt|zulassig)",
    ),
    ongoing=(r"immer noch", r"noch immer", r"weiterhin", r"wieder", r"erneut"),
    asked_before=(r"ich habe", r"ich hatte"),
    blockers=(r"nicht", r"kein\w*", r"nie", r"wenn", r"falls", r"haben"),
    # An earlier request told, and its being ignored (clauses.Reading.ignored).
    asked_earlier=(
        r"ich habe (?:mich |sie |ihnen |euch |schon |bereits )*(?:\w+ ){0,9}(?:abgemeldet"
        r"|ausgetragen|gebeten|gefordert|verlangt|widersprochen|angefragt|aufgefordert)",
        r"ich hatte (?:\w+ ){0,6}(?:gebeten|abgemeldet|angefragt|gefordert)",
        r"(?:habe|hatte) ich (?:\w+ ){0,6}(?:gebeten|abgemeldet|angefragt|gefordert)",
    ),
    persisting=(
        r"(?:seit|vor) (?:uber |mehr als |fast )?(?:zwei|drei|vier|funf|sechs|acht"
        r"|\d+) (?:wochen|monaten)",
        r"immer noch",
        r"noch immer",
        r"trotzdem",
        r"dennoch",
        r"weiterhin",
        r"wieder",
        r"erneut",
        r"(?:zweiten|dritten|vierten) mal",
        r"zweimal",
        r"dreimal",
        r"mehrmals",
        r"keine (?:antwort|reaktion|ruckmeldung)",
        r"seitdem",
        r"seither",
    ),
    # A condition on the organisation's own act, in whose protasis a grievance word
    # accuses nobody (clauses.in_protasis); not on its inaction or on what goes on.
    hypothesis=(
        r"(?:falls|wenn|ob|sofern) (?:sie|ihr|ihre firma|ihr unternehmen)(?! nicht\b| "
        r"weiterhin\b| immer\b| noch\b| wieder\b)",
        r"ob (?:meine|irgendwelche) (?:personlichen |personenbezogenen )?daten",
    ),
    # A list's introduction that asks to be told (clauses.list_intro's callers).
    information=(
        r"informationen?", r"informieren", r"auskunft", r"angaben", r"einzelheiten", r"wissen",
        r"mitteilen", r"teilen sie mir", r"nennen", r"erlautern",
    ),
    # A confirmation of an erasure asked: no copy of the data is asked.
    erasure_confirmed=(
        r"bestatig\w*(?: sie)?(?: mir| uns)?(?: bitte)?(?: schriftlich)? (?:die|deren|"
        r"ihre) (?:loschung|entfernung|vernichtung)",
        r"bestatig\w*(?: \w+){0,4},? dass (?:sie|ihr) (?:\w+ ){0,5}(?:geloscht|entfernt|"
        r"vernichtet)",
        r"bestatigung (?:der|uber die) (?:loschung|entfernung|vernichtung)",
    ),
    report_acts=(
        r"(?:ich )?(?:habe|werde) (?:mich )?(?:\w+ ){0,6}"
        r"(?:beschwert|beschweren|beschwerde (?:eingereicht|einreichen|erhoben|erheben)"
        r"|gemeldet|melden|eingeschaltet|einschalten)",
        r"ich (?:habe|werde) (?:heute |bereits )?(?:eine )?beschwerde",
    ),
    authorities=(
        r"(?:der |die |den )?datenschutzbehorde\w*", r"aufsichtsbehorde\w*",
        r"(?:des |der |den |dem )?landesbeauftragten fur (?:den )?datenschutz\w*",
        r"(?:der |dem )?bundesbeauftragten fur (?:den )?datenschutz\w*", r"bfdi",
    ),
)
