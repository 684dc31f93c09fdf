"""Croatian: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="hr",
    name="Croatian",
    read=True,
    stopwords=(
        "i je se na da u za mi me od su moje mojih vas vaše ne koji podatke osobne molim "
        # Greetings, thanks and forms Slovenian writes otherwise ("lep", "več", "bom").
        "poštovani lijep pozdrav hvala ću sam bih nisam još više što kako ili "
        "također moj moja ako li"
    ),
    forward_markers=("proslijeđena poruka", "izvorna poruka"),
    headers=HeaderLabels(
        sender=("od",),
        date=("poslano", "datum"),
        to=("za", "prima"),
        subject=("predmet",),
    ),
    examples=("Molim vas da izbrišete sve moje osobne podatke koje imate o meni.",),
)
