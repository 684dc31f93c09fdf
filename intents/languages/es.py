"""Spanish: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="es",
    name="Spanish",
    read=True,
    stopwords=(
        "el la de que y en los las por un una para con no mi mis me su sus es se lo al "
        "del le favor muy gracias hola quiero datos os vuestra vuestro vuestros "
        "vuestras he ha habéis estoy pero sin este esta muchas buenos días yo tengo hay "
        "porque cómo qué ya así también todo perfecto"
    ),
    forward_markers=("mensaje reenviado", "mensaje original", "inicio del mensaje reenviado"),
    headers=HeaderLabels(
        sender=("de",),
        date=("enviado", "enviado el", "fecha"),
        to=("para", "cc"),
        subject=("asunto",),
    ),
    examples=("Hola, quiero que borréis todos mis datos de vuestra base de datos, por favor.",),
)
