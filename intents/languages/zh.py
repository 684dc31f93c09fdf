"""Chinese: recognised, not read (to triage). Its common words, forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="zh",
    name="Chinese",
    read=False,
    stopwords=(""),
    forward_markers=("转发的邮件", "原始邮件", "轉寄的郵件"),
    headers=HeaderLabels(
        sender=("发件人", "寄件者"),
        date=("发送时间", "日期"),
        to=("收件人",),
        subject=("主题", "主旨"),
    ),
    examples=("您好，请删除你们保存的关于我的所有个人数据。",),
)
