"""Lithuanian: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="lt",
    name="Lithuanian",
    read=True,
    stopwords=(
        "ir yra su apie kad aš mano mane man jūs jūsų prašau duomenis asmens duomenų ačiū ne "
        "kaip visus laba diena ar galiu kiek iš į pagarbiai dar vis tik jei"
    ),
    forward_markers=("persiųstas laiškas", "originalus laiškas"),
    headers=HeaderLabels(
        sender=("nuo",),
        date=("išsiųsta", "data"),
        to=("kam",),
        subject=("tema",),
    ),
    examples=("Prašau ištrinti visus mano asmens duomenis, kuriuos apie mane turite. Ačiū.",),
)
