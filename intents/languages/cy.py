"""Welsh: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="cy",
    name="Welsh",
    read=True,
    stopwords=(
        "ac yr y yn fy eich chi mae bod ar gyda hoffwn diolch personol os gwelwch dda bore da "
        "helo ddim wedi dw rwyf gennych amdanaf ydw hefyd iawn ond neu fe"
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
