"""Clause cues of every language the clause reader knows, as data (one file a language).

`ALL` holds them; `CUE_LANGUAGES` names them. The reader (intents/clauses.py) joins them.
"""

from __future__ import annotations

from intents.clause_cues import de, en, es, fr, it, nl, pt
from intents.clause_cues.schema import ClauseCues, PronounRequest

ALL: tuple[ClauseCues, ...] = (en.CUES, es.CUES, fr.CUES, de.CUES, it.CUES, pt.CUES, nl.CUES)
CUE_LANGUAGES: tuple[str, ...] = tuple(cues.code for cues in ALL)

__all__ = ["ALL", "CUE_LANGUAGES", "ClauseCues", "PronounRequest"]
