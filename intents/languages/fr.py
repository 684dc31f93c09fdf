"""French: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="fr",
    name="French",
    read=True,
    stopwords=(
        "le la les de des et je vous que pas mes mon ma une un est en pour du au avec "
        "ne sur me il nous votre vos merci bonjour données c'est j'ai n'ai d'un suis "
        "mais ce cette très aussi"
    ),
    forward_markers=(
        "message transféré",
        "message transfere",
        "message d'origine",
        "message original",
        "début du message réexpédié",
        "début du message transféré",
    ),
    headers=HeaderLabels(
        sender=("de",),
        date=("envoyé", "envoye", "date"),
        to=("à", "a", "cc"),
        subject=("objet",),
    ),
    examples=("Bonjour, je vous demande de supprimer toutes mes données personnelles. Merci.",),
)
