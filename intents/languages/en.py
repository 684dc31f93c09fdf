"""English: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="en",
    name="English",
    read=True,
    stopwords=(
        "the and to of you i a is that for it my in your me please this with be have "
        "are not on we can would will do at from as was our all any am why what how "
        "more pls thanks hello just still there they these been has had get got if so "
        "but or an by up out about"
    ),
    forward_markers=(
        "forwarded message",
        "begin forwarded message",
        "original message",
        "forwarded by",
    ),
    headers=HeaderLabels(
        sender=("from",),
        date=("sent", "date"),
        to=("to", "cc"),
        subject=("subject",),
    ),
    examples=("Please could you send me a copy of the data you have about me? Thank you.",),
)
