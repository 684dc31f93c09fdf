"""Estonian: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="et",
    name="Estonian",
    read=True,
    stopwords=(
        "ja on ei et see ma mina minu mul oma kui või ka palun andmed isikuandmed teie te tänan "
        "tere lugupidamisega kas saan palju mulle pole siiani ainult enam kõik ärge"
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
