"""Every right end to end: a client's mail in en/es/de/fr over SMTP (smtplib -> privacybot's
server -> classifier -> database -> outbox -> relay) opens a ticket with the right intent, asks
for identity in the client's language, and once the code comes back starts the one-month
clock and acknowledges in that language, naming what was asked.

Runs over SQLite and (with TEST_DATABASE_URL) PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from bot.workflow.deadlines import due_date
from bot.workflow.texts import format_date
from tests.channels.harness import Harness, make_mail, running_service

# Four rights per language, as clients write them (not the lexicon's own examples).
MAILS: dict[str, dict[str, str]] = {
    "en": {
        "rectification": "Hello, since I married my surname is Whitfield, not Brooks. Please "
                         "correct my name on your customer records. Thank you, Hannah",
        "restriction": "Hello, I dispute the accuracy of the details you keep about me. Until "
                       "this is checked, please restrict the processing of my personal data. "
                       "Regards, Tom",
        "portability": "Hi, I'm switching studios. Please send me my booking history in a "
                       "machine-readable format such as CSV. Cheers, Leo",
        "objection": "Dear team, I object to the analysis of my browsing on your portfolio "
                     "site, which you base on legitimate interests. Kind regards, Hannah",
    },
    "es": {
        "rectification": "Hola, mi dirección ha cambiado. Os pido que corrijáis mis datos: la "
                         "nueva es Calle Mayor 12, Madrid. Gracias, Lucía",
        "restriction": "Buenas tardes, ejerzo mi derecho a la limitación del tratamiento de "
                       "mis datos mientras revisan su exactitud. Atentamente, Javier",
        "portability": "Hola, quiero ejercer mi derecho a la portabilidad: enviadme los datos "
                       "que os di en un formato estructurado. Gracias, Marta",
        "objection": "Hola, me opongo al tratamiento de mis datos personales para entrenar "
                     "vuestro sistema de reconocimiento facial. Saludos, Andrés",
    },
    "de": {
        "rectification": "Guten Tag, mein Geburtsdatum ist bei Ihnen falsch gespeichert. Bitte "
                         "berichtigen Sie meine Daten. Mit freundlichen Grüßen, Jonas",
        "restriction": "Sehr geehrte Damen und Herren, ich verlange die Einschränkung der "
                       "Verarbeitung meiner Daten, bis die Richtigkeit geklärt ist. Anna Vogel",
        "portability": "Hallo, ich wechsle den Anbieter. Bitte senden Sie mir meine Daten in "
                       "einem maschinenlesbaren Format. Viele Grüße, Felix",
        "objection": "Guten Tag, hiermit widerspreche ich der Verarbeitung meiner Daten zur "
                     "Auswertung meines Nutzungsverhaltens. Freundliche Grüße, Claudia",
    },
    "fr": {
        "rectification": "Bonjour, mon adresse a changé depuis mon déménagement. Merci de "
                         "corriger mes coordonnées dans votre fichier. Cordialement, Camille",
        "restriction": "Madame, Monsieur, je demande la limitation du traitement de mes "
                       "données le temps que vous vérifiiez leur exactitude. Julien Petit",
        "portability": "Bonjour, je souhaite exercer mon droit à la portabilité de mes "
                       "données pour changer de prestataire. Bien à vous, Élise",
        "objection": "Bonjour, je m'oppose au traitement de mes données à des fins de "
                     "statistiques de fréquentation. Cordialement, Nicolas",
    },
}
# How each language's verification request and acknowledgement begin their subject, and
# the line of the acknowledgement that lists what was asked.
VERIFY_SUBJECT = {"en": "Please confirm your request", "es": "Confirme su solicitud",
                  "de": "Bitte bestätigen Sie Ihre Anfrage",
                  "fr": "Merci de confirmer votre demande"}
ACK_SUBJECT = {"en": "We have your request", "es": "Hemos recibido su solicitud",
               "de": "Wir haben Ihre Anfrage erhalten", "fr": "Nous avons bien reçu votre demande"}
ASKED = {"en": "You asked us to:", "es": "Nos ha pedido:", "de": "Sie haben uns gebeten,",
         "fr": "Vous nous avez demandé de :"}
# A word of each right's line in the acknowledgement, per language.
NAMED = {
    "en": {"rectification": "correct", "restriction": "restrict", "portability":
           "machine-readable", "objection": "object to"},
    "es": {"rectification": "rectificación", "restriction": "limitación", "portability":
           "lectura mecánica", "objection": "se opone"},
    "de": {"rectification": "berichtigen", "restriction": "einzuschränken", "portability":
           "maschinenlesbaren", "objection": "widersprechen"},
    "fr": {"rectification": "rectifier", "restriction": "limiter", "portability":
           "lisible par machine", "objection": "vous opposez"},
}


@pytest.fixture
async def service(database_url: str, tmp_path: Path,
                  premigrated: None) -> AsyncIterator[Harness]:
    async with running_service(database_url, tmp_path) as harness:
        yield harness


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


@pytest.mark.parametrize("lang", sorted(MAILS))
async def test_each_right_opens_a_verified_ticket_with_a_due_date_and_an_ack(
        service: Harness, lang: str) -> None:
    org = service.services.orgs.get("aimigos")
    for right, text in MAILS[lang].items():
        sender = f"{right}.{lang}@example.org"
        assert (await service.send(make_mail(text, sender=sender, subject="Datos / data"),
                                   mail_from=sender))[0] == 250
        [ticket] = [t for t in await service.tickets() if t.requester_address == sender]
        assert right in ticket.intents, (lang, right, ticket.intents)
        assert ticket.language == lang
        # Identity first, as for access: no clock, no due date, a verification request.
        assert ticket.state == "awaiting_identity"
        assert ticket.due_date is None
        [request] = await service.mails_to(sender)
        assert str(request.message["Subject"]).startswith(VERIFY_SUBJECT[lang])
        code = re.search(r"(?<!\d)(\d{3}) ?(\d{3})(?!\d)", _body(request.message))
        assert code is not None
        reply = make_mail(f"{code.group(1)}{code.group(2)}", sender=sender,
                          subject=f"Re: {request.message['Subject']}",
                          headers={"In-Reply-To": str(request.message["Message-ID"]),
                                   "References": str(request.message["Message-ID"])})
        assert (await service.send(reply, mail_from=sender))[0] == 250
        [after] = [t for t in await service.tickets() if t.requester_address == sender]
        assert after.state == "in_progress"
        assert after.clock_started_at is not None
        started = after.clock_started_at.astimezone(UTC).date()
        assert after.due_date == due_date(started, org)
        assert started == datetime.now(UTC).date()
        ack = (await service.mails_to(sender, 2))[1].message
        assert str(ack["Subject"]).startswith(ACK_SUBJECT[lang])
        text_of_ack = " ".join(_body(ack).split())
        assert ASKED[lang] in text_of_ack
        assert NAMED[lang][right] in text_of_ack
        assert format_date(after.due_date, lang) in text_of_ack


async def test_consent_withdrawal_needs_no_identity_and_runs_the_clock_at_once(
        service: Harness) -> None:
    sender = "sofia@example.org"
    text = ("Hi, last year I agreed that you could show my wedding photos in your portfolio. "
            "I withdraw that consent now. Thanks, Sofia")
    assert (await service.send(make_mail(text, sender=sender), mail_from=sender))[0] == 250
    [ticket] = await service.tickets()
    assert ticket.intents == ["consent_withdrawal"]
    assert ticket.state == "in_progress"
    assert ticket.due_date == due_date(ticket.received_at.astimezone(UTC).date(),
                                       service.services.orgs.get("aimigos"))
    [ack] = await service.mails_to(sender)
    assert str(ack.message["Subject"]).startswith("We have your request")
    assert "stop the processing you had given your consent to" in " ".join(
        _body(ack.message).split())


async def test_near_misses_open_nothing_or_an_opt_out(service: Harness) -> None:
    typo = "Hi, please correct the typo on your website's pricing page. Nice work! Dan"
    assert (await service.send(make_mail(typo, sender="dan@example.org"),
                               mail_from="dan@example.org"))[0] == 250
    marketing = ("Hola, me opongo a que uséis mis datos para enviarme publicidad. No quiero "
                 "recibir más ofertas. Rosa")
    assert (await service.send(make_mail(marketing, sender="rosa@example.org"),
                               mail_from="rosa@example.org"))[0] == 250
    [ticket] = await service.tickets()
    assert ticket.requester_address == "rosa@example.org"
    assert ticket.intents == ["opt_out"]
