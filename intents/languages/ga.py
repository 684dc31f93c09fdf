"""Irish: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="ga",
    name="Irish",
    read=True,
    stopwords=(
        "agus an na is ar le do mo go bhfuil tá sé sí mé dom liom faoi atá ba mhaith "
        "iarraim sonraí pearsanta go raibh maith agat dia duit"
    ),
    forward_markers=("teachtaireacht curtha ar aghaidh", "bunteachtaireacht"),
    headers=HeaderLabels(
        sender=("ó",),
        date=("seolta", "dáta"),
        to=("chuig",),
        subject=("ábhar",),
    ),
    examples=(
        "Dia duit, ba mhaith liom go scriosfá na sonraí pearsanta go léir atá agat fúm."
        " Go raibh maith agat.",
    ),
)
