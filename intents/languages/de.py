"""German: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="de",
    name="German",
    read=True,
    stopwords=(
        "der die das und ich sie nicht mit mich mir ist ein eine zu den dem des von "
        "bitte auf für meine meiner meinen sehr wir ihr ihre ihnen auch daten"
    ),
    forward_markers=(
        "weitergeleitete nachricht",
        "ursprüngliche nachricht",
        "original-nachricht",
        "anfang der weitergeleiteten nachricht",
    ),
    headers=HeaderLabels(
        sender=("von",),
        date=("gesendet", "datum"),
        to=("an", "cc"),
        subject=("betreff",),
    ),
    examples=("Bitte löschen Sie alle meine Daten, die Sie über mich gespeichert haben.",),
)
