"""Bulgarian: read by the classifier. Its common words and forward headers.

Cyrillic script is taken for Russian first (language.py); a Cyrillic mail whose words are
these Bulgarian ones (none of them is a common Russian word) is Bulgarian.
"""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="bg",
    name="Bulgarian",
    read=True,
    stopwords=(
        "моля данни съм са ще че благодаря здравейте моите личните във към това които "
        "има няма мен ми вашите вашия желая искам поздрави "
        # Forms Russian writes otherwise ("меня", "вы", "все").
        "ме си ви ги всички данните"
    ),
    forward_markers=("препратено съобщение", "оригинално съобщение"),
    headers=HeaderLabels(
        sender=("от",),
        date=("изпратено", "дата"),
        to=("до",),
        subject=("относно", "тема"),
    ),
    examples=(
        "Здравейте, моля изтрийте профила ми и всички лични данни, които имате за мен."
        " Благодаря.",
        "Здравейте, бих искал копие на личните ми данни, които обработвате.",
    ),
)
