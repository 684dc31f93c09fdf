"""Slovak: recognised, not read (to triage). Its common words, forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="sk",
    name="Slovak",
    read=False,
    stopwords=(
        "sa som pre ako ktoré chcem prosím ďakujem dobrý deň vás vaše moje mojich údaje "
        "osobné údajov ste sú je na že to mi ma by"
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
