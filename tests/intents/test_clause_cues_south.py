"""Clause cues of Polish, Czech and Slovak, Hungarian, Romanian, Croatian, Catalan,
Slovenian, Bulgarian, Greek, Turkish and Maltese (intents/clause_cues/): each kind doing its
job through read_clauses and classify, in wordings written for these tests (none from the
labelled sets), and near misses that must not change."""

from __future__ import annotations

import re

import pytest

from intents import classify, clauses
from intents.clause_cues import ALL, CUE_LANGUAGES
from intents.clause_index import Field, words_pattern
from intents.clauses import read_clauses
from intents.textnorm import fold
from tests.intents.mailmaker import mail


def _kinds(text: str) -> list[str]:
    return [c.kind for c in read_clauses(fold(text)).clauses]


def _intents(body: str) -> list[str]:
    return classify(mail(body, "Hello")).intents


def test_the_new_languages_are_registered() -> None:
    assert {"pl", "cs", "hu", "ro", "hr", "ca", "sl", "bg", "el", "tr", "mt"} <= set(
        CUE_LANGUAGES)


# --- each sentence's kind ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    # past: a time gone by, or the organisation's earlier act, asking nothing
    ("W ubiegłym roku wysłali mi Państwo katalog.", "past"),
    ("Loni jste mi poslali katalog.", "past"),
    ("Pred dvoma rokmi ste mi poslali katalóg.", "past"),
    ("Tavaly karácsonykor katalógust kaptam Önöktől.", "past"),
    ("Acum doi ani mi-ați trimis un catalog.", "past"),
    ("Prije dvije godine poslali ste mi katalog.", "past"),
    ("Fa tres anys em vau enviar un catàleg.", "past"),
    ("Lani sem od vas dobil katalog.", "past"),
    ("Миналата година ми изпратихте каталог.", "past"),
    ("Πέρσι μου στείλατε έναν κατάλογο.", "past"),
    ("Geçen yıl bana bir katalog gönderdiniz.", "past"),
    ("Sentejn ilu bgħattuli katalgu.", "past"),
    # a threat on inaction, a reservation: conditions
    ("W przeciwnym razie zwrócę się do prezesa urzędu.", "condition"),
    ("V opačném případě se obrátím na úřad.", "condition"),
    ("Ellenkező esetben a hatósághoz fordulok.", "condition"),
    ("În caz contrar mă voi adresa autorității.", "condition"),
    ("U protivnom ću se obratiti agenciji.", "condition"),
    ("En cas contrari em dirigiré a l'autoritat.", "condition"),
    ("V nasprotnem primeru se bom obrnil na pooblaščenca.", "condition"),
    ("В противен случай ще се обърна към комисията.", "condition"),
    ("Σε αντίθετη περίπτωση θα απευθυνθώ στην Αρχή.", "condition"),
    ("Aksi takdirde kurula başvuracağım.", "condition"),
    ("Inkella nmur għand il-Kummissarju.", "condition"),
    ("Zastrzegam sobie prawo do dalszych kroków.", "condition"),
    ("Fenntartom a jogot további lépésekre.", "condition"),
    ("Îmi rezerv dreptul de a lua alte măsuri.", "condition"),
    ("Zadržavam pravo poduzeti daljnje korake.", "condition"),
    ("Pridržujem si pravico do nadaljnjih korakov.", "condition"),
    ("Запазвам си правото да предприема други стъпки.", "condition"),
    ("Διατηρώ το δικαίωμα να λάβω περαιτέρω μέτρα.", "condition"),
    ("Nirriserva d-dritt li nieħu passi oħra.", "condition"),
    # a legal footer
    ("Ta wiadomość może zawierać informacje poufne.", "quotation"),
    ("Tento e-mail je důvěrný a určený pouze adresátovi.", "quotation"),
    ("Acest mesaj este confidențial și destinat exclusiv destinatarului.", "quotation"),
    ("Ova poruka je povjerljiva i namijenjena samo primatelju.", "quotation"),
    ("Aquest missatge és confidencial i adreçat només al destinatari.", "quotation"),
    ("Το παρόν μήνυμα είναι εμπιστευτικό.", "quotation"),
    ("Bu e-posta ve ekleri gizlidir.", "quotation"),
])
def test_each_sentence_gets_its_kind(text: str, kind: str) -> None:
    assert _kinds(text) == [kind]


