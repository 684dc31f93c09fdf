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
    # "I never gave it to you" / "never agreed" / "still up on your site" beside a request
    # are read as grievances too, by the labelled sets' convention; the probe's writer did
    # not count them.
    "ep004": "'who gave you my number? I never gave it to you' also read as a complaint",
    "ep027": "'never agreed' read as a complaint beside the erasure",
    "ep041": "'still up on your site' read as a complaint beside the erasure",
    # A resend of what the organisation sent ("send them again") is read as a copy of data.
    "ep099": "'could you send them again?' after 'the photos you sent me' read as access",
    # A short body that asks nothing leaves the request to the subject ("Unsubscribe").
    "ep105": "'I unsubscribed by mistake, put me back' read as an opt-out from its subject",
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


@pytest.mark.parametrize(("body", "expected"), [
    # An earlier request the sender says was done is told, not chased ...
    ("Last year I asked you to delete my old account and you did it quickly. Thanks again.", []),
    ("Back in May I asked you to remove my photos, which you did. All good.", []),
    # ... while one not done, or done but still followed by mail, is chased as before.
    ("Last year I asked you to delete my old account and you did not. Delete it now.",
     ["erasure"]),
    ("I asked you to delete my data last year and you did, but I am still getting emails.",
     ["complaint", "erasure"]),
])
def test_an_earlier_request_said_done_is_told_not_chased(body: str,
                                                          expected: list[str]) -> None:
    got = sorted(set(classify(mail(body, "Hi")).intents) & set(CORE_INTENTS))
    assert got == sorted(expected)


# Written after the rules above were added, in wordings the probe set does not use, to check
# that each mechanism reads more than the probe mail that showed it missing (and that its
# near misses stay none): their first run read all 26 as here (14 before the rules).
FRESH = [
    ("What have you people actually got on me?", ["access"]),
    ("Please send across all my records.", ["access"]),
    ("I'd like to download my personal information.", ["access"]),
    ("Do you hold any recordings of me? If so, please send me a copy.", ["access"]),
    ("Can I see my notes from the consultation?", ["access"]),
    ("Please don't retain any of my details after the course ends.", ["erasure"]),
    ("Kindly dispose of my application documents.", ["erasure"]),
    ("Stop storing my photos on your servers.", ["erasure"]),
    ("I'd rather not receive your newsletter anymore.", ["opt_out"]),
    ("Stop spamming me with offers.", ["opt_out"]),
    ("How dare your staff share my address with a stranger.", ["complaint"]),
    ("You had no right publishing my photo.", ["complaint"]),
    ("This is a breach of data protection law.", ["complaint"]),
    ("My personal data has been misused by your studio.", ["complaint"]),
    ("That's the third newsletter since I unsubscribed.", ["complaint"]),
    # near misses
    ("I deleted your email by accident, what was the date of the shoot?", []),
    ("If I unsubscribe, will I still get booking confirmations?", []),
    ("If we close the account, does the gift card still work?", []),
    ("I asked you to send the invoice to my accountant and you did, thanks.", []),
    ("Do you have any photos of the venue? If so, please send me a few.", []),
    ("I don't keep my receipts, can you resend?", []),
    ("Our clients prefer not to receive paper invoices.", []),
    ("How dare you make me laugh this hard, love the newsletter!", []),
    ("None of my photos were delivered yet.", []),
    ("The second workshop since I joined was brilliant.", []),
    ("You have no right of way through the car park, just so you know.", []),
]


@pytest.mark.parametrize(("body", "expected"), FRESH)
def test_each_mechanism_reads_wordings_the_probe_does_not_use(body: str,
                                                              expected: list[str]) -> None:
    got = sorted(set(classify(mail(body, "Hi")).intents) & set(CORE_INTENTS))
    assert got == expected
