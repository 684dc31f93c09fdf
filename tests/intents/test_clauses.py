"""The clause reader (intents/clauses.py): each mechanism on its own, then through
read_message + classify, in wordings of several languages written for these tests (none is
taken from the labelled sets), with the traps each mechanism must not fall into."""

from __future__ import annotations

import pytest

from intents import classify
from intents.clause_cues import ALL, CUE_LANGUAGES
from intents.clauses import read_clauses, unwrap, verdict
from intents.textnorm import fold
from tests.intents.mailmaker import mail


def _kinds(text: str) -> list[str]:
    return [c.kind for c in read_clauses(fold(text)).clauses]


def _intents(body: str, subject: str = "Hello") -> list[str]:
    return classify(mail(body, subject)).intents


def test_every_language_asked_for_has_cues() -> None:
    assert {"en", "es", "de", "fr", "it", "pt", "nl"} <= set(CUE_LANGUAGES)
    for cues in ALL:
        if cues.code not in {"en", "es", "de", "fr", "it", "pt", "nl"}:
            # Every other language holds at least the cues of an ignored earlier request.
            assert cues.asked_earlier, cues.code
            assert cues.persisting, cues.code
            continue
        assert cues.past, cues.code
        assert cues.threat, cues.code
        assert cues.reservation, cues.code
        assert cues.pronoun_requests, cues.code


# --- unwrapping --------------------------------------------------------------------------

WRAPPED = ("Good afternoon, having thought it over during the holidays I would like to\n"
           "unsubscribe from your newsletter and every other marketing message you send.\n"
           "\n"
           "Kind regards,\n"
           "Tomas")


def test_a_wrapped_letter_reads_as_one_sentence_and_keeps_its_length() -> None:
    text = unwrap(fold(WRAPPED))
    assert len(text) == len(WRAPPED)
    assert "would like to unsubscribe" in text
    assert "regards,\ntomas" in text  # a short line (a closing) keeps its break
    assert "\n\nkind" in text  # so does a paragraph break


@pytest.mark.parametrize("text", [
    "Here is what I need from you, in this order please:\n- a copy of my data\n- then delete it",
    "Name: Lotte Vermeer with a long enough value to look wrapped at first\nEmail: lv@ex.org",
    "These are the three points that I would like to raise with you now\n1. the photos",
    "Short line\nanother",
])
def test_lists_headers_and_short_lines_keep_their_breaks(text: str) -> None:
    assert unwrap(fold(text)).count("\n") == text.count("\n")


@pytest.mark.parametrize(("body", "expected"), [
    (WRAPPED, ["opt_out"]),
    ("Buenos días, después de pensarlo durante las vacaciones os pido que borréis\n"
     "mis datos personales de vuestro sistema de reservas, ya no volveré.\n\nUn saludo,\nPilar",
     ["erasure"]),
    ("Buongiorno, dopo il corso di ceramica vorrei chiedervi di cancellare i\n"
     "miei dati personali dai vostri archivi, non tornerò più.\n\nCordiali saluti,\nEnzo",
     ["erasure"]),
    ("Hello, ahead of moving abroad I would like you to send me a copy of all the\n"
     "personal data that you keep about me, including notes from my calls.\n\nThanks,\nMo",
     ["access"]),
])
def test_wrapped_letters_are_read_whole(body: str, expected: list[str]) -> None:
    assert _intents(body) == expected


# --- clause kinds ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kinds"), [
    ("Could you delete my account please.", ["request"]),
    ("Was my address given to your partners?", ["question"]),
    ("Three years ago you printed my portrait in a brochure.", ["past"]),
    ("L'année dernière vous m'avez envoyé mon dossier.", ["past"]),
    ("Otherwise I shall take this to the ICO.", ["condition"]),
    ("Je me réserve le droit de saisir la CNIL.", ["condition"]),
    ("This email and any attachments are confidential and intended solely for the addressee.",
     ["quotation"]),
    ("The workshop was fun.", ["statement"]),
])
def test_each_sentence_gets_its_kind(text: str, kinds: list[str]) -> None:
    assert _kinds(text) == kinds


def test_a_past_sentence_that_still_chases_is_no_past_description() -> None:
    assert _kinds("Two months ago I asked you to delete my data.") != ["past"]
    assert _kinds("Last year you added me to a list and you still write to me.") != ["past"]


# --- past descriptions do not fire requests ----------------------------------------------

