"""Languages read thinly before their own rule files (issue 15): Czech, Croatian, Romanian,
Greek, Polish and Portuguese (and words added to Finnish, Slovak, Slovenian, Bulgarian, Irish
and Maltese) requests in the GDPR's own words and in everyday words, each
classified from raw bytes as it arrives, and near misses (a negated or conditional request, a
past act, a question about something else) that must carry no such intent."""

from __future__ import annotations

import pytest

from intents import CORE_INTENTS, classify, read_message
from tests.intents.mailmaker import raw_mail

# (language, body, the core intents expected).
REQUESTS = [
    # Czech
    ("cs", "Dobrý den,\n\nuplatňuji své právo na přístup podle článku 15 GDPR a žádám o "
     "kopii mých osobních údajů.\n\nS pozdravem\nJana Nováková", ["access"]),
    ("cs", "Dobrý den,\n\nprosím vymažte můj účet a všechny moje fotky.\n\nDěkuji\nPetr",
     ["erasure"]),
    ("cs", "Dobrý den,\n\nuž nechci dostávat vaše e-maily, odhlaste mě prosím z "
     "newsletteru.\n\nDěkuji\nEva", ["opt_out"]),
    ("cs", "Dobrý den,\n\nna mou žádost z března jsem dosud nedostal žádnou odpověď. Podám "
     "stížnost u Úřadu pro ochranu osobních údajů.\n\nKarel Dvořák", ["complaint"]),
    # Croatian
    ("hr", "Poštovani,\n\nzanima me koje osobne podatke o meni obrađujete. Molim vas "
     "kopiju mojih osobnih podataka.\n\nLijep pozdrav,\nAna Horvat", ["access"]),
    ("hr", "Poštovani,\n\nmolim vas da izbrišete moj korisnički račun i sve moje "
     "fotografije.\n\nHvala,\nIvan", ["erasure"]),
    ("hr", "Poštovani,\n\nne želim više primati vaše reklamne poruke. Prestanite mi slati "
     "ponude.\n\nHvala,\nMarija", ["opt_out"]),
    ("hr", "Poštovani,\n\nprije dva mjeseca tražio sam brisanje podataka i još nisam dobio "
     "nikakav odgovor. Obratit ću se Agenciji za zaštitu osobnih podataka.\n\nMarko Babić",
     ["complaint"]),
    # Romanian
    ("ro", "Bună ziua,\n\naș dori să știu ce date personale dețineți despre mine.\n\n"
     "Cu stimă,\nAndreea Popescu", ["access"]),
    ("ro", "Bună ziua,\n\nvă rog să ștergeți contul meu și toate pozele.\n\nMulțumesc,\n"
     "Mihai", ["erasure"]),
    ("ro", "Bună ziua,\n\nnu mai doresc să primesc newsletterul vostru. Scoateți-mă de pe "
     "lista de e-mail.\n\nMulțumesc,\nIoana", ["opt_out"]),
    ("ro", "Bună ziua,\n\nmi-ați publicat fotografia fără acordul meu. Voi depune o "
     "plângere la Autoritatea Națională de Supraveghere.\n\nRadu Ionescu", ["complaint"]),
    # Greek
    ("el", "Καλησπέρα,\n\nθα ήθελα να μάθω ποια προσωπικά δεδομένα μου επεξεργάζεστε. "
     "Στείλτε μου όλα τα προσωπικά μου δεδομένα.\n\nΜε εκτίμηση,\nΜαρία Παπαδοπούλου",
     ["access"]),
    ("el", "Καλησπέρα,\n\nπαρακαλώ διαγράψτε τον λογαριασμό μου και όλες τις φωτογραφίες "
     "μου.\n\nΕυχαριστώ,\nΓιώργος", ["erasure"]),
    ("el", "Καλησπέρα,\n\nδεν θέλω πλέον να λαμβάνω τα ενημερωτικά σας. Σταματήστε να μου "
     "στέλνετε διαφημίσεις.\n\nΕυχαριστώ,\nΕλένη", ["opt_out"]),
    ("el", "Καλησπέρα,\n\nδημοσιεύσατε τη φωτογραφία μου χωρίς τη συγκατάθεσή μου. Θα "
     "υποβάλω καταγγελία στην Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα.\n\n"
     "Νίκος Γεωργίου", ["complaint"]),
    # Polish
    ("pl", "Dzień dobry,\n\nchciałbym wiedzieć, jakie dane o mnie przetwarzacie. Proszę o "
     "przesłanie wszystkich moich danych osobowych.\n\nPozdrawiam\nPiotr Nowak", ["access"]),
    ("pl", "Dzień dobry,\n\nnie korzystam już z aplikacji. Skasujcie moje konto i "
     "zdjęcia.\n\nDziękuję\nAnna", ["erasure"]),
    ("pl", "Dzień dobry,\n\nprzestańcie wysyłać mi reklamy, rezygnuję z newslettera.\n\n"
     "Dziękuję\nKasia", ["opt_out"]),
    ("pl", "Dzień dobry,\n\nopublikowaliście moje zdjęcie bez mojej zgody. Zwrócę się do "
     "Urzędu Ochrony Danych Osobowych.\n\nTomasz Wiśniewski", ["complaint"]),
    # Portuguese
    ("pt", "Olá,\n\ngostaria de saber que dados pessoais têm sobre mim.\n\nCumprimentos,\n"
     "Joana Silva", ["access"]),
    ("pt", "Olá,\n\njá não uso a aplicação. Por favor apaguem a minha conta e todas as "
     "fotos.\n\nObrigado,\nRui", ["erasure"]),
    ("pt", "Olá,\n\nquero deixar de receber a vossa newsletter. Removam-me da lista.\n\n"
     "Obrigada,\nSofia", ["opt_out"]),
    ("pt", "Olá,\n\npublicaram a minha fotografia sem o meu consentimento. Vou apresentar "
     "queixa à Comissão Nacional de Proteção de Dados.\n\nMiguel Costa", ["complaint"]),
    # Finnish, Slovak, Slovenian, Bulgarian, Irish, Maltese: the words added to their files.
    ("fi", "Hei,\n\nlähettäkää minulle kaikki minusta tallennetut tiedot.\n\nKiitos\n"
     "Laura Virtanen", ["access"]),
    ("fi", "Hei,\n\npoistakaa tilini ja kaikki kuvani, en käytä palvelua enää.\n\nKiitos\n"
     "Mikko", ["erasure"]),
    ("fi", "Hei,\n\nen saanut vastausta pyyntööni. Teen asiasta valituksen "
     "valvontaviranomaiselle.\n\nJukka Nieminen", ["complaint"]),
    ("sk", "Dobrý deň,\n\npošlite mi prosím všetky údaje, ktoré o mne máte.\n\nĎakujem\n"
     "Zuzana", ["access"]),
    ("sk", "Dobrý deň,\n\nprosím, vymažte môj účet a všetky moje fotky.\n\nĎakujem\nJán",
     ["erasure"]),
    ("sk", "Dobrý deň,\n\nzverejnili ste moju fotku bez môjho súhlasu. Podám sťažnosť "
     "dozornému orgánu.\n\nS pozdravom\nMartin", ["complaint"]),
    ("sl", "Pozdravljeni,\n\npošljite mi vse podatke, ki jih imate o meni.\n\nHvala\n"
     "Maja", ["access"]),
    ("sl", "Pozdravljeni,\n\nprosim, izbrišite moj račun in vse fotografije.\n\nHvala\n"
     "Luka", ["erasure"]),
    ("sl", "Pozdravljeni,\n\nne želim več prejemati vaših e-novic.\n\nLep pozdrav\nNina",
     ["opt_out"]),
    ("bg", "Здравейте,\n\nмоля, изпратете ми всички данни, които имате за мен.\n\n"
     "Благодаря,\nИва", ["access"]),
    ("bg", "Здравейте,\n\nмоля, изтрийте профила ми и всички мои снимки.\n\nБлагодаря,\n"
     "Петър", ["erasure"]),
    ("bg", "Здравейте,\n\nпубликувахте снимката ми без моето съгласие. Ще подам жалба до "
     "надзорния орган.\n\nПоздрави,\nДимитър", ["complaint"]),
    ("ga", "A chara,\n\nná seol ríomhphoist margaíochta chugam níos mó, le do thoil.\n\n"
     "Go raibh maith agat,\nSiobhán", ["opt_out"]),
    ("ga", "A chara,\n\niarraim léirscriosadh mo shonraí pearsanta go léir.\n\n"
     "Le meas,\nSeán", ["erasure"]),
    ("ga", "A chara,\n\nní bhfuair mé aon fhreagra. Déanfaidh mé gearán leis an údarás "
     "maoirseachta.\n\nLe meas,\nAoife", ["complaint"]),
    ("mt", "Bongu,\n\njekk jogħġbok tibagħtulix aktar reklami fuq l-email tiegħi.\n\n"
     "Grazzi,\nMaria", ["opt_out"]),
    ("mt", "Bongu,\n\nqed neżerċita d-dritt għat-tħassir tad-data tiegħi.\n\nGrazzi,\n"
     "Joseph", ["erasure"]),
    ("mt", "Bongu,\n\nma rċevejt l-ebda tweġiba. Se nressaq ilment lill-awtorità "
     "superviżorja.\n\nGrazzi,\nAnthony", ["complaint"]),
]

