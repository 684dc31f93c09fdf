"""Portuguese clause cues (folded: no accents)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

CUES = ClauseCues(
    code="pt",
    past=(r"no ano passado", r"o ano passado", r"no mes passado", r"ha (?:\w+ )?(?:anos"
          r"|meses|semanas)", r"(?:enviaram|mandaram"
          r"|copiaram)(?:-me)?", r"na altura"),
    request=(r"por favor", r"podem", r"poderiam", r"quero", r"gostaria", r"solicito",
             r"peco"),
    threat=(r"caso contrario", r"de outro modo", r"senao", r"se nao", r"na falta"),
    reservation=(r"reservo-me o direito", r"reservando-me o direito", r"me reservo o"
                 r" direito"),
    question=(r"(?:partilharam|compartilharam|venderam|cederam|passaram)", r"a quem"),
    boilerplate=(r'respond\w* (?:com )?"?(?:stop|pare|sair)"?,?(?: para| e)',
                 r"esta mensagem(?: e os seus anexos)? (?:e|sao|pode conter) (?:confidencia"
                 r"|informacao)", r"se nao (?:for|e) o destinatario", r"antes de imprimir"),
    phishing=(r"verifique a sua (?:conta|identidade)", r"a sua conta (?:foi|sera)"
              r" (?:suspensa|bloqueada|encerrada)", r"nas proximas (?:24|48) horas",
              r"clique (?:aqui|no link)", r"atividade (?:invulgar|incomum)"),
    vendor_notice=(r"incidente de seguranca", r"detetamos|detectamos|descobrimos",
                   r"acesso nao autorizado", r"nao (?:e necessaria|precisa de tomar)"
                   r" (?:qualquer|nenhuma) (?:acao|medida)", r"vimos por este meio informar"),
    marketing_list=(r"lista (?:de (?:sms|e-?mails?|marketing|distribuicao|envio|correio)"
                    r"|de mailing)", r"mailing list"),
    data_object=(r"(?:todos )?os meus dados", r"a minha conta"),
    nouns={"marketing": (r"newsletters?", r"publicidade", r"promoc\w*", r"ofertas", r"sms",
                         r"mensagens"),
           "data": (r"dados", r"fotos", r"fotografias", r"informacoes", r"gravacoes"),
           "account": (r"conta", r"perfil")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:apag|elimin|remov|tir|cancel)(?:ar|em|uem|ue)"
                       r"-(?:os|as|o|a|nos|nas)", action="remove"),
        PronounRequest(pattern=r"par(?:ar|em)-(?:os|as|o|a|nos|nas)", action="stop"),
        PronounRequest(pattern=r"(?:tirem|removam|retirem)-me (?:dai|dela|dessa lista|disso)",
                       action="remove"),
        PronounRequest(pattern=r"(?:enviem|mandem|enviar|mandar)-(?:mos|mas|mo|ma)",
                       action="send"),
    ),
    grievance_question=(r"porque", r"por que", r"como (?:e que|obtiveram|conseguiram)",
                        r"onde (?:obtiveram|conseguiram|arranjaram)"),
    request_verbs=(
        RequestVerb(pattern=r"apag\w*", action="remove"),
        RequestVerb(pattern=r"elimin\w*", action="remove"),
        RequestVerb(pattern=r"remov\w*", action="remove"),
        RequestVerb(pattern=r"retir\w*", action="remove"),
        RequestVerb(pattern=r"exclu\w*", action="remove"),
        RequestVerb(pattern=r"parem", action="stop"),
        RequestVerb(pattern=r"pare de", action="stop"),
        RequestVerb(pattern=r"deix\w* de (?:enviar|mandar)", action="stop"),
        RequestVerb(pattern=r"(?:enviar|enviem|enviar-me|mandar|mandem|saber|conhecer|ver"
                    r"|receber|aceder a|acessar)", action="send"),
        RequestVerb(pattern=r"que (?:dados|informacoes) (?:\w+ )?(?:tem|guardam|possuem"
                    r"|tratam) (?:\w+ )?(?:sobre mim|de mim)", action="send", asks=True),
    ),
    held_data=(
        r"(?:uma copia (?:de|dos) |todos )?(?:os )?meus dados(?: pessoais)?",
        r"(?:que|quais) (?:dados|informacoes)(?: \w+){0,3} (?:tem|guardam|possuem|tratam"
        r"|conservam)(?: \w+){0,2} (?:sobre mim|de mim|meus)",
    ),
    disclosure_acts=(
        r"(?:cederam|partilharam|compartilharam|venderam|enviaram|deram|passaram|divulgaram)",
    ),
    disclosure_wrongs=(
        r"sem (?:o )?(?:meu |nosso )?(?:consentimento|autorizacao|permissao)",
        r"a (?:um |uma )?(?:desconhecid\w+|terceiros|outras empresas|outros (?:clientes|pais))",
        r"em copia (?:visivel|aberta)",
    ),
    ongoing=(r"ainda", r"continua\w*", r"de novo", r"outra vez"),
    asked_before=(r"pedi", r"solicitei", r"escrevi", r"enviei"),
    blockers=(r"nao", r"nunca", r"se", r"quando"),
    # An earlier request told, and its being ignored (clauses.Reading.ignored).
    asked_earlier=(
        r"(?:pedi|solicitei|me descadastrei|cancelei a inscricao|pedimos|vos pedi"
        r"|lhes pedi)",
    ),
    persisting=(
        r"(?:ja passaram|passaram|ha) (?:mais de |quase )?(?:duas|dois|tres|quatro|cinco|seis"
        r"|oito|\d+) (?:semanas|meses)",
        r"(?:continuo|continuam|sigo) (?:recebendo|a receber|chegando|a chegar)",
        r"continuam",
        r"ainda (?:recebo|nao|estou|continuo)",
        r"(?:duas|tres|quatro) vezes",
        r"de novo",
        r"outra vez",
        r"desde entao",
        r"nenhuma resposta",
        r"sem resposta",
    ),
    # A condition on the organisation's own act, in whose protasis a grievance word
    # accuses nobody (clauses.in_protasis); not on its inaction or on what goes on.
    hypothesis=(
        r"se (?:voces|voce|a empresa) (?:tem|tiverem|tiver|estao|esta|estiverem)(?! ainda\b)",
        r"caso (?:tenham|tenha|estejam|esteja)",
        r"se os meus dados (?:pessoais )?(?:foram|tiverem sido)",
    ),
    # A list's introduction that asks to be told (clauses.list_intro's callers).
    information=(
        r"informacoes", r"informacao", r"indicar", r"saber", r"detalhes", r"fornecer", r"lista",
    ),
    # A confirmation of an erasure asked: no copy of the data is asked.
    erasure_confirmed=(
        r"confirm\w*(?: por escrito)? (?:a eliminacao|o apagamento|a exclusao)",
        r"confirm\w* que (?:apagaram|eliminaram|excluiram)",
    ),
    report_acts=(
        r"(?:ja |hoje )?(?:apresentei|fiz|fizemos|vou apresentar|vou fazer|irei apresentar"
        r"|denunciei|vou denunciar) (?:hoje )?(?:uma |a minha )?(?:queixa|reclamacao"
        r"|denuncia)?",
    ),
    authorities=(
        r"(?:a |a )?cnpd", r"(?:a )?comissao nacional de protecao de dados",
        r"(?:a )?autoridade (?:de controlo|nacional de protecao de dados|de protecao de dados)",
    ),
)
