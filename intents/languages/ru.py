"""Cyrillic script: recognised, not read (to triage). Its forward headers (Russian)."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="ru",
    name="Cyrillic-script languages",
    read=False,
    stopwords=(""),
    forward_markers=("пересылаемое сообщение", "исходное сообщение"),
    headers=HeaderLabels(
        sender=("от",),
        date=("отправлено", "дата"),
        to=("кому",),
        subject=("тема",),
    ),
    examples=("Прошу удалить все мои персональные данные.",),
)
