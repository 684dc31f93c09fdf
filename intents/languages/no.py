"""Norwegian: recognised, not read (to triage). Its common words, forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="no",
    name="Norwegian",
    read=False,
    stopwords=(
        "og at det som en et jeg er ikke på med for av til om meg min mine dere har opplysninger"
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
