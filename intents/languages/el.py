"""Greek: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="el",
    name="Greek",
    read=True,
    stopwords=(""),
    forward_markers=("προωθημένο μήνυμα", "αρχικό μήνυμα"),
    headers=HeaderLabels(
        sender=("από",),
        date=("στάλθηκε", "ημερομηνία"),
        to=("προς",),
        subject=("θέμα",),
    ),
    examples=("Παρακαλώ διαγράψτε όλα τα προσωπικά μου δεδομένα.",),
)
