"""Danish: recognised, not read (to triage). Its common words, forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="da",
    name="Danish",
    read=False,
    stopwords=(
        "og at det som en et jeg er ikke på med for af til om mig min mine jer i har oplysninger"
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
