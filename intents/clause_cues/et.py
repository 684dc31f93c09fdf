"""Estonian clause cues (folded: õ, ö as o; ä as a; ü as u; š as s)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

_AFTER = r"(?= kohe| viivitamata|\s*[.!?,]|\s*$)"

CUES = ClauseCues(
    code="et",
    past=(r"eelmisel (?:aastal|kuul|nadalal|suvel|talvel)", r"mullu",
          r"(?:aastat|kuud|nadalat) tagasi", r"saatsite mulle"),
    request=(r"palun", r"soovin", r"kas (?:te )?saaksite"),
    threat=(r"vastasel (?:korral|juhul)",),
    reservation=(r"jatan endale (?:\w+ )?oiguse",),
    question=(r"kas olete (?:\w+ ){0,4}(?:edastanud|muunud|jaganud|avaldanud)", r"kellele"),
    grievance_question=(r"miks", r"kust (?:te )?(?:saite|olete saanud)"),
    boilerplate=(r"kiri (?:on konfidentsiaalne|voib sisaldada)",),
    marketing_list=(r"(?:postitus|meili|uudiskirja|turundus)list\w*",),
    data_object=(r"minu (?:isiku)?andme\w*", r"minu konto"),
    nouns={"marketing": (r"uudiskir\w*", r"reklaam\w*", r"pakkumis\w*"),
           "data": (r"(?:isiku)?andme(?:d|id|te)", r"pildid"),
           "account": (r"konto(?:t)?",)},
    pronoun_requests=(
        PronounRequest(pattern=r"kustutage (?:need|see|nad)" + _AFTER, action="remove"),
        PronounRequest(pattern=r"lopetage (?:need|see|nende saatmine)" + _AFTER, action="stop"),
        PronounRequest(pattern=r"saatke (?:need|see) mulle", action="send"),
    ),
    first_person=(r"minu\w*", r"mind", r"mulle", r"mu"),
    request_verbs=(
        RequestVerb(pattern=r"kustut\w*", action="remove"),
        RequestVerb(pattern=r"eemald\w*", action="remove"),
        RequestVerb(pattern=r"lopet\w*", action="stop"),
    ),
    ongoing=(r"ikka veel", r"endiselt", r"jalle"),
    asked_before=(r"palusin", r"olen (?:juba )?palunud"),
    done=(r"mida te (?:ka )?tegite",),
    blockers=(r"arge", r"kui"),
    asked_earlier=(
        r"palusin",
        r"olen (?:juba )?(?:\w+ )?(?:palunud|loobunud)",
        r"loobusin",
    ),
    persisting=(
        r"ikka veel",
        r"endiselt",
        r"jalle",
        r"(?:kaks|kolm) korda",
        r"vastust (?:pole|ei ole) (?:tulnud|saanud)",
        r"ei ole vastust saanud",
    ),
    hypothesis=(r"kui olete (?:\w+ ){0,3}(?:edastanud|muunud|jaganud)",),
    information=(r"teave\w*", r"teavitage", r"andke (?:mulle )?teada", r"teatage"),
    erasure_confirmed=(r"kinnita\w*(?: \w+){0,3},? et (?:\w+ ){0,5}(?:kustutatud|kustutanud)",),
)
