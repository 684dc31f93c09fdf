"""Norwegian: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="no",
    name="Norwegian",
    read=True,
    stopwords=(
        "og at det som en et jeg er ikke på med for av til om meg min mine dere har "
        "opplysninger deres gjerne vennlig vennligst hva hvordan blir ble mitt deg også nå kan "
        "vil så hei hilsen takk mvh ikkje eg går"
    ),
    forward_markers=("videresendt melding", "opprinnelig melding"),
    headers=HeaderLabels(
        sender=("fra",),
        date=("sendt", "dato"),
        to=("til", "kopi"),
        subject=("emne",),
    ),
    examples=("Jeg ber dere om å slette alle opplysninger dere har om meg.",),
)
