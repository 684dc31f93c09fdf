"""Spanish, French and German rules, over folded text (lower case, accents removed).

The same shapes as the English rules: a request verb near a personal-data object, fixed
terms of data-protection law (derecho de acceso, droit à l'oubli, Auskunft), opt-out idioms
that carry their own negation, and complaints that need data-handling context.
"""

from __future__ import annotations

from intents.ruleparts import RawRule, gap, gap_any

ES_OBJ = (r"(?:datos|cuenta|perfil|informacion|fotos?|fotografias?|imagen|imagenes|videos?"
          r"|grabaciones|grabacion|tomas|registros?|voz|modelos?|todo|cv|curriculum|numero"
          r"|direccion|correo|email|expediente|ficha)\b")
FR_OBJ = (r"(?:donnees|compte|profil|informations?|photos?|images?|videos?|enregistrements?"
          r"|coordonnees|tout|cv|numero|adresse|dossier|fichier|voix)\b")
DE_OBJ = (r"(?:daten|konto|kundenkonto|account|profil|informationen|fotos?|bilder?|videos?"
          r"|aufnahmen|angaben|eintrag|eintrage|alles|lebenslauf|bewerbung\w*|nummer|handynummer"
          r"|telefonnummer|mobilnummer"
          r"|adresse|e-mail-adresse|stimme)\b")
FR_OFF_LIST = r"(?!(?:\W+\w+){0,4}?\W+(?:listes?|newsletter|fichier|envois|diffusion)\b)"
ES_DPA = r"(?:aepd|agencia espanola de proteccion de datos|autoridad de control\w*)\b"
FR_DPA = r"(?:cnil|autorite de controle\w*|autorite de protection des donnees)\b"
DE_DPA = (r"(?:datenschutzaufsichtsbehorde\w*|aufsichtsbehorde\w*|datenschutzbehorde\w*"
          r"|landesdatenschutz\w*|datenschutzbeauftragte\w*)\b")

