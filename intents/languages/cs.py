"""Czech: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="cs",
    name="Czech",
    read=True,
    stopwords=(
        "a je se na že to v ve jsem mi mě o k s z pro by jak které moje mých vás vaše údaje osobní "
        # Greetings, thanks and forms Slovak writes otherwise ("ďakujem", "som", "chcem").
        "dobrý den děkuji můj mé mého jste chci bych byste také jen už nebo pokud mně"
    ),
    forward_markers=("přeposlaná zpráva", "původní zpráva"),
    headers=HeaderLabels(
        sender=("od",),
        date=("odesláno", "datum"),
        to=("komu", "kopie"),
        subject=("předmět",),
    ),
    examples=("Žádám vás o výmaz mých osobních údajů, které o mně zpracováváte.",),
)
