"""Pure block building and escaping: no event loop, no server."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.slack import modals
from bot.slack.answer_blocks import (
    HELPFUL,
    UNHELPFUL,
    answer_blocks,
    answer_fallback_text,
    feedback_done_blocks,
)
from bot.slack.cards import AnswerView, EventLine, Source, TicketCard
from bot.slack.digest import digest_due
from bot.slack.escape import ZWSP, code, escape, first_lines, mention, neutralise, plain
from bot.slack.history import event_text
from bot.slack.list_blocks import digest_blocks, home_view, tickets_list_blocks
from bot.slack.questions import clean_question
from bot.slack.ticket_blocks import (
    ASSIGN,
    DONE,
    EXTEND,
    REJECT,
    VERIFY,
    ticket_blocks,
    ticket_buttons,
    ticket_fallback_text,
)
from tests.slack.conftest import all_text

TODAY = date(2026, 11, 24)
EVIL = "<!channel> *urgent* <@U123ABC> <https://evil.example|bank> & _x_ ~y~ `z`"


def card(**changes: object) -> TicketCard:
    values: dict[str, object] = {
        "reference": "AIM-2026-0007", "org_id": "aimigos", "organisation": "Aimigos Studio",
        "intents": ("access", "erasure"), "state": "awaiting_identity",
        "requester": "Bob <bob@example.com>",
        "received_at": datetime(2026, 11, 20, 9, 30, tzinfo=UTC), "due_date": None,
        "subject": "Please", "excerpt": "line one\n\nline two"}
    values.update(changes)
    return TicketCard.model_validate(values)


def test_escape_follows_slacks_three_characters() -> None:
    assert escape("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d \"e\" 'f'"
    assert escape("&lt;") == "&amp;lt;"  # already-escaped text is shown as typed


def test_neutralise_removes_mentions_formatting_and_quotes() -> None:
    text = neutralise(EVIL + "\n> quoted")
    for dangerous in ("<!channel>", "<@U123ABC>", "<https://", "*urgent*", "_x_", "~y~", "`z`"):
        assert dangerous not in text
    assert f"\n{ZWSP}&gt; quoted" in text


def test_code_is_one_literal_line() -> None:
    assert code("a`b\nc <!here>") == "`a\u02cbb c &lt;!here&gt;`"
    assert code("   ") == "\u2014"
    assert len(code("x" * 500, 50)) == 52


def test_plain_text_objects_are_escaped_and_never_empty() -> None:
    assert plain(EVIL)["type"] == "plain_text"
    assert "<!channel>" not in plain(EVIL)["text"]
    assert plain("")["text"] == " "


def test_mention_only_for_slack_user_ids() -> None:
    assert mention("slack:U0ABC123") == "<@U0ABC123>"
    assert mention("U0ABC123") == "<@U0ABC123>"
    assert mention("<!channel>") == "`&lt;!channel&gt;`"
    assert mention("cli:alice") == "`cli:alice`"


def test_first_lines_skips_blank_lines_and_truncates() -> None:
    assert first_lines("a\n\n\nb\nc", lines=2) == "a\nb"
    assert first_lines("x" * 1000, limit=10) == "x" * 9 + "\u2026"


def test_clean_question_strips_mentions_and_slack_escapes() -> None:
    assert clean_question("<@UBOT>  how long &amp; where?  ") == "how long & where?"
    assert clean_question("<@UBOT|privacybot>") == ""


def test_ticket_message_shows_mail_only_as_escaped_plain_text() -> None:
    blocks = ticket_blocks(card(subject=EVIL, excerpt=EVIL, requester=EVIL), TODAY)
    text = all_text(blocks)
    for dangerous in ("<!channel>", "<@U123ABC>", "<https://evil"):
        assert dangerous not in text
    for block in [*blocks[1]["fields"][:5], blocks[2]["text"]]:
        assert block["type"] == "plain_text"
    assert "Subject: &lt;!channel&gt; *urgent*" in blocks[2]["text"]["text"]
    assert "AIM-2026-0007" in ticket_fallback_text(card(subject=EVIL))
    assert "channel" not in ticket_fallback_text(card(subject=EVIL))


@pytest.mark.parametrize(("state", "expected"), [
    ("awaiting_identity", [VERIFY, REJECT, ASSIGN]),
    ("in_progress", [EXTEND, DONE, REJECT, ASSIGN]),
    ("extended", [DONE, REJECT, ASSIGN]),
    ("awaiting_clarification", [DONE, REJECT, ASSIGN]),
    ("awaiting_fee", [DONE, REJECT, ASSIGN]),
    ("done", []),
    ("rejected", []),
    ("closed_unverified", []),
])
def test_buttons_follow_the_state(state: str, expected: list[str]) -> None:
    assert [b["action_id"] for b in ticket_buttons(card(state=state))] == expected
    assert all(b["value"] == "AIM-2026-0007" for b in ticket_buttons(card(state=state)))


def test_every_state_has_a_label_and_the_buttons_the_desk_allows() -> None:
    from bot.slack.ticket_blocks import STATE_LABELS, state_label
    from bot.workflow.states import TicketState, can_transition

    assert set(STATE_LABELS) == {state.value for state in TicketState}
    assert "fee" in state_label("awaiting_fee")
    for state in TicketState:
        ids = [b["action_id"] for b in ticket_buttons(card(state=state.value))]
        assert (DONE in ids) == can_transition(state, TicketState.DONE), state
        assert (REJECT in ids) == can_transition(state, TicketState.REJECTED), state


def test_due_dates_read_relative_to_today() -> None:
    def due_field(due: date | None) -> str:
        return str(ticket_blocks(card(due_date=due), TODAY)[1]["fields"][2]["text"])
    assert due_field(date(2026, 12, 24)) == "Due: 2026-12-24 (in 30 days)"
    assert due_field(date(2026, 11, 23)) == "Due: 2026-11-23 (overdue by 1 day)"
    assert due_field(TODAY) == "Due: 2026-11-24 (today)"
    assert due_field(None) == "Due: not running yet"


def answer(**changes: object) -> AnswerView:
    values: dict[str, object] = {
        "question_id": "42", "question": "How long?", "answered": True,
        "answer": "Correspondence: 3 years",
        "citations": (Source(organisation="Aimigos Studio", section="7.1",
                             heading="How Long We Keep Your Data",
                             path="7. Data Retention > 7.1 How Long We Keep Your Data",
                             quote="Correspondence 3 years from last contact"),)}
    values.update(changes)
    return AnswerView.model_validate(values)


def test_answer_quotes_the_policy_and_names_the_section() -> None:
    blocks = answer_blocks(answer())
    assert blocks[0]["type"] == "rich_text"
    quote = blocks[0]["elements"][0]
    assert quote["type"] == "rich_text_quote"
    assert quote["elements"][0]["text"] == "Correspondence 3 years from last contact"
    assert "Aimigos Studio \u00b7 7.1 How Long We Keep Your Data" in all_text(blocks[1])
    assert [e["action_id"] for e in blocks[-1]["elements"]] == [HELPFUL, UNHELPFUL]
    assert {e["value"] for e in blocks[-1]["elements"]} == {"42"}
    assert "7.1 How Long" in answer_fallback_text(answer())


def test_unscoped_answer_from_two_organisations_names_each() -> None:
    two = answer(citations=(
        Source(organisation="Aimigos Studio", section="1", heading="Intro", quote="A"),
        Source(organisation="IMGN Studio", section="", heading="Contact", quote="B")))
    text = all_text(answer_blocks(two))
    assert "Aimigos Studio \u00b7 1 Intro" in text
    assert "IMGN Studio \u00b7 Contact" in text
    assert "each answer names its own" in text


def test_abstention_is_plain_and_points_to_sections() -> None:
    blocks = answer_blocks(answer(answered=False, citations=(), scope="Aimigos Studio",
                                  pointers=(Source(organisation="Aimigos Studio",
                                                   section="15.2", heading="Complaints"),)))
    text = all_text(blocks)
    assert "couldn't find an answer to this in Aimigos Studio's privacy policy" in text
    assert "Aimigos Studio \u00b7 15.2 Complaints" in text
    assert not any(b["type"] == "actions" for b in blocks)


def test_feedback_replaces_the_buttons() -> None:
    done = feedback_done_blocks(answer_blocks(answer()), "U0FEED", helpful=True)
    assert not any(b.get("block_id") == "answer_feedback" for b in done)
    assert "<@U0FEED> marked this answer helpful" in all_text(done)


def test_lists_sort_by_due_date_and_hide_closed() -> None:
    cards = [card(reference="AIM-2026-0001", state="in_progress", due_date=date(2026, 12, 20)),
             card(reference="AIM-2026-0002", state="in_progress", due_date=date(2026, 11, 20)),
             card(reference="AIM-2026-0003"),
             card(reference="AIM-2026-0004", state="done", due_date=date(2026, 11, 1))]
    text = all_text(tickets_list_blocks(cards, TODAY, ["Aimigos Studio"]))
    assert text.index("0002") < text.index("0001") < text.index("0003")
    assert "0004" not in text
    assert "`Bob &lt;bob@example.com&gt;`" in text
    assert home_view(cards, TODAY, ["Aimigos Studio"])["type"] == "home"
    assert "not on any organisation's privacy team" in all_text(
        tickets_list_blocks(cards, TODAY, []))


def test_long_lists_say_how_many_are_left() -> None:
    cards = [card(reference=f"AIM-2026-{n:04d}") for n in range(1, 61)]
    blocks = tickets_list_blocks(cards, TODAY, ["Aimigos Studio"], limit=40)
    assert len(blocks) == 2 + 40 + 1
    assert "and 20 more" in all_text(blocks[-1])


def test_digest_has_overdue_and_due_soon_only() -> None:
    cards = [card(reference="AIM-2026-0001", state="in_progress", due_date=date(2026, 11, 20)),
             card(reference="AIM-2026-0002", state="in_progress", due_date=date(2026, 11, 30)),
             card(reference="AIM-2026-0003", state="in_progress", due_date=date(2026, 12, 20)),
             card(reference="AIM-2026-0004")]
    blocks = digest_blocks("Aimigos Studio", cards, TODAY)
    assert blocks is not None
    text = all_text(blocks)
    assert "Overdue (1)" in text
    assert "Due within 7 days (1)" in text
    assert "0001" in text
    assert "0002" in text
    assert "0003" not in text
    assert "0004" not in text
    assert digest_blocks("Aimigos Studio", cards[2:], TODAY) is None


def test_history_lines_show_event_data_literally() -> None:
    line = event_text(EventLine(kind="extended", actor="slack:UALICE",
                                data={"reason": EVIL, "due_date": "2027-02-24"}))
    assert line.startswith(":hourglass_flowing_sand: Extended by <@UALICE>, now due `2027-02-24`")
    assert "<!channel>" not in line
    assert "`&lt;!channel&gt; *urgent*" in line
    unknown = event_text(EventLine(kind="sky_fell", actor="<!here>", data={"state_to": "done"}))
    assert unknown == "Sky fell \u00b7 `&lt;!here&gt;` \u00b7 now Done"
    assert event_text(EventLine(kind="reply_received", actor="requester")) == (
        ":incoming_envelope: The requester wrote again")


def test_modal_context_round_trips_and_rejects_garbage() -> None:
    context = modals.ModalContext(reference="AIM-2026-0001", channel="C1", ts="1.2")
    view = modals.reject_modal(context)
    assert modals.decode_context(view["private_metadata"]) == context
    assert modals.decode_context("not json") is None
    assert modals.decode_context('{"channel": "C1"}') is None
    values = {modals.TEXT_BLOCK: {modals.TEXT_ACTION: {"value": "  why  "}},
              modals.REASON_BLOCK: {modals.REASON_ACTION: {"selected_option": {
                  "value": "manifestly_excessive"}}}}
    assert modals.submitted_text(values) == "why"
    assert modals.submitted_reason(values) == "manifestly_excessive"
    forged = {modals.REASON_BLOCK: {modals.REASON_ACTION: {"selected_option": {
        "value": "because"}}}}
    assert modals.submitted_reason(forged) == ""


def test_digest_due_rule() -> None:
    now = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    assert digest_due(now, 0)
    assert not digest_due(now.replace(hour=7), 0)
    assert not digest_due(now, now.date().toordinal())
    assert digest_due(now, now.date().toordinal() - 1)
