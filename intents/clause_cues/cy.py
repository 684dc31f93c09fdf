"""Welsh clause cues (folded: ŵ as w, ŷ as y, circumflexes and diaereses dropped)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

_AFTER = r"(?= os gwelwch yn dda| ar unwaith|\s*[.!?,]|\s*$)"

CUES = ClauseCues(
    code="cy",
    past=(r"y llynedd", r"y mis diwethaf", r"yr wythnos diwethaf",
          r"(?:blynedd|flynedd|blynyddoedd|mis|wythnos|wythnosau) yn ol",
          r"anfonoch (?:chi )?ataf"),
    request=(r"os gwelwch yn dda", r"hoffwn", r"a fyddech (?:chi )?(?:cystal|gystal)",
             r"rwy'n gofyn"),
    threat=(r"fel arall",),
    reservation=(r"rwy'n cadw'r hawl", r"cadwaf yr hawl"),
    question=(r"ydych (?:chi )?wedi (?:\w+ ){0,3}(?:rhannu|gwerthu|trosglwyddo)",
              r"i bwy"),
    grievance_question=(r"pam (?:ydych|rydych|wnaethoch|mae)", r"o ble (?:cawsoch|gawsoch)"),
    boilerplate=(r"mae'r (?:e-?bost|neges) (?:hwn|hon) yn gyfrinachol",),
    marketing_list=(r"rhestr (?:bostio|e-?bost|farchnata)",),
    data_object=(r"fy (?:holl )?(?:nata|ngwybodaeth)", r"fy nghyfrif"),
    nouns={"marketing": (r"cylchlythyr\w*", r"hysbyseb\w*", r"marchnata"),
           "data": (r"nata", r"ngwybodaeth", r"lluniau"),
           "account": (r"nghyfrif", r"cyfrif")},
    pronoun_requests=(
        PronounRequest(pattern=r"dilewch (?:nhw|hwn|hi|fe|ef)" + _AFTER, action="remove"),
        PronounRequest(pattern=r"stopiwch (?:nhw|hwn|hi|fe|ef)" + _AFTER, action="stop"),
        PronounRequest(pattern=r"anfonwch (?:nhw|hwn|hi|fe|ef) ataf", action="send"),
    ),
    first_person=(r"fy", r"'m", r"i"),
    request_verbs=(
        RequestVerb(pattern=r"dilewch", action="remove"),
        RequestVerb(pattern=r"dileu", action="remove"),
        RequestVerb(pattern=r"tynnwch", action="remove"),
        RequestVerb(pattern=r"tynnu", action="remove"),
        RequestVerb(pattern=r"stopiwch", action="stop"),
    ),
    ongoing=(r"o hyd", r"eto"),
    asked_before=(r"gofynnais", r"rwy(?:'n|f) wedi gofyn"),
    blockers=(r"peidiwch", r"byth", r"os na"),
    asked_earlier=(
        r"gofynnais",
        r"rwy(?:'n|f) wedi gofyn",
        r"dad-?danysgrifiais",
    ),
    persisting=(
        r"o hyd",
        r"eto",
        r"dal i (?:dderbyn|gael)",
        r"dim ateb",
        r"ddwywaith",
        r"deirgwaith",
    ),
    hypothesis=(r"os (?:ydych chi|ydych|rydych chi) wedi (?:\w+ ){0,3}(?:rhannu|gwerthu"
                r"|trosglwyddo)",),
    information=(r"gwybodaeth", r"wybodaeth", r"rhowch wybod"),
    erasure_confirmed=(r"cadarnhewch(?: \w+){0,3},? (?:eich bod|bod) (?:\w+ ){0,5}(?:dileu)",),
)
