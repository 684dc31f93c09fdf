"""Mail relayed by web forms, helpdesks and voicemail or SMS gateways: the sender's own words.

A form notification lays the sender's words out as fields ("Name: ...", "Email: ...",
"Message: ..."); a gateway does the same with "From: +44...", "Body: STOP" or "Transcript:".
When a text has a message field and a contact field near it, the contact fields (name,
address, phone, IP, timestamps) are not the sender's prose and go to the quoted part, and the
labels come off the message and subject fields, so "Body: STOP" reads as the line "STOP" and
"From:/To:/Date:" fields never look like a quoted Outlook header block. A helpdesk's earlier
thread, under a rule and a "Name, date" line, is recognised by quotes.py.
"""

from __future__ import annotations

import re

# Fields whose value is the sender's own text (the label comes off, the value stays).
_MESSAGE = re.compile(
    r"^\s*\*?(?:(?:your|the|votre|ihre|su|tu) )?(?:message(?: body| text)?|body|text|comments?"
    r"|details|enquiry|inquiry|question|anything else\??|how can we help(?: you)?\??"
    r"|cover note|notes?|request details"
    r"|transcript(?:ion)?|voicemail transcript(?:ion)?|nachricht|mitteilung|anliegen"
    r"|transkript(?:ion)?|mensaje|comentarios?|consulta|transcripci[oó]n|commentaires?"
    r"|demande|texte|transcription)(?: \([^)\n]{0,40}\))?\s*\*?\s*:\s*",
    re.IGNORECASE,
)
# Fields that name the topic: the label comes off, the value stays (like a subject line).
_TOPIC = re.compile(
    r"^\s*\*?(?:subject|topic|enquiry type|inquiry type|request type|reason|betreff|thema"
    r"|asunto|motivo|objet|sujet)\s*\*?\s*:\s*",
    re.IGNORECASE,
)
# Fields that identify or time-stamp the sender: not their prose.
_CONTACT = re.compile(
    r"^\s*\*?(?:(?:full |first |last |your )?name|e-?mail(?: address)?|email address|phone"
    r"(?: number)?|telephone|tel|mobile|caller|from|to|cc|ip(?: address)?|user[- ]agent"
    r"|submitted(?: on| at)?|date|time|received|duration|page|url|referr?er|campaign|channel"
    r"|priority|requester|contact|company|organi[sz]ation|form|nombre|apellidos?"
    r"|correo(?: electr[oó]nico)?|tel[eé]fono|fecha|hora|de|nom|pr[ée]nom|courriel"
    r"|t[ée]l[ée]phone|soci[ée]t[ée]|von|an|vorname|nachname|telefon|firma|datum|uhrzeit"
    r"|e-mail-adresse|dauer)\s*\*?\s*:",
    re.IGNORECASE,
)
_NEAR = 12  # lines: a contact field this close to a message field makes a form


def _is_form(lines: list[str]) -> bool:
    # Only lines with a colon can be fields: the regexes never see the rest (speed).
    for i, line in enumerate(lines):
        if ":" in line and len(line) < 400 and _MESSAGE.match(line):
            window = lines[max(0, i - _NEAR) : i + _NEAR]
            return any(_CONTACT.match(other) for other in window
                       if ":" in other and len(other) < 200)
    return False


def unwrap_form(text: str) -> tuple[str, list[str]]:
    """(the text with form fields unwrapped, the contact-field lines taken out of it)."""
    if ":" not in text:
        return text, []
    lines = text.split("\n")
    if not _is_form(lines[:400]):
        return text, []
    kept: list[str] = []
    dropped: list[str] = []
    for line in lines:
        if ":" not in line:
            kept.append(line)
            continue
        field = _MESSAGE.match(line) or _TOPIC.match(line)
        if field and len(line) < 2000:
            kept.append(line[field.end() :])
        elif len(line) < 200 and _CONTACT.match(line):
            dropped.append(line)
        else:
            kept.append(line)
    return "\n".join(kept), dropped
