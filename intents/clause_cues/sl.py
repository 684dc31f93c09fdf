"""Slovenian clause cues (folded: no accents, "č" "š" "ž" read as "c" "s" "z")."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="sl",
    past=(r"lani", r"lansko leto", r"prejsnji (?:mesec|teden)", r"prejsnje leto",
          r"pred (?:\w+ )?(?:leti|meseci|tedni|letom|mesecem|tednom)"),
    request=(r"prosim", r"prosimo", r"zahtevam", r"zelim", r"zelel(?:a)? bi",
             r"ali lahko", r"bi lahko"),
    threat=(r"v nasprotnem primeru", r"sicer bom"),
    reservation=(r"pridrzujem si pravico",),
    question=(r"ali ste (?:\w+ )?(?:posredovali|prodali|delili|posredovali)",),
    grievance_question=(r"zakaj", r"od kod imate"),
    boilerplate=(r"to sporocilo (?:\w+ ){0,3}(?:je|vsebuje) (?:\w+ )?zaupn\w*",
                 r"ce niste (?:predvideni )?prejemnik"),
    marketing_list=(r"(?:postni|e-postni|oglasni|trzenjski|sms) seznam\w*",
                    r"seznam\w* (?:za )?(?:obvescanje|prejemnikov e-novic)"),
    data_object=(r"(?:vse )?moje (?:osebne )?podatke", r"moj (?:racun|profil)"),
    first_person=(r"moj\w*", r"mene", r"mi", r"me"),
    ongoing=(r"spet", r"ponovno", r"znova", r"kljub temu"),
    asked_before=(r"(?:prosil|prosila|zahteval|zahtevala) sem",),
    hypothesis=(r"ce ste(?! se vedno\b| nadaljevali\b)",),
    information=(r"informacij\w*", r"sporocite", r"obvestite", r"navedite"),
    erasure_confirmed=(r"potrdite (?:\w+ ){0,3}(?:izbris|brisanje)",
                       r"potrdite(?: \w+){0,3},? da (?:\w+ ){0,5}(?:izbrisali|izbrisani"
                       r"|izbrisane)"),
    asked_earlier=(
        r"(?:sem|smo) (?:se |vas |vam )?(?:\w+ )?(?:odjavil\w*|prosil\w*|zahteval\w*)",
        r"(?:odjavil|odjavila|prosil|prosila|zahteval|zahtevala) sem",
    ),
    persisting=(r"spet", r"ponovno", r"znova", r"dvakrat", r"trikrat",
                r"nobenega odgovora", r"kljub temu"),
)
