"""Turkish: read by the classifier. Its common words and forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="tr",
    name="Turkish",
    read=True,
    stopwords=(
        "ve bir bu da de için ile ben benim bana beni çok ne gibi daha olarak kişisel "
        "verilerimin verilerin verilerimi teşekkürler merhaba rica ediyorum lütfen sizin "
        "hakkımda tüm selam iyi günler saygılarımla saygılar artık sadece ama veya eğer miyim "
        "misiniz mısınız olabilir sizden"
    ),
    forward_markers=("iletilen ileti", "orijinal ileti", "özgün ileti"),
    headers=HeaderLabels(
        sender=("kimden",),
        date=("gönderildi", "tarih"),
        to=("kime",),
        subject=("konu",),
    ),
    examples=(
        "Merhaba, hakkımda sakladığınız tüm kişisel verilerin bir kopyasını rica ediyorum.",
        "Lütfen kişisel verilerimi silin, teşekkürler.",
    ),
)
