"""Maltese clause cues (folded: lower case, "ġ" "ħ" "ż" "ċ" read as "g" "h" "z" "c")."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="mt",
    past=(r"sena l-ohra", r"xahar l-iehor", r"gimgha l-ohra", r"(?:snin|xhur|gimghat) ilu",
          r"(?:sentejn|xahrejn|gimghatejn) ilu"),
    request=(r"jekk joghgbok", r"nixtieq", r"nitlob", r"irrid"),
    threat=(r"inkella",),
    reservation=(r"nirriserva d-dritt",),
    grievance_question=(r"ghaliex", r"minn fejn (?:gibtu|ksibtu)"),
    boilerplate=(r"hija kunfidenzjali",),
    marketing_list=(r"lista tal-(?:posta|marketing|email|sms|newsletter)",),
    data_object=(r"(?:id-)?data personali tieghi", r"il-kont tieghi"),
    ongoing=(r"ghadni", r"mill-gdid"),
    asked_before=(r"tlabtkom", r"tlabt"),
    information=(r"informazzjoni", r"infurmawni"),
    erasure_confirmed=(r"ikkonferma\w* (?:\w+ ){0,3}(?:it-thassir|it-tnehhija)",),
    asked_earlier=(r"tlabtkom", r"tlabt"),
    persisting=(r"ghadni nircievi", r"mill-gdid", r"darbtejn", r"tliet darbiet",
                r"l-ebda twegiba"),
)
