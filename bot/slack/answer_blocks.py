"""Block Kit for answers to staff questions: the policy's words, where from, and feedback.

The quote goes into a rich_text quote, whose text elements Slack shows exactly as given (no
mrkdwn, no mentions), so the policy's own words reach the reader unchanged. Where it comes from
is plain_text. Pure functions: no I/O, no event loop.
"""

from __future__ import annotations

import re

from bot.slack.cards import AnswerView, Source
from bot.slack.escape import Block, escape, mention, mrkdwn, plain, truncate

HELPFUL = "answer_helpful"
UNHELPFUL = "answer_unhelpful"
MAX_CITATIONS = 3
MAX_POINTERS = 3
QUOTE_LIMIT = 2500
MAX_LINKS = 5
LINK_LIMIT = 1000
_SAFE_LINK = re.compile(r"(?:https?://|mailto:)[^\s<>|]+\Z", re.IGNORECASE)


def source_label(source: Source) -> str:
    """"Aimigos Studio · 7.1 How Long We Keep Your Data" (section number and heading)."""
    place = " ".join(part for part in (source.section, source.heading) if part)
    return " \u00b7 ".join(part for part in (source.organisation, place) if part)


def quote_block(text: str) -> Block:
    return {
        "type": "rich_text",
        "elements": [{
            "type": "rich_text_quote",
            "elements": [{"type": "text", "text": truncate(text.strip(), QUOTE_LIMIT) or " "}],
        }],
    }


def _source_context(source: Source) -> Block:
    label = source_label(source)
    if source.path and source.path not in label:
        label = f"{label}  ({source.path})"
    return {"type": "context", "elements": [plain(label, 2000)]}


def links_block(links: tuple[str, ...]) -> Block | None:
    """The quote's link targets as real links, web and mail addresses only: a policy's text is
    not ours, so a javascript: or data: target is never offered to staff to click."""
    safe = [link for link in links[:MAX_LINKS] if _SAFE_LINK.match(link)]
    if not safe:
        return None
    elements: list[dict[str, str]] = [{"type": "text", "text": "Links: "}]
    for number, link in enumerate(safe):
        if number:
            elements.append({"type": "text", "text": " \u00b7 "})
        elements.append({"type": "link", "url": link[:LINK_LIMIT]})
    return {"type": "rich_text", "elements": [
        {"type": "rich_text_section", "elements": elements}]}


def feedback_actions(question_id: str) -> Block:
    return {
        "type": "actions",
        "block_id": "answer_feedback",
        "elements": [
            {"type": "button", "action_id": HELPFUL, "value": question_id,
             "text": plain("Helpful"), "style": "primary"},
            {"type": "button", "action_id": UNHELPFUL, "value": question_id,
             "text": plain("Not helpful")},
        ],
    }


def answer_blocks(view: AnswerView) -> list[Block]:
    """The thread reply for one question: quotes with sources, or a plain abstention."""
    if not view.answered:
        return abstention_blocks(view)
    blocks: list[Block] = []
    citations = view.citations[:MAX_CITATIONS]
    if not citations:  # answered without a citation: show the answer text itself
        blocks.append(quote_block(view.answer))
    for source in citations:
        blocks.append(quote_block(source.quote or view.answer))
        blocks.append(_source_context(source))
        if (links := links_block(source.links)) is not None:
            blocks.append(links)
    if view.scope is None and len({s.organisation for s in citations}) > 1:
        blocks.append({"type": "context", "elements": [mrkdwn(
            "This channel is not linked to one organisation, so each answer names its own."
        )]})
    blocks.append(feedback_actions(view.question_id))
    return blocks


def abstention_blocks(view: AnswerView) -> list[Block]:
    """Say plainly that the policy does not answer, and point to the nearest sections."""
    whose = f"{escape(view.scope)}'s privacy policy" if view.scope else "the privacy policies"
    blocks: list[Block] = [{
        "type": "section",
        "text": mrkdwn(f"I couldn't find an answer to this in {whose}, so I won't guess. "
                       "I've noted the question for the policy owner."),
    }]
    pointers = view.pointers[:MAX_POINTERS]
    if pointers:
        blocks.append({"type": "context", "elements": [mrkdwn("The closest sections are:")]})
        blocks.extend(
            {"type": "context", "elements": [plain(f"\u2022 {source_label(p)}", 2000)]}
            for p in pointers
        )
    return blocks


def answer_fallback_text(view: AnswerView) -> str:
    """The notification text (mrkdwn-free, escaped) that goes with the blocks."""
    if not view.answered:
        return "The policy does not answer this question."
    first = view.citations[0] if view.citations else None
    words = first.quote if first and first.quote else view.answer
    where = f" ({source_label(first)})" if first else ""
    return escape(truncate(f"{words}{where}", 300))


def feedback_done_blocks(blocks: list[Block], user: str, helpful: bool) -> list[Block]:
    """The answer with its buttons replaced by who said it helped (or didn't)."""
    verdict = "helpful" if helpful else "not helpful"
    kept = [block for block in blocks if block.get("block_id") != "answer_feedback"]
    kept.append({"type": "context", "elements": [mrkdwn(
        f"{mention(user)} marked this answer {verdict}. Thanks, it has been recorded."
    )]})
    return kept
