"""The words of the six further rights, per language, as data (compiled by rules_rights.py).

Each right in each language is read by the same mechanisms, so a language is added by adding
its words, not code:
- `terms`: the right's own name in that language's law ("right to rectification", "derecho
  de oposición", "Einschränkung der Verarbeitung"): enough alone;
- `verbs` + `objects`: a request verb near what it acts on, in one sentence ("fix my name",
  "rectifiquéis mis datos"); with `verb_last` also the object first ("meine Daten ...
  berichtigen", "this decision reviewed by a person");
- `pronoun_requests`: a request whose object is a pronoun ("please fix it", "¿lo podéis
  corregir?"): counts (0.75) only after one of the languages' personal facts (`FACTS`) in
  the words just before, which the pronoun stands for;
- `signs`: words that only count together ("my address is wrong" and "please update it"):
  each weighs 0.4, two of them make the intent.
Patterns are regular-expression fragments over folded text (textnorm.fold: lower case, no
accents, plain quotes); verbs are word beginnings. `examples` must be read as the right and
`near_misses` must not (tests/intents/test_rights_lexicon.py runs them all).

An objection to direct marketing and a withdrawn marketing consent are `opt_out`, not these
rights: the classifier drops `objection` and `consent_withdrawal` in a sentence that speaks
of marketing (rules_rights.MARKETING).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

# The GDPR article of each right: a formal letter names it ("Art. 16 DSGVO").
ARTICLES: dict[str, str] = {"rectification": "16", "restriction": "18", "portability": "20",
                            "objection": "21", "automated_decision": "22"}
# Access letters ask about "automated decision-making under Article 22" without contesting
# one: for that right only a request for a person counts, the article adds little.
ARTICLE_WEIGHTS: dict[str, float] = {"automated_decision": 0.15}


class RightWords(BaseModel):
    """How one language asks for one right."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    terms: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    verb_last: bool = False
    pronoun_requests: tuple[str, ...] = ()
    signs: tuple[str, ...] = ()
    examples: tuple[str, ...] = Field(min_length=1)
    near_misses: tuple[str, ...] = ()

    @field_validator("terms", "verbs", "objects", "pronoun_requests", "signs")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            if not pattern.strip():
                raise ValueError("an empty pattern matches everything")
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is no regular expression: {exc}") from exc
        return patterns


# Possessives before a personal-data noun, with up to two words between ("my postal address").
_MY_EN = r"(?:my|our|his|her)\W+(?:\w+\W+){0,2}?"
_MY_ES = r"(?:mis|mi|nuestros|nuestra|nuestro)\W+(?:\w+\W+){0,2}?"
_MY_DE = r"(?:meine|meinen|meiner|meines|mein|unsere|unser)\W+(?:\w+\W+){0,2}?"
_MY_FR = r"(?:mes|mon|ma|nos|notre)\W+(?:\w+\W+){0,2}?"
# Personal-data nouns whose accuracy a person can dispute.
_FACTS_EN = (r"(?:name|surname|first name|last name|address|e-?mail|phone|number|date of birth"
             r"|birthday|details|data|information|info|records?|title|gender|spelling|account"
             r" details|profile|postcode|zip code|job title|employer|nationality)\b")
_FACTS_ES = (r"(?:datos|nombre|apellidos?|direccion|domicilio|telefono|movil|correo|email"
             r"|fecha de nacimiento|dni|nif|ficha|perfil|informacion|codigo postal)\b")
_FACTS_DE = (r"(?:daten|name\w*|nachname\w*|vorname\w*|adresse|anschrift|e-mail\w*"
             r"|telefonnummer|handynummer|nummer|geburtsdatum|angaben|eintrag\w*|profil"
             r"|kundendaten|stammdaten|wohnort|postleitzahl)\b")
_FACTS_FR = (r"(?:donnees|coordonnees|nom|prenom|adresse|e-?mail|telephone|numero|date de"
             r" naissance|informations?|profil|dossier|fiche|code postal|civilite)\b")
# Processing words an objection or a restriction is about.
# "I object to my photo being used": the passive names the processing too.
_USE_EN = (r"(?:processing|process|use|using|usage|analys\w*|profiling|tracking|monitoring"
           r"|(?:being )?(?:used|processed|shown|displayed|published|analysed|analyzed)"
           r"|legitimate interests?)\b")
