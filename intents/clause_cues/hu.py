"""Hungarian clause cues (folded: no accents, "ő" "ű" read as "o" "u")."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="hu",
    past=(r"tavaly", r"(?:mult|elozo) (?:heten|honapban|evben)",
          r"(?:egy|ket|harom|negy|ot|hat|nehany|par) (?:eve|honapja|hete)",
          r"korabban (?:\w+ )?kuldtek"),
    request=(r"kerem", r"kerjuk", r"szeretnem", r"szeretnenk", r"kivanom", r"kovetelem",
             r"legyenek szivesek", r"kerlek"),
    threat=(r"ellenkezo esetben", r"kulonben", r"amennyiben nem (?:valaszol\w*|teljesit\w*)"),
    reservation=(r"fenntartom (?:a |magamnak a )?jog\w*",),
    question=(r"vajon",),
    grievance_question=(r"miert", r"honnan (?:van|szereztek|kaptak)"),
    boilerplate=(r"ez az? (?:e-?mail|uzenet) (?:\w+ ){0,3}bizalmas",
                 r"ha (?:on )?nem (?:a )?cimzett\w*"),
    marketing_list=(r"(?:hirlevel|marketing|reklam|levelezo|sms)-?list\w*",
                    r"(?:hirlevel|marketing|reklam|levelezo|sms) list\w*"),
    data_object=(r"(?:osszes |minden )?(?:szemelyes )?adatai?m(?:at)?", r"fiokom\w*"),
    ongoing=(r"tovabbra is", r"meg mindig", r"megint", r"ujra", r"ismet"),
    asked_before=(r"kertem", r"kertuk"),
    hypothesis=(r"(?:ha|amennyiben) (?:onok|on)(?! nem\b| meg\b| tovabbra\b)",),
    information=(r"tajekoztat\w*", r"informacio\w*", r"kozoljek"),
    erasure_confirmed=(r"(?:erositsek|igazoljak) (?:\w+ ){0,3}(?:torles\w*|torolt\w*)",),
    asked_earlier=(r"(?:kertem|kertuk|leiratkoztam|jeleztem)",),
    persisting=(
        r"tovabbra is",
        r"megint",
        r"ujra",
        r"meg mindig",
        r"ketszer",
        r"haromszor",
        r"azota sem",
    ),
)
