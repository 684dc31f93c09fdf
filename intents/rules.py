"""The rule type, the cues that cancel or weaken a match, and the compiled rule set.

A rule is a regular expression over folded text (see textnorm) with the intent it signals and
a weight. The four core intents' rules are data, one file per language (intents/rulesets/,
read by ruleset.py, whose FLAGS say what each flag means and which letter the classifier's
checks read it by); the six further rights' rules are composed from the rights lexicon
(rules_rights.py). Only the rules whose trigger words occur in a text are tried on it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from intents.regex_starts import required, starts
from intents.rules_rights import RIGHTS_RULES
from intents.ruleset import CompiledRule, load_rules


@dataclass(frozen=True)
class Rule:
    id: str
    intent: str
    weight: float
    regex: re.Pattern[str]
    flags: str
    # Whole words ("word=") or word beginnings one of which a match must start at; None: no
    # cheap test, always run.
    gate: frozenset[str] | None


_WORD = re.compile(r"\w+")
# A negation just before a match (within a few words, same clause) cancels it.
NEGATION = re.compile(
    r"\b(?:not|don'?t|doesn'?t|didn'?t|dont|never|no need to|no|nothing|neither|nor|won'?t"
    r"|wouldn'?t|shouldn'?t|isn'?t|nicht|kein\w*|nie|niemals|nunca|ne|n'|pas|jamais"
    r"|non|nn|mai|niet|geen|nooit|nao|inte|ej|aldrig|nemojte|δεν|μην|μη"
    # Romanian "nu", not Danish and Swedish "nu" (now): "nu klager jeg", "jeg har nu ...".
    r"|(?<!har )(?<!er )nu(?! \w+ (?:jeg|vi|jag|eg)\b)"
    # Danish, Norwegian, Finnish ("en"/"ei" alone are other languages' words), Hungarian,
    # Turkish (which mostly negates inside the verb: its rules name positive verbs).
    r"|ikke|ikkje|aldri|ingen|en halua|en tahdo|emme|ette|eivat|ei saa|ala|alkaa|nem|soha"
    r"|degil|asla"
    # Welsh, Slovak, Slovenian, Estonian ("ei" alone is Welsh "his"), Latvian, Lithuanian.
    r"|ddim|peidiwch|nid|byth|erioed|nechcem|nechceme|nemazte|nevymazavajte|nezmazte|nikdy"
    r"|nocem|nocemo|nikoli|nikar|ei soovi|ei taha|ei ole|arge|nevelos|negribu|nedzes\w*"
    r"|nekad|nenoriu|nenorime|netrink\w*|niekada"
    # Maltese ("ma ... -x"; "ma" alone is Italian and French), Irish, Icelandic.
    # Irish "ni", not Swedish "ni" (you): "kan ni radera", "att ni tar bort".
    r"|ma \w+x|qatt|(?<!kan )(?<!att )(?<!om )(?<!som )(?<!vill )(?<!har )(?<!ska )"
    r"(?<!skulle )(?<!kunde )(?<!far )(?<!bor )(?<!maste )(?<!hur )(?<!varfor )(?<!nar )"
    r"(?<!och )(?<!men )(?<!begar )(?<!ber )(?<!tack )ni"
    r"|nior|nil|na (?:scrios|bain|seol)\w*|ekki|aldrei"
    r"|не|никога)\b"  # Bulgarian
    # "not happy that my address was visible": a judgement, no negation of what follows.
    r"(?!\W+(?:(?:at all|very|too|remotely|exactly)\W+)?(?:happy|pleased|impressed|ok|okay"
    r"|acceptable|fair|right|good|amused|thrilled|satisfied|content|expect\w*|realis\w*"
    r"|realiz\w*|know)\b)"
    r"(?:(?!\b(?:and|but|so|because|und|aber|y|pero|et|mais|e|ma|maar|mas"
    r"|og|men|mutta|ve|ama)\b)[^,;:.!?]){0,40}$"
)
# A condition or a reservation around a match weakens it: "if I unsubscribe, will I...",
# "I reserve the right to lodge a complaint".
CONDITION = re.compile(
    r"^\W*to\b|\b(?:if(?! (?:yes|so|you do|you are|you have|you could|you would|you can"
    r"|you will|you might|you please"
    r"|(?:i|you) (?:don'?t|do not|haven'?t) (?:hear|get|reply|respond)\w*)\b)"
    r"|in case|considering|thinking (?:about|of)|(?:was|were) going to|had planned to"
    r"|would that|says|said|covers|describes|explains|outlines|sets out|clause"
    r"|before (?:i|we)|you(?:'ll| will) (?:receive|get)"
    r"|thanks? (?:you )?(?:so much )?for|gracias por|merci (?:d'avoir|pour)|danke f[uü]r"
    r"|(?:i|you|we) (?:can|could|may|might) (?:ask|request)"
    r"|reserve the right|will result in|hypothetical\w*|suppose|si(?! us plau| oui| c'est le cas"
    r"| es asi| afirmativo)|en caso(?! afirmativo| positivo)"
    r"|me reservo|wenn"
    r"|falls(?! ja\b| dem so)|sollte\w*|ob|behalte|vorbehalten|au cas|me reserve|qualora"
    r"|mi riservo"
    r"|indien(?! ja\b| dat zo is)|voorbehoud|behoud|caso(?! affermativo| afirmativo| positivo)"
    r"|reservo|forbehaller|pokud(?! ano\b)|v pripade|vyhrazuji|ako(?! da\b| je tako)"
    r"|zadrzavam|εαν|αν|επιφυλασσομαι|daca(?! da\b| este cazul)|imi rezerv|ifall(?! ja\b)"
    r"|jesli(?! tak\b)|zastrzegam"
    r"|hvis(?! ja\b| sa\b)|dersom|i tilfælde af|i tilfelle|jos|mikali|amennyiben|eger|ak"
    r"|pokial(?! ano\b)|v primeru"
    r"|ce (?:se|bom|bi|me|mi|vas)|jestli\w*|kdyby|ukoliko|σε περιπτωση|in cazul in care"
    r"|in caz ca|se (?:eu|nos|voce|voces)|kui|jei|jeigu|ja es|ja jus|gadijuma"
    r"|os (?:bydd\w*|ydw|ydych|yw|na)|jekk(?! joghgbok| joghgbkom)|i gcas|ef"
    r"|ако)\b"
)
# Reservations reach over the whole sentence: "..., I reserve the right to take legal action
# and to lodge a complaint".
RESERVATION = re.compile(
    r"\b(?:reserve the right|behalte\w* (?:ich )?mir|vorbehalten|me reservo|me reserve"
    r"|mi riservo|me reservo|reservo-me|vyhrazuji|zadrzavam|επιφυλασσομαι|imi rezerv\w*"
    r"|forbehaller|voorbehoud|behoud ik|zastrzegam|detin dreptul|vyhrazuji si"
    r"|zadrzavam si|διατηρω το δικαιωμα)\b"
)
# Words before a request that make it a reference to an earlier one: "my request to stop...".
REFERENCE = re.compile(
    r"\b(?:(?:request\w*|asked(?: you)?|ask you|told you(?: \w+)?|demande|peticion|solicitud"
    r"|anfrage|antrag)\W+"
    r"(?:\w+\W+){0,3}(?:to|de|que|zu|um)\W+(?:\w+\W+)?"
    r"|(?:requested|asked(?: you)?|i asked for"
    # "I asked (you) ..." in the languages read since issue 15.
    r"|bad (?:om|jer)|ba (?:om|dere)|pyysin|kertem|talep ettim|gofynnais|ziadal\w*"
    r"|poziadal\w*|zahteval\w*|prosil\w* za|pieprasiju|prasiau|поисках|помолих"
    # Czech, Croatian, Romanian, Greek, Portuguese.
    r"|(?:za)?zadal\w* jsem|pozadal\w* jsem|(?:za)?trazio sam|(?:za)?trazila sam"
    r"|am (?:cerut|solicitat)|ζητησα|pedi|solicitei)\W+"
    r"(?:\w+\W+){0,3})$"
)
# "despite my unsubscribing": a past request described, not made again.
PAST = re.compile(r"\b(?:despite|in spite of|trotz|malgre|a pesar de|pese a)\W+(?:\w+\W+)?$")
# The sender takes back what follows: "please ignore my email asking you to delete...".
RETRACTION = re.compile(
    r"\b(?:(?:ignore|disregard|ignorieren sie|ignorez|ignorad|ignoren)\W+"
    r"(?:my|that|the|this|meine|mon|ma|mi)"
    r"\W+(?:\w+\W+)?(?:e-?mail|message|mail|request|nachricht|anfrage|correo|demande)"
    r"|changed my mind|cancel my (?:previous |earlier |last )?request"
    r"|withdraw my (?:previous |earlier |last )?request|never ?mind)\b"
)
# A question about the sender's own situation asks, it does not request.
QUESTION = re.compile(
    r"^\W*(?:(?:hi|hello|hey|quick question|bonjour|hola|hallo)\W+)*(?:will i|would i|do i"
    r"|can i|should i|shall i|is it|are you|do you|does|did you|is there(?! a way)|how long|when"
    r"|are there|which|have you|has (?:my|your|anyone)|did (?:you|anyone)|est-ce que"
    r"|combien de temps|cuanto tiempo|wie lange)\b"
)
# The organisation reporting its own act: "We have now deleted your account".
REPORT = re.compile(r"\b(?:we|we'?ve|we have|we had|we'?d)\W+(?:(?:now|already|just"
                    r"|successfully|since|also)\W+)?(?:\w+ed\b[^.!?\n]{0,80}?\band\W+"
                    r"(?:also\W+)?)?$")
# What "p" rules need just before them: something of the sender's that was used.
DATA_CONTEXT = re.compile(
    r"\b(?:photos?|pictures?|images?|videos?|face|name|details|data|footage|information|number"
    r"|address|e-?mail|mobile|phone|fotos?|bilder?|daten|datos|donnees|nombre|nom|dati|dados"
    r"|gegevens|dades)\b")
DATA_CONTEXT_CHARS = 160
# What "k" rules need just before them: the marketing their pronoun stands for.
MARKETING_CONTEXT = re.compile(
    r"\b(?:newsletters?|mailing list|spam|(?:marketing|promotional|promo|sales|advertising"
    r"|discount|deals?|offers?) (?:e-?mails?|texts?|messages|mails?|sms|calls|things)"
    r"|you keep (?:e-?mailing|texting|sending|messaging)|\w*pubblicit\w*|promozional\w*"
    r"|publicite\w*|publicitaires?|promotionnel\w*|publicidad|promocional\w*|werbung\w*"
    r"|werbe\w+|reclame\w*|offerte|ofertas|offres)\b")
MARKETING_CONTEXT_CHARS = 200
# What a complaint about the service (not about personal data) speaks of.
SERVICE_GRIEVANCE = re.compile(
    r"\b(?:late|delay\w*|refund\w*|quality|out of focus|blurr\w*|colou?rs|overcharg\w*|rude"
    r"|money back|compensation|re-?edit\w*|tarde|retraso|reembols\w*|calidad|borros\w*"
    r"|retard|rembours\w*|qualite|floues?|verspat\w*|zu spat|erstatt\w*|ruckerstatt\w*"
    r"|qualitat|unscharf|te laat|terugbeta\w*|kwaliteit|kleuren|onscherp|ritardo|rimbors\w*"
    r"|qualita|sfocat\w*|atras\w*|qualidade|desfocad\w*)\b")
# Any sign that personal data, privacy or marketing is what the mail is about.
PRIVACY_CONTEXT = re.compile(
    r"\b(?:data|personal (?:data|details|information)|privacy|gdpr|rgpd|dsgvo|avg|consent\w*"
    r"|permission|unsubscrib\w*|opt(?:ed)?[- ]out|marketing|newsletters?|spam|mailing|delet\w*"
    r"|eras\w*|breach\w*|leak\w*|shared|sold|passed on|third part\w*|publish\w*"
    r"|posted (?:on|online|to)|facebook|instagram|social media|website|online|home address"
    r"|bank details|ex-\w+|ico|regulator"
    r"|commissioner|wrong person|someone else|another (?:client|customer|person)"
    r"|datos|dades|donnees|daten|dati|dados|gegevens|privacidad|privacitat|vie privee"
    r"|datenschutz|consentimiento|consentement|einwilligung|toestemming|consenso"
    r"|consentimento|baja|desinscri\w*|abmeld\w*|afmeld\w*|disiscri\w*|publicidad"
    r"|publicite|werbung|reclame|pubblicit\w*|aepd|cnil|apdcat|garante|cnpd|borr\w*"
    r"|supprim\w*|losch\w*|verwijder\w*|cancellate|cancellare|apag\w*|esborr\w*|filtra\w*"
    r"|fuite"
    r"|datenleck|compartid\w*|partage\w*|weitergegeben|gedeeld|condivis\w*|partilhad\w*"
    r"|otra persona|autre personne|andere person|outra pessoa|altra persona|iemand anders"
    r"|without (?:asking|my knowledge)|sin (?:mi )?permiso|sans (?:mon )?(?:accord|autorisation)"
    r"|ohne (?:meine )?(?:erlaubnis|zustimmung)|senza (?:il mio )?permesso|sem (?:a minha )?"
    r"(?:autorizacao|permissao)|zonder (?:mijn )?toestemming)\b")


def _cached_rules_for_word(word: str) -> tuple[int, ...]:
    """`_rules_for_word`, remembered (the cache is cleared when it fills up)."""
    found = _WORD_RULES.get(word)
    if found is None:
        found = _rules_for_word(word)
        if len(_WORD_RULES) >= _WORD_CACHE_SIZE:
            _WORD_RULES.clear()
        _WORD_RULES[word] = found
    return found


def candidate_rules(folded: str) -> list[Rule]:
    """The rules that can match this text: the ungated ones and those whose gate words or
    word prefixes occur in it, in rule order."""
    chosen = set(_UNGATED)
    for word in set(_WORD.findall(folded)):
        found = _cached_rules_for_word(word)
        if found:
            chosen.update(found)
    return [RULES[i] for i in sorted(chosen)]


def candidate_starts(folded: str) -> list[tuple[Rule, list[int] | None]]:
    """candidate_rules with, for each gated rule, where its matches can start: the starts of
    the words that open it, ascending (None for an ungated rule: search the whole text).

    Trying the pattern only there finds what finditer finds (a gated match starts at such a
    word), without the engine trying every other position of the text. A rule is left out
    when the text holds none of the strings one of which every match of it contains."""
    starts: defaultdict[int, list[int]] = defaultdict(list)
    for match in _WORD.finditer(folded):
        found = _cached_rules_for_word(match.group())
        if found:
            at = match.start()
            for index in found:  # each rule once per word: ascending starts, no repeats
                starts[index].append(at)
    has = folded.__contains__
    return [(RULES[i], starts.get(i)) for i in sorted([*_UNGATED, *starts])
            if not _NEEDS[i] or any(map(has, _NEEDS[i]))]


def _rules_for_word(word: str) -> tuple[int, ...]:
    """The gated rules a match could start at this word for."""
    found: list[int] = list(_BY_PREFIX.get(word + "=", ()))
    for length in _GATE_LENGTHS:
        found.extend(_BY_PREFIX.get(word[:length], ()))
    return tuple(dict.fromkeys(found))  # a rule opened by the word and by its prefix: once


def _from_file(rule: CompiledRule) -> Rule:
    gate = None if rule.anywhere else frozenset(
        {word + "=" for word in rule.words} | rule.beginnings)
    return Rule(rule.id, rule.intent, rule.weight, rule.regex, rule.flags, gate)


def _rights_rules() -> list[Rule]:
    """The six further rights' rules, composed from the rights lexicon; their triggers are
    read off the patterns by Python's own regex parser (regex_starts.py)."""
    rules: list[Rule] = []
    numbered: dict[str, int] = {}
    for intent, weight, pattern, flags in RIGHTS_RULES:
        numbered[intent] = numbered.get(intent, 0) + 1
        rules.append(Rule(f"lexicon-{intent.replace('_', '-')}-{numbered[intent]}", intent,
                          weight, re.compile(pattern), flags, starts(pattern)))
    return rules


