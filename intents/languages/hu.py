"""Hungarian: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="hu",
    name="Hungarian",
    read=True,
    stopwords=(
        "a az és hogy szeretném milyen adatokat nem is egy van meg el de ki be csak már még "
        "kérem kérjük köszönöm köszönettel adataim adatomat adataimat személyes önök tisztelt "
        "minden rólam vagy lesz volt ezt azt jó napot üdv üdvözlettel helló szia ha nekem "
        "önöknek szeretnék tudnám lehet mennyibe kérek át"
    ),
    forward_markers=("továbbított üzenet", "eredeti üzenet"),
    headers=HeaderLabels(
        sender=("feladó",),
        date=("elküldve", "dátum"),
        to=("címzett",),
        subject=("tárgy",),
    ),
    examples=(
        "Kérem, hogy töröljék az összes személyes adatomat a rendszerükből.",
        "Tisztelt Hölgyem/Uram! Szeretném megtudni, milyen adatokat tárolnak rólam.",
    ),
)
