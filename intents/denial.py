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

from intents.ruleparts import gap
from intents.textnorm import clause_start, fold

# What a denied verb must be followed by: the request itself, or the end of the clause.
_END = r"\s*(?:[.!;,:)]|$)"
_EN_OBJ = (r"(?:\s+(?:this|that|it|these|those|anything|any of (?:this|it|that)|such (?:a )?"
           r"(?:request|thing)|(?:a|the|any|this|that) (?:request|e-?mail|mail|message|form)"
           r"|for (?:this|that|it|anything|any of (?:this|it|that)|such a thing|(?:a|the|any"
           r"|this|that) (?:request|thing)))\b|" + _END + ")")
_ES_OBJ = (r"(?:\s+(?:esta|este|esto|eso|esa|ese|nada|ninguna|ningun|tal|(?:la|una|dicha)"
           r" (?:solicitud|peticion))\b|" + _END + ")")
_CA_OBJ = r"(?:\s+(?:aquesta|aquest|aixo|cap|res|(?:la|una) sol.licitud)\b|" + _END + ")"
_FR_OBJ = (r"(?:\s+(?:cette|ce|cela|ca|ceci|aucune?|rien|de (?:demande|requete|message"
           r"|courriel|e-?mail|mail)|(?:la|une) (?:demande|requete))\b|" + _END + ")")
_IT_OBJ = (r"(?:\s+(?:questa|questo|cio|nulla|niente|alcuna|alcun|nessuna|tale|(?:la|una)"
           r" richiesta)\b|" + _END + ")")
_PT_OBJ = (r"(?:\s+(?:este|esta|isto|isso|esse|essa|nada|nenhum|nenhuma|tal|(?:o|um) pedido"
           r"|(?:a|uma) solicitacao)\b|" + _END + ")")

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
        r"\b(?:not|never) (?:my|our) request\b|\bnot from me\b",
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
        r"|escribi|presente|realice)(?: yo| nunca| jamas)?" + _ES_OBJ,
        r"\bno (?:fui|he sido|era|soy|fue|es) yo\b",
        r"\bno (?:es|era) (?:mi|nuestra) (?:solicitud|peticion)\b",
        r"\bno (?:hagan|hagais|haga|hagas|hacer) nada\b",
        r"\bno (?:procedan|proceda|procedais|tramiten|tramite|tramiteis)\b",
    ),
    "de": (
        r"\b(?:das|dies|es) (?:war|bin|waren) (?:ich|wir) nicht\b",
        r"\b(?:ich|wir) (?:war|waren) (?:das|es) nicht\b",
        r"\b(?:ist|war|kam|kommt|stammt) nicht von (?:mir|uns)\b",
        r"\b(?:ich|wir) (?:habe|haben)\b" + gap(4) + r"(?:nicht|nie|niemals|keine\w*)\b"
        + gap(3) + r"(?:gestellt|gesendet|geschickt|verschickt|abgeschickt|beantragt"
        r"|angefordert|geschrieben|veranlasst|eingereicht)\b",
        r"\b(?:habe|haben) (?:ich|wir)\b" + gap(3) + r"(?:nicht|nie|niemals|keine\w*)\b"
        + gap(3) + r"(?:gestellt|gesendet|geschickt|verschickt|abgeschickt|beantragt"
        r"|angefordert|geschrieben|veranlasst|eingereicht)\b",
        r"\b(?:nicht|keine) (?:meine|unsere) anfrage\b|\bkeine anfrage von (?:mir|uns)\b",
        r"\b(?:unternehmen|tun|machen|veranlassen) sie (?:bitte )?nichts\b",
        r"\bbitte nichts (?:unternehmen|tun|veranlassen|bearbeiten)\b",
    ),
    "fr": (
        r"\b(?:je|nous) n'?(?:ai|avons) (?:jamais|pas|rien)(?: jamais| rien)? (?:envoye|fait"
        r"|demande|ecrit|soumis|formule|effectue|depose|sollicite)e?" + _FR_OBJ,
        r"\b(?:je|nous) n'?(?:ai|avons) (?:jamais )?rien (?:envoye|fait|demande|ecrit|soumis"
        r"|formule|sollicite)\b",
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
        r"\b(?:ik|wij|we) (?:heb|hebben)\b" + gap(4) + r"(?:niet|nooit|geen)\b" + gap(3)
        + r"(?:gestuurd|verstuurd|gedaan|aangevraagd|gevraagd|ingediend|geschreven"
        r"|verzonden)\b",
        r"\b(?:heb|hebben) (?:ik|wij|we)\b" + gap(3) + r"(?:niet|nooit|geen)\b" + gap(3)
        + r"(?:gestuurd|verstuurd|gedaan|aangevraagd|gevraagd|ingediend|geschreven"
        r"|verzonden)\b",
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
