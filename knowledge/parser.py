"""Policy text -> Policy: the section tree and the answerable units under each heading.

Units are the smallest spans that answer: each sentence, each list item, each fact (table row
or "Label: value" line), and a lead-in ending in ":" together with the list it introduces. A
lead-in whose list was lost is kept as a "lead" unit: never an answer, only a pointer.
"""

from __future__ import annotations

import re

from knowledge.blocks import Block, plain_blocks
from knowledge.errors import PolicyError
from knowledge.htmltext import html_to_text, looks_like_html
from knowledge.markdown import (
    looks_like_markdown,
    markdown_blocks,
    plain_cleanup,
    without_front_matter,
)
from knowledge.models import Policy, Section, Unit
from knowledge.tokens import refers_to_all_before, sentences

_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # every control character but \n
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
MAX_LIST_ITEMS_QUOTED = 25
# A lead-in with its list is quoted up to about this many characters; the rest of the list
# is in the cited section (its items are answers of their own).
MAX_LIST_CHARS = 600
# A link written as "text (url)" (Markdown links are read that way): the words keep the text,
# the target goes to the citation.
_LINK_TARGET = re.compile(r"\s*\(((?:https?://|mailto:|www\.)[^\s()]*)\)")
_ANAPHOR = re.compile(r"^(?:They|These|This|Those|It|Such|That|He|She)\b(?! is why)")
# A short labelled line after a sentence finishes it: "To keep our showrooms safe using CCTV.
# Lawful basis: legitimate interests." The label is a few words; the value is short.
_LABELLED_TAIL = re.compile(r"^[A-Z][A-Za-z ]{2,30}: \S[^:]{0,80}$")
_TAIL_WORDS = 12
_ANNOUNCES_LIST = re.compile(r"\b(?:set out below|listed below|as follows|the following)\b", re.I)
# "See section 7 for how long recordings are kept.": it only points elsewhere, so it answers
# nothing (the section it names does).
_POINTER = re.compile(r"^(?:please\s+)?(?:see|refer to|read|go to)\s+(?:also\s+)?"
                      r"(?:section|paragraph|clause|part|chapter)\s+\w+", re.I)
LEAD_SAYS_WORDS = 8  # words in a lead-in sentence that say more than "we collect:"
MAX_POLICY_CHARS = 5_000_000  # privacy policies are rarely over 200,000 characters


def normalise_text(text: str) -> str:
    """Unify line ends, spaces and quotes; refuse text that is empty or binary."""
    if "\x00" in text:
        raise PolicyError("the policy looks like a binary file, not text")
    if len(text) > MAX_POLICY_CHARS:
        raise PolicyError(f"the policy is longer than {MAX_POLICY_CHARS:,} characters; "
                          "is it really a policy?")
    text = _INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\t", "    ").replace("\u00a0", " ").replace("\u2028", "\n")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise PolicyError("the policy looks like a binary file, not text")
    text = _CONTROL.sub("", text) if controls else text
    if not re.search(r"\w", text):
        raise PolicyError("the policy is empty")
    return text


def parse_policy(text: str, *, policy_id: str, title: str) -> Policy:
    """Parse plain text, Markdown or a saved web page into a Policy; raises PolicyError on
    empty or binary text."""
    text = without_front_matter(normalise_text(text))
    html = looks_like_html(text)
    if html:
        text = html_to_text(text)
    markdown = html or looks_like_markdown(text)
    blocks = markdown_blocks(text) if markdown else plain_blocks(plain_cleanup(text))
    sections, owners = _sections(blocks)
    units = _units(blocks, owners)
    if not any(unit.kind != "lead" for unit in units):
        raise PolicyError("the policy has no text that could answer a question")
    return Policy(id=policy_id, title=title, sections=tuple(sections), units=tuple(units))


def _level(block: Block, last_numbered_depth: int) -> int:
    if block.level:
        return block.level
    if block.number:
        return block.number.rstrip(".)").count(".") + 1
    return last_numbered_depth + 1


