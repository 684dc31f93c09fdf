"""Clause cues of every language the clause reader knows, as data (one file a language).

`ALL` holds them; `CUE_LANGUAGES` names them. The reader (intents/clauses.py) joins them.
"""

from __future__ import annotations

from intents.clause_cues import (
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
    lt,
    lv,
    mt,
    nl,
    no,
    pl,
    pt,
    ro,
    sl,
    sv,
    tr,
)
from intents.clause_cues.schema import ClauseCues, PronounRequest, RequestVerb

ALL: tuple[ClauseCues, ...] = (en.CUES, es.CUES, fr.CUES, de.CUES, it.CUES, pt.CUES, nl.CUES,
                               ca.CUES, cs.CUES, da.CUES, fi.CUES, hr.CUES, hu.CUES, no.CUES,
                               pl.CUES, ro.CUES, sv.CUES,
                               is_.CUES, et.CUES, lv.CUES, lt.CUES, ga.CUES, cy.CUES,
                               sl.CUES, bg.CUES, el.CUES, tr.CUES, mt.CUES)
CUE_LANGUAGES: tuple[str, ...] = tuple(cues.code for cues in ALL)

__all__ = ["ALL", "CUE_LANGUAGES", "ClauseCues", "PronounRequest", "RequestVerb"]
