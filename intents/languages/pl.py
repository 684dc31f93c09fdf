"""Polish: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="pl",
    name="Polish",
    read=True,
    stopwords=(
        "i w nie się na że z do jest to jak mnie mi o moje moich pan pani proszę dane osobowe "
        # Greetings, thanks and the commonest forms of a request.
        "dzień dobry dziękuję pozdrawiam już mój moja moją mojego moich wszystkich chciałbym "
        "chciałabym danych"
    ),
    forward_markers=("wiadomość przekazana dalej", "oryginalna wiadomość", "przekazana wiadomość"),
    headers=HeaderLabels(
        sender=("od",),
        date=("wysłano", "wysłane", "data"),
        to=("do", "dw"),
        subject=("temat",),
    ),
    examples=("Proszę o usunięcie moich danych osobowych, nie chcę, żeby były przechowywane.",),
)