@pytest.mark.parametrize("body", [
    "Last summer you sent me a copy of my personal data. This time I only need the timetable.",
    "El año pasado me enviasteis una copia de mis datos. Ahora solo quiero saber el horario.",
    "L'année dernière vous m'avez envoyé une copie de mes données. Cette fois je voudrais "
    "juste connaître les horaires.",
    "Letztes Jahr haben Sie mir eine Kopie meiner Daten geschickt. Diesmal geht es nur um "
    "den Kurstermin.",
    "Vorig jaar hebben jullie mij een kopie van mijn gegevens gestuurd. Nu wil ik alleen "
    "het rooster weten.",
])
def test_a_description_of_the_past_asks_nothing(body: str) -> None:
    assert _intents(body) == []


def test_a_request_beside_a_past_description_still_counts() -> None:
    body = ("Two years ago you sent me my file. Please send me a copy of my personal data "
            "again, as it has changed since.")
    assert _intents(body) == ["access"]


# --- pronoun objects ---------------------------------------------------------------------

@pytest.mark.parametrize(("body", "expected"), [
    ("Your weekly newsletters fill my inbox. Can you get rid of them?", ["opt_out"]),
    ("You still have my details and my husband's from the course. Please drop both of us "
     "from it.", ["erasure"]),
    ("Your promo texts arrive every Sunday. No more of those, thanks.", ["opt_out"]),
    ("Recibo vuestros boletines cada lunes. ¿Podéis quitarme de ahí?", ["opt_out"]),
    ("Vous m'envoyez des newsletters chaque semaine. Pouvez-vous les arrêter ?", ["opt_out"]),
    ("Ricevo le vostre newsletter ogni giorno. Per favore cancellatele.", ["opt_out"]),
    ("Jullie sturen me elke week een nieuwsbrief. Haal me daar af, graag.", ["opt_out"]),
    ("Recebo a vossa newsletter todos os dias. Por favor, tirem-me dessa lista.", ["opt_out"]),
    ("Ich habe bei Ihnen ein Konto. Löschen Sie es bitte.", ["erasure"]),
])
def test_a_pronoun_object_is_read_as_what_the_previous_sentence_named(
        body: str, expected: list[str]) -> None:
    assert _intents(body) == expected


@pytest.mark.parametrize("body", [
    "Your weekly newsletters fill my inbox. Please don't get rid of them, I like them.",
    "Your newsletters are lovely. If you stop them, will I miss the sale?",
])
def test_a_negated_or_conditional_pronoun_request_asks_nothing(body: str) -> None:
    assert _intents(body) == []


# --- a follow-up saying an answer was incomplete: the labelled sets read it as the request
# it chases (access), with a complaint only when the sender says they are unhappy

@pytest.mark.parametrize("body", [
    "Thanks for the export you sent last week. My workshop booking records are not in it, "
    "could you send them too?",
    "Gracias por la copia de mis datos. Faltan las grabaciones de las llamadas, "
    "enviádmelas por favor.",
    "Merci pour l'envoi de mes données. Il manque les enregistrements des appels : "
    "pouvez-vous me les envoyer ?",
])
def test_an_incomplete_answer_followed_up_asks_for_the_rest(body: str) -> None:
    assert _intents(body) == ["access"]


@pytest.mark.parametrize("body", [
    "I object to the profiling of my personal data on your site and ask you to stop it for "
    "my account.",
    "Vous analysez mes données personnelles pour du profilage. Merci de l'arrêter.",
    "Sie werten meine Daten für Profile aus. Stoppen Sie das bitte.",
])
def test_stopping_a_processing_named_by_a_pronoun_is_no_erasure(body: str) -> None:
    assert "erasure" not in _intents(body)


# --- threats and reservations ------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Please send me a copy of my personal data. Otherwise I will complain to the ICO.",
    "Veuillez me transmettre une copie de mes données personnelles. À défaut, je saisirai "
    "la CNIL.",
    "Por favor, enviadme una copia de mis datos personales. De lo contrario presentaré una "
    "reclamación ante la AEPD.",
    "Bitte senden Sie mir eine Kopie meiner personenbezogenen Daten. Andernfalls werde ich "
    "mich bei der Datenschutzbehörde beschweren.",
])
def test_a_threat_beside_a_request_keeps_the_request_and_is_a_complaint(body: str) -> None:
    assert _intents(body) == ["access", "complaint"]


@pytest.mark.parametrize("body", [
    "Please send me a copy of my personal data, reserving the right to complain to the ICO.",
    "Veuillez me transmettre une copie de mes données personnelles. Je me réserve le droit "
    "de saisir la CNIL.",
    "Por favor, enviadme una copia de mis datos personales. Me reservo el derecho de "
    "presentar una reclamación ante la AEPD.",
    "Vi chiedo una copia dei miei dati personali. Mi riservo il diritto di presentare "
    "reclamo al Garante.",
])
def test_a_reservation_keeps_the_request_and_complains_of_nothing_yet(body: str) -> None:
    assert _intents(body) == ["access"]


