"""The six further rights in English and Spanish, and the whole lexicon (see rights_words
for what each field means and how the words are read); German, French and the other
languages are in rights_lexicon_eu.py."""

from __future__ import annotations

from intents.rights_lexicon_eu import DE, FR, OTHERS
from intents.rights_words import (
    FACTS_EN,
    FACTS_ES,
    HUMAN_EN,
    MY_EN,
    MY_ES,
    USE_EN,
    WRONG_EN,
    RightWords,
)

EN: dict[str, RightWords] = {
    "rectification": RightWords(
        terms=(r"right to rectification", r"rectification of (?:my|our|the) (?:personal )?data",
               r"request\w* (?:for )?rectification", r"rectification request"),
        # Asked for, not told of: "I just changed my email address" reports, it asks nothing.
        verbs=(r"correct(?:ing)?\b", r"rectify(?:ing)?\b", r"fix(?:ing)?\b", r"amend(?:ing)?\b",
               r"updat(?:e|ing)\b", r"chang(?:e|ing)\b", r"put right"),
        pronoun_requests=(r"\b(?:correct|fix|amend|update|rectify|change) (?:it|this|that|them"
                          r"|these|those)\b",),
        objects=(MY_EN + FACTS_EN + r"(?!\W+(?:preferences|settings|subscriptions?))",
                 r"(?:the|your) " + FACTS_EN + r"(?:\W+\w+){0,2}?\W+(?:on|in|for|of) (?:my|our)"
                 r"\b",
                 r"your (?:records|files|customer records|file on me)\b",
                 r"(?:the )?(?:data|details|information|records?) (?:you hold|you have|held)"
                 r" (?:about|on|for) me\b"),
        signs=(MY_EN + FACTS_EN + r"(?:\W+\w+){0,8}?\W+(?:is|are|was|were|has been|have"
               r" been|appears?|shows?)\W+(?:\w+\W+){0,2}?" + WRONG_EN,
               r"\brectification\b",
               r"\b(?:my|our) new (?:home |postal )?(?:address|e-?mail(?: address)?|number|phone"
               r" number|surname|name|last name) (?:is|will be)\b|\b" + MY_EN + FACTS_EN
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
                 MY_EN + r"(?:personal )?(?:data|information|details|records)\b"),
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
        objects=(USE_EN,),
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
               r"|a real )?" + HUMAN_EN + r"(?:\W+\w+){0,2}?\W+(?:to )?(?:review|reconsider"
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
        objects=(MY_ES + FACTS_ES,),
        verb_last=True,
        signs=(MY_ES + FACTS_ES + r"(?:\W+\w+){0,6}?\W+(?:es|son|esta|estan|aparece\w*"
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
                 MY_ES + r"datos\b"),
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

LEXICON: dict[str, dict[str, RightWords]] = {"en": EN, "es": ES, "de": DE, "fr": FR,
                                             "others": OTHERS}
