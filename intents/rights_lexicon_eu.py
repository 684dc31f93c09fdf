"""The six further rights in German and French, and by their names in the other languages
the classifier reads (see rights_words for what each field means)."""

from __future__ import annotations

from intents.rights_words import (
    FACTS_DE,
    FACTS_FR,
    MY_DE,
    MY_FR,
    RightWords,
)

DE: dict[str, RightWords] = {
    "rectification": RightWords(
        terms=(r"berichtigung (?:meiner|der|unserer) (?:\w+ )?daten",
               r"(?:recht|antrag|anspruch) auf berichtigung", r"berichtigungsantrag"),
        verbs=(r"berichtig", r"korrigier", r"aktualisier", r"andern", r"anderung", r"geandert",
               r"richtigstell", r"richtig ?zu ?stellen", r"verbesser"),
        objects=(MY_DE + FACTS_DE,),
        verb_last=True,
        signs=(MY_DE + FACTS_DE + r"(?:\W+\w+){0,6}?\W+(?:falsch|fehlerhaft|unrichtig"
               r"|veraltet|nicht (?:korrekt|richtig|aktuell))\w*",
               r"\b(?:ist|sind|wurde|wurden) (?:\w+\W+){0,4}?" + MY_DE + FACTS_DE
               + r"(?:\W+\w+){0,3}?\W+(?:falsch|fehlerhaft|unrichtig|veraltet)\w*",
               r"\bberichtigung\b"),
        pronoun_requests=(
            r"\b(?:korrigieren|berichtigen|andern|aktualisieren) sie (?:bitte )?(?:das|dies"
            r"|ihn|es)\b",
            r"\b(?:das|dies|ihn|es) (?:bitte )?(?:zu )?(?:korrigieren|berichtigen|andern"
            r"|aktualisieren)\b"),
        examples=("Ich bitte Sie, meine Daten gemäß Art. 16 DSGVO zu berichtigen.",
                  "Bitte korrigieren Sie meine Adresse.",
                  "Berichtigung meiner personenbezogenen Daten"),
        near_misses=("Könnten Sie bitte die Rechnung 2211 korrigieren?",
                     "Bitte ändern Sie den Termin auf Montag."),
    ),
    "restriction": RightWords(
        terms=(r"einschrankung der verarbeitung", r"recht auf einschrankung",
               r"sperrung (?:meiner|der|unserer) (?:\w+ )?daten"),
        verbs=(r"einschrank", r"sperr", r"schrank\w* (?:die )?verarbeitung"),
        objects=(r"verarbeitung (?:meiner|der|unserer)\b", MY_DE + r"daten\b"),
        verb_last=True,
        signs=(r"\beinschrankung\b",),
        examples=("Ich verlange die Einschränkung der Verarbeitung meiner Daten.",
                  "Bitte sperren Sie meine Daten, solange das geprüft wird."),
        near_misses=("Bitte sperren Sie die Tür ab.",),
    ),
    "portability": RightWords(
        terms=(r"datenubertragbarkeit", r"ubertragbarkeit", r"maschinenlesbar\w*",
               r"strukturierten,? gangigen"),
        verbs=(r"ubermitteln\b", r"ubertragen\b"),
        objects=(r"(?:meine daten|die daten|sie)\W+(?:\w+\W+){0,3}?(?:direkt )?an (?:einen"
                 r"|eine|meinen) (?:anderen|andere|neuen|neue) (?:verantwortlichen|anbieter"
                 r"|dienst|firma|studio|unternehmen)\b",),
        examples=("Bitte stellen Sie mir die Daten in einem maschinenlesbaren Format bereit.",
                  "Ich mache mein Recht auf Datenübertragbarkeit geltend."),
        near_misses=("Ist die Kamera übertragbar auf meinen Bruder?",),
    ),
    "objection": RightWords(
        terms=(r"widerspruchsrecht", r"widerspruch gegen die (?:\w+ )?verarbeitung"),
        verbs=(r"widersprech", r"widerspreche", r"widerspruch"),
        objects=(r"(?:verarbeitung|nutzung|verwendung|analyse|auswertung|profilbildung"
                 r"|profiling|verwendet|genutzt|veroffentlicht|gezeigt)\b",),
        verb_last=True,
        signs=(r"\bwiderspruch\b",),
        examples=("Hiermit widerspreche ich der Verarbeitung meiner Daten zur Analyse.",
                  "Ich lege Widerspruch gegen die Verarbeitung meiner Daten ein."),
        near_misses=("Ich widerspreche der Verwendung meiner Daten für Werbung.",
                     "Da muss ich Ihnen widersprechen, das Foto war unscharf."),
    ),
    "automated_decision": RightWords(
        terms=(r"menschliche\w* (?:eingreifen|eingriff|uberprufung|prufung)",),
        signs=(r"\bautomatisierte\w* (?:einzel)?entscheidung\w*",
               r"\b(?:vollautomatisch\w*|automatisch|maschinell|algorithmus)\b(?:\W+\w+){0,3}?"
               r"\W+(?:abgelehnt|entschieden|bewertet|gesperrt)\b",
               r"\bein (?:mensch|mitarbeiter|sachbearbeiter)\w*\b(?:\W+\w+){0,4}?\W+"
               r"(?:uberpruft|pruft|ansieht|entscheidet)\b",
               r"\b(?:diese|die|meine) (?:entscheidung|ablehnung)\b(?:\W+\w+){0,3}?\W+"
               r"(?:uberpruf|prufen|anfecht|anzufecht)\w*|\b(?:uberpruf|prufen|anfecht)\w*\W+"
               r"(?:\w+\W+)?(?:diese|die|meine) (?:entscheidung|ablehnung)\b"),
        examples=("Ich verlange, dass ein Mensch diese Entscheidung überprüft.",
                  "Bei der automatisierten Entscheidung verlange ich menschliches Eingreifen."),
        near_misses=("Dies ist eine automatisch erstellte Nachricht.",),
    ),
    "consent_withdrawal": RightWords(
        terms=(r"widerruf (?:meiner|der|dieser) einwilligung",),
        verbs=(r"widerruf", r"ziehe\w*", r"zuruckzieh", r"zuruckgezogen"),
        objects=(r"(?:einwilligung|zustimmung|einverstandnis)\b",),
        verb_last=True,
        examples=("Diese Einwilligung widerrufe ich hiermit.",
                  "Ich ziehe meine Einwilligung zur Nutzung der Fotos zurück."),
        near_misses=("Ich widerrufe meine Einwilligung in den Newsletter.",),
    ),
}