@pytest.mark.parametrize(("body", "expected"), [
    # The convention the labelled sets keep: a threat alone is a complaint ...
    ("Otherwise I will complain to the ICO.", ["complaint"]),
    ("Sinon je saisirai la CNIL.", ["complaint"]),
    # ... a reservation alone is none.
    ("I reserve the right to complain to the ICO.", []),
    ("Je me réserve le droit de saisir la CNIL.", []),
    ("Ich behalte mir vor, Beschwerde bei der Datenschutzbehörde einzulegen.", []),
])
def test_a_threat_alone_complains_and_a_reservation_alone_does_not(
        body: str, expected: list[str]) -> None:
    assert _intents(body) == expected


# --- complaints that are not ------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "I would like a copy of the personal data you hold on me. Has my data been passed on "
    "to any other company?",
    "Bitte senden Sie mir eine Kopie meiner Daten. Haben Sie meine Daten an Dritte "
    "weitergegeben?",
    "Quisiera una copia de mis datos personales. ¿Habéis compartido mis datos con otras "
    "empresas?",
    "Je voudrais une copie de mes données personnelles. Avez-vous transmis mes données à "
    "des tiers ?",
])
def test_a_question_in_an_access_letter_accuses_nobody(body: str) -> None:
    assert _intents(body) == ["access"]


def test_a_grievance_question_still_complains() -> None:
    assert "complaint" in _intents("I never signed up. Why are you emailing me?")


@pytest.mark.parametrize("body", [
    "Dear client, your account has been suspended after unusual activity. Verify your "
    "identity within 48 hours by clicking the link, or the matter will be reported to the "
    "authorities and legal action will be taken.",
    "Cher client, votre compte a été suspendu. Cliquez ici sous 24 heures pour vérifier "
    "votre identité, sinon nous saisirons la CNIL.",
])
def test_phishing_threatening_a_report_is_no_complaint(body: str) -> None:
    assert _intents(body, "Urgent: account notice") == []


@pytest.mark.parametrize("body", [
    "We are writing to inform you of a security incident at our hosting supplier. We "
    "discovered unauthorised access to a server holding customer names. We have reported "
    "the incident to the ICO. No action is required on your part.",
    "Wir möchten Sie informieren: bei einem Dienstleister gab es einen Sicherheitsvorfall. "
    "Wir haben festgestellt, dass unbefugte Dritte Zugriff hatten. Sie müssen nichts tun.",
])
def test_a_vendor_incident_notice_is_no_complaint(body: str) -> None:
    assert _intents(body, "Notice of a data incident") == []


def test_a_disclaimer_footer_asks_nothing() -> None:
    body = ("See you on Thursday.\n\nThis email is confidential and intended solely for the "
            "addressee. If you are not the intended recipient, please delete it and notify "
            "the sender.")
    assert _intents(body) == []


# --- a marketing list is an opt-out ------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Please take my mobile number off your SMS list.",
    "Could you remove my address from the mailing list for the spring courses?",
    "Por favor, borrad mi número de la lista de SMS.",
    "Bitte entfernen Sie meine Adresse aus dem Newsletter-Verteiler.",
])
def test_removal_from_a_marketing_list_is_an_opt_out(body: str) -> None:
    assert _intents(body) == ["opt_out"]


def test_removal_from_a_list_and_of_the_data_is_both() -> None:
    body = "Please take me off the mailing list and delete my number from your system too."
    assert _intents(body) == ["erasure", "opt_out"]


# --- verdict, directly -------------------------------------------------------------------

def test_verdict_is_keep_outside_any_clause_and_cancel_in_a_shape() -> None:
    reading = read_clauses(fold("Please delete my data."))
    assert verdict(reading, "erasure", "", 10, 20, access_asked=False) == "keep"
    assert verdict(reading, "erasure", "", 500, 510, access_asked=False) == "keep"
    phishing = read_clauses(fold("Verify your account within 24 hours. Click here."))
    assert phishing.shape == "phishing"
    assert verdict(phishing, "erasure", "", 0, 5, access_asked=False) == "cancel"


def test_empty_and_odd_text_reads_without_error() -> None:
    for text in ("", "\n\n\n", "?", ".", "> quoted\n> more", "a" * 5000, "\u00bf?"):
        reading = read_clauses(fold(text))
        assert len(reading.text) == len(text)
