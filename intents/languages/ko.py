"""Korean: recognised, not read (to triage). Its common words, forward headers."""

from intents.languages.schema import HeaderLabels, LanguageData

LANGUAGE = LanguageData(
    code="ko",
    name="Korean",
    read=False,
    stopwords=(""),
    forward_markers=("전달된 메시지", "원본 메시지"),
    headers=HeaderLabels(
        sender=("보낸 사람",),
        date=("보낸 날짜", "날짜"),
        to=("받는 사람",),
        subject=("제목",),
    ),
    examples=("제 개인 데이터를 모두 삭제해 주세요. 감사합니다.",),
)
