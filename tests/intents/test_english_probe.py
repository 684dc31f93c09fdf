"""English requests said indirectly, as people who never saw the rules write them: everyday
and roundabout ways of asking for a copy of one's data, for deletion, for no more marketing,
and grievances about data handling with no request beside them; and the near misses that ask
nothing (past deletions told or thanked for, questions about rights or retention, "do NOT
delete", newsletters, marketing words in a non-request).

The corpus (tests/intents/english_probe.jsonl) was written before the rules it measures were
changed; its first run and each mechanism added are recorded in docs/evaluation.md. Mails still
read wrong are listed in STILL_MISSED (strict xfail), so a fix shows up as an unexpected pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intents import CORE_INTENTS, classify
from tests.intents.mailmaker import mail

PROBE = Path(__file__).with_name("english_probe.jsonl")
ITEMS = [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines()
         if line.strip()]

# Read wrong still; each with why, so that the next change knows what it is up against.
STILL_MISSED: dict[str, str] = {
    "ep002": "'what do you guys actually have on me'",
    "ep004": "'who gave you my number' also read as a complaint",
    "ep011": "'everything you hold under my name'",
    "ep012": "'send over all the photos you took of me'",
    "ep015": "'can I see my file'",
    "ep018": "'anything on me ... I want to see it'",
    "ep020": "'how can I download all my data'",
    "ep027": "'never agreed' read as a complaint beside the erasure",
    "ep028": "'dispose of it'",
    "ep033": "'none of my data stays'",
    "ep034": "'don't hold on to my CV'",
    "ep039": "'copies of my passport' read as access",
    "ep041": "'still up on your site' read as a complaint",
    "ep042": "'stop keeping my data'",
    "ep049": "'don't want any more of your newsletters'",
    "ep053": "'prefer not to receive'",
    "ep061": "'leave me alone with your adverts'",
    "ep068": "'unhappy with the way you have handled my personal data'",
    "ep073": "'how dare you sell'",
    "ep079": "'you had no right to pass my number on'",
    "ep083": "'a clear violation of GDPR'",
    "ep085": "'the fifth marketing email since I opted out'",
    "ep086": "'my data was mishandled'",
    "ep099": "'I accidentally deleted the photos you sent me' read as a request",
    "ep102": "'if I cancel ..., will you delete my data?' read as a request",
    "ep103": "'last year I asked you to delete ... and you did' read as a request",
    "ep105": "'I unsubscribed by mistake, put me back' read as an opt-out",
}


def _case(item: dict[str, object]) -> object:
    marks = ([pytest.mark.xfail(reason=STILL_MISSED[str(item["id"])], strict=True)]
             if item["id"] in STILL_MISSED else [])
    return pytest.param(item, id=f"{item['id']}-{str(item['note']).replace(' ', '_')}",
                        marks=marks)


@pytest.mark.parametrize("item", [_case(item) for item in ITEMS])
def test_english_mail_is_read_as_what_it_asks(item: dict[str, object]) -> None:
    got = sorted(set(classify(mail(str(item["body"]), str(item["subject"]))).intents)
                 & set(CORE_INTENTS))
    assert got == sorted(item["labels"])  # type: ignore[call-overload]


def test_the_probe_covers_every_intent_and_near_misses() -> None:
    counts = {intent: sum(intent in item["labels"] for item in ITEMS) for intent in CORE_INTENTS}
    assert min(counts.values()) >= 20
    assert sum(not item["labels"] for item in ITEMS) >= 30
