"""Estonian: recognised, not read (to triage). Its common words, forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="et",
    name="Estonian",
    read=False,
    stopwords=(
        "ja on ei et see ma mina minu mul oma kui või ka palun andmed isikuandmed teie "
        "te tänan tere lugupidamisega"
    ),
    forward_markers=("edastatud kiri", "algne kiri"),
    headers=HeaderLabels(
        sender=("saatja",),
        date=("saadetud", "kuupäev"),
        to=("saaja",),
        subject=("teema",),
    ),
    examples=("Tere, palun kustutage kõik minu isikuandmed, mis teil minu kohta on. Tänan.",),
)