@pytest.mark.parametrize("text", [
    # a past word beside a request, "still", or the sender's own earlier request: no past
    "W zeszłym roku zapisałem się do newslettera, proszę mnie wypisać.",
    "Minulý rok jsem se registroval a prosím o výmaz.",
    "Tavaly regisztráltam, kérem, töröljék a fiókomat.",
    "Anul trecut m-am abonat și vă rog să mă dezabonați.",
    "Prošle godine sam se prijavio, a i dalje mi šaljete poruke.",
    "L'any passat em vaig registrar i encara rebo correus.",
    "Lani sem se prijavil in prosim za izbris.",
    "Миналата година се регистрирах и все още получавам писма.",
    "Πέρσι εγγράφηκα και ακόμα λαμβάνω μηνύματα.",
    "Geçen yıl kaydoldum ve hâlâ e-posta alıyorum.",
    "Sena l-oħra rreġistrajt u jekk jogħġbok neħħuni.",
    # ordinary words beside the cues' words
    "Altfel spus, sunt mulțumit de serviciu.",
    "Fa molt de fred avui.",
    "Kulcsot kaptam a recepción.",
])
def test_near_misses_are_no_past_and_no_condition(text: str) -> None:
    assert not {"past", "condition"} & set(_kinds(text))


# --- past descriptions do not fire requests ----------------------------------------------

@pytest.mark.parametrize("body", [
    "W zeszłym roku przysłali mi Państwo kopię moich danych osobowych. Tym razem pytam tylko "
    "o godziny otwarcia.",
    "Anul trecut mi-ați trimis o copie a datelor mele personale. De data aceasta vreau doar "
    "programul.",
    "L'any passat em vau enviar una còpia de les meves dades personals. Aquesta vegada només "
    "pregunto l'horari.",
    "Πέρσι μου στείλατε αντίγραφο των προσωπικών μου δεδομένων. Αυτή τη φορά ρωτώ μόνο για "
    "το ωράριο.",
    "Geçen yıl bana kişisel verilerimin bir kopyasını göndermiştiniz. Bu sefer sadece çalışma "
    "saatlerini soruyorum.",
])
def test_a_description_of_the_past_asks_nothing(body: str) -> None:
    assert _intents(body) == []


@pytest.mark.parametrize(("body", "expected"), [
    ("W zeszłym roku przysłali mi Państwo kopię moich danych osobowych, proszę o nową kopię "
     "moich danych osobowych.", ["access"]),
    ("Anul trecut mi-ați trimis o copie a datelor mele personale; vă rog să îmi trimiteți o "
     "copie a datelor mele personale actualizată.", ["access"]),
])
def test_a_request_beside_a_past_word_still_counts(body: str, expected: list[str]) -> None:
    assert _intents(body) == expected


# --- threats and reservations ------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Proszę o przesłanie kopii moich danych osobowych. W przeciwnym razie złożę skargę do "
    "UODO.",
    "Prosím o zaslání kopie mých osobních údajů. V opačném případě podám stížnost u ÚOOÚ.",
    "Prosím o zaslanie kópie mojich osobných údajov. V opačnom prípade podám sťažnosť na Úrad "
    "na ochranu osobných údajov.",
    "Vă rog să îmi trimiteți o copie a datelor mele personale. În caz contrar voi depune o "
    "plângere la ANSPDCP.",
    "Molim vas da mi pošaljete kopiju mojih osobnih podataka. U protivnom ću podnijeti "
    "pritužbu AZOP-u.",
    "Si us plau, envieu-me una còpia de les meves dades personals. En cas contrari presentaré "
    "una reclamació a l'APDCAT.",
    "Prosim, pošljite mi kopijo mojih osebnih podatkov. V nasprotnem primeru bom vložil "
    "pritožbo pri informacijskem pooblaščencu.",
    "Моля, изпратете ми копие от личните ми данни. В противен случай ще подам жалба до КЗЛД.",
    "Παρακαλώ στείλτε μου αντίγραφο των προσωπικών μου δεδομένων. Σε αντίθετη περίπτωση θα "
    "υποβάλω καταγγελία στην Αρχή Προστασίας Δεδομένων.",
    "Lütfen kişisel verilerimin bir kopyasını gönderin. Aksi takdirde KVKK'ya şikayette "
    "bulunacağım.",
    "Jekk jogħġbok ibgħatuli kopja tad-data personali tiegħi. Inkella nressaq ilment "
    "lill-IDPC.",
])
def test_a_threat_beside_a_request_keeps_the_request_and_is_a_complaint(body: str) -> None:
    assert _intents(body) == ["access", "complaint"]


