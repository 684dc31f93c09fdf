"""The pure decisions behind what a requester is told (issue 16.2, 16.13, 16.15), in each
language that has every reply: a complaint closes as a complaint, the closing of an
unverified request says its complaint goes on, a refusal to an unverified address carries no
reason, the regulator is named once, a verified requester is not asked to verify again, and
a made-up Message-ID never reaches a header."""

from __future__ import annotations

from datetime import date

import pytest

from bot.authorities import default_for
from bot.workflow.deadlines import complaint_due
from bot.workflow.outbound import invented_message_id, is_invented, thread_headers
from bot.workflow.replies import ReplyKind, closing_subject, replies_for_new_ticket
from bot.workflow.texts import names_regulator, render

K = ReplyKind
UK = default_for("GB")
assert UK is not None
REGULATOR = UK.name
REF = "AIM-2026-0042"
OTHER = "AIM-2026-0077"
LANGUAGES = ("en", "es", "de", "fr")
CONTEXT: dict[str, object] = {
    "org_name": "Aimigos Studio", "privacy_address": "hello@aimigos.studio",
    "authority": UK.title, "authority_contact": UK.contact,
    "due_date": "", "complaint_route": "", "note": "",
}
# A word for "complaint" and one for "request" in each language.
COMPLAINT = {"en": "complaint", "es": "reclamación", "de": "Beschwerde", "fr": "réclamation"}
REQUEST = {"en": "request", "es": "solicitud", "de": "Anfrage", "fr": "demande"}


def test_what_a_done_notice_speaks_of() -> None:
    assert closing_subject(["complaint"]) == "complaint"
    assert closing_subject(["complaint", "opt_out"]) == "complaint"
    assert closing_subject(["access", "complaint"]) == "request_and_complaint"
    assert closing_subject(["erasure"]) == "request"
    assert closing_subject([]) == "request"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_complaint_closes_with_words_about_the_complaint(lang: str) -> None:
    texts = {about: render(K.DONE_NOTICE, language=lang, org_id="aimigos", reference=REF,
                           context={**CONTEXT, "about": about})
             for about in ("complaint", "request_and_complaint", "request")}
    said = {about: text.body.split("\n\n")[1].lower() for about, text in texts.items()}
    assert COMPLAINT[lang].lower() in texts["complaint"].subject.lower()
    assert COMPLAINT[lang].lower() in said["complaint"]
    assert REQUEST[lang].lower() not in said["complaint"]
    assert COMPLAINT[lang].lower() in said["request_and_complaint"]
    assert REQUEST[lang].lower() in said["request_and_complaint"]
    assert COMPLAINT[lang].lower() not in said["request"]
    # Without `about` (an organisation's older override context), a request is assumed.
    plain = render(K.DONE_NOTICE, language=lang, org_id="aimigos", reference=REF,
                   context=CONTEXT)
    assert plain.body == texts["request"].body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_closing_unverified_says_the_complaint_goes_on(lang: str) -> None:
    split = render(K.CLOSED_UNVERIFIED, language=lang, org_id="aimigos", reference=REF,
                   context={**CONTEXT, "complaint_reference": OTHER})
    alone = render(K.CLOSED_UNVERIFIED, language=lang, org_id="aimigos", reference=REF,
                   context={**CONTEXT, "complaint_reference": ""})
    assert OTHER in split.body
    assert COMPLAINT[lang] in split.body
    assert COMPLAINT[lang] not in alone.body
    assert f"[{REF}]" in split.subject


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_refusal_to_an_unverified_address_has_no_reason(lang: str) -> None:
    reason = "R-4471 the requester's neighbour says so"
    context = {**CONTEXT, "reason": reason, "reason_label": "manifestly unfounded"}
    told = render(K.REFUSAL, language=lang, org_id="aimigos", reference=REF, context=context)
    neutral = render(K.REFUSAL, language=lang, org_id="aimigos", reference=REF,
                     context={**context, "reason": "", "reason_withheld": True})
    assert "R-4471" in told.body
    assert "R-4471" not in neutral.body
    assert "unfounded" not in neutral.body
    assert "infundada" not in neutral.body
    assert "unbegründet" not in neutral.body
    assert "infondée" not in neutral.body
    assert "Wycliffe House" in neutral.body  # the right to complain is still said
    assert "hello@aimigos.studio" in neutral.body.split("\n\n")[1]  # how to reach us


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_acknowledgement_names_the_regulator_once(lang: str) -> None:
    text = render(K.COMPLAINT_ACK, language=lang, org_id="aimigos", reference=REF,
                  context=CONTEXT)
    assert " ".join(text.body.split()).count("Information Commissioner") == 1
    assert text.body.count("Wycliffe House") == 1


def test_a_policy_route_that_names_the_regulator_is_recognised() -> None:
    assert names_regulator("Address: Information Commissioner's Office, Wycliffe House",
                           REGULATOR)
    assert names_regulator("in the UK, is the Information Commissioner\u2019s Office (ICO).",
                           REGULATOR)
    assert names_regulator("You can complain to the ICO.", REGULATOR)
    assert not names_regulator("Write to our Data Protection Officer at dpo@x.org.", REGULATOR)
    assert not names_regulator("We use DICOM files.", REGULATOR)
    assert not names_regulator("", REGULATOR)


def test_a_verified_requester_is_not_asked_to_verify_again() -> None:
    assert K.VERIFICATION_REQUEST in replies_for_new_ticket(["erasure"])
    known = replies_for_new_ticket(["erasure", "complaint"], identity_known=True)
    assert K.VERIFICATION_REQUEST not in known
    assert K.COMPLAINT_ACK in known


def test_the_complaint_date_of_a_ticket() -> None:
    assert complaint_due(["access", "complaint"], date(2026, 11, 24)) == date(2026, 12, 24)
    assert complaint_due(["access"], date(2026, 11, 24)) is None


def test_a_made_up_message_id_never_becomes_a_parent() -> None:
    invented = invented_message_id(b"From: a@b\r\n\r\nhi\r\n")
    assert is_invented(invented)
    assert not is_invented("<abc@example.org>")
    assert not is_invented(None)
    assert thread_headers(invented, ["<t1@example.org>"]) == (None, ("<t1@example.org>",))
    assert thread_headers(invented) == (None, ())
    assert thread_headers("<m@example.org>", [invented]) == (
        "<m@example.org>", ("<m@example.org>",))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_unverified_reminder_says_a_bundled_complaint_does_not_wait(lang: str) -> None:
    """The reminder warns that the request closes without confirmation; a complaint bundled
    with it goes on whatever happens (it needs no identity), and the reminder says so."""
    context = {**CONTEXT, "verify_url": "https://example.org/v", "code": "123456",
               "ttl_hours": 48, "close_date": "2026-12-20"}
    bundled = render(K.UNVERIFIED_REMINDER, language=lang, org_id="aimigos", reference=REF,
                     context={**context, "intents": ["access", "complaint"]})
    alone = render(K.UNVERIFIED_REMINDER, language=lang, org_id="aimigos", reference=REF,
                   context={**context, "intents": ["access"]})
    assert COMPLAINT[lang] in bundled.body
    assert COMPLAINT[lang] not in alone.body
