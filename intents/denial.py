"""Recognising a reply that denies a request: "I never sent this", "das war ich nicht".

Anyone can send a request in someone else's name; the verification mail then reaches the
real owner of the address, who may answer that they never asked for anything. Such a reply
must stop the request, never confirm it, so the service asks this module before it looks for
a code. Read only the sender's own words (never the quoted copy of our mail, which itself
says "if you did not send this request...").

The phrases are data, per language, as patterns over folded text (lower case, accents
removed: see textnorm): a denial of having made the request ("I did not send this", "no he
enviado nada"), a denial of being the sender ("it wasn't me", "ce n'est pas moi") and an
order to do nothing ("do NOT do anything", "no hagan nada"). Denying a specific thing ("I
didn't ask for a copy, I asked for deletion") is not denying the request, so the words after
the verb must name the request itself ("this", "any request", "nada") or end the clause. A
phrase inside a condition ("if you did not send this, ignore this email") or about the code
or link ("I haven't sent the code yet") does not count. Pure: no I/O.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from intents.textnorm import clause_start, fold


def _ends(continuations: str) -> str:
    """The clause ends here, or goes on with one of `continuations` ("and", "please"...): "I
    never sent this, ..." denies, "I haven't sent it yet because ..." does not."""
    return rf"(?=\s*(?:[.!?;,:)\n]|$)|\s+(?:{continuations})\b)"


# What a denied verb must be followed by: the request itself, then the end of the clause.
_EN_OBJ = (r"(?:\s+(?:this|that|it|these|those|anything|any of (?:this|it|that)|such a"
           r" (?:request|thing)|(?:a|the|any|this|that|such) (?:privacy )?(?:request|e-?mail"
           r"|mail|message|form)|for (?:this|that|it|anything|any of (?:this|it|that)|such a"
           r" thing|(?:a|the|any|this|that) (?:privacy )?(?:request|thing))))?"
           + _ends("and|but|or|so|please|at all|ever|whatsoever|myself|to you|either|nor"
                   "|to happen"))
_ES_OBJ = (r"(?: yo| nunca| jamas)?(?:\s+(?:esto|eso|nada|(?:esta|esa|la|una|ninguna|dicha"
           r"|tal) (?:solicitud|peticion)|(?:este|ese|ningun) (?:correo|mensaje)))?"
           + _ends("y|pero|o|nunca|jamas|por favor|en absoluto|en mi vida|yo"))
_CA_OBJ = (r"(?:\s+(?:aixo|res|(?:aquesta|la|una|cap) sol.licitud|(?:aquest|cap) (?:correu"
           r"|missatge)))?" + _ends("i|pero|o|mai|si us plau|en absolut|jo"))
_FR_END = _ends("et|mais|ou|jamais|du tout|moi-meme|s'il vous plait|de ma vie")
_FR_OBJ = (r"(?:\s+(?:cela|ca|ceci|rien|(?:cette|la|une|aucune|de|cet|ce) (?:demande|requete"
           r"|message|courriel|e-?mail|mail)))?" + _FR_END)
_IT_OBJ = (r"(?:\s+(?:cio|nulla|niente|questo|(?:questa|la|una|alcuna|nessuna|tale) richiesta"
           r"|(?:questa|alcuna|nessuna) (?:e-?mail|mail|domanda)|(?:questo|alcun|nessun)"
           r" messaggio))?" + _ends("e|ma|o|mai|affatto|per favore|io"))
_PT_OBJ = (r"(?:\s+(?:isto|isso|nada|(?:este|esse|o|um|nenhum|tal) pedido|(?:esta|essa|a|uma"
           r"|nenhuma|tal) (?:solicitacao|mensagem)|(?:este|esse|nenhum) e-?mail))?"
           + _ends("e|mas|ou|nunca|por favor|de todo|eu"))

# German and Dutch put the verb last ("ich habe diese Anfrage nicht gestellt"): only words
# about the request may stand between, so "ich habe die Unterlagen noch nicht geschickt"
# (not yet sent the documents) is no denial.
_DE_FILL = (r"(?:\s+(?:diese[rn]?|die|das|dies|es|eine[n]?|keine[n]?|den|so|ja|doch|uberhaupt"
            r"|gar|jemals|je|ihnen|euch|bei|an|sie|ihr|ihre|e-?mail|mail|nachricht|\w*anfrage"
            r"|\w*antrag)){{0,{}}}")
_DE_DONE = (r"\s+(?:gestellt|gesendet|geschickt|verschickt|abgeschickt|beantragt|angefordert"
            r"|geschrieben|veranlasst|eingereicht)\b")
_NL_FILL = (r"(?:\s+(?:dit|dat|deze|het|een|geen|ooit|nooit|u|jullie|bij|aan|e-?mail|mail"
            r"|bericht|\w*verzoek|\w*aanvraag)){{0,{}}}")
