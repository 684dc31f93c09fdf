"""Catalan clause cues (folded: no accents): only the told earlier request and its being
ignored, which make a complaint; the other kinds are read by the rules' own words."""

from intents.clause_cues.schema import ClauseCues

CUES = ClauseCues(
    code="ca",
    asked_earlier=(
        r"(?:vaig|vam) (?:demanar|sol.licitar|solicitar|escriure|donar de baixa)",
        r"em vaig donar de baixa",
        r"he demanat",
    ),
    persisting=(
        r"encara",
        r"una altra vegada",
        r"de nou",
        r"(?:dues|tres|quatre) vegades",
        r"cap resposta",
        r"continuo rebent",
    ),
)
