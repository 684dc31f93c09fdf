"""Polish clause cues (folded: no accents, "ł" read as "l")."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

CUES = ClauseCues(
    code="pl",
    past=(r"w (?:zeszlym|ubieglym|poprzednim) (?:roku|miesiacu|tygodniu)",
          r"(?:zeszlego|ubieglego) (?:lata|roku)", r"rok temu",
          r"(?:lat|lata|miesiecy|miesiace|tygodni|tygodnie) temu",
          r"przyslali (?:mi|panstwo)", r"wyslali (?:mi|panstwo)"),
    request=(r"prosze", r"prosimy", r"uprzejmie prosze", r"zadam", r"domagam sie",
             r"chcialbym", r"chcialabym", r"chce", r"czy (?:moga|mozecie|mogliby)"),
    threat=(r"w przeciwnym (?:razie|wypadku)", r"w razie braku odpowiedzi"),
    reservation=(r"zastrzegam (?:sobie )?prawo",),
    question=(r"czy (?:moje|jakiekolwiek) dane (?:\w+ ){0,3}(?:przekazane|udostepnione"
              r"|sprzedane)", r"czy (?:przekazali|udostepnili|sprzedali) panstwo",
              r"komu (?:przekazali|udostepnili)"),
    grievance_question=(r"dlaczego", r"skad (?:macie|maja panstwo)", r"czemu"),
    boilerplate=(r"(?:ta|niniejsza) wiadomosc (?:\w+ ){0,3}(?:zawiera\w*|jest) (?:\w+ )?poufn\w*",
                 r"jesli nie (?:jestes|jestescie|sa panstwo) (?:zamierzonym )?adresatem"),
    marketing_list=(r"list\w* (?:mailingow\w*|newslettera|marketingow\w*|sms|wysylkow\w*)",
                    r"(?:mailingow\w*|newsletterow\w*|marketingow\w*) list\w*"),
    data_object=(r"(?:wszystkie )?moje dane(?: osobowe)?", r"moje konto"),
    first_person=(r"moi\w*", r"moj\w*", r"mnie", r"mi"),
    request_verbs=(
        RequestVerb(pattern=r"usun\w*", action="remove"),
        RequestVerb(pattern=r"wykresl\w*", action="remove"),
        RequestVerb(pattern=r"skasuj\w*", action="remove"),
        RequestVerb(pattern=r"przestan\w*", action="stop"),
        RequestVerb(pattern=r"zaprzesta\w*", action="stop"),
        RequestVerb(pattern=r"(?:wysl|przesl|udostepni)\w*", action="send"),
        RequestVerb(pattern=r"(?:wiedziec|poznac|otrzymac|uzyskac dostep do)", action="send"),
    ),
    held_data=(
        r"(?:kopi\w* )?(?:moje|moich|moimi) dan\w*(?: osobow\w*)?",
        r"jakie (?:dane|informacje)(?: \w+){0,3} (?:posiadacie|przechowujecie|macie"
        r"|przetwarzacie)",
    ),
    ongoing=(r"nadal", r"wciaz", r"ciagle", r"znowu", r"ponownie"),
    asked_before=(r"(?:prosilem|prosilam|zadalem|zadalam)",),
    done=(r"(?:zrobili|usuneli) (?:to )?panstwo", r"panstwo (?:to )?(?:zrobili|usuneli)"),
    hypothesis=(r"(?:jesli|jezeli|czy) (?:panstwo|wasza firma)(?! nie\b| nadal\b| wciaz\b)",),
    information=(r"informacj\w*", r"poinformowanie", r"poinformowac", r"wskazanie"),
    erasure_confirmed=(r"potwierdz\w* (?:\w+ ){0,3}(?:usuniecie|usuniecia)",
                       r"potwierdz\w*(?: \w+){0,3},? ze (?:\w+ ){0,5}(?:usuniete|usunieto"
                       r"|skasowane)"),
    nouns={"marketing": (r"newsletter\w*", r"reklam\w*", r"sms\w*", r"mailing\w*",
                         r"ofert\w*"),
           "data": (r"dane", r"danych", r"zdjeci\w*", r"zdjecia", r"nagrani\w*"),
           "account": (r"konto", r"konta", r"profil\w*")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:usuncie|skasujcie|usunac|skasowac) (?:je|go)"
                       r"(?= prosze| natychmiast|\s*[.!?,]|\s*$)", action="remove"),
        PronounRequest(pattern=r"(?:prosze|prosimy) (?:je|go) (?:usunac|skasowac)",
                       action="remove"),
        PronounRequest(pattern=r"wypiszcie mnie (?:z tego|z niej|z niego|stamtad)",
                       action="remove"),
        PronounRequest(pattern=r"przestancie (?:mi )?(?:je )?(?:wysylac|przysylac)",
                       action="stop"),
        PronounRequest(pattern=r"(?:przeslijcie|wyslijcie) mi (?:je|to)", action="send"),
    ),
    blockers=(r"nie", r"jesli", r"jezeli", r"gdyby"),
    asked_earlier=(
        r"(?:prosilem|prosilam|prosilismy|wypisalem sie|wypisalam sie|zadalem|zadalam"
        r"|zrezygnowalem|zrezygnowalam)",
    ),
    persisting=(
        r"nadal",
        r"wciaz",
        r"znowu",
        r"ponownie",
        r"dwukrotnie",
        r"trzykrotnie",
        r"(?:dwa|trzy|cztery) razy",
        r"brak odpowiedzi",
        r"zadnej odpowiedzi",
    ),
)
