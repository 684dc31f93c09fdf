"""Icelandic: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="is",
    name="Icelandic",
    read=True,
    stopwords=(
        "og að ég er það ekki á í um með fyrir til mig mínar mín ykkur þið hafið "
        "vinsamlegast takk persónuupplýsingar upplýsingar góðan dag"
    ),
    forward_markers=("áframsend skilaboð", "upprunaleg skilaboð"),
    headers=HeaderLabels(
        sender=("frá",),
        date=("sent", "dagsetning"),
        to=("til",),
        subject=("efni",),
    ),
    examples=(
        "Góðan dag, ég óska eftir að þið eyðið öllum persónuupplýsingum um mig. Takk fyrir.",
    ),
)
