"""Maltese: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="mt",
    name="Maltese",
    read=True,
    stopwords=(
        "il u ta li fil għal minn jien tiegħi tagħkom huwa hija dan din kull mhux jekk "
        "nixtieq data personali grazzi bonġu nitlob"
    ),
    forward_markers=("messaġġ mgħoddi", "messaġġ oriġinali"),
    headers=HeaderLabels(
        sender=("minn",),
        date=("mibgħut", "data"),
        to=("lil",),
        subject=("suġġett",),
    ),
    examples=("Bonġu, nixtieq li tħassru d-data personali tiegħi kollha li għandkom. Grazzi.",),
)
