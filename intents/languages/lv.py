"""Latvian: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="lv",
    name="Latvian",
    read=True,
    stopwords=(
        "un ir ar par uz es mani manu man mans jūs jūsu lūdzu dati datus personas datu paldies "
        "ka lai vai labdien cieņu varu cik no vairs joprojām ja"
    ),
    forward_markers=("pārsūtīta ziņa", "sākotnējā ziņa"),
    headers=HeaderLabels(
        sender=("no",),
        date=("nosūtīts", "datums"),
        to=("kam",),
        subject=("tēma",),
    ),
    examples=("Lūdzu, izdzēsiet visus manus personas datus, kas jums ir par mani. Paldies.",),
)