FR: dict[str, RightWords] = {
    "rectification": RightWords(
        terms=(r"droit de rectification", r"rectification de (?:mes|mon|ma|vos) ",
               r"demande de rectification"),
        verbs=(r"corrig", r"rectifi", r"mett\w* a jour", r"modifi", r"actualis", r"chang"),
        objects=(MY_FR + FACTS_FR,),
        signs=(MY_FR + FACTS_FR + r"(?:\W+\w+){0,8}?\W+(?:est|sont|etait|figure\w*)\W+"
               r"(?:\w+\W+)?(?:errone\w*|inexact\w*|incorrect\w*|fausse?s?|perime\w*"
               r"|obsolete\w*)\b",
               r"\brectification\b"),
        pronoun_requests=(
            r"\b(?:la|les|le) (?:corriger|rectifier|mettre a jour|modifier)\b",
            r"\b(?:corrigez|rectifiez|modifiez)-(?:la|le|les)\b"),
        examples=("Je vous demande de bien vouloir corriger mes coordonnées.",
                  "Merci de mettre à jour mon adresse.",
                  "J'exerce mon droit de rectification."),
        near_misses=("Pouvez-vous corriger la faute sur votre site ?",
                     "Pouvez-vous changer l'heure du rendez-vous ?"),
    ),
    "restriction": RightWords(
        terms=(r"limitation du traitement", r"droit a la limitation"),
        verbs=(r"limit", r"gel", r"bloqu", r"suspend"),
        objects=(r"(?:traitement|usage|utilisation)\b(?:\W+\w+){0,2}?\W+de"
                 r" (?:mes|mon|ma|nos)\b", MY_FR + r"donnees\b"),
        signs=(r"\blimitation\b",),
        examples=("Je demande la limitation du traitement de mes données.",
                  "Merci de geler mes données le temps de la vérification."),
        near_misses=("Limitez le nombre de photos à dix.",),
    ),
    "portability": RightWords(
        terms=(r"portabilite", r"lisible par (?:une )?machine", r"format structure"),
        verbs=(r"transmettre\b", r"transmettez\b", r"transferer\b", r"transferez\b"),
        objects=(r"(?:mes donnees|les donnees|les|tout)\W+(?:\w+\W+){0,3}?(?:directement )?a"
                 r" (?:un autre|une autre|mon nouveau|ma nouvelle) (?:responsable|prestataire"
                 r"|fournisseur|societe|service|studio)\b",),
        examples=("Je souhaite exercer mon droit à la portabilité.",
                  "Merci de transmettre mes données directement à un autre prestataire."),
        near_misses=("Avez-vous un flash portable ?",),
    ),
    "objection": RightWords(
        terms=(r"droit d'opposition", r"opposition au traitement"),
        verbs=(r"m'oppose", r"nous opposons", r"oppos"),
        objects=(r"(?:traitement|utilisation|usage|analyse|profilage|interet legitime"
                 r"|utilisee?s?|publiee?s?|affichee?s?)\b",),
        signs=(r"\bopposition\b",),
        examples=("Je m'oppose au traitement de mes données à des fins de statistiques.",
                  "J'exerce mon droit d'opposition."),
        near_misses=("Je m'oppose au traitement de mes données à des fins de prospection.",
                     "Je m'oppose à cette hausse de prix."),
    ),
    "automated_decision": RightWords(
        terms=(r"intervention humaine", r"reexamen humain"),
        signs=(r"\bdecision\w* automatis\w*|\bdecision\w* automatique\w*",
               r"\b(?:refuse\w*|rejete\w*|decide\w*|prise?s?)(?:\W+\w+){0,4}?\W+"
               r"(?:automatiquement|par (?:un|votre|le) (?:algorithme|systeme|logiciel))\b",
               r"\bqu'(?:une personne|un humain|un etre humain|un collaborateur|un conseiller)"
               r"\W+(?:\w+\W+)?(?:examine|reexamine|revoie|regarde)\b",
               r"\b(?:reexamin|contest|revoi)\w*\W+(?:\w+\W+)?(?:cette|la|ma) (?:decision"
               r"|refus)\b"),
        examples=("Je souhaite obtenir une intervention humaine et contester cette décision.",
                  "Ma demande a été refusée automatiquement. Je demande qu'une personne la "
                  "réexamine."),
        near_misses=("Ceci est une réponse automatique.",),
    ),
    "consent_withdrawal": RightWords(
        terms=(r"retrait (?:de|du) (?:mon )?consentement",),
        verbs=(r"retir", r"revoqu", r"revoc", r"annul"),
        objects=(r"(?:consentement|autorisation|accord)\b",),
        examples=("Je retire mon consentement à l'utilisation de ma photo.",
                  "Je révoque l'autorisation donnée pour les photos."),
        near_misses=("Je retire mon consentement pour la newsletter.",),
    ),
}