EU_RULES: list[RawRule] = [
    # Spanish
    ("access", 0.85, r"\b(?:derecho|solicitud|peticion|ejercicio) (?:de|del) (?:derecho de )?"
     r"acceso\b", "r"),
    ("access", 0.8, r"\bcopia\b" + gap(4) + ES_OBJ, ""),
    ("access", 0.85, r"\bque (?:datos|informacion)\b" + gap(4) + r"(?:teneis|tienen|tiene"
     r"|guardais|guardan|conservan|tratan|almacenan|dispone\w*|habeis compartido|han compartido"
     r"|habeis cedido|han cedido)", ""),
    ("access", 0.8, r"\b(?:enviar|facilitar|remitir|proporcionar|mandar|entregar)\w*" + gap(5)
     + r"(?:datos|informacion|copia)\b", ""),
    ("access", 0.75, r"\b(?:decir|saber|confirmar)\w* (?:si|que) (?:teneis|tienen|tiene|guardais"
     r"|guardan|tratais|tratan)\b" + gap(3) + r"(?:datos?|informacion)\b", ""),
    ("access", 0.7, r"\b(?:acceso|acceder) a (?:mis|los|todos mis)\b" + gap(2) + ES_OBJ, ""),
    ("access", 0.8, r"\b(?:solicit|pid|ejerc|requier)\w* (?:el )?(?:derecho de )?acceso\b"
     r"|\b(?:demand|exerc|sollicit)\w* (?:l'|mon droit d')acces\b", "r"),
    ("access", 0.6, r"\b(?:me gustaria|quiero|quisiera|deseo) (?:saber|conocer|ver|recibir"
     r"|obtener)\b" + gap(4) + r"(?:datos|informacion)", ""),
    ("erasure", 0.85, r"\b(?:borr|elimin|supri|suprim|quit|destru)\w*" + gap(6) + ES_OBJ, ""),
    ("erasure", 0.8, r"\b" + ES_OBJ + gap(3) + r"(?:borrad|eliminad|suprimid)\w*", ""),
    ("erasure", 0.9, r"\bderecho (?:al olvido|de supresion|de borrado)\b|\bsupresion de"
     r" (?:mis|todos|los|la)\b", "r"),
    ("opt_out", 0.9, r"\b(?:darme|darnos|darle|dar|dadme|dadnos|denme|deme|den) de baja\b"
     r"|(?<!\bdi de )\bbaja (?:de|del) (?:la|su|vuestra"
     r"|el|vuestro)\b", ""),
    ("opt_out", 0.85, r"\bno (?:quiero|deseo|quisiera) (?:seguir )?recibi\w*|\bno me (?:envi|mand"
     r"|escrib|llam)\w*|\bno (?:quiero|deseo) que me (?:envi|mand|escrib|llam|contact)\w*",
     "n"),
    ("opt_out", 0.85, r"\bno me (?:volvais|vuelvan|vuelvas|vuelva) a (?:llamar|escribir|enviar"
     r"|contactar|mandar)\w*", "n"),
    ("opt_out", 0.8, r"\b(?:refuse|ne veux plus|ne souhaite plus) (?:de )?recevoir\b", "n"),
    ("opt_out", 0.85, r"\b(?:dejar|dejen|dejad|deje|dejeis) de (?:recibir|enviar|mandar"
     r"|escribir|llamar)\w*", ""),
    ("opt_out", 0.85, r"\b(?:quit|elimin|borr|sac)\w*\b" + gap(3) + r"de (?:la|su|vuestra"
     r"|vuestras|sus|esta) (?:\w+ )?(?:lista|listas|newsletter|boletin)\b", ""),
    ("opt_out", 0.85, r"\b(?:opon\w*|oposicion)\b" + gap(10) + r"(?:mercadotecnia|marketing"
     r"|publicidad|publicitari\w*|comercial\w*|promocional\w*)", ""),
    ("opt_out", 0.8, r"\bretir\w*" + gap(6) + r"consentimiento\b" + gap(10) + r"(?:publicidad"
     r"|comercial\w*|marketing|mercadotecnia|promocional\w*)", ""),
    ("complaint", 0.9, r"\b(?:present|pon|interpon|formul|presentad)\w* (?:una )?(?:queja"
     r"|reclamacion|denuncia)\b|\bquiero quejarme\b|\bme quejo\b", "g"),
    ("complaint", 0.85, r"\b(?:denunci|reclam|acud|dirig)\w*" + gap(4) + ES_DPA, "d"),
    ("complaint", 0.55, r"\bno (?:os |les |le |te )?(?:autorice|he autorizado|autorizamos)\b", "n"),
    ("complaint", 0.4, r"\b(?:os|les|le|te) di mi \w+ (?:solo|solamente|unicamente) (?:para|por)\b"
     r"|\bmeine \w+ nur (?:fur|zur|zum|wegen)\b|\b(?:donne|communique) mon \w+ (?:uniquement"
     r"|seulement|juste) pour\b", ""),
    ("complaint", 0.55, r"\bno (?:di|he dado|dimos|hemos dado|les di|os di) (?:mi |nuestro )?"
     r"(?:permiso|consentimiento|autorizacion)\b", "n"),
    # "ya no me interesa recibir vuestras ofertas": losing interest in the mailings is an opt-out.
    ("opt_out", 0.8, r"\b(?:ya )?no me interesa\w* (?:(?:seguir )?recibi\w* )?(?:mas )?"
     r"(?:vuestr\w*|sus"
     r"|los|las|el|la|tus)? ?(?:ofertas|newsletters?|boletin\w*|correos|e-?mails|publicidad"
     r"|promociones|mensajes|sms|comunicaciones)\b|\bno quiero saber nada (?:mas )?de (?:vosotros"
     r"|ustedes|ti)\b", "n"),
    ("opt_out", 0.85, r"\b(?:ya no|no) quiero (?:recibir )?(?:mas )?(?:la|el|los|las|vuestra"
     r"|vuestro|su|sus)? ?(?:newsletter|boletin|correos|emails|publicidad|promociones"
     r"|mensajes|sms)\b", "n"),
    ("complaint", 0.6, r"\bsin (?:mi|nuestro) (?:consentimiento|permiso|autorizacion)\b"
     r"|\bsin haber\w* (?:\w+ )?(?:pedido|solicitado|dado|autorizado)\b", ""),
    ("complaint", 0.6, r"\b(?:compartido|vendido|cedido|publicado|filtrado|difundido|publica\w*"
     r"|comparti\w*|vendi\w*|cedi\w*|filtra\w*|difundi\w*)\b"
     + gap(3) + r"(?:mis|mi)\b" + gap(2) + ES_OBJ, ""),
    ("complaint", 0.7, r"\bno (?:he|hemos) recibido\b" + gap(2) + r"(?:respuesta|repuesta"
     r"|contestacion|nada)\b|\bsigo (?:sin|recibiendo)\b", "cn"),
    ("complaint", 0.3, r"\b(?:inaceptable|indignad\w*|molest\w*|enfadad\w*|verguenza"
     r"|no me parece bien|basta ya)\b", ""),
    # Where the data came from (access; a grievance only with another cue), unwanted contact,
    # no relationship, nobody asked.
    ("access", 0.6, r"\bde donde (?:habeis|han|ha|has) (?:sacado|obtenido|conseguido)\b"
     r"|\bquien (?:os|les|le|te) (?:ha dado|dio|ha pasado|paso|ha facilitado) (?:mis|mi)\b", ""),
    ("complaint", 0.3, r"\bde donde (?:habeis|han|ha|has) (?:sacado|obtenido|conseguido)\b"
     r"|\bquien (?:os|les|le|te) (?:ha dado|dio|ha pasado|paso|ha facilitado) (?:mis|mi)\b", "h"),
    ("complaint", 0.55, r"\bpor que (?:me )?(?:(?:recibo|sigo recibiendo|me (?:enviais|envian"
     r"|mandais|mandan))" + gap(3) + r"(?:correos|emails|e-mails|mensajes|sms|llamadas"
     r"|publicidad|promociones|boletin\w*|newsletters?|ofertas)|seguis|siguen|me (?:escribis"
     r"|escriben|llamais|llaman|contactais|contactan))\b", ""),
    ("complaint", 0.4, r"\bnunca (?:me he (?:registrado|suscrito|apuntado)|me registre"
     r"|me suscribi|he sido (?:cliente|clienta)|fui (?:cliente|clienta))\b", "n"),
    ("complaint", 0.6, r"\bsin (?:que nadie (?:me|nos) (?:preguntara|pidiera|avisara|consultara"
     r"|dijera)|preguntar(?:me|nos)?|pedir(?:me|nos)? permiso|avisar(?:me|nos)?)\b"
     r"|\bquien (?:os|les|le|te) ha dado permiso\b|\bnadie (?:me|nos) (?:pregunto|pidio"
     r" permiso|aviso|consulto)\b", "n"),
    ("complaint", 0.7, r"\b(?:nadie|no) (?:me |nos )?(?:ha|han|habeis) (?:contestado|respondido)\b",
     "cn"),
    ("complaint", 0.6, r"\bllevo (?:\w+ )?(?:\w+ )?(?:semanas|meses|dias) (?:pidiendo|esperando"
     r"|solicitando|reclamando)\b", "c"),
    ("complaint", 0.65, r"\b(?:seguis|siguen|sigue|sigais|sigan|continuais|continuan)"
     r" (?:llamando|enviando"
     r"|mandando|escribiendo|contactando|llegando)\w*", "c"),
    ("complaint", 0.55, r"\bno (?:lo |la |las |los )?autorice\b|\bsin autorizacion\b", "n"),
    ("opt_out", 0.9, r"\b(?:deis|dais|dierais|dieran|dieseis|des|den|dan) de baja\b", ""),
    ("complaint", 0.6, r"\b(?:aunque|a pesar de que) (?:ya )?(?:os |les |le |te )?(?:pedi|dije"
     r"|solicite|avise|indique|me di de baja)\b",
     "c"),
    # A dated unsubscribe and mail counted since: weak alone, marketing after opting out
    # together (as in English).
    ("complaint", 0.4, r"\bme di de baja\b" + gap(6) + r"(?:hace|en (?:enero|febrero|marzo|abril"
     r"|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)|el (?:mes|ano) pasado"
     r"|la semana pasada)\b", ""),
    ("complaint", 0.3, r"\b(?:me (?:habeis|han|has|ha) (?:mandado|enviado)|he recibido)"
     r" (?:otr[oa]s |ya )?(?:dos|tres|cuatro|cinco|varios|varias|mas)\b", ""),
    # French
    ("access", 0.85, r"\b(?:droit|demande|exercice) d'acces\b", "r"),
    ("access", 0.8, r"\b(?:copie|communication)\b" + gap(5) + FR_OBJ, ""),
    ("access", 0.8, r"\b(?:informations|donnees)\b" + gap(3) + r"que vous (?:avez|detenez"
     r"|conservez|traitez|possedez)\b" + gap(3) + r"(?:a mon sujet|sur moi|me concernant)", ""),
    ("erasure", 0.55, r"\b(?:fermer|cloturer|fermeture de|cloture de) (?:mon|le) compte\b", ""),
    ("access", 0.8, r"\b(?:communiquer|transmettre|fournir|envoyer|adresser|obtenir|recevoir"
     r"|recuperer)\b"
     + gap(5)
     + r"(?:donnees|informations|copie|coordonnees)\b", ""),
    ("access", 0.85, r"\bquelles (?:donnees|informations)\b" + gap(4) + r"(?:avez|detenez"
     r"|conservez|traitez|possedez|disposez)", ""),
    ("access", 0.7, r"\bacces a (?:mes|l'ensemble de mes|toutes mes)\b" + gap(2) + FR_OBJ, ""),
    ("erasure", 0.85, r"\b(?:supprim|effac|elimin|retir|detrui)\w*" + gap(6) + FR_OBJ, ""),
    ("erasure", 0.8, r"\b" + FR_OBJ + gap(3) + r"(?:supprime|efface|detruit)\w*", ""),
    # "la retirer de vos listes" takes an address off a list: that is an opt-out.
    ("erasure", 0.6, r"\b(?:les|la|le|l')\W*(?:faire )?(?:supprim\w*|effac\w*|detrui\w*|(?:retir"
     r"|enlev)\w*+" + FR_OFF_LIST + r")", ""),
    ("complaint", 0.6, r"\balors que (?:je|j')\W*(?:l'|les |la |le |vous |v')?"
     r"(?:avais|ai) (?:refuse|demande"
     r"|dit|precise|ecrit)\b|\bje (?:recois|continue de recevoir) (?:encore|toujours)\b", "c"),
    ("erasure", 0.6, r"\b(?:borr|elimin|supri|destru|quit|retir)\w*(?:los|las|lo|la)\b"
     r"|\bque (?:la|lo|las|los) (?:retir|borr|elimin|quit|supri)\w*"
     r"|\bque \w+ (?:la|lo|las|los) (?:retir|borr|elimin|quit|supri)\w*", ""),
    ("erasure", 0.9, r"\bdroit (?:a l'oubli|a l'effacement|a la suppression)\b|\b(?:effacement"
     r"|suppression)(?: \w+)? (?:de|des|du) (?:mes|mon|ma|l'ensemble|toutes|tous)\b", "r"),
    ("complaint", 0.6, r"\bde (?:otro|otra) (?:cliente|clienta|persona|familia)\b", ""),
    ("complaint", 0.6, r"\bpersonne ne (?:m'a|nous a) (?:demande|prevenu|informe|consulte)\w*",
     "n"),
    ("complaint", 0.6, r"\b(?:eines anderen|einer anderen) (?:kunden|kundin|person|familie)\b"
     r"|\bdatenschutz(?:problem|verletzung|verstoss)\w*", ""),
    ("complaint", 0.7, r"\b(?:violation|fuite) (?:de|des) (?:mes )?donnees\b|\b(?:violacion"
     r"|vulneracion|brecha|filtracion) de (?:la proteccion de )?(?:mis )?datos\b"
     r"|\b(?:datenschutzverstoss|datenpanne|datenleck)\w*",
     ""),
    ("opt_out", 0.9, r"\b(?:desinscri(?:re|vez|s-moi|ption)|desabonn(?:er|ez|ement|e-moi))\b", ""),
    ("opt_out", 0.85, r"\bne (?:souhaite|veux|desire) (?:plus|pas) recevoir\b|\bne plus"
     r" (?:recevoir|etre contacte|m'envoyer|me contacter|m'ecrire|m'appeler|me solliciter)\w*"
     r"|\bne m'(?:envoyez|appelez|ecrivez|contactez) plus\b",
     "n"),
    # "arrêtez de m'en envoyer": "en" stands for the marketing named before it.
    ("opt_out", 0.85, r"\barret\w* (?:de )?m'en envoyer\b|\bne m'en envoyez plus\b", "k"),
    ("opt_out", 0.85, r"\barret\w* (?:de )?(?:m'envoyer|m'appeler|m'ecrire|me contacter"
     r"|me solliciter|les envois|la newsletter|vos (?:emails|mails|messages|offres|appels))",
     ""),
    ("opt_out", 0.85, r"\b(?:retir|supprim|enlev)\w*\b" + gap(3) + r"de (?:votre|la|vos|cette)"
     r" (?:\w+ )?(?:liste|listes|newsletter|fichier de prospection)\b", ""),
    ("opt_out", 0.85, r"\b(?:oppos\w*|opposition)\b" + gap(12) + r"(?:prospection|marketing"
     r"|publicit\w*|commercial\w*)", ""),
    ("complaint", 0.9, r"\b(?:depos|port|fai|introdui|adress)\w* (?:une |ma )?(?:plainte"
     r"|reclamation)\b|\bje me plains\b", "g"),
    ("complaint", 0.85, r"\b(?:saisi|signal|plainte|reclamation|contact)\w*" + gap(4)
     + FR_DPA, "d"),
    ("complaint", 0.6, r"\bsans (?:mon|notre) (?:consentement|accord|autorisation)\b", ""),
    ("complaint", 0.6, r"\b(?:jamais|pas) donne (?:mon |notre )?(?:accord|consentement"
     r"|autorisation)\b", "n"),
    ("opt_out", 0.6, r"\bcess\w*\b" + gap(2) + r"(?:immediatement|de m'envoyer|de me contacter"
     r"|ces envois|vos envois|de m'ecrire|de m'appeler)", ""),
    ("complaint", 0.6, r"\b(?:publie|partage|vendu|transmis|divulgue)\w*\b"
     + gap(2) + r"(?:mon|mes|ma)\b" + gap(2) + FR_OBJ, ""),
    ("complaint", 0.7, r"\baucune reponse\b|\b(?:pas|jamais) (?:encore )?(?:recu|eu) (?:de"
     r" )?reponse\b", "cn"),
    ("access", 0.6, r"\bd'ou (?:tenez|avez|detenez|viennent)\b|\bcomment (?:avez-vous|vous avez"
     r"|avez vous) (?:obtenu|eu|recupere|trouve)\b|\bqui (?:vous|leur|lui) a (?:donne|transmis"
     r"|communique|fourni|vendu)\b", ""),
    ("complaint", 0.3, r"\bd'ou (?:tenez|avez|detenez|viennent)\b|\bcomment (?:avez-vous|vous avez"
     r"|avez vous) (?:obtenu|eu|recupere|trouve)\b|\bqui (?:vous|leur|lui) a (?:donne|transmis"
     r"|communique|fourni|vendu)\b", "h"),
    ("complaint", 0.55, r"\bpourquoi (?:est-ce que )?(?:(?:je recois|vous m'envoyez|m'envoyez-vous)"
     + gap(3) + r"(?:e-mails|mails|messages|sms|appels|publicites|newsletters?|offres"
     r"|courriels|promotions)|me contactez|m'appelez|vous me contactez|vous m'appelez"
     r"|me contactez-vous|m'ecrivez|vous m'ecrivez|m'appelez-vous|m'ecrivez-vous)\b", ""),
    ("complaint", 0.55, r"\b(?:ne|n')\W*(?:vous )?(?:l'|les )?ai jamais (?:donne|communique"
     r"|transmis|fourni)\w*", "n"),
    ("complaint", 0.4, r"\b(?:ne|n')\W*(?:me )?suis jamais (?:inscrit|abonne)\w*|\bjamais ete"
     r" (?:client|cliente)\b", "n"),
    ("complaint", 0.6, r"\bsans (?:me|nous) (?:demander|prevenir|consulter|informer)\b|\bsans"
     r" (?:mon|notre) avis\b", "n"),
    ("erasure", 0.6, r"\b(?:supprim|effac|retir|enlev|detrui)\w*-(?:les|la|le)\b" + FR_OFF_LIST,
     ""),
    ("complaint", 0.55, r"\bjamais (?:accepte|autorise|consenti)\b", "n"),
    ("complaint", 0.5, r"\b(?:m'appelez|m'envoyez|m'ecrivez|me contactez|me harcelez|me relancez)"
     r"\w* (?:sans arret|constamment|tout le temps|sans cesse)\b", "c"),
    # Gated on French and German words only: the long look-ahead must not run on English mail.
    ("opt_out", 0.75, r"\b(?:m'appelez|m'envoyez|m'ecrivez|me contactez|appels|courriels"
     r"|publicites?|prospection)\b" + gap_any(20) + r"arretez\b", ""),
    ("opt_out", 0.85, r"\bne (?:veux|souhaite|desire) plus etre (?:contacte|appele|sollicite"
     r"|demarche)\w*", "n"),
    ("complaint", 0.3, r"\b(?:mecontent\w*|inadmissible|inacceptable|scandaleu\w*|en colere"
     r"|decu\w*|harcelement)\b", ""),
    ("complaint", 0.6, r"\bmalgre (?:mes|ma|mon) (?:demandes?|refus|opposition|desinscription"
     r"|desabonnement)\b", "c"),
    # German
    ("access", 0.7, r"\bauskunft\w*\b", ""),
    ("access", 0.8, r"\bkopie\b" + gap(5) + DE_OBJ, ""),
    ("access", 0.85, r"\bwelche\b" + gap(3) + r"(?:daten|informationen|angaben)\b" + gap(8)
     + r"(?:mich|mir|meiner person)\b", ""),
    ("access", 0.8, r"\b(?:mitteil|zusend|ubermittel|zukommen|schicken|senden)\w*" + gap(6)
     + r"(?:daten|informationen|angaben|kopie)\b", ""),
    ("erasure", 0.85, r"\b(?:losch|entfern|vernicht)\w*(?!" + gap(8) + r"(?:\w*verteiler|\w*liste"
     r"|newsletter)\b)" + gap(6) + DE_OBJ, ""),
    ("opt_out", 0.85, r"\b(?:streichen|entfernen|loschen|nehmen|austragen|tragen)\b" + gap(6)
     + r"(?:aus|von) (?:dem|ihrem|der|ihrer|diesem|dieser)\b" + gap(1)
     + r"(?:\w*verteiler|\w*liste|newsletter\w*)\b", ""),
    ("complaint", 0.55, r"\bnie\b" + gap(4) + r"(?:angemeldet|eingewilligt|zugestimmt"
     r"|eingetragen)\b", "n"),
    ("erasure", 0.85, r"\b" + DE_OBJ + gap(6) + r"(?:losch|entfern|vernicht|gelosch|entfernt"
     r"|vernichtet)\w*", ""),
    ("erasure", 0.6, r"\b(?:sie|es|diese|alles)\b" + gap(3) + r"(?:geloscht|entfernt|vernichtet)"
     r" werden\b|\b(?:loschen|entfernen|vernichten) sie (?:sie|diese|alles|es)\b", ""),
    ("erasure", 0.75, r"\b(?:nehmen|entfernen) sie\b" + gap(8) + r"(?:herunter|runter|offline"
     r"|raus)\b", ""),
    ("erasure", 0.9, r"\brecht auf (?:vergessen\w*|loschung)\b|\bloschung (?:meiner|aller"
     r"|der|meines|sammtlicher|samtlicher)\b", "r"),
    ("opt_out", 0.9, r"\b(?:abmeld|abbestell|austrag)\w*|\btragen sie mich\b" + gap(4)
     + r"aus\b", ""),
    ("opt_out", 0.9, r"\bmelden sie mich\b" + gap(4) + r"ab\b", ""),
    ("opt_out", 0.85, r"\b(?:beenden|einstellen|stoppen|unterlassen)\b" + gap(5) + r"(?:versand"
     r"|zusendung|newsletter\w*|werbung|e-mails|mails|anrufe)\b|\b(?:versand|zusendung)\b"
     + gap(6) + r"(?:beenden|einstellen|stoppen)\b", ""),
    ("opt_out", 0.8, r"\b(?:mochte|will|wunsche|moechte)\b" + gap(4) + r"nicht mehr\b" + gap(2)
     + r"(?:erhalten|bekommen|zugeschickt|kontaktiert|angeschrieben|angerufen)\b", "n"),
    ("opt_out", 0.8, r"\bnicht mehr\b" + gap(4) + r"(?:werbe\w*|werbung|newsletter\w*|marketing)\b"
     r"|\b(?:werbe\w*|werbung|newsletter\w*)\b" + gap(4) + r"nicht mehr\b", "n"),
    ("opt_out", 0.8, r"\bkeine\b" + gap(2) + r"(?:werbung|newsletter|werbe\w*|e-mails|mails"
     r"|nachrichten|anrufe|angebote)\b", "n"),
    ("opt_out", 0.85, r"\b(?:streichen|entfernen|loschen|nehmen) sie mich\b" + gap(4)
     + r"(?:\w*verteiler|\w*liste|newsletter)\b", ""),
    ("opt_out", 0.85, r"\b(?:widerspruch|widerspreche\w*|werbewiderspruch)\b" + gap(10)
     + r"(?:werbung|direktwerbung|marketing|werbezwecke\w*)\b", ""),
    ("opt_out", 0.8, r"\b(?:widerrufe|widerruf)\w*" + gap(10) + r"(?:werbung|direktwerbung"
     r"|newsletter|marketing)\b|\b(?:werbung|direktwerbung|newsletter)" + gap(10)
     + r"widerrufe\b", ""),
    ("complaint", 0.9, r"\bbeschwer\w*\b", "g"),
    ("complaint", 0.85, r"\b(?:beschwerde|wende|melden|einreichen|eingereicht)\w*" + gap(6)
     + DE_DPA + r"|\b" + DE_DPA + gap(6) + r"(?:beschwerde|wenden|einschalten)", "d"),
    ("complaint", 0.6, r"\bohne (?:meine |unsere |jede )?(?:einwilligung|zustimmung|erlaubnis"
     r"|genehmigung)\b", ""),
    ("erasure", 0.6, r"(?m)\bbitte (?:sofort |umgehend )?(?:entfernen|loschen)\W*$", ""),
    ("complaint", 0.6, r"\b(?:weitergegeben|weitergabe|verkauft|veroffentlicht)\b" + gap(5)
     + DE_OBJ + r"|\b" + DE_OBJ + gap(5) + r"(?:weitergegeben|weitergabe|verkauft"
     r"|veroffentlicht)\b", ""),
    ("complaint", 0.7, r"\b(?:keine|weder)\b" + gap(4) + r"(?:antwort|reaktion|ruckmeldung)\b",
     "cn"),
    ("complaint", 0.5, r"\b(?:bereits|schon) (?:zweimal|dreimal|mehrfach|mehrmals|oft)\b", "c"),
    ("complaint", 0.3, r"\b(?:inakzeptabel|unverschamt|unmoglich|frech|nicht in ordnung"
     r"|geht so nicht|reicht es mir|reicht mir)\b", ""),
    ("access", 0.6, r"\bwoher haben sie"
     r" (?:(?:eigentlich|denn|uberhaupt|nur) )?(?:meine|meinen|mein|diese)\b"
     r"|\bwer hat ihnen (?:meine"
     r"|meinen|mein)\b|\bwie sind sie an (?:meine|meinen|mein)\b", ""),
    ("complaint", 0.3, r"\bwoher haben sie"
     r" (?:(?:eigentlich|denn|uberhaupt|nur) )?(?:meine|meinen|mein|diese)\b"
     r"|\bwer hat ihnen (?:meine"
     r"|meinen|mein)\b|\bwie sind sie an (?:meine|meinen|mein)\b", "h"),
    ("complaint", 0.55, r"\bwarum (?:rufen|schreiben|kontaktieren|schicken|senden|belastigen) sie"
     r" mi(?:ch|r)\b|\bwarum (?:bekomme|erhalte) ich\b" + gap(4) + r"(?:\w*mails?|werbung"
     r"|post|newsletter\w*|anrufe|sms|nachrichten)\b", ""),
    ("complaint", 0.55, r"\bnie\b" + gap(4) + r"(?:gegeben|mitgeteilt|genannt|uberlassen"
     r"|freigegeben|erlaubt)\b", "n"),
    ("complaint", 0.4, r"\bnie (?:kunde|kundin)\b", "n"),
    ("complaint", 0.6, r"\bohne (?:zu fragen|mich zu fragen|uns zu fragen|nachzufragen|vorher"
     r" zu fragen|mein wissen|zu informieren|mich zu informieren)\b", "n"),
    ("complaint", 0.6, r"\b(?:meine|mein|meinen)\b" + gap(4) + r"(?:offen im verteiler|fur alle"
     r" (?:sichtbar|lesbar))\b", ""),
    ("complaint", 0.4, r"\bwas (?:wollen|werden) sie dagegen (?:tun|unternehmen)\b", ""),
    ("complaint", 0.6, r"\bwarte\w* (?:schon |bereits |nun |jetzt )?seit\b" + gap(2)
     + r"(?:tagen|wochen|monaten|einem monat|einer woche)\b", "c"),
    ("opt_out", 0.75, r"\b(?:werbe\w*|werbung|anrufe\w*|rufen sie|nachrichten|zusendungen)\b"
     + gap_any(12)
     + r"(?:(?:horen sie|hort)\b(?:\W+\w+){0,3}?\W+auf\b|unterlassen sie (?:das|dies|es)\b"
     r"|lassen sie das\b)", ""),
    ("complaint", 0.6, r"\b(?:passiert ist nichts|nichts ist passiert|es ist nichts passiert"
     r"|nichts passiert)\b", "c"),
    ("complaint", 0.5, r"\bimmer noch (?:aktiv|online|sichtbar|zu sehen|da)\b", "c"),
    ("complaint", 0.7, r"\btoujours rien\b|\btoujours pas (?:de |eu de |recu de )?(?:reponse"
     r"|recu|nouvelles)\b", "cn"),
    ("complaint", 0.65, r"\bobwohl ich\b" + gap(4) + r"(?:abgemeldet|widersprochen|ausgetragen"
     r"|gesagt|mitgeteilt|gebeten|abgelehnt"
     r"|abbestellt)\w*|\b(?:bekomme|erhalte)\b" + gap(3) + r"(?:immer noch|weiterhin|standig"
     r"|trotzdem)\b", "c"),
    ("complaint", 0.6, r"\b(?:rechtswidrig|unzulassig|illegal|ilegal|illicite|illegale)\w*", ""),
    ("complaint", 0.65, r"\balors que je (?:me )?suis (?:desinscrit|desabonne)\w*|\bje continue"
     r" (?:de|a) recevoir\b|\bcontinu\w* (?:d'arriver|a arriver|de m'envoyer|a m'envoyer)\b"
     r"|\ba pesar de (?:haberme|que me di) de baja\b", "c"),
    ("complaint", 0.5, r"\bfrist\b" + gap(4) + r"(?:verstrichen|abgelaufen|uberschritten)\b"
     r"|\bmahnung\b|\berneut\b", "c"),
]
