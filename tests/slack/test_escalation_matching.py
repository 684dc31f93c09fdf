"""Which team answer a later question gets (bot/desk/team_answers.py), and the team answers'
storage on SQLite and PostgreSQL (storage/repos/team_answers.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.desk.team_answers import (
    MATCH_THRESHOLD,
    POLICY_FIRST,
    Candidate,
    best_match,
    similarity,
    team_answer_first,
)
from storage import ConflictError, Database, InvalidValueError, NotFoundError

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def candidate(number: int, question: str, organisation: str = "aimigos",
              days_ago: int = 0) -> Candidate:
    return Candidate(id=number, organisation=organisation, question=question,
                     answered_at=NOW - timedelta(days=days_ago))


@pytest.mark.parametrize(("first", "second"), [
    ("How long do we keep correspondence?", "how long is correspondence kept"),
    ("Do we have a parking policy for visitors?", "Is there a visitor parking policy?"),
    ("How many parking spaces does the office have?",
     "How many parking spaces are there at the office?"),
    ("Can I use my personal e-mail for work?", "can i use my personal email for work"),
    ("how many parkng spaces does the ofice have",  # typos
     "How many parking spaces does the office have?"),
])
def test_the_same_question_in_other_words_matches(first: str, second: str) -> None:
    assert similarity(first, second) >= MATCH_THRESHOLD


@pytest.mark.parametrize(("first", "second"), [
    ("How long do we keep correspondence?", "How long do we keep payroll records?"),
    ("Can staff bring dogs to the office?", "Can staff bring children to the office?"),
    ("Who is our DPO?", "Where is our office?"),
    ("How long do we keep correspondence with clients?", "How long do we keep correspondence?"),
    ("?", "How long do we keep correspondence?"),  # nothing to compare: never a match
])
def test_a_different_question_does_not(first: str, second: str) -> None:
    assert similarity(first, second) < MATCH_THRESHOLD


def test_best_match_stays_in_its_organisation_and_prefers_the_newest() -> None:
    question = "How many parking spaces does the office have?"
    pool = [candidate(1, question, days_ago=9), candidate(2, question, days_ago=1),
            candidate(3, question, organisation="imgn")]
    found = best_match(question, "aimigos", pool)
    assert found is not None
    assert found.id == 2
    imgn = best_match(question, "imgn", pool)
    assert imgn is not None
    assert imgn.id == 3
    assert best_match(question, "other", pool) is None
    assert best_match(question, None, pool) is None  # no organisation meant: none offered
    assert best_match("How long do we keep invoices?", "aimigos", pool) is None


def test_a_confident_policy_answer_ranks_first() -> None:
    assert not team_answer_first(True, POLICY_FIRST)
    assert team_answer_first(True, POLICY_FIRST - 0.01)
    assert team_answer_first(False, 0.99)


async def test_storage_round_trip_and_its_rules(db: Database) -> None:
    async with db.transaction() as tx:
        question = await tx.questions.add(user="slack:U1", question="Parking?",
                                          answered=False, confidence=0.1,
                                          organisation="aimigos")
        sent = await tx.team_answers.escalate(
            organisation="aimigos", question="Parking?", asked_by="slack:U1",
            post_channel="CAIM", post_ts="1.1", reply_channel="CASK", reply_thread="1.0",
            question_id=question.id)
        assert sent.status == "awaiting"
        assert await tx.team_answers.current("aimigos") == []
    with pytest.raises(ConflictError):
        async with db.transaction() as tx:
            await tx.team_answers.escalate(
                organisation="aimigos", question="Parking?", asked_by="slack:U1",
                post_channel="CAIM", post_ts="1.2", reply_channel="CASK",
                question_id=question.id)
    async with db.transaction() as tx:
        found = await tx.team_answers.find_post("CAIM", "1.1")
        assert found is not None
        assert found.id == sent.id
        assert await tx.team_answers.find_post("CIMG", "1.1") is None
        first = await tx.team_answers.answer(sent.id, answer="Twelve.", author="slack:UA")
        assert first is not None
        assert first.status == "current"
        assert await tx.team_answers.answer(sent.id, answer="Ten.", author="slack:UB") is None
        assert [a.answer for a in await tx.team_answers.current("aimigos")] == ["Twelve."]
        assert await tx.team_answers.current("imgn") == []
        assert await tx.team_answers.count(status="current") == 1
        assert list(await tx.team_answers.for_questions([question.id])) == [question.id]
        with pytest.raises(InvalidValueError):
            await tx.team_answers.answer(sent.id, answer="  ", author="slack:UA")
        with pytest.raises(InvalidValueError):
            await tx.team_answers.list(status="stale")
        retired = await tx.team_answers.retire(sent.id, by="alice")
        assert retired.status == "retired"
        assert await tx.team_answers.current("aimigos") == []
        with pytest.raises(ConflictError):
            await tx.team_answers.retire(sent.id, by="alice")
        with pytest.raises(NotFoundError):
            await tx.team_answers.get(999)
