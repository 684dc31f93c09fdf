"""Dutch: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="nl",
    name="Dutch",
    read=True,
    stopwords=(
        "de het een en ik van je u niet dat is mijn op te met voor zijn aan ook wij uw "
        "graag gegevens"
    ),
    forward_markers=(
        "doorgestuurd bericht",
        "oorspronkelijk bericht",
        "begin doorgestuurd bericht",
    ),
    headers=HeaderLabels(
        sender=("van",),
        date=("verzonden", "datum"),
        to=("aan", "cc"),
        subject=("onderwerp",),
    ),
    examples=("Ik wil graag dat u al mijn gegevens uit uw systemen verwijdert.",),
)
