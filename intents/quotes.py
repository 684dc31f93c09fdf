"""Separating what the sender writes now from quotes, forwards, signatures and disclaimers.

Works line by line in one pass (no backtracking regexes over the whole text), so it stays
linear on big mails. Recognises reply headers in English, Spanish, German, French (and a few
more), Outlook's "From: / Sent:" block, ">" quoting, "-- " signatures, phone-client taglines
and legal disclaimers, which must never be read as a request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from intents.forms import unwrap_form
from intents.headers import MARKER, header_block, may_open
from intents.regex_starts import ASCII_FOLDING, required

MAX_TEXT = 200_000  # characters of body text analysed; the rest goes to `quoted` unread

# A line that opens quoted material: everything after it (bar inline answers) is quoted.
_REPLY_HEADER = re.compile(
    r"^\s*(?:"
    r"on\b.{0,200}\bwrote\s*:?"
    r"|el\b.{0,200}\bescribi[oó]\s*:?"
    r"|am\b.{0,200}\bschrieb\b.{0,200}"
    r"|le\b.{0,200}\ba [ée]crit\s*:?"
    r"|il giorno\b.{0,200}\bha scritto\s*:?"
    r"|op\b.{0,200}\bschreef\b.{0,200}"
    r"|em\b.{0,200}\bescreveu\s*:?"
    r"|el\b.{0,200}\bva escriure\s*:?"
    r"|(?:w dniu|dnia)?\b.{0,200}\bnapisa[lł]\S*\s*:?"
    # Danish/Norwegian/Swedish, Finnish, Hungarian, Turkish, Slovak/Slovenian, Estonian.
    r"|den\b.{0,200}\bskrev\b.{0,200}:|.{0,200}\bkirjoitti\s*:?|.{0,200}\bezt [ií]rta\b.{0,200}:"
    r"|.{0,200}\byazd[ıi]\s*:?|.{0,200}\bnap[ií]sal\S*\s*:?|.{0,200}\bkirjutas\s*:?"
    # Croatian "je napisao/la:", Romanian "a scris:", Greek "έγραψε:".
    r"|.{0,200}\bnapisa(?:o|la)\S*\s*:|.{0,200}\ba scris\s*:|.{0,200}\bέγραψε\s*:"
    r"|-{2,}\s*(?:original message|ursprüngliche nachricht|mensaje original|message d'origine"
    r"|forwarded message|weitergeleitete nachricht|mensaje reenviado|message transf[ée]r[ée]"
    r"|messaggio originale|messaggio inoltrato|oorspronkelijk bericht|doorgestuurd bericht"
    r"|mensagem original|mensagem encaminhada|original-nachricht)\s*-{2,}"
    r"|(?:begin forwarded message|anfang der weitergeleiteten nachricht"
    r"|inicio del mensaje reenviado|d[ée]but du message r[ée]exp[ée]di[ée]"
    r"|d[ée]but du message transf[ée]r[ée])\s*:"
    r")\s*$",
    re.IGNORECASE,
)
# Outlook-style header block: a "From:" line followed closely by "Sent:"/"Date:"/"To:"...
_FROM_LINE = re.compile(r"^\s*\*?(?:from|de|von|van|da|od|fra|från)\s*\*?\s*:", re.IGNORECASE)
# (Catalan "Enviat/Per a/Tema", Polish "Wysłane/Do/Temat" included.)
_HEADER_LINE = re.compile(
    r"^\s*\*?(?:sent|date|to|subject|cc|gesendet|datum|an|betreff|enviado|fecha|para|asunto"
    r"|envoy[ée]|[àa]|objet|inviato|data|oggetto|verzonden|onderwerp|aan|enviada|assunto"
    r"|enviat|per a|tema|wys[lł]ane|do|temat)"
    r"\s*\*?\s*:",
    re.IGNORECASE,
)
# A helpdesk's earlier thread: a rule, then "IMGN Support, Nov 21, 2026" or "Ann Lee, 3 May 2026".
_RULE = re.compile(r"^\s*(?:-{8,}|_{8,}|={8,}|\u2500{8,})\s*$")
_NAME_DATE = re.compile(r"^\s*[^:\n]{2,60},\s+\S[^\n]{0,60}\b(?:19|20)\d\d\b")
# The first line of a reply header a mail client wrapped over two or three lines.
_WRAPPED_OPENER = re.compile(r"^\s*(?:on|el|am|le|op|em|il giorno)\b", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# A line that is blank or quoted (">" after any spaces): one call in C per line of a quote.
_QUOTED_OR_BLANK = re.compile(r"\s*(?:>|\Z)")
_SIGNATURE = re.compile(r"^(?:-- ?|--|__+|—)\s*$")
_TAGLINE = re.compile(
    r"^\s*(?:sent from my|sent from outlook|get outlook for|enviado desde mi|von meinem (?:iphone"
    r"|ipad|handy|smartphone|samsung|android|mobil)|envoy[ée] de mon|inviato dal? mio"
    r"|verzonden met|enviado do meu|sent via|sent with)\b",
    re.IGNORECASE,
)
# Legal disclaimers: a paragraph with a cue and a consequence is boilerplate, never a request.
_DISCLAIMER_CUE = re.compile(
    r"intended (?:solely )?(?:only )?for the (?:use|person|addressee|individual)|intended recipient"
    r"|not the (?:named|intended) addressee|confidential(?:ity)? (?:notice|and privileged)"
    r"|legally privileged|received (?:this |it |the )?(?:e-?mail |message |communication )?"
    r"(?:in error|by mistake)"
    r"|(?:this|the) (?:e-?mail|message) (?:is|may be|may contain) confidential"
    r"|may contain confidential"
    r"|disclaimer:|destinatario (?:previsto|indicado)|no es (?:usted )?el destinatario"
    r"|destinataire (?:pr[ée]vu|vis[ée])|pas le destinataire"
    r"|(?:richtige|beabsichtigte)n? empf[äa]nger"
    r"|irrt[üu]mlich erhalten|vertrauliche informationen|informaci[óo]n confidencial"
    r"|strictement confidentiel|destinatario indicato|environment before printing",
)
_DISCLAIMER_ACT = re.compile(
    r"delete|destroy|notify|disclos|prohibit|unauthori[sz]ed|l[öo]schen|vernichten"
    r"|benachrichtigen|elimin|borr|destru|supprim|d[ée]trui|avert|informer|cancell|printing",
)


# Bulk-mail footers and privacy notices: they tell the reader what they could do
# ("Unsubscribe · Delete my account", "you can exercise your rights of access, erasure...").
_FOOTER = re.compile(
    r"you(?:'re| are) receiving this|you received this (?:e-?mail|message|newsletter)"
    r"|you(?:'re| are) (?:subscribed|registered)|unsubscribe here|click here to unsubscribe"
    r"|to unsubscribe,? (?:click|visit|go|please|use|follow|reply|tap)"
    r"|(?:manage|update) your (?:e-?mail |subscription |notification )?preferences"
    r"|e-?mail preferences ?[·|•]|view (?:it |this )?in (?:your )?browser|unsubscribe ?[·|•]"
    r"|[·|•] ?unsubscribe"
    r"|if you (?:no longer|don'?t|do not) (?:wish|want) to (?:receive|hear|get)"
    r"|sie erhalten diese|(?:abbestellen|abmelden) ?[·|•]"
    r"|[·|•] ?(?:newsletter )?(?:abbestellen|abmelden)"
    r"|recibes este (?:correo|mensaje|email)|darte de baja aqu|darse de baja aqu"
    r"|vous recevez ce|pour (?:vous|se) d[ée]s(?:inscrire|abonner)|d[ée]sabonnez-vous"
    r"|puede ejercer sus derechos|puede(?:s)? ejercitar|you (?:can|may) exercise your rights"

    r"|sie haben das recht auf|vous disposez d'un droit|vous pouvez exercer vos droits"
    r"|protecci[óo]n de datos:|datenschutzhinweis|resubscribe|changed your mind\?",
    re.MULTILINE,
)


# Words every match of _FOOTER (resp. _DISCLAIMER_CUE) contains, one per alternative: a
# paragraph with none of them is no footer, found by fast substring tests instead of trying
# each long alternation at every position (most paragraphs are the sender's own).
_FOOTER_WORDS = ("receiving this", "received this", "subscri", "preferences", "browser",
                 "registered", "if you", "erhalten diese", "abbestellen", "abmelden",
                 "recibes este", " de baja aqu", "vous recevez ce", "sinscrire", "sabonner",
                 "sabonnez-vous",
                 "puede ejercer", "ejercitar", "exercise your rights", "das recht auf",

                 "vous disposez", "exercer vos droits", "n de datos:", "datenschutzhinweis",
                 "changed your mind?")
_CUE_WORDS = ("intended", "addressee", "confidential", "privileged", "in error", "by mistake",
              "disclaimer:", "destinatario", "destinataire", "empf", "rtumlich erhalten",
              "rtümlich erhalten", "vertrauliche informationen", "confidencial", "confidentiel",
              "environment before printing")


def _is_disclaimer(paragraph: str) -> bool:
    # Lower-cased once: case-insensitive matching of these long alternations is ten times slower.
    lower = paragraph.lower().replace("\u2019", "'")
    if any(map(lower.__contains__, _FOOTER_WORDS)) and _FOOTER.search(lower):
        return True
    if "have the right" in lower and _RIGHTS_NOTICE.search(lower) \
            and not FIRST_PERSON.search(lower):
        return True
    return bool(any(map(lower.__contains__, _CUE_WORDS)) and _DISCLAIMER_CUE.search(lower)
                and _DISCLAIMER_ACT.search(lower))


def _header_block(lines: list[str], i: int) -> bool:
    """An Outlook-style "From: ... Sent: ... To: ... Subject:" block starts at line i (its
    labels in any language of intents/languages/ too)."""
    if _FROM_LINE.match(lines[i]):
        following = [line for line in lines[i + 1 : i + 6] if line.strip()]
        if sum(1 for line in following[:4] if _HEADER_LINE.match(line)) >= 2:
            return True
    return header_block(lines, i)


# What every reply header holds, in its line lower-cased ("wrote", "schrieb", ...).
_REPLY_NEEDS = required(_REPLY_HEADER.pattern, lowered=True) or frozenset({""})
# The same in an ASCII line, where the forms written in other scripts cannot match: without
# Greek "έγραψε:", whose only ASCII string is ":", most lines with a colon pass no more.
_REPLY_NEEDS_ASCII = required(_REPLY_HEADER.pattern, lowered=True, ascii_text=True) \
    or frozenset({""})
# The only non-ASCII letters a pattern ignoring case matches to ASCII ones ("ı" to "I"),
# as those letters: then a line's lower case holds each ASCII word the pattern matched in it.
_AS_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_ASCII_FOLDING = re.compile("[" + "".join(sorted(ASCII_FOLDING)) + "]")


def _is_reply_header(line: str) -> bool:
    """_REPLY_HEADER.match, not tried on a line holding none of the words every reply header
    holds (most lines): its open ".{0,200}" forms cost ten microseconds a line."""
    if line.isascii():
        lower, needs = line.lower(), _REPLY_NEEDS_ASCII
    elif _ASCII_FOLDING.search(line) is None:  # translate() by a dict costs ~0.1 µs a character
        lower, needs = line.lower(), _REPLY_NEEDS
    else:
        lower, needs = line.translate(_AS_ASCII).lower(), _REPLY_NEEDS
    if not any(map(lower.__contains__, needs)):
        return False
    return _REPLY_HEADER.match(line) is not None


def reply_header_lines(lines: list[str], i: int) -> int:
    """How many lines a reply header or an Outlook header block starting at line i spans
    before its message (0: none there); for readers of `quoted` (intents/reminders.py)."""
    return _reply_header(lines, i) or (1 if _header_block(lines, i) else 0)


def _reply_header(lines: list[str], i: int) -> int:
    """How many lines the reply header starting at i spans (0: none)."""
    line = lines[i]
    if len(line) > 400:
        return 0
    if _is_reply_header(line) or (may_open(line) and MARKER.match(line)):
        return 1
    if _RULE.match(line):
        nxt = next((x for x in lines[i + 1 : i + 3] if x.strip()), "")
        if _NAME_DATE.match(nxt):
            return 1
    # Mail clients wrap "On <date>, <name> <addr>\nwrote:" over two or three lines.
    if _WRAPPED_OPENER.match(line):
        joined = line
        for extra in range(1, 3):
            if i + extra >= len(lines):
                break
            joined += " " + lines[i + extra].strip()
            if _is_reply_header(joined):
                return extra + 1
    return 0


# A signature's notice of the reader's rights ("You have the right to request access to ...
# or erasure of your personal data"): boilerplate, unless someone speaks in it ("I know you
# have the right to ask for ID, so ... please send me a copy").
_RIGHTS_NOTICE = re.compile(r"you have the rights? (?:to|of) (?:request|access|ask|object"
                            r"|lodge|complain|withdraw|rectif)")
# The sender speaking: a request is written by one person, a list's mail and boilerplate
# are not.
FIRST_PERSON = re.compile(r"\b(?:i|me|my|mine|myself|yo|mi|mis|je|j'|moi|mes|mon|ma|ich|mich"
                          r"|mir|mein\w*|io|eu|meus?|minha|ik|mij|mijn|jag|mig|min|ja|mnie"
                          r"|moj\w*|jo|em|meva|meves"
                          # The languages read since issue 15 ("en"/"es" alone are others').
                          r"|jeg|meg|mitt|minä|minun|minua|minulle|minusta|én|engem|nekem"
                          r"|benim|bana|beni|fy|rwy|dw|mne|mňa|jaz|mene|mina|minu|mulle"
                          r"|mani|manu|mans|aš|mano|mane|jien|jiena|tiegħi|ég|mér|аз|мен"
                          r"|ми|ме|моите|моя|моят)\b")
# A list's own footer in the sender's text (not in a quoted or forwarded mail): the mail was
# sent to a list, it is bulk mail ("You are receiving this because you subscribed to ...").
_BULK_FOOTER = re.compile(
    r"you(?:'re| are) receiving this (?:\w+ ){0,3}?because you(?:'ve| have)? (?:subscribed"
    r"|signed up|opted in|joined|registered for (?:our|the) (?:newsletter|updates|mailing list))"
    r"|you (?:subscribed|signed up) (?:to|for) (?:our|the|this) (?:newsletter|mailing list"
    r"|updates)|unsubscribe ?[|·•] ?(?:privacy|preferences|manage|view)|(?:privacy policy"
    r"|preferences) ?[|·•] ?unsubscribe")


@dataclass(frozen=True)
class QuoteSplit:
    """A body's text split: what the sender writes now, everything quoted, forwarded or
    boilerplate, and whether the sender's own part ends with a mailing list's footer."""

    own: str
    quoted: str
    bulk: bool


def split_quotes(text: str) -> tuple[str, str]:
    """(what the sender writes now, everything quoted, forwarded or boilerplate)."""
    split = split_text(text)
    return split.own, split.quoted


def split_text(text: str) -> QuoteSplit:
    """The sender's own words, the rest, and whether a list's footer closes the own part."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, fields = unwrap_form(text)
    rest = text[MAX_TEXT:]
    lines = text[:MAX_TEXT].split("\n")
    own: list[str] = []
    quoted: list[str] = []
    i = 0
    in_signature = False
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        span = _reply_header(lines, i) if stripped else 0
        if span or (stripped and _header_block(lines, i)):
            block_start = i
            i += span
            nxt = next((x for x in lines[i : i + 3] if x.strip()), "")
            if span and nxt.lstrip().startswith(">"):
                # "On ... wrote:" then ">" lines: answers written between them are the sender's.
                # The lines up to the first neither quoted nor blank, counted in C.
                i += len(list(takewhile(_QUOTED_OR_BLANK.match, lines[i:])))
                quoted.extend(lines[block_start:i])
                in_signature = False
                continue
            quoted.extend(lines[block_start:])
            break
        if stripped.startswith(">"):
            quoted.append(line)
        elif _SIGNATURE.match(line) or _TAGLINE.match(line):
            in_signature = True
            quoted.append(line)
        elif in_signature:
            quoted.append(line)
        else:
            own.append(line)
        i += 1
    own_text, disclaimers = _drop_disclaimers("\n".join(own))
    quoted_text = "\n".join([*fields, *disclaimers, *quoted])
    if rest:
        quoted_text += "\n" + rest
    # Bulk only when nobody speaks in the own text either: a reply above a newsletter whose
    # quote header was not recognised is still a person's request.
    bulk = any(_BULK_FOOTER.search(" ".join(part.lower().split())) for part in disclaimers) \
        and not FIRST_PERSON.search(own_text.lower())
    return QuoteSplit(own_text.strip(), quoted_text.strip(), bulk)


def _drop_disclaimers(text: str) -> tuple[str, list[str]]:
    kept: list[str] = []
    dropped: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        (dropped if _is_disclaimer(paragraph) else kept).append(paragraph)
    return "\n\n".join(kept), dropped
