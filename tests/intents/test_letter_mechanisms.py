"""Mechanisms found by reading public request-letter templates (issue 15, the letters'
first run): a grievance word that accuses nobody, because it is supposed ("if you have sold
my data ...") or asked about ("a list of the firms you shared my data with"), and an
erasure letter asking to be told the erasure was done, which asks for no copy. Each group
holds wordings written for this test (none from the letters) in English, German, French
and Spanish at least, with near misses: real grievances, threats on what goes on, and a
request for the data beside the confirmation."""

from __future__ import annotations

import pytest

from intents import CORE_INTENTS, classify, read_message
from tests.intents.mailmaker import raw_mail


def _read(body: str) -> list[str]:
    mail = read_message(raw_mail(body, "Data protection request", sender="someone@example.org"))
    return sorted(set(classify(mail).intents) & set(CORE_INTENTS))


# A grievance word in the protasis of a condition on the organisation's own act supposes
# the act; it accuses nobody. The request beside it stays.
SUPPOSED = [
    ("en", "Please erase my customer record. If you are selling my personal data to data "
           "brokers, take this as my instruction to stop.\n\nOla", ["erasure"]),
    ("en", "Please delete my account. If you have shared my data with advertisers, let them "
           "know it must go too.\n\nOla", ["erasure"]),
    ("de", "Bitte löschen Sie mein Kundenkonto. Sofern Sie meine Daten an Dritte "
           "weitergegeben haben, sorgen Sie bitte dafür, dass auch diese sie löschen.\n\nUte",
     ["erasure"]),
    ("fr", "Merci de supprimer mon compte. Si vous avez vendu mes données à des partenaires, "
           "demandez-leur de les effacer aussi.\n\nLéa", ["erasure"]),
    ("es", "Por favor, borrad mi cuenta. Si habéis vendido mis datos a otras empresas, "
           "avisadles para que también los borren.\n\nNuria", ["erasure"]),
    ("en", "Hello,\n\nIf you have passed my details on to marketing partners, tell me which "
           "ones and send me a copy of everything you hold about me.\n\nRana", ["access"]),
    ("en", "Please erase my customer record. In case you are sharing my personal data with "
           "advertisers, treat this as my instruction to stop.\n\nOla", ["erasure"]),
    ("de", "Guten Tag,\n\nbitte senden Sie mir eine Kopie meiner Daten. Falls Sie meine "
           "Daten an Dritte weitergegeben haben, nennen Sie mir bitte die Empfänger.\n\nUte",
     ["access"]),
    ("fr", "Bonjour,\n\nveuillez m'envoyer une copie de mes données personnelles. Si vous "
           "avez partagé mes données avec des partenaires, indiquez-moi lesquels.\n\nLéa",
     ["access"]),
    ("es", "Hola:\n\nenviadme una copia de mis datos personales. Si habéis cedido mis datos "
           "a otras empresas, decidme a cuáles.\n\nNuria", ["access"]),
]

# Near misses: the grievance is told (also after the request's clause), and "if you have
# not replied" is a threat on inaction.
TOLD = [
    ("en", "You sold my data to a broker. I am furious. Send me a copy of everything you "
           "hold on me.\n\nKai", ["access", "complaint"]),
    ("en", "Please send me a copy of my data, you shared it with advertisers without my "
           "consent.\n\nKai", ["access", "complaint"]),
    ("en", "Please send me a copy of my data. If you have not replied within a month, I will "
           "complain to the ICO.\n\nKai", ["access", "complaint"]),
    ("de", "Sie haben meine Adresse ohne meine Einwilligung an eine Werbefirma weitergegeben. "
           "Das ist unerhört. Bitte senden Sie mir eine Kopie meiner Daten.\n\nUte",
     ["access", "complaint"]),
    ("fr", "Vous avez vendu mes données à un courtier sans mon accord, c'est inadmissible. "
           "Veuillez m'envoyer une copie de mes données.\n\nLéa", ["access", "complaint"]),
    ("es", "Estoy muy molesta: habéis publicado mi dirección en vuestra web sin permiso. "
           "Enviadme una copia de mis datos.\n\nNuria", ["access", "complaint"]),
]

# A grievance word inside what an access letter asks for: a list item under a line asking
# for the items (nested lists too), or the object of the request in its own clause.
ASKED = [
    ("de", "Bitte senden Sie mir eine Kopie meiner Daten und die folgenden Angaben:\n\n- die "
           "Firmen, an die Sie meine Daten weitergegeben haben\n- die Herkunft meiner Daten"
           "\n\nJens", ["access"]),
    ("fr", "Je vous demande une copie de mes données et les informations suivantes :\n\n- "
           "les tiers avec lesquels vous avez partagé mes données\n- la source de mes "
           "données\n\nAnne", ["access"]),
    ("fr", "Veuillez m'envoyer une copie de mes données et une liste des sociétés avec "
           "lesquelles vous avez partagé mes données.\n\nAnne", ["access"]),
    ("es", "Enviadme una copia de mis datos y una lista de las empresas con las que habéis "
           "compartido mis datos.\n\nPilar", ["access"]),
    ("en", "Dear DPO,\n\nUnder Article 15 please send me a copy of my personal data and the "
           "following:\n\n1. the companies you have sold my data to\n\n2. where you obtained "
           "my phone number\n\n3. the right to lodge a complaint with a supervisory authority"
           "\n\nRegards,\nTomas", ["access"]),
    ("en", "Please send me a copy of my data and a list of every broker you have shared my "
           "details with.\n\nTomas", ["access"]),
    ("de", "Sehr geehrte Damen und Herren,\n\nbitte übermitteln Sie mir eine Kopie meiner "
           "Daten sowie die folgenden Angaben:\n\n- an welche Firmen meine Daten verkauft "
           "wurden\n- woher Sie meine Telefonnummer haben\n\nMit freundlichen Grüßen\nJens",
     ["access"]),
    ("fr", "Madame, Monsieur,\n\nje vous demande une copie de mes données personnelles et les "
           "informations suivantes :\n\na) les sociétés auxquelles mes données ont été vendues"
           "\nb) la source de mes données\n\nCordialement,\nAnne", ["access"]),
    ("es", "Estimados señores:\n\nsolicito una copia de mis datos personales y la siguiente "
           "información:\n\n- las empresas a las que habéis vendido mis datos\n- de dónde "
           "obtuvisteis mi número\n\nUn saludo,\nPilar", ["access"]),
]

