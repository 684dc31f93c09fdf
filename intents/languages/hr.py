"""Croatian: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="hr",
    name="Croatian",
    read=True,
    stopwords=("i je se na da u za mi me od su moje mojih vas vaše ne koji podatke osobne molim"),
    forward_markers=("proslijeđena poruka", "izvorna poruka"),
    headers=HeaderLabels(
        sender=("od",),
        date=("poslano", "datum"),
        to=("za", "prima"),
        subject=("predmet",),
    ),
    examples=("Molim vas da izbrišete sve moje osobne podatke koje imate o meni.",),
)
