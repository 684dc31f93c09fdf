"""The knowledge base's values: a parsed policy (sections and answerable units) and answers.

A policy is a flat tuple of sections (each knowing its number, heading and path from the top)
and a flat tuple of units, the smallest spans that can answer a question: a sentence, a list
item, a fact (a table row or a "Label: value" line) or a lead-in with the list it introduces.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

UnitKind = Literal["sentence", "item", "fact", "list", "lead"]  # lead: never an answer


class Section(BaseModel):
    """One heading of the policy and where it sits in the tree."""

    model_config = ConfigDict(frozen=True)

    number: str  # as written ("7.1"), "" when unnumbered
    heading: str  # as written, without its number
    path: str  # headings from the top, with numbers, joined by " > "
    level: int
    parent: int | None  # index into Policy.sections

    @property
    def title(self) -> str:
        """The heading as a reader sees it: number and words."""
        return f"{self.number} {self.heading}".strip() if self.number else self.heading


class Unit(BaseModel):
    """An answerable span of the policy, with the text around it that helps find it."""

    model_config = ConfigDict(frozen=True)

    section: int  # index into Policy.sections
    kind: UnitKind
    quote: str  # the policy's own words
    answer: str  # what to say: the quote, or "Label: value" for a fact
    context: str = ""  # lead-in of an item, header of a table row
    links: tuple[str, ...] = ()  # targets of the links in its words (the words keep their text)


class Policy(BaseModel):
    """A parsed policy: its id, display title, sections and answerable units."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    sections: tuple[Section, ...]
    units: tuple[Unit, ...]


class Citation(BaseModel):
    """Where an answer comes from: the organisation, the section and the words quoted."""

    model_config = ConfigDict(frozen=True)

    policy: str
    organisation: str
    section: str
    heading: str
    path: str
    quote: str
    links: tuple[str, ...] = ()  # where the quote's links point


class Answer(BaseModel):
    """The answer to one question, or a reasoned refusal with pointers."""

    model_config = ConfigDict(frozen=True)

    question: str
    answered: bool
    answer: str
    confidence: float
    citations: list[Citation]
    pointers: list[Citation]