def _sections(blocks: list[Block]) -> tuple[list[Section], list[int]]:
    """Sections from the headings; owners[i] is the section block i belongs to."""
    sections: list[Section] = []
    owners: list[int] = []
    stack: list[int] = []
    numbered_depth = 0
    anchor = 0  # the level of the last heading that is not a question's
    for block in blocks:
        if block.kind != "heading":
            if not sections:
                sections.append(Section(number="", heading="", path="", level=0, parent=None))
                stack = [0]
            owners.append(stack[-1])
            continue
        level = anchor + 1 if block.sub else _level(block, numbered_depth)
        if block.number and not block.level:
            numbered_depth = level
        if not block.sub:
            anchor = level
        while stack and sections[stack[-1]].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        title = f"{block.number} {block.text}".strip() if block.number else block.text
        parent_path = sections[parent].path if parent is not None else ""
        path = f"{parent_path} > {title}" if parent_path else title
        sections.append(Section(number=block.number.rstrip(".)"), heading=block.text, path=path,
                                level=level, parent=parent))
        stack.append(len(sections) - 1)
        owners.append(len(sections) - 1)
    return sections, owners


def _units(blocks: list[Block], owners: list[int]) -> list[Unit]:
    units: list[Unit] = []
    lead = ""  # the paragraph introducing the list now being read
    lead_open = False  # that paragraph ended in ":" and awaits its list
    lead_soft = False  # it announced one in words ("the parties set out below.")
    members: list[str] = []
    section = 0

    def close_list() -> None:
        nonlocal lead_open, lead_soft
        if (lead_open or lead_soft) and members:
            text = lead
            for number, member in enumerate(members[:MAX_LIST_ITEMS_QUOTED]):
                if number and len(text) + len(member) > MAX_LIST_CHARS:
                    text += f"\n• … ({len(members) - number} more in this section)"
                    break
                text += f"\n• {member}"
            units.append(Unit(section=section, kind="list", quote=text, answer=text))
        elif lead_open:
            units.append(Unit(section=section, kind="lead", quote=lead, answer=lead))
        lead_open = lead_soft = False
        members.clear()

    for block, owner in zip(blocks, owners, strict=True):
        if owner != section or block.kind in ("heading", "paragraph"):
            close_list()
            section = owner
        if block.kind == "heading":
            lead = ""
            continue
        if block.kind == "paragraph":
            lead = block.text
            lead_open = block.text.rstrip().endswith(":")
            lead_soft = bool(_ANNOUNCES_LIST.search(block.text))
            previous = ""  # a sentence often leans on the one before ("Where they do, ...")
            parts = sentences(block.text)
            for position, sentence in enumerate(parts):
                # A lead-in's last sentence that says something of its own after others
                # ("This means your content may be processed by AI systems, including:")
                # answers too, even when its list is lost; a bare "We collect:" does not.
                opens_list = sentence.rstrip().endswith(":") and (
                    position == 0 or len(sentence.split()) < LEAD_SAYS_WORDS)
                if not opens_list and not _POINTER.match(sentence):
                    # "They include ..." answers nothing without the sentence it refers to.
                    answer = (f"{previous} {sentence}" if previous and _ANAPHOR.match(sentence)
                              else sentence)
                    tail = parts[position + 1] if position + 1 < len(parts) else ""
                    if (_LABELLED_TAIL.match(tail) and len(tail.split()) <= _TAIL_WORDS
                            and not _LABELLED_TAIL.match(sentence)):
                        answer = f"{answer} {tail}"
                    context = (" ".join(parts[:position]) if refers_to_all_before(sentence)
                               else previous)
                    units.append(Unit(section=section, kind="sentence", quote=sentence,
                                      answer=answer, context=context))
                previous = sentence
            continue
        members.append(block.text)
        if block.kind == "item":
            if len(block.text.split()) < 2:
                continue  # a lone word ("Identity") answers nothing outside its list
            units.append(Unit(section=section, kind="item", quote=block.text,
                              answer=block.text, context=lead))
        else:
            header = block.cells[0] if block.cells else ""
            answer = (f"{block.label.rstrip(':').strip()}: {block.value}" if block.value
                      else block.text)
            units.append(Unit(section=section, kind="fact", quote=block.text, answer=answer,
                              context=f"{lead} {header}".strip()))
    close_list()
    return [_delinked(unit) for unit in units]


def _delinked(unit: Unit) -> Unit:
    """The unit's words without link targets ("our Cookie Policy (https://...)" reads "our
    Cookie Policy"), the targets kept as its links."""
    links = tuple(dict.fromkeys(_LINK_TARGET.findall(f"{unit.quote} {unit.answer}")))
    if not links:
        return unit
    return unit.model_copy(update={
        "quote": _LINK_TARGET.sub("", unit.quote), "answer": _LINK_TARGET.sub("", unit.answer),
        "context": _LINK_TARGET.sub("", unit.context), "links": links})