_WRONG_EN = (r"(?:wrong|incorrect|inaccurate|misspel\w*|spelt wrong|spelled wrong|out of date"
             r"|outdated|not correct|not right|mistaken|erroneous)\b")
_HUMAN_EN = (r"(?:human|person|real person|member of (?:staff|your team)|someone|somebody"
             r"|people)\b")

# What a pronoun in a correction request may stand for: the sender's own fact ("my
# surname"), said to be wrong ("spelled Olsen not Olson", "en lugar de", "falsch") in the
# words before it. "Fix this now" after "my home address" on a leaked file is no correction.
FACTS: tuple[str, ...] = (_MY_EN + _FACTS_EN, _MY_ES + _FACTS_ES, _MY_DE + _FACTS_DE,
                          _MY_FR + _FACTS_FR)
INACCURACY: tuple[str, ...] = (
    _WRONG_EN, r"(?:old|spelled|spelt|should be|instead of|is actually|but it'?s)\b",
    r"(?:incorrect\w*|erroneo\w*|erronea\w*|mal|equivocad\w*|desactualizad\w*|antigu\w*"
    r"|en lugar de|en vez de|pero es)\b",
    r"(?:falsch\w*|fehlerhaft\w*|unrichtig\w*|veraltet\w*|alte|alten|richtig ist|statt)\b",
    r"(?:errone\w*|inexact\w*|incorrect\w*|fausse?s?|perime\w*|obsolete\w*|ancienne?"
    r"|au lieu de|et non)\b")

