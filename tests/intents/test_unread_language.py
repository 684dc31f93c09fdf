"""A mail in a language the classifier has no rules for is not guessed at: it says "language
not read", carries no intents and so goes to triage. Catalan is read, and not taken for
Spanish. Every language file is valid data and its examples are recognised as it."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from intents import classify
from intents.language import detect_language
from intents.languages import LANGUAGES, LanguageData, is_read
from tests.intents.mailmaker import mail

UNREAD = {
    "ru": "Здравствуйте,\n\nПожалуйста, удалите мой аккаунт и все персональные данные, "
          "которые вы храните обо мне. Спасибо.\n\nМария",
    "zh": "你好，\n\n请立即删除我的账户和所有个人数据，并停止向我发送营销邮件。\n\n王芳",
    "ja": "こんにちは。私の個人データをすべて削除してください。よろしくお願いします。",
}


@pytest.mark.parametrize("code", sorted(UNREAD))
def test_a_language_without_rules_is_not_guessed_at(code: str) -> None:
    got = classify(mail(UNREAD[code], "GDPR Art. 17"))
    assert got.language == code
    assert got.language_not_read
    assert got.intents == []
    assert got.evidence == []


def test_a_mail_not_read_still_shows_what_the_rules_saw() -> None:
    # The subject's article number matches a rule: the scores say so, the intents do not.
    got = classify(mail("Здравствуйте,\n\nПришлите, пожалуйста, копию моих персональных "
                        "данных, GDPR Art. 15.\n\nС уважением,\nИван", "Доступ"))
    assert got.language_not_read
    assert got.intents == []
    assert got.scores["access"] > 0


@pytest.mark.parametrize(("body", "subject"), [
    ("See attached.", "Unsubscribe"), ("STOP", "Re: offers"), ("Danke!", "Re: Termin"),
    ("ok", "Hi"), ("Tak", "Re: booking"),
])
def test_a_short_mail_is_never_taken_for_a_language_not_read(body: str, subject: str) -> None:
    assert not classify(mail(body, subject)).language_not_read


@pytest.mark.parametrize("text", [
    "Bon dia, us demano que esborreu totes les meves dades personals. Gràcies.",
    "Hola, doneu-me de baixa del butlletí, si us plau, i esborreu també el meu compte.",
    "Bon dia,\n\nVull saber quines dades meves teniu i per què les feu servir.\n\nSalutacions",
])
def test_catalan_is_read_and_not_taken_for_spanish(text: str) -> None:
    got = classify(mail(text, "Les meves dades"))
    assert got.language == "ca"
    assert not got.language_not_read
    assert got.intents


def test_spanish_stays_spanish() -> None:
    got = classify(mail("Hola, quiero que borréis todos mis datos de vuestra base de datos, por "
                        "favor. Muchas gracias.", "Mis datos"))
    assert got.language == "es"
    assert got.intents == ["erasure"]


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_language_files_examples_are_recognised_as_it(code: str) -> None:
    language = LANGUAGES[code]
    assert language.examples, code
    for example in language.examples:
        assert detect_language(example) == code, example


def test_the_read_languages_are_the_ones_with_rules() -> None:
    assert {c for c in LANGUAGES if is_read(c)} == {
        "en", "es", "de", "fr", "it", "nl", "pt", "ca", "pl", "sv", "cs", "hr", "ro", "el",
        "da", "no", "fi", "hu", "tr", "cy", "sk", "sl", "et", "lv", "lt", "mt", "ga", "is",
        "bg"}
    assert is_read("und")  # unsure: the rules try


@pytest.mark.parametrize("bad", [
    {"code": "xx", "name": "X", "read": False, "stopwords": "Upper Case"},
    {"code": "Xx1", "name": "X", "read": False},
    {"code": "xx", "name": "X", "read": False, "forward_markers": ("Forwarded",)},
    {"code": "xx", "name": "X", "read": "maybe"},
])
def test_a_language_file_with_bad_data_is_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        LanguageData.model_validate(bad)


def test_a_forward_in_a_language_not_read_under_an_fyi_goes_to_triage_flagged() -> None:
    body = ("FYI\n\n---------- Forwarded message ---------\nFrom: Maria Petrova <maria@example.ru>"
            "\nDate: Tue, 1 Dec 2026\nSubject: data\n\n" + UNREAD["ru"])
    got = classify(mail(body, "Fwd: data", sender="Laura Pinto <laura@aimigos.studio>"))
    assert got.intents == []
    assert got.language_not_read
    assert got.forwarded_from == "maria@example.ru"  # opened from triage, it is hers
