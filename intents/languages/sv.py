"""Swedish: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="sv",
    name="Swedish",
    read=True,
    stopwords=(
        "och att det som en ett jag är inte på med för av till om mig min mina er ni har uppgifter"
    ),
    forward_markers=("vidarebefordrat meddelande", "ursprungligt meddelande"),
    headers=HeaderLabels(
        sender=("från",),
        date=("skickat", "datum"),
        to=("till", "kopia"),
        subject=("ämne",),
    ),
    examples=("Jag vill att ni raderar alla mina personuppgifter som ni har om mig.",),
)