@pytest.mark.parametrize("body", [
    "Proszę o przesłanie kopii moich danych osobowych. Zastrzegam sobie prawo do złożenia "
    "skargi do UODO.",
    "Prosím o zaslání kopie mých osobních údajů. Vyhrazuji si právo podat stížnost u ÚOOÚ.",
    "Prosím o zaslanie kópie mojich osobných údajov. Vyhradzujem si právo podať sťažnosť na "
    "Úrad na ochranu osobných údajov.",
    "Vă rog să îmi trimiteți o copie a datelor mele personale. Îmi rezerv dreptul de a depune "
    "o plângere la ANSPDCP.",
    "Molim vas da mi pošaljete kopiju mojih osobnih podataka. Zadržavam pravo podnijeti "
    "pritužbu AZOP-u.",
    "Si us plau, envieu-me una còpia de les meves dades personals. Em reservo el dret de "
    "presentar una reclamació a l'APDCAT.",
    "Prosim, pošljite mi kopijo mojih osebnih podatkov. Pridržujem si pravico do pritožbe pri "
    "informacijskem pooblaščencu.",
    "Моля, изпратете ми копие от личните ми данни. Запазвам си правото да подам жалба до КЗЛД.",
    "Παρακαλώ στείλτε μου αντίγραφο των προσωπικών μου δεδομένων. Διατηρώ το δικαίωμα να "
    "υποβάλω καταγγελία στην Αρχή.",
    "Jekk jogħġbok ibgħatuli kopja tad-data personali tiegħi. Nirriserva d-dritt li nressaq "
    "ilment lill-IDPC.",
])
def test_a_reservation_keeps_the_request_and_complains_of_nothing_yet(body: str) -> None:
    assert _intents(body) == ["access"]


# --- a question or a supposition in an access letter accuses nobody ----------------------

@pytest.mark.parametrize("body", [
    "Proszę o kopię moich danych osobowych. Czy moje dane zostały przekazane innym firmom bez "
    "mojej zgody",
    "Prosím o kopii mých osobních údajů. Zda jste předali moje údaje třetím stranám bez mého "
    "souhlasu",
    "Vă rog să îmi trimiteți o copie a datelor mele personale. Dacă ați vândut datele mele "
    "fără consimțământul meu, spuneți-mi cui.",
    "Molim vas kopiju mojih osobnih podataka. Jeste li proslijedili moje podatke trećim "
    "stranama bez moje privole",
    "Si us plau, envieu-me una còpia de les meves dades personals. Si heu venut les meves "
    "dades sense el meu consentiment, digueu-me a qui.",
])
def test_a_question_in_an_access_letter_accuses_nobody(body: str) -> None:
    assert _intents(body) == ["access"]


@pytest.mark.parametrize("body", [
    # the same grievances told, not asked: they still complain
    "Proszę o kopię moich danych osobowych. Moje dane zostały przekazane innym firmom bez "
    "mojej zgody.",
    "Prosím o kopii mých osobních údajů. Předali jste moje údaje třetím stranám bez mého "
    "souhlasu.",
    "Vă rog să îmi trimiteți o copie a datelor mele personale. Ați vândut datele mele fără "
    "consimțământul meu.",
    "Molim vas kopiju mojih osobnih podataka. Proslijedili ste moje podatke trećim stranama "
    "bez moje privole.",
])
def test_a_grievance_told_in_an_access_letter_still_complains(body: str) -> None:
    assert _intents(body) == ["access", "complaint"]


