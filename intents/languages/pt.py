"""Portuguese: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="pt",
    name="Portuguese",
    read=True,
    stopwords=(
        "o os a as de que e não meu meus minha minhas um uma para com do da dos das em "
        "por é se ao vocês dados "
        # Greetings, thanks and the commonest forms of a request.
        "olá obrigado obrigada cumprimentos gostaria vossa vosso têm mim já também pessoais"
    ),
    forward_markers=(
        "mensagem encaminhada",
        "mensagem original",
        "mensagem reencaminhada",
        "início da mensagem reencaminhada",
    ),
    headers=HeaderLabels(
        sender=("de",),
        date=("enviado", "enviada", "data"),
        to=("para", "cc"),
        subject=("assunto",),
    ),
    examples=("Boa tarde, solicito o acesso aos meus dados pessoais que a vossa empresa guarda.",),
)
