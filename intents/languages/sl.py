"""Slovenian: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="sl",
    name="Slovenian",
    read=True,
    stopwords=(
        "je se na da v za mi od ki moje mojih vas vaše ne podatke osebne osebnih prosim hvala "
        "lep pozdrav želim izbrišite pozdravljeni ali lahko še sem bom kaj koliko pred jih "
        "vaših več če"
    ),
    forward_markers=("posredovano sporočilo", "izvirno sporočilo"),
    headers=HeaderLabels(
        sender=("od",),
        date=("poslano", "datum"),
        to=("za",),
        subject=("zadeva",),
    ),
    examples=(
        "Pozdravljeni, prosim, da izbrišete vse moje osebne podatke, ki jih imate o"
        " meni. Lep pozdrav.",
    ),
)