EN: dict[str, RightWords] = {
    "rectification": RightWords(
        terms=(r"right to rectification", r"rectification of (?:my|our|the) (?:personal )?data",
               r"request\w* (?:for )?rectification", r"rectification request"),
        # Asked for, not told of: "I just changed my email address" reports, it asks nothing.
        verbs=(r"correct(?:ing)?\b", r"rectify(?:ing)?\b", r"fix(?:ing)?\b", r"amend(?:ing)?\b",
               r"updat(?:e|ing)\b", r"chang(?:e|ing)\b", r"put right"),
        pronoun_requests=(r"\b(?:correct|fix|amend|update|rectify|change) (?:it|this|that|them"
                          r"|these|those)\b",),
        objects=(_MY_EN + _FACTS_EN + r"(?!\W+(?:preferences|settings|subscriptions?))",
                 r"(?:the|your) " + _FACTS_EN + r"(?:\W+\w+){0,2}?\W+(?:on|in|for|of) (?:my|our)"
                 r"\b",
                 r"your (?:records|files|customer records|file on me)\b",
                 r"(?:the )?(?:data|details|information|records?) (?:you hold|you have|held)"
                 r" (?:about|on|for) me\b"),
        signs=(_MY_EN + _FACTS_EN + r"(?:\W+\w+){0,8}?\W+(?:is|are|was|were|has been|have"
               r" been|appears?|shows?)\W+(?:\w+\W+){0,2}?" + _WRONG_EN,
               r"\brectification\b",
               r"\b(?:my|our) new (?:home |postal )?(?:address|e-?mail(?: address)?|number|phone"
               r" number|surname|name|last name) (?:is|will be)\b|\b" + _MY_EN + _FACTS_EN
               + r" (?:has|have) changed\b"),
        examples=("Could you fix my name in your records please?",
                  "Please update my postal address to 4 Elm Road.",
                  "I exercise my right to rectification.",
                  "My date of birth on file is wrong. Please correct it."),
        near_misses=("Please correct the typo on your website.",
                     "Can you change the time of my session to 3pm?",
                     "We have updated our privacy policy."),
    ),
    "restriction": RightWords(
        terms=(r"restriction of (?:the )?processing", r"right to restrict\w*",
               r"right to (?:the )?restriction", r"restrict processing"),
        verbs=(r"restrict", r"limit", r"freez", r"suspend", r"block", r"put on hold"),
        objects=(r"(?:processing|use|usage)\b(?:\W+\w+){0,3}?\W+(?:of )?"
                 r"(?:my|our|me)\b",
                 _MY_EN + r"(?:personal )?(?:data|information|details|records)\b"),
        signs=(r"\brestriction\b",),
        examples=("I am asking you to restrict the processing of my personal data.",
                  "Please freeze my data until the dispute is settled.",
                  "I request restriction of processing under Article 18."),
        near_misses=("Please limit the number of emails you send to the team.",
                     "Our account is blocked, can you help?"),
    ),
    "portability": RightWords(
        terms=(r"data portability", r"portability", r"machine[- ]readable",
               r"structured,? commonly used"),
        verbs=(r"transmit\b", r"transfer\b", r"port\b"),
        objects=(r"(?:it|them|my data|my \w+|the data|everything)\W+(?:\w+\W+){0,3}?(?:directly )?"
                 r"to (?:another|a new|my new|the new|a different) (?:controller|provider"
                 r"|company|service|studio|organi[sz]ation|business)\b",),
        examples=("Under my right to data portability, send me my bookings as CSV.",
                  "Please transmit my data directly to my new provider.",
                  "I want my data in a machine-readable format."),
        near_misses=("Is the portable studio light for sale?",),
    ),
    "objection": RightWords(
        terms=(r"right to object", r"objection to (?:the |any |further )?processing"),
        verbs=(r"object(?:s|ing)?\b", r"oppos(?:e|ing)\b"),
        objects=(_USE_EN,),
        signs=(r"\bobjection\b",),
        examples=("I object to this processing of my personal data.",
                  "I object to you analysing my viewing behaviour on legitimate interests.",
                  "I exercise my right to object."),
        near_misses=("I object to the new price of the prints.",
                     "I object to the processing of my data for direct marketing."),
    ),
    "automated_decision": RightWords(
        terms=(r"human intervention", r"human review"),
        signs=(r"\b(?:automated|automatic) decision\w*|\bsolely (?:on )?automated",
               r"\b(?:rejected|refused|declined|decided|turned down|denied|scored)"
               r"(?:\W+\w+){0,6}?\W+automatically\b|\bautomatically (?:rejected|refused"
               r"|declined|decided|turned down|denied|scored)\b|\bno (?:human|person|one)"
               r" (?:ever )?(?:looked|reviewed|checked|read)\b",
               r"\b(?:want|need|like|ask|request|expect)\w*\W+(?:\w+\W+){0,2}?(?:a |an actual "
               r"|a real )?" + _HUMAN_EN + r"(?:\W+\w+){0,2}?\W+(?:to )?(?:review|reconsider"
               r"|look at|re-?examine|check|decide)\b",
               r"\b(?:review|reconsider|re-?examin|contest|challeng)\w*\W+(?:\w+\W+)?(?:this|that"
               r"|the|my|your) (?:automated |automatic )?(?:decision|rejection|refusal)\b"),
        examples=("I want a human to review that decision, it was rejected automatically.",
                  "I request human intervention in the automated decision about my loan.",
                  "My application was turned down automatically. I ask a person to look at "
                  "it again."),
        near_misses=("This is an automated message, please do not reply.",),
    ),
    "consent_withdrawal": RightWords(
        terms=(r"i no longer consent", r"withdrawal of (?:my )?consent"),
        verbs=(r"withdraw", r"revok", r"retract", r"cancel", r"take back", r"taking back"),
        objects=(r"(?:consent|permission)\b",),
        verb_last=True,
        examples=("I'm withdrawing that consent now.",
                  "I withdraw my consent to the use of my photos in your portfolio.",
                  "The permission I gave you is hereby withdrawn."),
        near_misses=("I withdraw my consent to receive your newsletter.",
                     "Thank you for the consent form."),
    ),
}

