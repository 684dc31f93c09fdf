"""Spanish clause cues (folded: no accents)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

CUES = ClauseCues(
    code="es",
    past=(r"el (?:ano|mes) pasado", r"(?:semana|vez) pasada", r"hace (?:\w+ )?(?:anos?"
          r"|meses|semanas)", r"(?:enviasteis|enviaron"
          r"|mandasteis|mandaron|copiasteis|copiaron|pedisteis|pidieron)",
          r"(?:en su dia|en su momento)"),
    request=(r"por favor", r"podeis", r"pueden", r"podrian", r"quiero", r"quisiera",
             r"solicito", r"les? pido", r"os pido", r"me gustaria", r"deseo"),
    threat=(r"de lo contrario", r"en caso contrario", r"si no", r"de no ser asi", r"o (?:ire"
            r"|presentare|acudire)"),
    reservation=(r"me reservo el derecho", r"reservandome el derecho", r"sin perjuicio de mi"
                 r" derecho"),
    question=(r"(?:habeis|han|ha) (?:\w+ )?(?:compartido|cedido|vendido|pasado|dado)",
              r"si (?:habeis|han) ", r"a quien"),
    boilerplate=(r'responde\w* (?:con )?"?(?:baja|stop)"?,?(?: para| y)',
                 r"este (?:correo|mensaje)(?: electronico)? (?:y sus anexos )?(?:es|son|puede"
                 r" contener) (?:confidencial|informacion confidencial)",
                 r"si (?:usted )?no es el destinatario", r"antes de imprimir"),
    phishing=(r"verifique su (?:cuenta|identidad|datos)", r"su cuenta (?:ha sido|sera)"
              r" (?:suspendida|bloqueada|cancelada)", r"en (?:las proximas )?(?:24|48) horas",
              r"haga clic (?:aqui|en el enlace)", r"actividad inusual"),
    vendor_notice=(r"incidente de seguridad", r"hemos detectado", r"acceso no autorizado",
                   r"no es necesario que (?:haga|realice) nada", r"le informamos de que"),
    marketing_list=(r"lista de (?:correo|envios|sms|distribucion|difusion|marketing)",
                    r"lista de publicidad"),
    data_object=(r"(?:todos )?mis datos", r"mi cuenta", r"toda (?:la )?informacion"),
    nouns={"marketing": (r"boletin\w*", r"newsletters?", r"publicidad", r"promocion\w*",
                         r"ofertas", r"sms", r"correos publicitarios", r"mensajes"),
           "data": (r"datos", r"fotos", r"informacion", r"grabaciones", r"expediente"),
           "account": (r"cuenta", r"perfil")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:borr|elimin|quit|suprim|cancel)(?:ar|ad|en|eis)"
                       r"(?:me|nos)?(?:los|las|lo|la)", action="remove"),
        PronounRequest(pattern=r"par(?:ar|ad|en|eis)(?:los|las|lo|la)", action="stop"),
        PronounRequest(pattern=r"(?:los|las|lo|la) (?:podeis|pueden|podrian) (?:borrar"
                       r"|eliminar|quitar|suprimir|cancelar)", action="remove"),
        PronounRequest(pattern=r"(?:quit|sac|borr|elimin)(?:ar|ad|en|eis)(?:me|nos) de"
                       r" (?:ahi|alli|ella|ellas|esa lista|eso)", action="remove"),
        PronounRequest(pattern=r"(?:dejad|dejen|deja) de (?:enviar|mandar)(?:me|nos)?"
                       r"(?:los|las|lo|la)", action="stop"),
        PronounRequest(pattern=r"(?:envi|mand)(?:ad|en|ar|eis)(?:me|nos)(?:los|las|lo|la)",
                       action="send"),
    ),
    grievance_question=(r"por que", r"como (?:habeis|han|es posible|puede)", r"de donde",
                        r"quien (?:os|les) ha"),
    request_verbs=(
        RequestVerb(pattern=r"borr\w*", action="remove"),
        RequestVerb(pattern=r"elimin\w*", action="remove"),
        RequestVerb(pattern=r"suprim\w*", action="remove"),
        RequestVerb(pattern=r"quit\w*", action="remove"),
        RequestVerb(pattern=r"(?:dad|den)(?:me)? de baja", action="remove"),
        RequestVerb(pattern=r"dej\w* de (?:enviar|mandar)", action="stop"),
        RequestVerb(pattern=r"paren", action="stop"),
        RequestVerb(pattern=r"parad", action="stop"),
        RequestVerb(pattern=r"(?:enviar|envien|enviadme|enviarme|mandar|mandadme|mandarme"
                    r"|remitirme|facilitarme|facilitadme|saber|conocer|acceder a|obtener|recibir"
                    r"|ver)", action="send"),
        RequestVerb(pattern=r"que (?:datos|informacion) (?:\w+ )?(?:tienen|teneis|guardan"
                    r"|guardais|conservan|tiene) (?:\w+ )?(?:sobre mi|de mi)", action="send",
                    asks=True),
    ),
    held_data=(
        r"(?:una copia de |todos )?(?:mis|los) datos(?: personales)?(?: que (?:tienen|teneis"
        r"|guardan|conservan|tratan))?",
        r"(?:que|cuales|todos los) (?:datos|informacion)(?: \w+){0,3} (?:tienen|teneis"
        r"|guardan|guardais|conservan|tratan|tiene)(?: \w+){0,2} (?:sobre mi|de mi|mios)",
    ),
    disclosure_acts=(
        r"(?:han|habeis|hayan|hayais) (?:\w+ )?(?:cedido|compartido|vendido|enviado|dado"
        r"|pasado|filtrado|facilitado|usado|utilizado|anadido|publicado|apuntado)",
    ),
    disclosure_wrongs=(
        r"sin (?:mi |nuestro )?(?:consentimiento|permiso|autorizacion)",
        r"a (?:un |una )?(?:desconocid\w+|terceros|otras empresas|otros (?:clientes|padres"
        r"|proveedores)|todo el mundo)",
        r"(?:en|con) copia (?:visible|abierta)", r"sin copia oculta",
        r"(?:es|esto es) (?:esto )?legal",
    ),
    ongoing=(r"siguen", r"sigo", r"todavia", r"aun", r"otra vez", r"de nuevo", r"continuan"),
    asked_before=(r"pedi", r"solicite", r"me di de baja", r"os escribi", r"les escribi", r"envie"),
    blockers=(r"no", r"nunca", r"si", r"cuando", r"habeis", r"han"),
    # An earlier request told, and its being ignored (clauses.Reading.ignored).
    asked_earlier=(
        r"(?:os|les|le|te) (?:he |habia )?(?:pedido|pedi|solicite|solicitado|escribi|dije)",
        r"(?:he pedido|pedi|solicite|me di de baja|me he dado de baja|me desuscribi"
        r"|me borre de)",
    ),
    persisting=(
        r"(?:han pasado|hace|desde hace) (?:ya )?(?:mas de |casi )?(?:dos|tres|cuatro|cinco"
        r"|seis|ocho|\d+) (?:semanas|meses)",
        r"(?:sigo|seguimos|siguen|continuo|continuan) (?:recibiendo|llegando|sin|mandando"
        r"|enviando)",
        r"todavia",
        r"aun (?:no|sigo|recibo|me llegan|estoy)",
        r"otra vez",
        r"de nuevo",
        r"(?:dos|tres|cuatro|cinco) veces",
        r"desde entonces",
        r"sin respuesta",
        r"ninguna respuesta",
    ),
    # A condition on the organisation's own act, in whose protasis a grievance word
    # accuses nobody (clauses.in_protasis); not on its inaction or on what goes on.
    hypothesis=(
        r"si (?:habeis|has|ha|han|usted ha|ustedes han|estais|estan)(?! seguido\b)",
        r"en caso de que (?:hayais|haya|hayan)",
        r"si (?:mis|algunos de mis) datos (?:personales )?(?:han|fueron|se han)",
    ),
    # A list's introduction that asks to be told (clauses.list_intro's callers).
    information=(
        r"informacion", r"indicad", r"indiquen", r"saber", r"detalles", r"facilitad", r"facilitar",
        r"proporcion\w*", r"lista",
    ),
    # A confirmation of an erasure asked: no copy of the data is asked.
    erasure_confirmed=(
        r"confirm\w*(?: por escrito)? (?:la supresion|el borrado|la eliminacion)",
        r"confirm\w*(?: por escrito)? que (?:habeis|han|ha|hayan|hayais) (?:borrado|"
        r"eliminado|suprimido)",
        r"confirmacion (?:por escrito )?de (?:la supresion|el borrado|la eliminacion)",
    ),
    report_acts=(
        r"(?:he|habia|voy a|vamos a) (?:presentado|presentar|interpuesto|interponer"
        r"|denunciado|denunciar|puesto|poner) (?:hoy )?(?:una |mi )?(?:reclamacion|denuncia"
        r"|queja)?",
        r"(?:os |les |le )?(?:he|voy a) (?:denunciado|denunciar)",
    ),
    authorities=(
        r"(?:la )?aepd", r"(?:la )?agencia espanola de proteccion de datos",
        r"(?:la )?autoridad de (?:control|proteccion de datos)",
    ),
)
