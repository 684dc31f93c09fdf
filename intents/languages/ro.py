"""Romanian: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="ro",
    name="Romanian",
    read=True,
    stopwords=(
        "și de la în nu că pe cu o un este mă mi meu mele vă dumneavoastră date personale vă rog "
        # Greetings, thanks and the commonest forms of a request.
        "bună ziua mulțumesc să îmi ați am pentru care ce sau dacă despre mine mea toate stimă"
    ),
    forward_markers=("mesaj redirecționat", "mesaj original"),
    headers=HeaderLabels(
        sender=("de la",),
        date=("trimis", "data"),
        to=("către", "catre"),
        subject=("subiect",),
    ),
    examples=(
        "Vă rog să îmi trimiteți o copie a datelor personale pe care le dețineți despre mine.",
    ),
)
