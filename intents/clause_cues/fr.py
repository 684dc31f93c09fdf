"""French clause cues (folded: no accents)."""

from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

CUES = ClauseCues(
    code="fr",
    past=(r"l'an(?:nee)? (?:derniere|dernier|passee)", r"le mois dernier", r"il y a (?:\w+ )?"
          r"(?:ans?|mois|semaines)", r"m'avez (?:deja )?(?:envoye"
          r"|transmis|copie|demande)", r"l'epoque"),
    request=(r"merci de", r"veuillez", r"pouvez-vous", r"pourriez-vous", r"j'aimerais",
             r"je souhaiterais", r"s'il vous plait", r"svp", r"je (?:veux"
             r"|voudrais|souhaite|demande|vous demande)", r"je vous prie"),
    threat=(r"sinon", r"a defaut", r"faute de (?:quoi|reponse)", r"dans le cas contraire",
            r"sans quoi"),
    reservation=(r"me reserve (?:le droit|la possibilite)", r"me reservant le droit",
                 r"sous reserve de mes droits"),
    question=(r"(?:avez-vous|ont-ils|a-t-on) (?:\w+ )?(?:transmis|partage|vendu|cede|donne)",
              r"si vous avez (?:transmis|partage|vendu|cede)", r"a qui"),
    boilerplate=(r'repond\w* "?stop"?,?(?: pour| et)',
                 r"ce (?:message|courriel|mail)(?: et (?:ses|toutes les) pieces jointes)?"
                 r" (?:est|sont|peut contenir) (?:confidentiel|strictement|des informations)",
                 r"si vous n'etes pas (?:le )?destinataire", r"avant d'imprimer"),
    phishing=(r"verifie[rz] (?:votre|vos) (?:compte|identite|informations)",
              r"votre compte (?:a ete|sera) (?:suspendu|bloque|desactive|ferme)",
              r"sous (?:24|48) ?h(?:eures)?", r"cliquez (?:ici|sur le lien)",
              r"activite inhabituelle"),
    vendor_notice=(r"incident de securite", r"nous avons (?:decouvert|detecte|constate)",
                   r"acces non autorise", r"aucune action (?:n'est requise|de votre part)",
                   r"nous vous informons"),
    marketing_list=(r"liste(?:s)? de (?:diffusion|sms|marketing|prospection|envoi)",
                    r"mailing list", r"liste rouge"),
    data_object=(r"(?:toutes )?mes donnees", r"mon compte", r"toutes les informations"),
    nouns={"marketing": (r"newsletters?", r"lettres? d'information", r"publicite\w*",
                         r"promotion\w*", r"offres", r"sms", r"courriels publicitaires",
                         r"messages"),
           "data": (r"donnees", r"photos", r"videos?", r"informations", r"enregistrements",
                    r"dossier"),
           "account": (r"compte", r"profil")},
    pronoun_requests=(
        PronounRequest(pattern=r"(?:les|la|le) (?:supprimer|effacer|retirer|detruire"
                       r"|enlever|supprimez|effacez|retirez)", action="remove"),
        PronounRequest(pattern=r"l'(?:supprimer|effacer|retirer|detruire|enlever|supprimez"
                       r"|effacez|retirez)", action="remove"),
        PronounRequest(pattern=r"(?:supprimez|effacez|retirez|enlevez)-(?:les|la|le)",
                       action="remove"),
        PronounRequest(pattern=r"(?:les|la|le) (?:arreter|stopper|arretez|stoppez)"
                       r"|l'(?:arreter|stopper|arretez|stoppez)"
                       r"|(?:arretez|stoppez)-(?:les|la|le)", action="stop"),
        PronounRequest(pattern=r"(?:me|nous) (?:retirer|desinscrire|enlever|rayer)"
                       r" (?:de (?:la|cette liste|celle-ci)|d'(?:elle|eux))", action="remove"),
        PronounRequest(pattern=r"(?:me les|nous les) (?:envoyer|renvoyer|transmettre"
                       r"|communiquer)|(?:envoyez|transmettez|communiquez)-(?:les-moi|la-moi"
                       r"|le-moi)", action="send"),
    ),
    grievance_question=(r"pourquoi", r"comment (?:avez|se fait|est-ce)", r"d'ou", r"qui vous a"),
    request_verbs=(
        RequestVerb(pattern=r"supprim\w*", action="remove"),
        RequestVerb(pattern=r"effac\w*", action="remove"),
        RequestVerb(pattern=r"retir\w*", action="remove"),
        RequestVerb(pattern=r"enlev\w*", action="remove"),
        RequestVerb(pattern=r"detrui\w*", action="remove"),
        RequestVerb(pattern=r"arret\w*", action="stop"),
        RequestVerb(pattern=r"cess\w*", action="stop"),
        RequestVerb(pattern=r"(?:communiqu|transmett|envoy|adress)\w*", action="send"),
        RequestVerb(pattern=r"(?:savoir|connaitre|acceder a|obtenir|recevoir)", action="send"),
        RequestVerb(pattern=r"quelles (?:donnees|informations) (?:\w+ ){0,2}(?:avez|detenez"
                    r"|conservez|possedez|gardez)(?:-vous)? (?:\w+ )?(?:sur moi|me concernant)",
                    action="send", asks=True),
    ),
    held_data=(
        r"(?:l'ensemble des|(?:toutes )?(?:mes|les)) (?:donnees|informations)(?: personnelles"
        r"| a caractere personnel)?(?: me concernant| que vous (?:detenez|avez|conservez))",
        r"(?:copie de |l'ensemble de |toutes )?mes donnees(?: personnelles)?",
        r"(?:quelles|les|toutes les) (?:donnees|informations)(?: \w+){0,3} (?:vous )?(?:avez"
        r"|detenez|conservez|possedez|traitez|gardez)(?: \w+){0,2} (?:sur moi|me concernant)",
    ),
    disclosure_acts=(
        r"(?:vous )?(?:avez|ayez) (?:\w+ )?(?:transmis|communique|cede|vendu|partage|envoye"
        r"|donne|divulgue|utilise|ajoute|publie|inscrit)",
    ),
    disclosure_wrongs=(
        r"sans (?:mon |notre )?(?:consentement|accord|autorisation)",
        r"a (?:un |une )?(?:inconnu\w*|tiers|d'autres (?:entreprises|societes|clients"
        r"|parents|prestataires)|tout le monde)",
        r"en copie (?:visible|ouverte)", r"sans copie cachee",
        r"(?:est-ce|c'est) (?:bien |vraiment |meme )?legal",
    ),
    ongoing=(r"toujours", r"encore", r"continue\w*", r"de nouveau"),
    asked_before=(r"j'ai (?:demande|ecrit|envoye|retire)", r"je me suis desabonne\w*",
                  r"je vous ai (?:demande|ecrit)"),
    blockers=(r"ne", r"n'", r"pas", r"jamais", r"si", r"quand", r"avez"),
    # An earlier request told, and its being ignored (clauses.Reading.ignored).
    asked_earlier=(
        r"(?:j'ai|je vous ai) (?:deja )?(?:demande|ecrit|envoye|retire)",
        r"je me suis (?:deja )?(?:desabonne|desinscrit)\w*",
    ),
    persisting=(
        r"(?:cela fait|ca fait|depuis|il y a) (?:plus de |pres de )?(?:deux|trois|quatre|cinq"
        r"|six|huit|\d+) (?:semaines|mois)",
        r"toujours (?:pas|rien|des|aucun\w*|recu|en|vos)",
        r"je (?:recois|continue) (?:encore|toujours|a recevoir)",
        r"(?:j'ai|je) (?:encore |de nouveau )?(?:recu|recois) (?:encore|de nouveau|un autre"
        r"|une autre)",
        r"de nouveau",
        r"(?:deux|trois|quatre) fois",
        r"depuis (?:lors|ce moment)",
        r"aucune reponse",
        r"sans reponse",
    ),
    # A condition on the organisation's own act, in whose protasis a grievance word
    # accuses nobody (clauses.in_protasis); not on its inaction or on what goes on.
    hypothesis=(
        r"si vous (?:avez|etes|aviez|etiez)(?! continue\b| toujours\b| encore\b)",
        r"(?:si|au cas ou) (?:mes|des) donnees (?:personnelles )?(?:ont|sont)",
        r"au cas ou vous (?:avez|auriez|etes)",
    ),
    # A list's introduction that asks to be told (clauses.list_intro's callers).
    information=(
        r"informations?", r"renseignements?", r"indiquer", r"indiquez", r"savoir", r"communiquer",
        r"fournir", r"preciser", r"liste",
    ),
    # A confirmation of an erasure asked: no copy of the data is asked.
    erasure_confirmed=(
        r"confirm\w*(?:-moi| moi)?(?: par ecrit)? (?:l'effacement|la suppression|la destruction)",
        r"confirm\w*(?:-moi| moi)?(?: par ecrit)? que vous avez (?:bien )?(?:efface|"
        r"supprime|detruit)",
        r"confirmation (?:ecrite )?de (?:l'effacement|la suppression)",
    ),
    report_acts=(
        r"j'(?:ai|avais) (?:[\w']+ ){0,2}(?:depose|adresse|porte|introduit|envoye|formule"
        r"|fait) (?:[\w']+ ){0,2}(?:une |un |ma |mon )?(?:plainte|reclamation|signalement)",
        r"je (?:vais |compte |m'apprete a )?(?:deposer|adresser|porter|introduire|depose"
        r"|porte) (?:une |ma )?(?:plainte|reclamation)",
        r"j'ai (?:signale|saisi)", r"je (?:vais |compte )?(?:signaler|saisir)",
    ),
    authorities=(
        r"(?:la )?cnil", r"(?:la )?commission nationale de l'informatique et des libertes",
        r"(?:l')?autorite (?:de controle|de protection des donnees)",
    ),
)