NEAR_MISSES = [
    ("cs", "Dobrý den,\n\nprosím nemažte můj účet, jen jsem zapomněl heslo. Můžete mi "
     "pomoci?\n\nDěkuji\nTomáš"),
    ("cs", "Dobrý den,\n\npošlete mi prosím kopii faktury za focení. Jaké údaje potřebujete "
     "k rezervaci?\n\nDěkuji\nLucie"),
    ("cs", "Dobrý den,\n\npokud se odhlásím z newsletteru, budu dál dostávat potvrzení "
     "objednávek?\n\nDěkuji\nMarek"),
    ("hr", "Poštovani,\n\nnemojte brisati moj račun, samo sam zaboravio lozinku. Možete li "
     "pomoći?\n\nHvala,\nLuka"),
    ("hr", "Poštovani,\n\nkoje podatke trebate za rezervaciju? Pošaljite mi račun.\n\n"
     "Hvala,\nPetra"),
    ("hr", "Poštovani,\n\nako se odjavim s newslettera, hoću li i dalje dobivati potvrde "
     "narudžbi?\n\nHvala,\nJosip"),
    ("ro", "Bună ziua,\n\nvă rog să nu ștergeți contul meu, doar am uitat parola. Mă puteți "
     "ajuta?\n\nMulțumesc,\nElena"),
    ("ro", "Bună ziua,\n\nce date aveți libere pentru ședința foto? Trimiteți-mi datele de "
     "plată.\n\nMulțumesc,\nAndrei"),
    ("ro", "Bună ziua,\n\ndacă mă dezabonez de la newsletter, voi primi în continuare "
     "confirmările comenzilor?\n\nMulțumesc,\nCristina"),
    ("el", "Καλησπέρα,\n\nμη διαγράψετε τον λογαριασμό μου, απλώς ξέχασα τον κωδικό. "
     "Μπορείτε να βοηθήσετε;\n\nΕυχαριστώ,\nΚώστας"),
    ("el", "Καλησπέρα,\n\nποια στοιχεία χρειάζεστε για την κράτηση; Στείλτε μου το "
     "τιμολόγιο.\n\nΕυχαριστώ,\nΆννα"),
    ("el", "Καλησπέρα,\n\nο λογαριασμός μου διαγράφηκε χθες, ευχαριστώ για τη γρήγορη "
     "εξυπηρέτηση.\n\nΔημήτρης"),
    ("pl", "Dzień dobry,\n\nproszę nie usuwać mojego konta, zapomniałem tylko hasła. "
     "Możecie pomóc?\n\nDziękuję\nMarek"),
    ("pl", "Dzień dobry,\n\njakie dane są potrzebne do rezerwacji? Proszę o przesłanie "
     "danych do przelewu.\n\nDziękuję\nEwa"),
    ("pl", "Dzień dobry,\n\nusunęliście już moje konto, dziękuję za szybką pomoc.\n\n"
     "Pozdrawiam\nJan"),
    ("pt", "Olá,\n\npor favor não apaguem a minha conta, só me esqueci da palavra-passe. "
     "Podem ajudar?\n\nObrigado,\nPedro"),
    ("pt", "Olá,\n\na minha conta foi eliminada ontem, obrigado pela rapidez.\n\nAna"),
    ("pt", "Olá,\n\nse eu deixar de receber a newsletter, continuo a receber as "
     "confirmações das encomendas?\n\nObrigada,\nInês"),
    ("fi", "Hei,\n\nlähettäkää minulle laskun tiedot, kiitos.\n\nLaura"),
    ("fi", "Hei,\n\nälkää poistako tiliäni, unohdin vain salasanani. Voitteko auttaa?\n\n"
     "Kiitos\nMikko"),
    ("sk", "Dobrý deň,\n\nzašlite mi prosím údaje k platbe za fotenie.\n\nĎakujem\nZuzana"),
    ("sk", "Dobrý deň,\n\nváš účet sme vymazali, hovorí vaša správa. Ďakujem za "
     "rýchlosť.\n\nJán"),
    ("sl", "Pozdravljeni,\n\npošljite mi podatke za plačilo, prosim.\n\nHvala\nMaja"),
    ("sl", "Pozdravljeni,\n\nne izbrišite mojega računa, samo geslo sem pozabil.\n\n"
     "Hvala\nLuka"),
    ("bg", "Здравейте,\n\nмоля, изпратете ми данни за плащане на фотосесията.\n\n"
     "Благодаря,\nИва"),
    ("bg", "Здравейте,\n\nмоля, не изтривайте профила ми, просто забравих паролата си.\n\n"
     "Благодаря,\nПетър"),
    ("ga", "A chara,\n\nná seol an grianghraf sa phost, le do thoil; íoslódálfaidh mé "
     "é.\n\nGo raibh maith agat,\nSiobhán"),
    ("ga", "A chara,\n\ntá an t-údarás áitiúil dúnta inniu, mar sin beidh mé déanach.\n\n"
     "Le meas,\nSeán"),
    ("mt", "Bongu,\n\ntibagħtulix ir-ritratti bil-posta, nniżżilhom jien.\n\nGrazzi,\n"
     "Maria"),
    ("mt", "Bongu,\n\nl-awtorità lokali approvat l-avveniment tas-Sibt.\n\nGrazzi,\n"
     "Joseph"),
]