ES: dict[str, RightWords] = {
    "rectification": RightWords(
        terms=(r"derecho de rectificacion", r"rectificacion de (?:mis|los|sus) datos",
               r"solicitud de rectificacion"),
        verbs=(r"rectifiq", r"rectific", r"correg", r"corrij", r"actualic", r"actualiz",
               r"modifiq", r"modific", r"cambi", r"subsan"),
        objects=(_MY_ES + _FACTS_ES,),
        verb_last=True,
        signs=(_MY_ES + _FACTS_ES + r"(?:\W+\w+){0,6}?\W+(?:es|son|esta|estan|aparece\w*"
               r"|figura\w*)\W+(?:\w+\W+)?(?:incorrect\w*|erroneo\w*|erronea\w*|mal|equivocad\w*"
               r"|desactualizad\w*|antigu\w*)\b",
               r"\brectificacion\b"),
        pronoun_requests=(
            r"\b(?:corrijan|corregid|corrijais|actualicen|actualizad|cambiad|cambien|corregir"
            r"|rectificar|actualizar|cambiar|modificar)(?:lo|la|los|las)\b",
            r"\b(?:lo|la|los|las) (?:\w+ )?(?:podeis|pueden|puede|podrias|podria|podrian)"
            r" (?:corregir|rectificar|actualizar|cambiar|modificar)\b",
            r"\b(?:lo|la|los|las) (?:corrijan|corrijais|rectifiquen|rectifiqueis|actualicen"
            r"|cambien)\b"),
        examples=("Os pido que rectifiquéis mis datos.",
                  "Por favor, actualicen mi dirección en su base de datos.",
                  "Ejerzo mi derecho de rectificación."),
        near_misses=("¿Podéis cambiar la hora de la sesión?",
                     "Corregid la errata de la web, por favor."),
    ),
    "restriction": RightWords(
        terms=(r"limitacion del tratamiento", r"derecho a la limitacion",
               r"limitacion de(?:l uso de)? (?:mis|los) datos"),
        verbs=(r"limit", r"bloque", r"suspend", r"restring"),
        objects=(r"(?:tratamiento|uso)\b(?:\W+\w+){0,2}?\W+de (?:mis|los) datos\b",
                 _MY_ES + r"datos\b"),
        signs=(r"\blimitacion\b",),
        examples=("Ejerzo mi derecho a la limitación del tratamiento.",
                  "Solicito que limitéis el tratamiento de mis datos."),
        near_misses=("Limitad el número de fotos a diez.",),
    ),
    "portability": RightWords(
        terms=(r"portabilidad", r"formato estructurado", r"lectura mecanica",
               r"legible por (?:una )?maquina"),
        verbs=(r"transmit(?:id|an|ais|ir)\b", r"transfer(?:id|an|ais|ir)\b", r"envi(?:ad|en)\b"),
        objects=(r"(?:mis datos|los datos|todo)\W+(?:\w+\W+){0,3}?(?:directamente )?a (?:otro"
                 r"|otra|un nuevo|una nueva|mi nuevo|mi nueva) (?:responsable|proveedor"
                 r"|empresa|servicio|estudio|compania)\b",),
        examples=("Quiero ejercer mi derecho a la portabilidad de los datos.",
                  "Transmitid mis datos directamente a otro responsable."),
        near_misses=("¿Tenéis un flash portátil?",),
    ),
    "objection": RightWords(
        terms=(r"derecho de oposicion", r"oposicion al tratamiento"),
        verbs=(r"me opongo", r"nos oponemos", r"opon"),
        objects=(r"(?:tratamiento|uso|utilic\w*|utilicen|usen|useis|analisis|perfil\w*"
                 r"|interes legitimo|usad\w*|utilizad\w*|publicad\w*|mostrad\w*)\b",),
        signs=(r"\boposicion\b",),
        examples=("Me opongo al tratamiento de mis datos personales para ese fin.",
                  "Ejerzo mi derecho de oposición."),
        near_misses=("Me opongo al tratamiento de mis datos con fines de publicidad.",
                     "Me opongo a la subida de precios."),
    ),
    "automated_decision": RightWords(
        terms=(r"intervencion humana", r"revision humana"),
        signs=(r"\bdecision\w* automatizad\w*|\bdecision\w* automatica\w*",
               r"\b(?:denegad|rechazad|decidid)\w*(?:\W+\w+){0,5}?\W+(?:automaticamente|de"
               r" forma automatica|de manera automatica|por (?:el|un|vuestro|su) (?:sistema"
               r"|algoritmo))\b|\bsin que nadie (?:la|lo) revis\w*",
               r"\b(?:que|quiero que|pido que) (?:una persona|un humano|alguien)\W+(?:\w+\W+)?"
               r"(?:revise|revisara|examine|reconsidere)\b",
               r"\b(?:revis|reconsider|impugn)\w*\W+(?:\w+\W+)?(?:esta|esa|la|mi) (?:decision"
               r"|denegacion)\b"),
        examples=("Solicito la intervención humana en esa decisión.",
                  "Mi solicitud fue denegada automáticamente. Pido que una persona la revise."),
        near_misses=("Recibí una respuesta automática.",),
    ),
    "consent_withdrawal": RightWords(
        terms=(r"ya no (?:doy|presto) mi consentimiento", r"retirada del consentimiento"),
        verbs=(r"retir", r"revoc", r"revoq", r"anul"),
        objects=(r"(?:consentimiento|autorizacion|permiso)\b",),
        verb_last=True,
        examples=("Retiro ese consentimiento con efecto inmediato.",
                  "Revoco mi consentimiento para usar mi imagen en vuestra web."),
        near_misses=("Retiro mi consentimiento para recibir publicidad.",),
    ),
}

