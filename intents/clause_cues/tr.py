"""Turkish clause cues (folded: lower case, no accents, "ı" "ş" "ğ" "ç" read as "i" "s" "g"
"c")."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="tr",
    past=(r"gecen (?:yil|ay|hafta|yaz|kis)", r"(?:bir|iki|uc|birkac) (?:yil|ay|hafta) once",
          r"bana (?:\w+ )?gondermistiniz"),
    request=(r"lutfen", r"rica ederim", r"rica ediyorum", r"istiyorum", r"talep ediyorum",
             r"talep ederim"),
    threat=(r"aksi (?:takdirde|halde)",),
    reservation=(r"hakki(?:mi|mizi) sakli tut\w*", r"haklari(?:mi|mizi) sakli tut\w*"),
    question=(r"verilerimi (?:\w+ )?(?:paylastiniz|sattiniz|aktardiniz) mi",),
    grievance_question=(r"neden", r"niye", r"nereden (?:aldiniz|buldunuz|edindiniz)"),
    boilerplate=(r"bu (?:e-?posta|mesaj) (?:\w+ ){0,3}gizli\w*", r"bu (?:e-?postanin"
                 r"|mesajin) (?:\w+ )?alicisi degilseniz"),
    marketing_list=(r"(?:eposta|e-posta|posta|sms|pazarlama|reklam|bulten) listesi\w*",),
    data_object=(r"(?:tum )?(?:kisisel )?verilerim\w*", r"hesabim\w*"),
    ongoing=(r"hala", r"yine", r"tekrar", r"yeniden"),
    asked_before=(r"talep etmistim", r"rica etmistim", r"istemistim"),
    information=(r"bilgi verm\w*", r"bildirin", r"bilgilendir\w*"),
    erasure_confirmed=(r"silindigini (?:\w+ ){0,2}(?:teyit|onayla)\w*",),
    asked_earlier=(r"talep etmistim", r"rica etmistim", r"istemistim", r"abonelikten ciktim",
                   r"aboneligimi iptal ettim"),
    persisting=(r"hala", r"yine", r"tekrar", r"iki (?:kez|defa|kere)", r"uc (?:kez|defa|kere)",
                r"hicbir (?:yanit|cevap)", r"(?:yanit|cevap) alamadim"),
)
