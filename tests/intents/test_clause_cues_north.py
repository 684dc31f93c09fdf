"""Clause cues of the Nordic, Baltic and Celtic languages (intents/clause_cues: da no sv fi
is et lv lt ga cy) doing their work through read_message + classify, in wordings written for
these tests, and near misses each cue must leave alone."""

from __future__ import annotations

import pytest

from intents import classify
from intents.clause_cues import CUE_LANGUAGES
from tests.intents.mailmaker import mail


def _intents(body: str, subject: str = "Hej") -> list[str]:
    return classify(mail(body, subject)).intents


def test_the_languages_are_registered() -> None:
    assert {"da", "no", "sv", "fi", "is", "et", "lv", "lt", "ga", "cy"} <= set(CUE_LANGUAGES)


@pytest.mark.parametrize("body", [
    "Sidste år sendte I mig en kopi af mine personoplysninger. Nu spørger jeg kun om "
    "åbningstiderne i julen.",
    "I fjor sendte dere meg en kopi av personopplysningene mine. Nå lurer jeg bare på "
    "åpningstidene i påsken.",
    "Förra året skickade ni mig en kopia av mina personuppgifter. Nu undrar jag bara över "
    "öppettiderna i sommar.",
    "Viime vuonna lähetitte minulle kopion henkilötiedoistani. Nyt kysyn vain kesän "
    "aukioloajoista.",
])
def test_a_past_description_asks_nothing(body: str) -> None:
    assert _intents(body) == []


@pytest.mark.parametrize("body", [
    # A request word in the same sentence keeps it a request.
    "Sidste år sendte I mig mine oplysninger, men send mig venligst en ny kopi af mine "
    "personoplysninger.",
    "Förra året skickade ni mig en kopia, men jag vill ha en kopia av mina personuppgifter "
    "igen.",
])
def test_a_request_beside_a_past_word_still_counts(body: str) -> None:
    assert _intents(body) == ["access"]


@pytest.mark.parametrize("body", [
    "Jeg ønsker en kopi af mine personoplysninger. Ellers klager jeg til Datatilsynet.",
    "Jeg ønsker en kopi av personopplysningene mine. Ellers klager jeg til Datatilsynet.",
    "Jag vill ha en kopia av mina personuppgifter. I annat fall klagar jag hos IMY.",
    "Haluan kopion henkilötiedoistani. Muussa tapauksessa teen valituksen "
    "tietosuojavaltuutetulle.",
    "Palun saatke mulle koopia minu isikuandmetest. Vastasel juhul esitan kaebuse "
    "Andmekaitse Inspektsioonile.",
    "Lūdzu, nosūtiet man manu personas datu kopiju. Pretējā gadījumā iesniegšu sūdzību Datu "
    "valsts inspekcijā.",
    "Prašau atsiųsti man mano asmens duomenų kopiją. Priešingu atveju pateiksiu skundą "
    "Valstybinei duomenų apsaugos inspekcijai.",
    "Seol chugam cóip de mo shonraí pearsanta, le do thoil. Murach sin, déanfaidh mé gearán "
    "leis an gCoimisiún um Chosaint Sonraí.",
])
def test_a_threat_keeps_the_request_and_adds_a_complaint(body: str) -> None:
    assert _intents(body) == ["access", "complaint"]


@pytest.mark.parametrize("body", [
    "Send mig venligst en kopi af mine personoplysninger. Jeg forbeholder mig retten til at "
    "klage til Datatilsynet.",
    "Send meg en kopi av personopplysningene mine. Jeg forbeholder meg retten til å klage "
    "til Datatilsynet.",
    "Skicka mig en kopia av mina personuppgifter. Jag förbehåller mig rätten att klaga hos "
    "IMY.",
    "Lähettäkää minulle kopio henkilötiedoistani. Pidätän oikeuden tehdä valituksen "
    "tietosuojavaltuutetulle.",
    "Palun saatke mulle koopia minu isikuandmetest. Jätan endale õiguse esitada kaebus "
    "Andmekaitse Inspektsioonile.",
    "Lūdzu, nosūtiet man manu personas datu kopiju. Paturu sev tiesības iesniegt sūdzību Datu "
    "valsts inspekcijā.",
    "Prašau atsiųsti man mano asmens duomenų kopiją. Pasilieku teisę pateikti skundą "
    "Valstybinei duomenų apsaugos inspekcijai.",
    "Seol chugam cóip de mo shonraí pearsanta, le do thoil. Coimeádaim an ceart gearán a "
    "dhéanamh leis an gCoimisiún um Chosaint Sonraí.",
])
def test_a_reservation_complains_of_nothing_yet(body: str) -> None:
    assert _intents(body) == ["access"]


def test_a_welsh_reservation_alone_complains_of_nothing() -> None:
    assert _intents("Rwy'n cadw'r hawl i gwyno i'r ICO am y ffordd y trinioch fy nata.") == []


