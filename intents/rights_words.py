"""How the six further rights are written down per language: the schema of the lexicon's
data (rights_lexicon.py, rights_lexicon_eu.py; compiled by rules_rights.py) and the word
lists several rights share.

Each right in each language is read by the same mechanisms, so a language is added by adding
its words, not code:
- `terms`: the right's own name in that language's law ("right to rectification", "derecho
  de oposición", "Einschränkung der Verarbeitung"): enough alone;
- `verbs` + `objects`: a request verb near what it acts on, in one sentence ("fix my name",
  "rectifiquéis mis datos"); with `verb_last` also the object first ("meine Daten ...
  berichtigen", "this decision reviewed by a person");
- `pronoun_requests`: a request whose object is a pronoun ("please fix it", "¿lo podéis
  corregir?"): counts (0.75) only after one of the languages' personal facts (`FACTS`) in
  the words just before, which the pronoun stands for;
- `signs`: words that only count together ("my address is wrong" and "automatically
  rejected"): each weighs 0.4, two of them make the intent.
Patterns are regular-expression fragments over folded text (textnorm.fold: lower case, no
accents, plain quotes); verbs are word beginnings. `examples` must be read as the right and
`near_misses` must not (tests/intents/test_rights_lexicon.py runs them all).

An objection to direct marketing and a withdrawn marketing consent are `opt_out`, not these
rights: the classifier drops `objection` and `consent_withdrawal` in a sentence that speaks
of marketing (rules_rights.MARKETING).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

# The GDPR article of each right: a formal letter names it ("Art. 16 DSGVO").
ARTICLES: dict[str, str] = {"rectification": "16", "restriction": "18", "portability": "20",
                            "objection": "21", "automated_decision": "22"}
# Access letters ask about "automated decision-making under Article 22" without contesting
# one: for that right only a request for a person counts, the article adds little.
ARTICLE_WEIGHTS: dict[str, float] = {"automated_decision": 0.15}


class RightWords(BaseModel):
    """How one language asks for one right."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    terms: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    verb_last: bool = False
    pronoun_requests: tuple[str, ...] = ()
    signs: tuple[str, ...] = ()
    examples: tuple[str, ...] = Field(min_length=1)
    near_misses: tuple[str, ...] = ()

    @field_validator("terms", "verbs", "objects", "pronoun_requests", "signs")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            if not pattern.strip():
                raise ValueError("an empty pattern matches everything")
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is no regular expression: {exc}") from exc
        return patterns


# Possessives before a personal-data noun, with up to two words between ("my postal address").
MY_EN = r"(?:my|our|his|her)\W+(?:\w+\W+){0,2}?"
MY_ES = r"(?:mis|mi|nuestros|nuestra|nuestro)\W+(?:\w+\W+){0,2}?"
MY_DE = r"(?:meine|meinen|meiner|meines|mein|unsere|unser)\W+(?:\w+\W+){0,2}?"
MY_FR = r"(?:mes|mon|ma|nos|notre)\W+(?:\w+\W+){0,2}?"
# Personal-data nouns whose accuracy a person can dispute.
FACTS_EN = (r"(?:name|surname|first name|last name|address|e-?mail|phone|number|date of birth"
             r"|birthday|details|data|information|info|records?|title|gender|spelling|account"
             r" details|profile|postcode|zip code|job title|employer|nationality)\b")
FACTS_ES = (r"(?:datos|nombre|apellidos?|direccion|domicilio|telefono|movil|correo|email"
             r"|fecha de nacimiento|dni|nif|ficha|perfil|informacion|codigo postal)\b")
FACTS_DE = (r"(?:daten|name\w*|nachname\w*|vorname\w*|adresse|anschrift|e-mail\w*"
             r"|telefonnummer|handynummer|nummer|geburtsdatum|angaben|eintrag\w*|profil"
             r"|kundendaten|stammdaten|wohnort|postleitzahl)\b")
FACTS_FR = (r"(?:donnees|coordonnees|nom|prenom|adresse|e-?mail|telephone|numero|date de"
             r" naissance|informations?|profil|dossier|fiche|code postal|civilite)\b")
# Processing words an objection or a restriction is about.
# "I object to my photo being used": the passive names the processing too.
USE_EN = (r"(?:processing|process|use|using|usage|analys\w*|profiling|tracking|monitoring"
           r"|(?:being )?(?:used|processed|shown|displayed|published|analysed|analyzed)"
           r"|legitimate interests?)\b")
WRONG_EN = (r"(?:wrong|incorrect|inaccurate|misspel\w*|spelt wrong|spelled wrong|out of date"
             r"|outdated|not correct|not right|mistaken|erroneous)\b")
HUMAN_EN = (r"(?:human|person|real person|member of (?:staff|your team)|someone|somebody"
             r"|people)\b")

# What a pronoun in a correction request may stand for: the sender's own fact ("my
# surname"), said to be wrong ("spelled Olsen not Olson", "en lugar de", "falsch") in the
# words before it. "Fix this now" after "my home address" on a leaked file is no correction.
FACTS: tuple[str, ...] = (MY_EN + FACTS_EN, MY_ES + FACTS_ES, MY_DE + FACTS_DE,
                          MY_FR + FACTS_FR)
INACCURACY: tuple[str, ...] = (
    WRONG_EN, r"(?:old|spelled|spelt|should be|instead of|is actually|but it'?s)\b",
    r"(?:incorrect\w*|erroneo\w*|erronea\w*|mal|equivocad\w*|desactualizad\w*|antigu\w*"
    r"|en lugar de|en vez de|pero es)\b",
    r"(?:falsch\w*|fehlerhaft\w*|unrichtig\w*|veraltet\w*|alte|alten|richtig ist|statt)\b",
    r"(?:errone\w*|inexact\w*|incorrect\w*|fausse?s?|perime\w*|obsolete\w*|ancienne?"
    r"|au lieu de|et non)\b")