def _classify(body: str) -> tuple[str, list[str]]:
    got = classify(read_message(raw_mail(body, "", sender="Kim <kim@example.eu>")))
    assert not got.language_not_read, got.language
    return got.language, sorted(set(got.intents) & set(CORE_INTENTS))


@pytest.mark.parametrize(("lang", "body", "expected"), REQUESTS,
                         ids=[f"{case[0]}-{n}" for n, case in enumerate(REQUESTS)])
def test_a_request_in_a_thin_language_is_read_as_its_intent(
        lang: str, body: str, expected: list[str]) -> None:
    language, intents = _classify(body)
    assert language in (lang, "und")  # a short mail may name too few common words: still read
    assert intents == expected


@pytest.mark.parametrize(("lang", "body"), NEAR_MISSES,
                         ids=[f"{case[0]}-{n}" for n, case in enumerate(NEAR_MISSES)])
def test_a_near_miss_in_a_thin_language_carries_no_intent(lang: str, body: str) -> None:
    language, intents = _classify(body)
    assert language in (lang, "und")
    assert intents == []


@pytest.mark.parametrize("lang", sorted({case[0] for case in REQUESTS}))
def test_each_thin_language_has_requests_and_near_misses(lang: str) -> None:
    assert sum(1 for case in REQUESTS if case[0] == lang) >= 3
    assert sum(1 for case in NEAR_MISSES if case[0] == lang) >= 2


