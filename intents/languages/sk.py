"""Slovak: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="sk",
    name="Slovak",
    read=True,
    stopwords=(
        "sa som pre ako ktoré chcem prosím ďakujem dobrý deň vás vaše moje mojich údaje osobné "
        "údajov ste sú je na že mi ma pozdravom môžem koľko už ak"
    ),
    forward_markers=("preposlaná správa", "pôvodná správa"),
    headers=HeaderLabels(
        sender=("od",),
        date=("odoslané", "dátum"),
        to=("komu",),
        subject=("predmet",),
    ),
    examples=(
        "Dobrý deň, prosím vás, aby ste vymazali všetky moje osobné údaje, ktoré o mne"
        " máte. Ďakujem.",
    ),
)
