"""The replies a team member triggers, in Spanish, German and French.

Each kind is rendered with the context the desk gives it (bot/desk/actions.py, bot/desk/fees.py,
plus the common values of Unit._queue) and checked against the English original: same
variables and conditionals, every value the English text shows, the same paragraphs in every
branch, and the reason labels the code passes in English said in the text's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

import jinja2
import pytest
from jinja2 import meta

from bot.workflow.fees import REASON_LABELS
from bot.workflow.replies import ReplyKind
from bot.workflow.states import RejectionReason
from bot.workflow.texts import TEMPLATES, RenderedText, format_date, render

K = ReplyKind
REF = "AIM-2026-0042"
LANGUAGES = ("es", "de", "fr")
TEAM_KINDS = (K.CLARIFICATION_REQUEST, K.DONE_NOTICE, K.EXTENSION_NOTICE, K.FEE_RECEIVED,
              K.FEE_REQUEST, K.REFUSAL, K.PACK_LINK)
# What Unit._queue gives every mail; distinct values so a dropped one cannot hide.
COMMON: dict[str, object] = {
    "org_name": "Aimigos Studio",
    "privacy_address": "hello@aimigos.studio",
    "authority": "Information Commissioner's Office (ICO)",
    "authority_contact": "ICO-ROUTE Wycliffe House SK9 5AF",
    "due_date": date(2026, 12, 24),
    "complaint_route": "",
}
# What each kind gets on top, as the desk passes it.
PER_KIND: dict[ReplyKind, dict[str, object]] = {
    K.CLARIFICATION_REQUEST: {"question": "Q-7781: which of your two accounts?"},
    K.DONE_NOTICE: {"note": "N-5512: the export was sent by post."},
    K.EXTENSION_NOTICE: {"reason": "R-3310: records in three separate systems"},
    K.FEE_RECEIVED: {"fee": "12.50 GBP"},
    K.FEE_REQUEST: {"fee": "12.50 GBP", "reason_label": REASON_LABELS[next(iter(REASON_LABELS))],
                    "identity_awaited": True},
    K.REFUSAL: {"reason": "R-9921: the same request for the fifth time this month",
                "reason_label": "manifestly excessive"},
    K.PACK_LINK: {"pack_url": "http://links.test/pack/TOKEN-4411.sig",
                  "expires": date(2026, 12, 31)},
}
# The one value the code passes in English that the translations put in their own words.
TRANSLATED_BY_TEMPLATE = {"reason_label"}
WORDS = {
    "es": {K.CLARIFICATION_REQUEST: "pregunta", K.DONE_NOTICE: "completado",
           K.EXTENSION_NOTICE: "más tiempo", K.FEE_RECEIVED: "canon", K.FEE_REQUEST: "canon",
           K.REFUSAL: "decisión", K.PACK_LINK: "sus datos"},
    "de": {K.CLARIFICATION_REQUEST: "Rückfrage", K.DONE_NOTICE: "abgeschlossen",
           K.EXTENSION_NOTICE: "mehr Zeit", K.FEE_RECEIVED: "Entgelt", K.FEE_REQUEST: "Entgelt",
           K.REFUSAL: "Entscheidung", K.PACK_LINK: "Ihrer Daten"},
    "fr": {K.CLARIFICATION_REQUEST: "précisiez", K.DONE_NOTICE: "traitée",
           K.EXTENSION_NOTICE: "supplémentaire", K.FEE_RECEIVED: "paiement",
           K.FEE_REQUEST: "frais", K.REFUSAL: "décision", K.PACK_LINK: "vos données"},
}
# Each conditional's other branch (the desk sends both).
VARIANTS: dict[ReplyKind, list[dict[str, object]]] = {
    K.DONE_NOTICE: [{"note": ""}],
    K.FEE_RECEIVED: [{"due_date": ""}],
    K.FEE_REQUEST: [{"identity_awaited": False}],
}


def _render(kind: ReplyKind, lang: str, context: Mapping[str, object]) -> RenderedText:
    return render(kind, language=lang, org_id="aimigos", reference=REF, context=context)


def _context(kind: ReplyKind, **changes: object) -> dict[str, object]:
    return {**COMMON, **PER_KIND[kind], **changes}


def _shown(value: object, lang: str) -> str:
    return format_date(value, lang) if isinstance(value, date) else str(value)


def _source(lang: str, kind: ReplyKind) -> str:
    return (TEMPLATES / lang / f"{kind.value}.txt.j2").read_text(encoding="utf-8")


def _paragraphs(text: str) -> int:
    return len([part for part in text.split("\n\n") if part.strip()])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", TEAM_KINDS, ids=lambda kind: kind.value)
def test_team_reply_in_the_clients_language(kind: ReplyKind, lang: str) -> None:
    context = _context(kind)
    english = _render(kind, "en", context)
    text = _render(kind, lang, context)
    assert text.language == lang  # its own template, not the English fallback
    assert f"[{REF}]" in text.subject
    assert WORDS[lang][kind] in f"{text.subject}\n{text.body}"
    assert text.subject != english.subject
    for key, value in context.items():
        if key in TRANSLATED_BY_TEMPLATE or not _shown(value, "en"):
            continue
        if _shown(value, "en") in english.body:
            assert _shown(value, lang) in text.body, f"{key} lost in {lang}/{kind.value}"
    for leftover in ("{{", "}}", "{%", "%}", "{#"):
        assert leftover not in text.subject + text.body


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", list(VARIANTS), ids=lambda kind: kind.value)
def test_every_branch_keeps_the_english_paragraphs(kind: ReplyKind, lang: str) -> None:
    for changes in [{}, *VARIANTS[kind]]:
        context = _context(kind, **changes)
        english, text = _render(kind, "en", context), _render(kind, lang, context)
        assert _paragraphs(text.body) == _paragraphs(english.body), changes
        assert "{{" not in text.body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_conditional_text_follows_the_facts(lang: str) -> None:
    due = format_date(date(2026, 12, 24), lang)
    with_due = _render(K.FEE_RECEIVED, lang, _context(K.FEE_RECEIVED))
    without = _render(K.FEE_RECEIVED, lang, _context(K.FEE_RECEIVED, due_date=""))
    assert due in with_due.body
    assert due not in without.body
    assert "12.50 GBP" in without.body
    done = _render(K.DONE_NOTICE, lang, _context(K.DONE_NOTICE, note=""))
    assert "N-5512" not in done.body
    assert "\n\n\n" not in done.body  # an empty note leaves no gap
    # identity_awaited may be absent: the English template checks `is defined`, so do these.
    context = _context(K.FEE_REQUEST)
    del context["identity_awaited"]
    quiet = _render(K.FEE_REQUEST, lang, context)
    loud = _render(K.FEE_REQUEST, lang, _context(K.FEE_REQUEST))
    assert _paragraphs(loud.body) == _paragraphs(quiet.body) + 1


# Anchored on "because", since the general sentence names the grounds in the same words.
_FEE_PHRASES = {
    "es": ("porque consideramos que la solicitud es manifiestamente infundada",
           "porque consideramos que la solicitud es excesiva", "porque ha pedido copias"),
    "de": ("weil wir die Anfrage für offenkundig unbegründet halten",
           "weil wir die Anfrage für exzessiv halten", "weil Sie weitere Kopien"),
    "fr": ("parce que nous considérons la demande comme manifestement infondée",
           "parce que nous considérons la demande comme excessive",
           "parce que vous avez demandé des copies"),
}
_REFUSAL_PHRASES = {
    "es": ("la consideramos manifiestamente infundada:",
           "la consideramos manifiestamente excesiva:"),
    "de": ("für offenkundig unbegründet halten:", "für offenkundig exzessiv halten:"),
    "fr": ("comme manifestement infondée :", "comme manifestement excessive :"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reason_labels_are_said_in_the_texts_language(lang: str) -> None:
    # Every label the code can pass (in English) has its own words in each language; if one
    # changes in fees.py or a ground is added, the English would show up here and fail.
    for label, phrase in zip(REASON_LABELS.values(), _FEE_PHRASES[lang], strict=True):
        body = _render(K.FEE_REQUEST, lang, _context(K.FEE_REQUEST, reason_label=label)).body
        assert label not in body
        assert phrase in body.replace("\n", " ")
    # Refusal grounds as bot/desk/actions.py labels them: the value with spaces.
    grounds = [reason.value.replace("_", " ") for reason in RejectionReason]
    for label, phrase in zip(grounds, _REFUSAL_PHRASES[lang], strict=True):
        body = _render(K.REFUSAL, lang, _context(K.REFUSAL, reason_label=label)).body
        assert label not in body
        assert phrase in body.replace("\n", " ")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unknown_reason_label_is_shown_as_given(lang: str) -> None:
    for kind in (K.FEE_REQUEST, K.REFUSAL):
        body = _render(kind, lang, _context(kind, reason_label="label-zz-17")).body
        assert "label-zz-17" in body


_ENV = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)  # parsed only, never rendered
_CONDITIONAL = re.compile(r"{%-?\s*((?:if|elif|else|endif)\b.*?)\s*-?%}", re.DOTALL)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", TEAM_KINDS, ids=lambda kind: kind.value)
def test_same_variables_and_conditionals_as_english(kind: ReplyKind, lang: str) -> None:
    english, translated = _source("en", kind), _source(lang, kind)
    assert (meta.find_undeclared_variables(_ENV.parse(translated))
            == meta.find_undeclared_variables(_ENV.parse(english)))
    assert _CONDITIONAL.findall(translated) == _CONDITIONAL.findall(english)
    assert translated.startswith("Subject: ")
    assert "[{{ reference }}]" in translated.splitlines()[0]


def test_every_english_kind_has_spanish_german_and_french() -> None:
    # A kind added in English only fails here until it is translated.
    kinds = sorted(path.name for path in (TEMPLATES / "en").glob("*.txt.j2"))
    assert {kind.value for kind in TEAM_KINDS} <= {name.removesuffix(".txt.j2") for name in kinds}
    missing = [f"{lang}/{name}" for lang in LANGUAGES for name in kinds
               if not (TEMPLATES / lang / name).is_file()]
    assert missing == []