# The other languages read today: the right's own name, as formal letters write it.
OTHERS: dict[str, RightWords] = {
    "rectification": RightWords(
        terms=(r"diritto di rettifica", r"rettifica dei (?:miei )?dati", r"direito de"
               r" retificacao", r"retificacao dos (?:meus )?dados", r"recht op rectificatie",
               r"rectificatie van (?:mijn )?(?:persoons)?gegevens", r"ratt till rattelse",
               r"rattelse av (?:mina )?(?:person)?uppgifter", r"prawo do sprostowania",
               r"sprostowani\w* (?:moich )?danych", r"oprav\w* (?:mych )?(?:osobnich )?udaj\w*",
               r"pravo na opravu", r"pravo na ispravak", r"ispravak (?:mojih )?(?:osobnih )?"
               r"podataka", r"δικαιωμα διορθωσησ", r"διορθωση των (?:προσωπικων )?δεδομενων",
               r"dreptul la rectificare", r"rectificarea datelor", r"dret de rectificacio",
               r"rectificacio de les (?:meves )?dades"),
        signs=(r"\b(?:rettifica\w*|retificacao|rectificatie|rattelse|sprostowani\w*|oprav[ua]"
               r"|ispravljanj\w*|ispravak|διορθωσ\w*|rectificar\w*|rectificacio)\b",),
        examples=("Chiedo la rettifica dei miei dati.", "Verzoek om rectificatie van mijn "
                  "persoonsgegevens.", "Sol·licito la rectificació de les meves dades.",
                  "Ασκώ το δικαίωμα διόρθωσης."),
    ),
    "restriction": RightWords(
        terms=(r"limitazione del trattamento", r"limitacao do tratamento",
               r"beperking van de verwerking", r"begransning av behandling\w*",
               r"ograniczeni\w* przetwarzania", r"omezeni zpracovani", r"ogranicavanje obrade",
               r"περιορισμο\w* (?:τησ )?επεξεργασιασ", r"restrictionarea prelucrarii",
               r"limitacio del tractament"),
        signs=(r"\b(?:limitazione|limitacao|beperking|begransning|ograniczeni\w*|omezeni"
               r"|ogranicavanj\w*|περιορισμ\w*|restrictionar\w*|limitacio)\b",),
        examples=("Chiedo la limitazione del trattamento.", "Żądam ograniczenia przetwarzania.",
                  "Ζητώ τον περιορισμό της επεξεργασίας."),
    ),
    "portability": RightWords(
        terms=(r"portabilita", r"portabilidade", r"overdraagbaarheid", r"dataportabilitet",
               r"przenoszeni\w* danych", r"prenositelnost\w*", r"prenosit\w* udaj\w*",
               r"φορητοτητα", r"portabilitate\w*", r"portabilitat"),
        examples=("Esercito il diritto alla portabilità dei dati.",
                  "Ik vraag om overdraagbaarheid van mijn gegevens."),
    ),
    "objection": RightWords(
        terms=(r"opposizione al trattamento", r"mi oppongo al trattamento",
               r"oposicao ao tratamento", r"oponho-me ao tratamento", r"bezwaar tegen de"
               r" verwerking", r"invandning mot (?:behandling\w*|er behandling)",
               r"sprzeciw wobec przetwarzania", r"namitk\w* proti zpracovani",
               r"prigovor na obradu", r"αντιταξη στην επεξεργασια", r"opozitie la prelucrare\w*",
               r"oposicio al tractament", r"m'oposo al tractament"),
        signs=(r"\b(?:opposizione|oposicao|bezwaar|invandning|sprzeciw|namitk\w*|prigovor\w*"
               r"|αντιρρησ\w*|αντιταξ\w*|opozitie|oposicio)\b",),
        examples=("Mi oppongo al trattamento dei miei dati.",
                  "Maak bezwaar tegen de verwerking van mijn gegevens."),
    ),
    "automated_decision": RightWords(
        terms=(r"intervento umano", r"intervencao humana", r"menselijke tussenkomst",
               r"intervencio humana", r"manskligt ingripande", r"interwencji ludzkiej",
               r"lidsky zasah", r"ljudsk\w* intervencij\w*", r"ανθρωπινη παρεμβαση",
               r"interventie umana"),
        signs=(r"\b(?:decisione automatizzata|decisao automatizada|geautomatiseerde besluit\w*"
               r"|automatiserat beslut|zautomatyzowan\w* decyzj\w*|automatizovan\w* rozhodovani"
               r"|automatizirano donosenje odluka|αυτοματοποιημεν\w* αποφασ\w*"
               r"|decizie automatizata|decisio automatitzada)",),
        examples=("Chiedo l'intervento umano sulla decisione automatizzata.",),
    ),
    "consent_withdrawal": RightWords(
        terms=(r"revoco il (?:mio )?consenso", r"ritiro il (?:mio )?consenso",
               r"revoca del consenso", r"retiro o meu consentimento", r"revogo o (?:meu )?"
               r"consentimento", r"trek (?:hierbij )?mijn toestemming in",
               r"intrekken van (?:mijn )?toestemming", r"aterkallar (?:mitt )?samtycke",
               r"wycofuje (?:moja )?zgode", r"odvolavam (?:svuj )?souhlas",
               r"povlacim (?:svoju )?privolu", r"ανακαλω τη συγκαταθεση",
               r"retrag consimtamantul", r"retiro el meu consentiment"),
        examples=("Revoco il mio consenso all'uso delle foto.",
                  "Ik trek hierbij mijn toestemming in."),
    ),
}