RULES: tuple[Rule, ...] = (*(_from_file(rule) for rule in load_rules()), *_rights_rules())
_BY_PREFIX: dict[str, list[int]] = {}
for _index, _rule in enumerate(RULES):
    for _prefix in _rule.gate or ():
        _BY_PREFIX.setdefault(_prefix, []).append(_index)
_UNGATED = [i for i, rule in enumerate(RULES) if rule.gate is None]
_MAX_NEEDS = 2
# Each rule's strings one of which its every match contains (regex_starts.required), where
# testing them is cheaper than trying the pattern: for an ungated rule, always; for a gated
# one, when one or two strings say it ("i" opens dozens of rules, most of which also need
# "delete" or "copy"); testing longer lists cost more than it saved. Empty: no test.
_NEEDS: tuple[frozenset[str], ...] = tuple(
    needs if needs is not None and (rule.gate is None or len(needs) <= _MAX_NEEDS)
    else frozenset() for rule, needs in ((rule, required(rule.regex.pattern)) for rule in RULES))
_GATE_LENGTHS = sorted({len(prefix) for prefix in _BY_PREFIX if not prefix.endswith("=")})
# Words seen before and the rules they open (most words of a mail recur across mails).
_WORD_RULES: dict[str, tuple[int, ...]] = {}
_WORD_CACHE_SIZE = 50_000
