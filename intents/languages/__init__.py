"""Every language the package knows, one file each (`xx.py`, a `LanguageData`), as data.

Adding a language is adding its file and one line here: its common words make it
recognisable (`intents/language.py`), its forward headers make forwards in it readable
(`intents/forwards.py`), and `read` says whether the classifier has rules for it. A mail
recognised as a language that is not read is not guessed at: it says "language not read" and
goes to triage.
"""

from __future__ import annotations

from intents.languages import (
    bg,
    ca,
    cs,
    cy,
    da,
    de,
    el,
    en,
    es,
    et,
    fi,
    fr,
    ga,
    hr,
    hu,
    is_,
    it,
    ja,
    ko,
    lt,
    lv,
    mt,
    nl,
    no,
    pl,
    pt,
    ro,
    ru,
    sk,
    sl,
    sv,
    tr,
    zh,
)
from intents.languages.schema import HeaderLabels, LanguageData

__all__ = ["LANGUAGES", "HeaderLabels", "LanguageData", "is_read"]

LANGUAGES: dict[str, LanguageData] = {
    module.LANGUAGE.code: module.LANGUAGE
    for module in (
        en,
        es,
        de,
        fr,
        it,
        nl,
        pt,
        ca,
        pl,
        sv,
        cs,
        hr,
        ro,
        el,
        da,
        no,
        fi,
        hu,
        tr,
        et,
        lv,
        lt,
        sk,
        sl,
        cy,
        mt,
        ga,
        is_,
        bg,
        zh,
        ja,
        ko,
        ru,
    )
}


def is_read(code: str) -> bool:
    """Whether the classifier reads mail in this language ("und", unknown: it tries)."""
    language = LANGUAGES.get(code)
    return language is None or language.read