@pytest.mark.parametrize("body", [
    # Near misses: an ordinary "annars"/"ellers" is no threat when nothing is complained of.
    "Tak for kursusmaterialet. Ellers er alt fint her.",
    "Tack för kursmaterialet. Annars är allt bra här.",
])
def test_otherwise_without_a_grievance_adds_nothing(body: str) -> None:
    assert _intents(body) == []


@pytest.mark.parametrize("body", [
    "Palun saatke mulle koopia minu isikuandmetest. Kas olete minu andmeid kolmandatele "
    "isikutele edastanud?",
    "Jeg vil gerne have en kopi af mine personoplysninger. Har I videregivet mine "
    "oplysninger til andre firmaer?",
    "Send meg en kopi av personopplysningene mine. Har dere solgt opplysningene mine "
    "til andre?",
    "Jag vill ha en kopia av mina personuppgifter. Har ni sålt mina uppgifter till andra "
    "företag?",
    "Haluan kopion henkilötiedoistani. Oletteko myyneet tietojani muille yrityksille?",
])
def test_a_question_in_an_access_letter_accuses_nobody(body: str) -> None:
    assert _intents(body) == ["access"]


@pytest.mark.parametrize(("body", "expected"), [
    ("Jeg får nyhedsbreve fra jer hver uge. Slet dem venligst.", ["opt_out"]),
    ("Jeg har en konto hos jer. Slet den venligst.", ["erasure"]),
    ("Jeg har en konto hos dere. Slett den.", ["erasure"]),
    ("Ni skickar nyhetsbrev varje dag. Stoppa dem.", ["opt_out"]),
    ("Jag har ett konto hos er. Radera det.", ["erasure"]),
    ("Saan uutiskirjeenne joka päivä. Lopettakaa ne.", ["opt_out"]),
    ("Minulla on tili teillä. Poistakaa se.", ["erasure"]),
    ("Ég fæ fréttabréfið ykkar á hverjum degi. Stöðvið það.", ["opt_out"]),
    ("Saan teie uudiskirja iga päev. Palun lõpetage see.", ["opt_out"]),
    ("Katru dienu saņemu jūsu reklāmas. Pārtrauciet tās.", ["opt_out"]),
    ("Gaunu jūsų naujienlaiškius kasdien. Sustabdykite juos.", ["opt_out"]),
    ("Faighim bhur nuachtlitir gach lá. Stopaigí í, le do thoil.", ["opt_out"]),
    ("Rwy'n cael eich cylchlythyr bob dydd. Stopiwch nhw, os gwelwch yn dda.", ["opt_out"]),
])
def test_a_pronoun_request_is_read_as_the_noun_named_before(
        body: str, expected: list[str]) -> None:
    assert _intents(body) == expected


@pytest.mark.parametrize("body", [
    # Conditional or negated: no request.
    "Jeres nyhedsbreve er fine. Hvis I stopper dem, får jeg så stadig tilbud?",
    "Era nyhetsbrev är trevliga. Stoppa dem inte, tack.",
    "Uutiskirjeenne ovat hyviä. Älkää lopettako niitä.",
    # A pronoun with nothing named before it.
    "Tak for hjælpen i går. Slet den venligst ikke.",
])
def test_near_misses_ask_nothing(body: str) -> None:
    assert _intents(body) == []


@pytest.mark.parametrize("body", [
    "Fjern mig fra jeres mailingliste.",
    "Slett meg fra utsendelseslisten.",
    "Ta bort mig från er sändlista.",
    "Poistakaa minut postituslistalta.",
])
def test_removal_from_a_mailing_list_is_an_opt_out(body: str) -> None:
    assert _intents(body) == ["opt_out"]


@pytest.mark.parametrize("body", [
    "Hej. Jeg spørger om kursusdatoer.\n\nDenne e-mail er fortrolig. Hvis du har modtaget "
    "denne e-mail ved en fejl, bedes du slette alle personoplysninger i den.",
    "Hej. Jag undrar över kursdatumen.\n\nDetta meddelande kan innehålla konfidentiell "
    "information. Om du har fått detta av misstag, radera meddelandet och alla "
    "personuppgifter i det.",
])
def test_a_disclaimer_footer_asks_nothing(body: str) -> None:
    assert _intents(body) == []


def test_a_request_above_a_footer_still_counts() -> None:
    body = ("Slet venligst min konto.\n\nDenne e-mail er fortrolig. Hvis du har modtaget "
            "denne e-mail ved en fejl, bedes du slette den og give afsenderen besked.")
    assert _intents(body) == ["erasure"]


@pytest.mark.parametrize("body", [
    # A yes/no question reads as asking; a "why" question still accuses.
    "Send mig en kopi af mine personoplysninger. Hvorfor har I delt mine oplysninger med "
    "andre firmaer uden mit samtykke?",
])
def test_a_grievance_question_in_an_access_letter_still_complains(body: str) -> None:
    assert _intents(body) == ["access", "complaint"]
