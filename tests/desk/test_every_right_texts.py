"""What the requester reads about each right, in en/es/de/fr: the acknowledgement lists it,
the verification request and the reminder say what would be confirmed, and the done notice
says what was done for it, each in the ticket's language."""

from __future__ import annotations

from datetime import date

import pytest

from bot.workflow.replies import ReplyKind
from bot.workflow.texts import render
from intents import NEW_RIGHTS_INTENTS, RIGHTS_INTENTS

LANGUAGES = ("en", "es", "de", "fr")
CONTEXT = {"org_name": "Aimigos Studio", "privacy_address": "hello@aimigos.studio",
           "authority": "Information Commissioner's Office (ICO)",
           "authority_contact": "https://ico.org.uk/make-a-complaint/",
           "due_date": date(2026, 12, 24),
           "complaint_route": "", "code": "123456", "verify_url": "http://x.test/verify/t",
           "ttl_hours": 72, "close_date": date(2026, 12, 30), "note": "", "about": "request"}


def text(kind: ReplyKind, lang: str, intents: list[str]) -> str:
    rendered = render(kind, language=lang, org_id="aimigos", reference="AIM-2026-0001",
                      context={**CONTEXT, "intents": intents})
    assert rendered.language == lang
    return rendered.body


def listed(body: str) -> list[str]:
    """The bullet lines naming what was asked (not the ways to confirm: link and code)."""
    return [line.strip() for line in body.splitlines() if line.startswith("  - ")
            and "123456" not in line and "http" not in line]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_right_has_its_own_words(lang: str) -> None:
    for kind in (ReplyKind.ACKNOWLEDGEMENT, ReplyKind.VERIFICATION_REQUEST,
                 ReplyKind.UNVERIFIED_REMINDER):
        lines = {right: listed(text(kind, lang, [right])) for right in NEW_RIGHTS_INTENTS}
        for right, found in lines.items():
            assert len(found) == 1, (kind, right, found)
        # Six rights, six different lines: none falls back to a generic one.
        assert len({found[0] for found in lines.values()}) == len(NEW_RIGHTS_INTENTS), kind
    plain = text(ReplyKind.DONE_NOTICE, lang, ["access"])
    done = {right: text(ReplyKind.DONE_NOTICE, lang, [right]) for right in NEW_RIGHTS_INTENTS}
    assert len(set(done.values())) == len(NEW_RIGHTS_INTENTS)
    for body in done.values():
        assert len(body.splitlines()) > len(plain.splitlines())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_several_rights_are_listed_in_order(lang: str) -> None:
    asked = ["access", "rectification", "portability"]
    ack = listed(text(ReplyKind.ACKNOWLEDGEMENT, lang, asked))
    assert len(ack) == 3
    # The acknowledgement of a complaint or an opt-out comes in their own mails.
    assert listed(text(ReplyKind.ACKNOWLEDGEMENT, lang, ["complaint", "opt_out"])) == []
    assert len(listed(text(ReplyKind.VERIFICATION_REQUEST, lang, asked))) == 3


def test_every_intent_is_known_to_the_texts() -> None:
    for lang in LANGUAGES:
        for right in RIGHTS_INTENTS:
            assert listed(text(ReplyKind.VERIFICATION_REQUEST, lang, [right])), (lang, right)
