"""Danish: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="da",
    name="Danish",
    read=True,
    stopwords=(
        "og at det som en et jeg er ikke på med for af til om mig min mine jer i har "
        "oplysninger jeres gerne venlig venligst hvad hvordan bliver mit dig også nu kan vil så "
        "mvh hej tak hilsen jo"
    ),
    forward_markers=("videresendt meddelelse", "oprindelig meddelelse", "videresendt besked"),
    headers=HeaderLabels(
        sender=("fra",),
        date=("sendt", "dato"),
        to=("til", "cc"),
        subject=("emne",),
    ),
    examples=("Jeg vil gerne bede jer om at slette alle de personoplysninger, I har om mig.",),
)
