"""Japanese: recognised, not read (to triage). Its common words, forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="ja",
    name="Japanese",
    read=False,
    stopwords=(""),
    forward_markers=("転送メッセージ", "元のメッセージ"),
    headers=HeaderLabels(
        sender=("差出人",),
        date=("送信日時", "日付"),
        to=("宛先",),
        subject=("件名",),
    ),
    examples=("私の個人データをすべて削除してください。よろしくお願いします。",),
)
