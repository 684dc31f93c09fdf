"""Welsh: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="cy",
    name="Welsh",
    read=True,
    stopwords=(
        "a ac yr y yn i fy eich chi mae bod ar o gyda hoffwn diolch data personol os "
        "gwelwch yn dda bore da helo"
    ),
    forward_markers=("neges wedi'i hanfon ymlaen", "neges wreiddiol"),
    headers=HeaderLabels(
        sender=("oddi wrth", "gan"),
        date=("anfonwyd", "dyddiad"),
        to=("at",),
        subject=("pwnc",),
    ),
    examples=("Bore da, hoffwn i chi ddileu fy holl ddata personol os gwelwch yn dda. Diolch.",),
)
