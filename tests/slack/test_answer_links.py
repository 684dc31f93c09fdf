"""Links in a quoted answer: the quote keeps the link's words, the targets follow as links."""

from __future__ import annotations

from bot.slack.answer_blocks import answer_blocks, links_block
from bot.slack.cards import AnswerView, Source


def _view(*links: str) -> AnswerView:
    source = Source(organisation="Example Ltd", section="9", heading="Complaints",
                    quote="You can complain to the Information Commissioner's Office.",
                    links=links)
    return AnswerView(question_id="7", question="who do people complain to?", answered=True,
                      answer=source.quote, confidence=0.95, citations=(source,))


def _link_urls(blocks: list[dict[str, object]]) -> list[str]:
    urls: list[str] = []
    for block in blocks:
        if block.get("type") != "rich_text":
            continue
        for section in block["elements"]:  # type: ignore[attr-defined]
            urls += [e["url"] for e in section["elements"] if e.get("type") == "link"]
    return urls


def test_link_targets_follow_the_quote_as_real_links() -> None:
    blocks = answer_blocks(_view("https://ico.org.uk/make-a-complaint/", "mailto:dpo@example.org"))
    assert _link_urls(blocks) == ["https://ico.org.uk/make-a-complaint/", "mailto:dpo@example.org"]
    quote = blocks[0]["elements"][0]["elements"][0]["text"]
    assert "https://" not in quote


def test_only_web_and_mail_links_are_offered() -> None:
    assert links_block(("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd")) is None
    block = links_block(("javascript:alert(1)", "https://example.org/a b"))
    assert block is None


def test_an_answer_without_links_has_no_links_block() -> None:
    assert _link_urls(answer_blocks(_view())) == []