_NL_DONE = (r"\s+(?:gestuurd|verstuurd|gedaan|aangevraagd|gevraagd|ingediend|geschreven"
            r"|verzonden)\b")

# Per language: patterns over folded text; any of them marks the reply as a denial.
DENIAL_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        r"\b(?:i|we) (?:did ?n'?t|did not|never|have ?n'?t|have not|had not|had ?n'?t)"
        r"(?: ever| even)? (?:send|sent|make|made|submit|submitted|request|requested|ask"
        r"|asked|write|wrote|written|file|filed|authori[sz]e|authori[sz]ed|place|placed"
        r"|initiate|initiated)" + _EN_OBJ,
        r"\b(?:this|that|it)(?: request| e-?mail| mail| message)?(?: was ?n'?t| was not"
        r"| is ?n'?t| is not|'s not)(?: sent| made| written)?(?: by| from)? (?:me|us)\b",
        r"\bnot (?:sent|made|submitted|requested|written|authori[sz]ed) by (?:me|us)\b",
        r"\b(?:not|never) (?:my|our) request\b|\bnot from me\b|\b(?:request|e-?mail|mail"
        r"|message) (?:is|was) ?n'?o?t (?:mine|ours)\b",
        r"(?:^|(?<=[.!?\n]))\s*(?:(?:this|that|it) )?(?:was ?n'?t|was not|not) (?:me|us)\b",
        r"\b(?:i|we) (?:did ?n'?t|did not|never|have ?n'?t|have not)(?: ever)? (?:contact"
        r"|contacted|e-?mail|e-?mailed|write to|wrote to|written to) you\b",
        r"\b(?:some ?one|somebody) else (?:(?:has|must have|may have|might have) )?"
        r"(?:sent|made|submitted|requested|filed|written)\b",
        r"\b(?:impersonat\w*|pretending to be) (?:me|us)\b",
        r"\b(?:do not|do ?n'?t)(?: \w+)? (?:do anything|proceed|go ahead|act on (?:it|this"
        r"|that)|process (?:it|this|that)|take any action)\b|\bplease do nothing\b",
        r"\b(?:ignore|disregard) (?:this|the|that) request\b",
    ),
    "es": (
        r"\b(?:no|nunca|jamas) (?:lo |la )?(?:he |hemos |e )?(?:enviado|mandado|hecho"
        r"|solicitado|pedido|escrito|presentado|realizado|envie|mande|hice|solicite|pedi"
        r"|escribi|presente|realice)" + _ES_OBJ,
        r"\bno (?:fui|he sido|era|soy|fue|es) yo\b",
        r"\bno (?:es|era) (?:mi|nuestra) (?:solicitud|peticion)\b",
        r"\bno (?:hagan|hagais|haga|hagas|hacer) nada\b",
        r"\bno (?:procedan|proceda|procedais|tramiten|tramite|tramiteis)\b",
    ),
    "de": (
        r"\b(?:das|dies|es) (?:war|bin|waren) (?:ich|wir) nicht\b",
        r"\b(?:ich|wir) (?:war|waren) (?:das|es) nicht\b",
        r"\b(?:ist|war|kam|kommt|stammt) nicht von (?:mir|uns)\b",
        r"\b(?:ich|wir) (?:habe|haben)" + _DE_FILL.format(4) + r"\s+(?:nicht|nie|niemals"
        r"|keine\w*)" + _DE_FILL.format(3) + _DE_DONE,
        r"\b(?:habe|haben) (?:ich|wir)" + _DE_FILL.format(3) + r"\s+(?:nicht|nie|niemals"
        r"|keine\w*)" + _DE_FILL.format(3) + _DE_DONE,
        r"\b(?:nicht|keine) (?:meine|unsere) anfrage\b|\bkeine anfrage von (?:mir|uns)\b",
        r"\b(?:unternehmen|tun|machen|veranlassen) sie (?:bitte )?nichts\b",
        r"\bbitte nichts (?:unternehmen|tun|veranlassen|bearbeiten)\b",
    ),
    "fr": (
        r"\b(?:je|nous) n'?(?:ai|avons) (?:jamais|pas|rien)(?: jamais| rien)? (?:envoye|fait"
        r"|demande|ecrit|soumis|formule|effectue|depose|sollicite)e?" + _FR_OBJ,
        r"\b(?:je|nous) n'?(?:ai|avons) (?:jamais )?rien (?:envoye|fait|demande|ecrit|soumis"
        r"|formule|sollicite)" + _FR_END,
        r"\b(?:je|nous) n'?(?:ai|avons) (?:jamais )?(?:fait|envoye|formule|depose|soumis"
        r"|adresse) (?:aucune|de) (?:demande|requete)" + _FR_END,
        r"\bc(?:e n'|')(?:est|etait) pas (?:moi|nous)\b",
        r"\bce n'(?:est|etait) pas (?:ma|notre) demande\b",
        r"\bpas (?:envoyee?|faite?|demandee?|formulee?) par (?:moi|nous)\b",
        r"\bne (?:faites|faire) rien\b|\bn'y donnez pas suite\b|\bne (?:donnez|donner)"
        r" pas suite\b",
    ),
    "ca": (
        r"\b(?:jo )?(?:no|mai) (?:he|hem) (?:enviat|fet|demanat|sol.licitat|escrit"
        r"|presentat)" + _CA_OBJ,
        r"\b(?:jo )?(?:no|mai) (?:vaig|vam) (?:enviar|fer|demanar|sol.licitar|escriure"
        r"|presentar)" + _CA_OBJ,
        r"\bno (?:era|he estat|vaig ser|soc) jo\b",
        r"\bno (?:feu|facin|faci|fer) res\b",
    ),
    "it": (
        r"\b(?:io )?non (?:ho|abbiamo) (?:mai )?(?:inviato|mandato|fatto|richiesto|chiesto"
        r"|scritto|presentato|inoltrato)" + _IT_OBJ,
        r"\bnon (?:sono stat[oa]|ero|sono) io\b|\bnon (?:e|era) (?:stato|stata) (?:io|me)\b",
        r"\bnon e (?:la )?(?:mia|nostra) richiesta\b",
        r"\bnon (?:fate|fare|faccia|facciate) (?:nulla|niente)\b|\bnon (?:procedete"
        r"|proceda)\b",
    ),
    "pt": (
        r"\b(?:eu )?(?:nao|nunca|jamais) (?:enviei|fiz|pedi|solicitei|mandei|escrevi"
        r"|apresentei|submeti)" + _PT_OBJ,
        r"\b(?:eu )?(?:nao|nunca) (?:tenho|tinha|havia) (?:enviado|feito|pedido|solicitado"
        r"|mandado|escrito)" + _PT_OBJ,
        r"\bnao (?:fui|era|sou) eu\b",
        r"\bnao e (?:o )?(?:meu|nosso) pedido\b",
        r"\bnao (?:facam|faca|fazer|facais) nada\b|\bnao (?:prossigam|prossiga|avancem)\b",
    ),
    "nl": (
        r"\b(?:dat|dit|het) (?:was|ben|waren) (?:ik|wij|we) niet\b",
        r"\bik (?:was|ben) het niet\b",
        r"\b(?:komt|kwam|is|was) niet van (?:mij|ons)\b",
        r"\b(?:ik|wij|we) (?:heb|hebben)" + _NL_FILL.format(4) + r"\s+(?:niet|nooit|geen)"
        + _NL_FILL.format(3) + _NL_DONE,
        r"\b(?:heb|hebben) (?:ik|wij|we)" + _NL_FILL.format(3) + r"\s+(?:niet|nooit|geen)"
        + _NL_FILL.format(3) + _NL_DONE,
        r"\b(?:niet|geen) (?:mijn|ons) verzoek\b|\bgeen verzoek van (?:mij|ons)\b",
        r"\bdoe (?:alstublieft |alsjeblieft |a\.u\.b\. )?niets\b|\bonderneem geen"
        r" (?:actie|stappen)\b|\bga niet verder\b",
    ),
}