@pytest.mark.parametrize("lang", ["cs", "hr", "ro", "el", "pl", "pt"])
def test_a_language_given_its_own_file_has_a_request_of_every_intent(lang: str) -> None:
    assert {i for case in REQUESTS if case[0] == lang for i in case[2]} == set(CORE_INTENTS)


# Art. 21(2) in the GDPR's own words: an objection to processing for direct marketing is an
# opt-out, in every language; and what only mentions the right or marketing is not.
DIRECT_MARKETING_OBJECTIONS = [
    ("lt", "Nesutinku, kad mano duomenys būtų tvarkomi tiesioginės rinkodaros tikslais."),
    ("lv", "Iebilstu pret datu apstrādi tiešās tirgvedības nolūkos."),
    ("et", "Esitan vastuväite andmete töötlemisele otseturunduse eesmärgil."),
    ("fi", "Vastustan tietojeni käsittelyä suoramarkkinointia varten."),
    ("sl", "Ugovarjam obdelavi podatkov za neposredno trženje."),
    ("sk", "Namietam spracúvanie osobných údajov na účely priameho marketingu."),
    ("hr", "Ulažem prigovor na obradu podataka u svrhe izravnog marketinga."),
    ("ro", "Mă opun prelucrării datelor în scopuri de marketing direct."),
    ("el", "Αντιτίθεμαι στην επεξεργασία για σκοπούς απευθείας εμπορικής προώθησης."),
    ("bg", "Възразявам срещу обработването на данните ми за целите на директния маркетинг."),
    ("pl", "Wnoszę sprzeciw wobec przetwarzania moich danych na potrzeby marketingu "
     "bezpośredniego."),
    ("pt", "Oponho-me ao tratamento dos meus dados para efeitos de comercialização direta."),
]
# Art. 77's supervisory authority, and article numbers written before the word for article.
AUTHORITY_AND_ARTICLES = [
    ("lt", "Pateiksiu skundą priežiūros institucijai.", ["complaint"]),
    ("lv", "Iesniegšu sūdzību uzraudzības iestādē.", ["complaint"]),
    ("et", "Esitan kaebuse järelevalveasutusele.", ["complaint"]),
    ("sl", "Vložil bom pritožbo pri nadzornem organu.", ["complaint"]),
    ("lv", "Izmantoju savas piekļuves tiesības saskaņā ar 15. pantu.", ["access"]),
]
NOT_OBJECTIONS = [
    "Nesutinku su jūsų kaina.",  # lt: "I disagree with your price"
    "Vastustan hinnankorotusta.",  # fi: "I object to the price rise"
    "Αντιτίθεμαι στην αύξηση των τιμών.",  # el: the same
]


@pytest.mark.parametrize(("lang", "sentence"), DIRECT_MARKETING_OBJECTIONS)
def test_an_objection_to_direct_marketing_is_an_opt_out(lang: str, sentence: str) -> None:
    _, intents = _classify(sentence)
    assert intents == ["opt_out"], lang


@pytest.mark.parametrize(("lang", "sentence", "expected"), AUTHORITY_AND_ARTICLES)
def test_the_authority_and_articles_are_read_in_each_languages_order(
        lang: str, sentence: str, expected: list[str]) -> None:
    _, intents = _classify(sentence)
    assert intents == expected, lang


@pytest.mark.parametrize("sentence", NOT_OBJECTIONS)
def test_an_objection_to_something_else_is_no_opt_out(sentence: str) -> None:
    _, intents = _classify(sentence)
    assert intents == []