DE: dict[str, RightWords] = {
    "rectification": RightWords(
        terms=(r"berichtigung (?:meiner|der|unserer) (?:\w+ )?daten",
               r"(?:recht|antrag|anspruch) auf berichtigung", r"berichtigungsantrag"),
        verbs=(r"berichtig", r"korrigier", r"aktualisier", r"andern", r"anderung", r"geandert",
               r"richtigstell", r"richtig ?zu ?stellen", r"verbesser"),
        objects=(_MY_DE + _FACTS_DE,),
        verb_last=True,
        signs=(_MY_DE + _FACTS_DE + r"(?:\W+\w+){0,6}?\W+(?:falsch|fehlerhaft|unrichtig"
               r"|veraltet|nicht (?:korrekt|richtig|aktuell))\w*",
               r"\b(?:ist|sind|wurde|wurden) (?:\w+\W+){0,4}?" + _MY_DE + _FACTS_DE
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
        objects=(r"verarbeitung (?:meiner|der|unserer)\b", _MY_DE + r"daten\b"),
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
        objects=(_MY_FR + _FACTS_FR,),
        signs=(_MY_FR + _FACTS_FR + r"(?:\W+\w+){0,8}?\W+(?:est|sont|etait|figure\w*)\W+"
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
                 r" (?:mes|mon|ma|nos)\b", _MY_FR + r"donnees\b"),
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
               r"podataka", r"δικαιωμα διορθωσης", r"διορθωση των (?:προσωπικων )?δεδομενων",
               r"dreptul la rectificare", r"rectificarea datelor", r"dret de rectificacio",
               r"rectificacio de les (?:meves )?dades"),
        signs=(r"\b(?:rettifica\w*|retificacao|rectificatie|rattelse|sprostowani\w*|oprav[ua]"
               r"|ispravljanj\w*|ispravak|διορθωσ\w*|rectificar\w*|rectificacio)\b",),
        examples=("Chiedo la rettifica dei miei dati.", "Verzoek om rectificatie van mijn "
                  "persoonsgegevens.", "Sol·licito la rectificació de les meves dades."),
    ),
    "restriction": RightWords(
        terms=(r"limitazione del trattamento", r"limitacao do tratamento",
               r"beperking van de verwerking", r"begransning av behandling\w*",
               r"ograniczeni\w* przetwarzania", r"omezeni zpracovani", r"ogranicavanje obrade",
               r"περιορισμο\w* (?:της )?επεξεργασιας", r"restrictionarea prelucrarii",
               r"limitacio del tractament"),
        signs=(r"\b(?:limitazione|limitacao|beperking|begransning|ograniczeni\w*|omezeni"
               r"|ogranicavanj\w*|περιορισμ\w*|restrictionar\w*|limitacio)\b",),
        examples=("Chiedo la limitazione del trattamento.", "Żądam ograniczenia przetwarzania."),
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

LEXICON: dict[str, dict[str, RightWords]] = {"en": EN, "es": ES, "de": DE, "fr": FR,
                                             "others": OTHERS}
