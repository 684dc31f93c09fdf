"""Latvian clause cues (folded: long vowels and soft consonants lose their marks)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

_AFTER = r"(?= nekavejoties| tulit|\s*[.!?,]|\s*$)"

CUES = ClauseCues(
    code="lv",
    past=(r"pagajusaja (?:gada|menesi|nedela|vasara|ziema)",
          r"pirms (?:\w+ )?(?:gadiem|menesiem|nedelam)", r"jus man nosutijat"),
    request=(r"ludzu", r"ludzam", r"es velos", r"vai jus varetu"),
    threat=(r"preteja gadijuma",),
    reservation=(r"paturu (?:sev )?tiesibas",),
    question=(r"vai (?:jus )?esat (?:\w+ ){0,4}(?:nodevusi|pardevusi|kopigojusi)",),
    grievance_question=(r"kapec", r"kadel", r"no kurienes"),
    boilerplate=(r"sis (?:e-?pasts|zinojums) (?:ir konfidencial\w*|var saturet)",),
    marketing_list=(r"(?:epasta|jaunumu|reklamas|sms|adresatu) sarakst\w*",),
    data_object=(r"manus (?:personas )?datus", r"manu kontu"),
    nouns={"marketing": (r"jaunumu vestul\w*", r"reklam\w*", r"piedavajum\w*"),
           "data": (r"dati", r"datus", r"datiem"),
           "account": (r"konts", r"kontu")},
    pronoun_requests=(
        PronounRequest(pattern=r"dzesiet (?:tos|to|tas)" + _AFTER, action="remove"),
        PronounRequest(pattern=r"partrauciet (?:tos|to|tas)" + _AFTER, action="stop"),
        PronounRequest(pattern=r"nosutiet (?:tos|to) man", action="send"),
    ),
    first_person=(r"man\w*",),
    request_verbs=(
        RequestVerb(pattern=r"dzes\w*", action="remove"),
        RequestVerb(pattern=r"iznicin\w*", action="remove"),
        RequestVerb(pattern=r"partrauc\w*", action="stop"),
    ),
    ongoing=(r"joprojam", r"vel arvien"),
    asked_before=(r"esmu (?:jau )?(?:ludzis|ludzusi)",),
    blockers=(r"nekad",),
    asked_earlier=(
        r"esmu (?:jau )?(?:\w+ )?(?:ludzis|ludzusi|atrakstijies|atrakstijusies)",
        r"atrakstijos",
        r"pieprasiju",
    ),
    persisting=(
        r"joprojam",
        r"vel arvien",
        r"(?:divas|tris) reizes",
        r"neesmu sanemis atbildi",
        r"neesmu sanemusi atbildi",
        r"nav atbildes",
    ),
    hypothesis=(r"ja jus esat (?:\w+ ){0,3}(?:nodevusi|pardevusi|kopigojusi)",),
    information=(r"informacij\w*", r"informejiet", r"pastastiet"),
    erasure_confirmed=(r"apstipriniet(?: \w+){0,3},? ka (?:\w+ ){0,5}(?:dzesti|izdzesti"
                       r"|dzesusi|izdzesusi)",),
)