def test_a_grievance_question_still_complains() -> None:
    assert _intents("Nu v-am dat niciodată acordul. De ce îmi trimiteți e-mailuri fără "
                    "acordul meu?") == ["complaint"]
    assert _intents("Nikad vam nisam dao svoj broj. Zašto mi šaljete poruke bez moje "
                    "privole?") == ["complaint"]


# --- a marketing list is an opt-out ------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Prosím odstraňte moji adresu z vašeho mailingového seznamu.",
    "Lütfen numaramı SMS listesinden çıkarın.",
])
def test_removal_from_a_marketing_list_is_an_opt_out(body: str) -> None:
    assert _intents(body) == ["opt_out"]


# --- pronoun objects ---------------------------------------------------------------------

@pytest.mark.parametrize(("body", "expected"), [
    ("Co tydzień dostaję od was newsletter. Proszę, wypiszcie mnie z niego.", ["opt_out"]),
    ("Macie moje konto od lat. Usuńcie je, proszę.", ["erasure"]),
    ("Každý týden mi chodí váš newsletter. Přestaňte mi je posílat.", ["opt_out"]),
    ("Mám u vás účet. Smažte ho prosím.", ["erasure"]),
    ("Primesc newsletterul vostru zilnic. Vă rog să le ștergeți.", ["opt_out"]),
    ("Am un cont la voi. Ștergeți-l, vă rog.", ["erasure"]),
    ("Dobivam vaš newsletter svaki dan. Prestanite mi ih slati.", ["opt_out"]),
    ("Imam korisnički račun kod vas. Izbrišite ga, molim.", ["erasure"]),
    ("Rebo els vostres butlletins cada dia. Traieu-me d'aquí, si us plau.", ["opt_out"]),
    ("Tinc un compte amb vosaltres. Esborreu-lo, si us plau.", ["erasure"]),
])
def test_a_pronoun_object_is_read_as_what_the_previous_sentence_named(
        body: str, expected: list[str]) -> None:
    assert _intents(body) == expected


@pytest.mark.parametrize("body", [
    # conditional, or nothing named before it
    "Primesc newsletterul vostru zilnic. Dacă vreți să le ștergeți, anunțați-mă.",
    "Mulțumesc pentru tot. Ștergeți-le, vă rog.",
    "Dziękuję za wszystko. Usuńcie je, proszę.",
    "Hvala na svemu. Izbrišite ga, molim.",
])
def test_a_conditional_or_unnamed_pronoun_request_asks_nothing(body: str) -> None:
    assert _intents(body) == []


def test_a_field_s_first_letter_check_hides_no_match() -> None:
    # The joined fields skip positions whose letter opens none of their cues
    # (clause_index._first_letter_check); each must still find what its plain pattern finds.
    texts = [fold(text) for text in (
        "W ubiegłym roku wysłali mi Państwo katalog.", "Πέρσι μου στείλατε έναν κατάλογο.",
        "Миналата година ми изпратихте каталог.", "Last year you sent me my file.",
        "Otherwise I will complain. Je me réserve le droit de saisir la CNIL.",
        "l'any passat em vau enviar una còpia", "Please take me off your SMS list.",
        "Lütfen numaramı SMS listesinden çıkarın; hâlâ e-posta alıyorum.",
        "Inkella nressaq ilment. Sentejn ilu bgħattuli katalgu.")]
    fields = [f for f in vars(clauses).values() if isinstance(f, Field)]
    assert len(fields) > 10
    for field in fields:
        parts = tuple(cue for cues in ALL for cue in getattr(cues, field.name))
        plain = re.compile(words_pattern(parts))
        for text in texts:
            found, expected = field.search(text, 0, len(text)), plain.search(text)
            assert (found and found.span()) == (expected and expected.span()), field.name
