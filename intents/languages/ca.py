"""Catalan: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="ca",
    name="Catalan",
    read=True,
    stopwords=(
        "el la els les de del dels que i a en per amb no em meu meva meus meves vostre "
        "vostra vostres us és són com seu seva aquest aquesta dades gràcies bon dia "
        "vull puc heu han fer pel als també"
    ),
    forward_markers=("missatge reenviat", "missatge original", "inici del missatge reenviat"),
    headers=HeaderLabels(
        sender=("de",),
        date=("enviat", "data"),
        to=("per a", "a", "cc"),
        subject=("assumpte", "tema"),
    ),
    examples=(
        "Bon dia, us demano que esborreu totes les meves dades personals dels vostres"
        " sistemes. Gràcies.",
        "Vull saber quines dades meves teniu i per què les feu servir.",
    ),
)
