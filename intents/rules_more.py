"""Rules for every language at once (GDPR article numbers) and for the other languages of the
request templates: Italian, Portuguese, Dutch, Swedish, Czech, Croatian, Greek, Romanian;
and Catalan, which clients of a Barcelona studio write in.

Formal requests in any EU language name the article they rely on (Art. 15 access, 17
erasure, 21 objection, 77 complaint); with the right's own noun in that language that is
enough. A reminder that an earlier request went unanswered lifts the request it names.
"""

from __future__ import annotations

from intents.ruleparts import RawRule, gap

# "Article 15", "Art. 15", "artículo 15", "článku 15", "članka 15.", "άρθρο 15" (folded).
ARTICLE = r"\b(?:art\w*|cl(?:an\w*|\.)|αρθρ\w*)\.? ?"
DATA = (r"(?:dati|dados|dades|danych|dane|gegevens|persoonsgegevens|uppgifter|personuppgifter"
        r"|udaj\w*|podat\w*|δεδομεν\w*|date\w*|data|daten|datos|donnees)\b")
CA_OBJ = (r"(?:dades|perfil|compte|informacio|fotos?|fotografies|imatges?|videos?|tot|historial"
          r"|fitxa|adreca|correu)\b")
# What Italian and Portuguese clients ask to stop being sent.
STOP_WHAT = (r"(?:\w*pubblicit\w*|promozion\w*|publicidade|promoc\w*|newsletter|offerte|ofertas"
             r"|e-?mails?|mail|sms|messaggi|mensagens)\b")
# Objecting (to direct marketing), in the template languages.
OBJECT = (r"(?:oppong\w*|opposizione|obiezione|oponho|oposicao|objec\w*|bezwaar|invand\w*"
          r"|motsatt\w*|namitk\w*|namit\w*|protivim|prigovor\w*|αντιταχθ\w*|αντιρρησ\w*"
          r"|εναντιων\w*|ma opun|opozitie|obiectie|widerspruch\w*|oposicion|opposition)")
MARKETING = (r"(?:\w*marketing\w*|pubblicit\w*|publicidad\w*|publicit\w*|reclame|marknadsfor\w*"
             r"|μαρκετινγκ|εμπορικ\w*|προωθητικ\w*|werbung|direktwerbung|prospection)\b")