# A condition before the phrase in its clause: "if you did not send this request, ...".
_CONDITION = re.compile(r"\b(?:if|unless|in case|si|wenn|falls|sofern|als|indien|caso)\b")
# A phrase about the code or the link is not about the request: "I haven't sent the code".
_ABOUT_CODE = re.compile(r"\b(?:codes?|codigo|codi|codice|link|enlace|enllac|lien"
                         r"|koppeling)\b")
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (language, re.compile("|".join(f"(?:{phrase})" for phrase in phrases)))
    for language, phrases in DENIAL_PHRASES.items())
MAX_TEXT = 4_000  # a denial is said near the top (a page of writing); the rest is not read


class Denial(BaseModel):
    """A reply's words denying the request, and the language of the phrase that matched."""

    model_config = ConfigDict(frozen=True)

    language: str
    words: str


def find_denial(text: str) -> Denial | None:
    """The first phrase in `text` (the sender's own words) that denies the request, or None."""
    original = (text or "")[:MAX_TEXT]
    folded = fold(original)
    found: list[tuple[int, int, str]] = []
    for language, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if _ABOUT_CODE.search(folded, start, end):
                continue
            if _CONDITION.search(folded, clause_start(folded, start), start):
                continue
            found.append((start, end, language))
            break
    if not found:
        return None
    start, end, language = min(found)
    return Denial(language=language, words=" ".join(original[start:end].split())[:200])


def denies_request(text: str) -> bool:
    """Whether the sender's own words deny having made the request."""
    return find_denial(text) is not None
