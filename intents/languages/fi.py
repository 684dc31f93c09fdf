"""Finnish: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="fi",
    name="Finnish",
    read=True,
    stopwords=(
        "ja on ei että se minä olen minun tiedot henkilötiedot kanssa mutta kiitos hei en enää "
        "halua teidän minut minulle kaikki pyydän ole voitteko voisitteko tai myös minua "
        "minusta teillä teille te olette terveisin ystävällisin moi jos ovat joita jotka sitä "
        "tämä voinko mitä sitten enkä asiasta"
    ),
    forward_markers=("välitetty viesti", "alkuperäinen viesti"),
    headers=HeaderLabels(
        sender=("lähettäjä",),
        date=("lähetetty", "päivämäärä"),
        to=("vastaanottaja",),
        subject=("aihe",),
    ),
    examples=(
        "Hei, en halua enää saada teidän uutiskirjettänne. Poistakaa minut listalta, kiitos.",
        "Pyydän poistamaan kaikki minua koskevat henkilötiedot.",
    ),
)
