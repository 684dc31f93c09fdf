"""Italian: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="it",
    name="Italian",
    read=True,
    stopwords=(
        "il lo la gli le di che e non mi miei mie per un una sono con del della dei "
        "vostri vostro si è ho grazie dati"
    ),
    forward_markers=("messaggio inoltrato", "messaggio originale", "inizio messaggio inoltrato"),
    headers=HeaderLabels(
        sender=("da",),
        date=("inviato", "data"),
        to=("a", "cc"),
        subject=("oggetto",),
    ),
    examples=("Buongiorno, vorrei sapere quali dati personali conservate su di me. Grazie.",),
)
