"""Italian clause cues (folded: no accents)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

CUES = ClauseCues(
    code="it",
    past=(r"l'anno scorso", r"il mese scorso", r"la settimana scorsa", r"(?:anni"
          r"|mesi|settimane) fa", r"mi avete (?:inviato"
          r"|mandato|copiato|chiesto)", r"all'epoca"),
    request=(r"per favore", r"potete", r"potreste", r"vi chiedo", r"vorrei", r"voglio",
             r"chiedo", r"vi prego"),
    threat=(r"altrimenti", r"in caso contrario", r"in mancanza", r"diversamente",
            r"se non"),
    reservation=(r"mi riservo (?:il diritto|la facolta)", r"riservandomi (?:il diritto"
                 r"|ogni)", r"fatti salvi i miei diritti"),
    question=(r"(?:avete|hanno) (?:\w+ )?(?:condiviso|ceduto|venduto|passato|dato)",
              r"se avete (?:condiviso|ceduto|venduto)", r"a chi"),
    boilerplate=(r'rispond\w* "?stop"?,?(?: per| e)',
                 r"questa (?:e-?mail|mail|comunicazione)(?: e i suoi allegati)? (?:e|sono"
                 r"|puo contenere) (?:riservat|confidenzial|informazioni)",
                 r"se (?:lei )?non e il destinatario", r"prima di stampare"),
    phishing=(r"verifica(?:re)? (?:il tuo|il suo) (?:account|conto|identita)",
              r"(?:il tuo|il suo) account (?:e stato|sara) (?:sospeso|bloccato|chiuso)",
              r"entro (?:24|48) ore", r"clicca (?:qui|sul link)", r"attivita insolita"),
    vendor_notice=(r"incidente di sicurezza", r"abbiamo (?:scoperto|rilevato)",
                   r"accesso non autorizzato", r"non (?:e richiesta|deve fare) alcuna azione",
                   r"desideriamo informarla"),
    marketing_list=(r"lista (?:di distribuzione|sms|marketing|newsletter|promozional\w*)",
                    r"mailing list"),
    data_object=(r"(?:tutti )?i miei dati", r"il mio account", r"il mio profilo"),
    nouns={"marketing": (r"newsletter", r"pubblicita", r"promozion\w*", r"offerte", r"sms",
                         r"messaggi"),
           "data": (r"dati", r"foto", r"informazioni", r"registrazioni"),
           "account": (r"account", r"profilo")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:cancellate|eliminate|togliete|rimuovete"
                       r"|cancellar|eliminar|toglier|rimuover)(?:me|ce)?(?:li|le|lo|la)",
                       action="remove"),
        PronounRequest(pattern=r"(?:li|le|lo|la) (?:potete|potreste) (?:cancellare|eliminare"
                       r"|togliere|rimuovere)", action="remove"),
        PronounRequest(pattern=r"(?:fermate|fermar|interrompete|interromper)(?:me|ce)?"
                       r"(?:li|le|lo|la)", action="stop"),
        PronounRequest(pattern=r"(?:toglie|cancella|rimuove)te(?:mi|ci) da (?:li|la|quella"
                       r" lista|essa)", action="remove"),
        PronounRequest(pattern=r"(?:inviate|mandate|inviar|mandar)(?:me|ce)(?:li|le|lo|la)",
                       action="send"),
    ),
    grievance_question=(r"perche", r"come (?:avete|mai|e possibile)", r"da dove", r"chi vi ha"),
    # "grazie ancora per ..." thanks again: nothing goes on.
    first_person=(r"mi[oaei]", r"mie", r"me", r"mi"),
    request_verbs=(
        RequestVerb(pattern=r"cancell\w*", action="remove"),
        RequestVerb(pattern=r"elimin\w*", action="remove"),
        RequestVerb(pattern=r"rimuov\w*", action="remove"),
        RequestVerb(pattern=r"togli\w*", action="remove"),
        RequestVerb(pattern=r"smett\w*", action="stop"),
        RequestVerb(pattern=r"interromp\w*", action="stop"),
        RequestVerb(pattern=r"(?:inviar|mandar|trasmetter|comunicar)(?:mi|e)", action="send"),
        RequestVerb(pattern=r"(?:inviate|mandate|trasmettete|comunicate)(?:mi)?", action="send"),
        RequestVerb(pattern=r"(?:sapere|conoscere|vedere|ricevere|accedere a|avere)",
                    action="send"),
    ),
    held_data=(
        r"(?:una copia (?:di|dei) |tutti )?(?:i )?miei dati(?: personali)?",
        r"(?:quali|che) (?:dati|informazioni)(?: \w+){0,3} (?:avete|conservate|trattate"
        r"|detenete|possedete)(?: \w+){0,2} (?:su di me|che mi riguardano|miei)",
    ),
    disclosure_acts=(
        r"(?:avete|abbiate) (?:\w+ )?(?:ceduto|condiviso|venduto|inviato|mandato|dato|passato"
        r"|comunicato|diffuso|usato|utilizzato|aggiunto|pubblicato|iscritto)",
    ),
    disclosure_wrongs=(
        r"senza (?:il )?(?:mio |nostro )?(?:consenso|permesso|autorizzazione)",
        r"a (?:un |una )?(?:sconosciut\w+|terzi|altre aziende|altri (?:clienti|genitori"
        r"|fornitori)|tutti)",
        r"in copia (?:visibile|aperta)", r"senza copia nascosta",
        r"(?:e|ma e) (?:davvero |anche )?legale",
    ),
    ongoing=(r"ancora(?! per\b)", r"continua\w*", r"di nuovo"),
    # "... quando ve l'ho chiesto": the organisation acted when asked; told, not chased.
    done=(r"quando (?:ve |glie)?l'ho (?:chiest|richiest)\w", r"e l'avete fatto"),
    asked_before=(r"ho (?:chiesto|scritto|inviato|revocato)",
                  r"mi sono (?:disiscritt|cancellat)\w*"),
    blockers=(r"non", r"mai", r"se", r"quando", r"avete"),
    # An earlier request told, and its being ignored (clauses.Reading.ignored).
    asked_earlier=(
        r"ho (?:gia )?(?:chiesto|richiesto|scritto)",
        r"mi sono (?:gia )?(?:disiscritt|cancellat)\w*",
        r"avevo (?:gia )?(?:chiesto|scritto)",
    ),
    persisting=(
        r"(?:sono passat[ie]|da|oltre) (?:piu di |quasi )?(?:due|tre|quattro|cinque|sei|otto"
        r"|\d+) (?:settimane|mesi)",
        r"(?:continuo|continuano|continuate) a",
        r"ancora",
        r"di nuovo",
        r"(?:due|tre|quattro) volte",
        r"da allora",
        r"nessuna risposta",
        r"senza risposta",
        r"non ho (?:ricevuto|avuto) (?:alcuna |nessuna )?risposta",
    ),
    # A condition on the organisation's own act, in whose protasis a grievance word
    # accuses nobody (clauses.in_protasis); not on its inaction or on what goes on.
    hypothesis=(
        r"se (?:avete|hai|aveste|state|siete)(?! continuato\b| ancora\b)",
        r"(?:nel caso in cui|qualora) (?:abbiate|aveste|abbia)",
        r"se i miei dati (?:personali )?(?:sono|siano|hanno)",
    ),
    # A list's introduction that asks to be told (clauses.list_intro's callers).
    information=(
        r"informazioni", r"indicare", r"indicatemi", r"sapere", r"dettagli", r"fornire",
        r"fornitemi", r"elenco",
    ),
    # A confirmation of an erasure asked: no copy of the data is asked.
    erasure_confirmed=(
        r"conferm\w*(?: per iscritto)? (?:la cancellazione|l'avvenuta cancellazione|"
        r"l'eliminazione)",
        r"conferm\w* che (?:avete|ha|abbiate|abbia) (?:cancellato|eliminato)",
    ),
    report_acts=(
        r"(?:ho|avevo|presentero|vado a) (?:gia |oggi )?(?:presentato|presentare|inoltrato"
        r"|sporto|fatto|segnalato|segnalare) (?:oggi )?(?:un |il mio )?(?:reclamo|segnalazione"
        r"|denuncia)?",
        r"(?:presentero|sporgero|faro) (?:un )?(?:reclamo|segnalazione|denuncia)",
    ),
    authorities=(
        r"(?:il |al )?garante(?: per la protezione dei dati personali| privacy)?",
        r"(?:l')?autorita (?:di controllo|garante)",
    ),
)