MORE_RULES: list[RawRule] = [
    # Article numbers, any language.
    ("access", 0.45, ARTICLE + r"15\b(?![.,]\d)", "r"),
    ("erasure", 0.45, ARTICLE + r"17\b(?![.,]\d)", "r"),
    ("opt_out", 0.3, ARTICLE + r"21\b(?![.,]\d)", "r"),
    ("complaint", 0.6, ARTICLE + r"77\b(?![.,]\d)", "d"),
    # The rights' own nouns.
    ("access", 0.45, r"\b(?:accesso|acesso|acceso|l'acces|acces|accesul|toegang|inzage\w*"
     r"|tillgang|pristup\w*|προσβαση)\b", "r"),
    ("access", 0.85, r"\b(?:diritto di accesso|direito de acesso|recht op inzage|inzageverzoek"
     r"|ratt till tillgang|registerutdrag|pravo na pristup|δικαιωμα προσβασης|dreptul de acces)"
     r"\b", "r"),
    # Dutch compounds end the object: "kopie van mijn factuurgegevens".
    ("access", 0.8, r"\b(?:copia|copie|kopie|kopia|kopii|kopiju|αντιγραφο)\b" + gap(5)
     + r"(?:(?:persoons|klant|contact|account|profiel)gegevens\b|" + DATA + ")",
     ""),
    ("erasure", 0.45, r"\b(?:cancellazione|apagamento|eliminacao|exclusao|verwijdering|radering"
     r"|vymazani|smazani|brisanje|διαγραφη|stergerea|stergere)\b", "r"),
    ("erasure", 0.85, r"\b(?:cancell|elimin|apag|exclu|verwijder|wis(?!sen\b)|rader|vymaz"
     r"|smaz|izbris|obris|διαγραψ|διαγραφ|sterg)\w*" + gap(6) + DATA, ""),
    ("erasure", 0.85, r"\b" + DATA + gap(4) + r"(?:verwijder|wis|cancell|elimin|apag|exclu|rader"
     r"|vymaz|smaz|izbris|obris|sterg)\w*", ""),
    ("access", 0.8, r"\b(?:saber|conocer|conhecer|sapere|conoscere|weten)\b" + gap(1)
     + r"(?:que|quais|quali|cuales|welke)\b" + gap(2) + r"(?:dados|datos|dati|informacoes"
     r"|informacion|informazioni|gegevens)\b", ""),
    ("access", 0.8, r"\bquali (?:dati|informazioni)\b" + gap(4) + r"(?:avete|conservate|trattate"
     r"|detenete|possedete)\b", ""),
    # "cancellate tutto", "que apaguem tudo", "verwijder alles": everything is the object.
    # Asked for, about the sender, or after their data was named ("cancellate tutto e
    # ricominciamo" about a wrong quote is none).
    ("erasure", 0.7, r"\b(?:chiedo|peco|pedimos|vorrei|gostaria|verzoek)\W+(?:\w+\W+){0,3}?"
     r"(?:cancell|elimin|apag|exclu|verwijder|wis)\w*\W+(?:\w+\W+)?(?:tutto|tudo|alles)\b"
     r"|\b(?:cancell|elimin|apag|exclu|verwijder|wis)\w*\W+(?:\w+\W+)?(?:tutto|tudo|alles)\W+"
     r"(?:\w+\W+){0,4}?(?:sobre mim|su di me|di me|van mij|over mij)\b", ""),
    ("erasure", 0.7, r"\b(?:cancell|elimin|apag|exclu|verwijder|wis)\w*\W+(?:\w+\W+)?(?:tutto"
     r"|tudo|alles)\b", "p"),
    ("erasure", 0.9, r"\b(?:diritto all'oblio|direito ao esquecimento|recht op vergetelheid"
     r"|ratten att bli bortglomd|pravo na zaborav|δικαιωμα στη ληθη|dreptul de a fi uitat)\b",
     ""),
    ("opt_out", 0.85, r"\b" + OBJECT + gap(14) + MARKETING, ""),
    ("opt_out", 0.85, r"\b(?:disiscriv\w*|descadastr\w*|afmelden|uitschrijven|avregistrera"
     r"|avsluta prenumeration\w*|odhlasit|odjavi\w*|dezabon\w*|απεγγραφ\w*)", ""),
    ("opt_out", 0.85, r"\b(?:nao quero|non voglio|nn voglio|ik wil geen|jag vill inte)\b" + gap(3)
     + r"(?:receber|ricevere|ontvangen|\w*mails?|ta emot|fa)\w*", "n"),
    ("opt_out", 0.85, r"\b(?:remov|retir|tir|rimuov|cancell|togli|verwijder|haal|ta bort)\w*"
     + gap(5) + r"(?:da|de|dalla|dalle|van|fran|ur)\W+(?:\w+\W+)?(?:lista|liste|lijst"
     r"|mailinglijst|listan|newsletter|nieuwsbrief|utskick)\b", ""),
    ("complaint", 0.6, r"\b(?:reclamo|lamentela|queixa|klacht|klagomal|stiznost\w*|zalb\w*"
     r"|prituzb\w*|καταγγελι\w*|plangere|reclamacio)\b", "g"),
    ("complaint", 0.7, r"\b(?:violacao|fuga) (?:de|dos) (?:meus )?dados\b|\b(?:violazione|fuga)"
     r" (?:di|dei) (?:miei )?dati\b|\bdatalek\w*|\b(?:datalek|inbreuk op (?:mijn )?(?:privacy"
     r"|gegevens))\b", ""),
    ("complaint", 0.85, r"\b(?:garante|cnpd|autoriteit persoonsgegevens|imy"
     r"|integritetsskyddsmyndigheten|uoou|azop|anspdcp)\b", "d"),
    ("complaint", 0.7, r"\b(?:non ho (?:ancora )?ricevuto|nao recebi|geen antwoord|inget svar"
     r"|neobdrzel\w*|nisam primio\w*|δεν ελαβα|nu am primit)\b", "cn"),
    ("complaint", 0.35, r"\b(?:ammonizione|advertencia|aanmaning|paminnelse|upominka|opomena"
     r"|amonestacion|somatie|υπενθυμιση|admonition|mahnung|relance)\b", "c"),
    # Catalan.
    ("access", 0.85, r"\bdret d'acces\b", "r"),
    ("access", 0.8, r"\bquines dades\b" + gap(4) + r"(?:teniu|tenen|guardeu|conserveu|tracteu"
     r"|heu)\b", ""),
    # The sender's own things ("esborreu les meves dades"), not "la fitxa del client antic".
    ("erasure", 0.85, r"\b(?:esborr|elimin|suprim)\w*" + gap(2) + r"(?:el meu|la meva|les meves"
     r"|els meus)\W+(?:\w+\W+)?" + CA_OBJ, ""),
    ("erasure", 0.7, r"\b(?:preferiria|prefereixo) que no (?:guard|conserv|tingu)\w*" + gap(3)
     + r"(?:dades|informacio|fitxa|perfil)\b", "n"),
    ("opt_out", 0.9, r"\b(?:donar|doneu|doni|dona)(?:-me|-nos)? de baixa\b|\bbaixa (?:de|del"
     r"|dels) (?:la |el |les |l')?(?:\w+ )?(?:newsletter|butlleti|llista|correus?|subscripcio"
     r"|comunicacions)\b", ""),
    ("opt_out", 0.85, r"\bno (?:vull|desitjo) (?:rebre|que m'envieu)\b|\b(?:deixeu|deixin"
     r"|deixi) d'enviar-(?:me|nos)\b", "n"),
    ("complaint", 0.85, r"\b(?:apdcat|autoritat catalana de proteccio de dades)\b", "d"),
    ("complaint", 0.7, r"\b(?:vulneracio|violacio|bretxa|filtracio)\b" + gap(5) + r"dades\b", ""),
    # Italian and Portuguese: stop sending; marketing that still comes.
    ("opt_out", 0.85, r"\bsmett\w* di (?:inviar|mandar|spedir)\w*" + gap(3) + STOP_WHAT
     + r"|\b(?:parem|deixem) de (?:me )?(?:enviar|mandar)\w*" + gap(3) + STOP_WHAT, ""),
    # Mail that still comes, and an earlier request to stop: weak alone, together a
    # complaint ("ogni tanto ricevo ancora le vostre email" out of curiosity is none).
    ("complaint", 0.4, r"\b(?:ricevo ancora|continuo a ricevere|continuo a receber|ainda recebo)"
     r"\W+(?:\w+\W+){0,3}?" + STOP_WHAT, "c"),
    ("complaint", 0.4, r"\b(?:ne ho ricevut\w* altr\w*|recebi mais)\b", "ck"),
    ("complaint", 0.3, r"\b(?:vi avevo|avevo|vi ho gia|ho gia) (?:scritto|chiesto|richiesto)\b"
     r"|\b(?:ja tinha|ja tenho|tinha|tenho|ja ter) (?:pedido|escrito)\b", "c"),
    ("complaint", 0.6, r"\b(?:non vi ho|non le ho|non ho|vi ho|ho) mai dato (?:il (?:mio )?)?"
     r"consenso\b|\bsenza"
     r" (?:il mio )?consenso\b|\bnunca (?:vos |lhes )?dei (?:o meu )?consentimento\b", "n"),
    # A copy in the open: every recipient saw every address.
    ("complaint", 0.6, r"\b(?:tots|totes|todos|todas|tutti|tous|alle|adreces|direcciones"
     r"|correos|indirizzi|adresses|e-?mails?)\b" + gap(8) + r"(?:en|amb|con|in) (?:copia|copie"
     r"|kopie) (?:visible|oberta|abierta|visibile|aperta|ouverte)\b|\bsin (?:copia oculta|cco)\b"
     r"|\bsans cci\b|\bohne bcc\b|\bsenza ccn\b|\boffen (?:in )?(?:cc|kopie)\b", ""),
    # Dutch: the verb comes last.
    ("opt_out", 0.85, r"\bvan (?:de |jullie |uw |je )?(?:mailinglijst|nieuwsbrief|lijst"
     r"|verzendlijst)\W+(?:\w+\W+)?(?:halen|afhalen|verwijderen|schrappen)\b", ""),
    ("access", 0.8, r"\b(?:overzicht|inzage)\b" + gap(5) + r"(?:persoons|klant)?gegevens\b"
     r"|\bwelke (?:persoons|klant)?gegevens\b"
     + gap(5) + r"(?:hebben|bewaren|verwerken|opgeslagen|bijhouden)\b", ""),
    # Portuguese and Italian requests with a clitic or a concrete object.
    ("access", 0.8, r"\b(?:enviar|mandar|fornecer|facultar|disponibilizar|inviar|mandar)"
     r"(?:-me|-nos|mi|ci)?\b" + gap(2) + r"(?:os meus|meus|i miei|le mie) (?:dados|informacoes"
     r"|dati|informazioni)\b", ""),
    # Verbs only: "la cancellazione di un account" names the act, it does not ask for it.
    # "Peço que removam as fotos", "eliminate il mio account": asked for, or the sender's own.
    ("erasure", 0.8, r"\b(?:peco|pedimos|gostaria|quero|solicito|chiedo|vorrei) (?:que |che |di )?"
     r"(?:\w+\W+){0,2}?(?:remov|apag|elimin|rimuov|cancell|exclu)\w*\W+(?:\w+\W+){0,3}?"
     r"(?:fotos?|fotografias|imagens|ficheiros|arquivos|conta|perfil|immagini|foto|profilo"
     r"|account)\b|\b(?:remov|apag|elimin|rimuov|cancell|verwijder)(?!\w*(?:zione|zioni|ing"
     r"|cao|coes)\b)\w*\W+(?:(?:todas|todos|tutte|tutti) )?(?:a minha|o meu|as minhas|os meus"
     r"|il mio|la mia|i miei|le mie|mijn)\W+(?:\w+\W+)?(?:fotos?|fotografias|imagens|ficheiros"
     r"|arquivos|conta|perfil|immagini|foto|profilo|account|bestanden|profiel)\b", ""),
    # Polish.
    ("access", 0.8, r"\bdostep\w* do (?:moich |swoich )?(?:danych|informacji)\b", "r"),
    ("erasure", 0.85, r"\busun\w*" + gap(1) + r"(?:moich|moje|mojego|moj|moja)\W+(?:\w+\W+)?"
     r"(?:danych|dane|konta|konto|zdjec|zdjecia|profilu|profil)\b", ""),
    ("opt_out", 0.85, r"\bwypis\w*\b" + gap(4) + r"(?:newslettera|listy|subskrypcji)\b|\bnie chce"
     r" (?:juz )?otrzymywac\b", "n"),
    ("complaint", 0.7, r"\bnie otrzymal\w* (?:zadnej |jeszcze )?odpowiedzi\b", "cn"),
    ("complaint", 0.85, r"\bskarg\w*" + gap(4) + r"(?:organu nadzorczego|uodo|prezesa urzedu"
     r" ochrony danych)\b", "d"),
    # "please answer my request" after an unanswered one: by convention an access request.
    ("access", 0.3, r"\b(?:answer|respond to|reply to) my request\b|\bmeine anfrage\b"
     + gap(12) + r"beantworten\b|\bresponde\w*" + gap(3) + r"mi (?:peticion|solicitud)\b"
     r"|\brepond\w*" + gap(3) + r"a ma demande\b|\brispond\w*" + gap(3) + r"alla mia"
     r" richiesta\b", "r"),
]