# Near misses: a list of grievances under a line that asks for nothing (in an erasure
# letter, or in an access letter under a line asking to be told nothing); a grievance told
# after the request's clause.
LISTED = [
    ("en", "Please delete my account. My concerns:\n\n- you sold my data to a broker\n- you "
           "shared my number with a call centre\n\nTomas", ["complaint", "erasure"]),
    ("en", "Please send me a list of the partners you work with. You shared my number with "
           "a call centre without asking me.\n\nTomas", ["access", "complaint"]),
    ("de", "Bitte löschen Sie mein Konto. Was passiert ist:\n\n- Sie haben meine Daten an "
           "eine Werbefirma verkauft\n\nJens", ["complaint", "erasure"]),
    # In an access letter, a list under a line that asks to be told nothing.
    ("en", "Please send me a copy of my personal data. Please note the following:\n\n- I "
           "have already reported you to the ICO\n- you sold my data to a broker\n\nKim",
     ["access", "complaint"]),
    ("de", "Bitte senden Sie mir eine Kopie meiner Daten. Bitte beachten Sie:\n\n- Ich habe "
           "mich bereits bei der Datenschutzbehörde beschwert\n\nKim", ["access", "complaint"]),
    ("fr", "Veuillez m'envoyer une copie de mes données. Pour mémoire :\n\n- vous avez vendu "
           "mes données à un courtier\n\nKim", ["access", "complaint"]),
]

# Asking to be told an erasure was done asks for no copy of the data; asking whether data
# is held, or for a copy beside it, still does.
CONFIRMED = [
    ("en", "Please erase all my personal data and confirm to me in writing that you have "
           "deleted it, including the copies held by your processors.\n\nMila", ["erasure"]),
    ("en", "I ask you to delete my data. Please send confirmation of the erasure and make sure "
           "your partners delete their copy of the data too.\n\nMila", ["erasure"]),
    ("de", "Bitte löschen Sie alle meine personenbezogenen Daten und bestätigen Sie mir "
           "schriftlich die Löschung meiner Daten und der Kopie der Daten bei Ihren "
           "Dienstleistern.\n\nIna", ["erasure"]),
    ("fr", "Je vous demande d'effacer mes données personnelles. Merci de me confirmer par "
           "écrit l'effacement de mes données et de la copie de mes données chez vos "
           "sous-traitants.\n\nPaul", ["erasure"]),
    ("es", "Os pido que borréis mis datos personales y que me confirméis por escrito la "
           "supresión de mis datos y de la copia de mis datos que tengan vuestros "
           "proveedores.\n\nEva", ["erasure"]),
]

NOT_CONFIRMED = [
    ("en", "Please confirm whether you hold any personal data about me, and if so send me a "
           "copy of it.\n\nMila", ["access"]),
    ("en", "Please delete my data and confirm you have deleted it. Please also send me a copy "
           "of my data before you do.\n\nMila", ["access", "erasure"]),
    ("de", "Bitte löschen Sie meine Daten. Bitte senden Sie mir vorher eine Kopie meiner "
           "Daten.\n\nIna", ["access", "erasure"]),
    ("fr", "Veuillez effacer mes données et me confirmer l'effacement. Veuillez aussi "
           "m'envoyer une copie de mes données avant.\n\nPaul", ["access", "erasure"]),
]


@pytest.mark.parametrize(("lang", "body", "want"), SUPPOSED + TOLD + ASKED + LISTED
                         + CONFIRMED + NOT_CONFIRMED)
def test_letter_mechanisms(lang: str, body: str, want: list[str]) -> None:
    assert _read(body) == want, lang


# The shared rules' Dutch stem "wis" (wis, wist, gewist: erase) is no English "wish".
FALSE_FRIENDS = [
    ("en", "As a customer and data subject, I wish to formally obtain a copy of all personal "
           "data you keep on me.\n\nSam", ["access"]),
    ("en", "Regarding my personal data, I wish you would explain your retention policy.\n\nSam",
     []),
    ("nl", "Beste, wis alstublieft al mijn persoonsgegevens uit uw systemen.\n\nSam",
     ["erasure"]),
    ("nl", "Graag wil ik dat u al mijn gegevens wist.\n\nSam", ["erasure"]),
]


@pytest.mark.parametrize(("lang", "body", "want"), FALSE_FRIENDS)
def test_shared_stems_are_no_false_friends(lang: str, body: str, want: list[str]) -> None:
    assert _read(body) == want, lang
