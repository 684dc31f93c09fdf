"""What the package knows about one language, as data: the schema every language file fills.

A language file (`intents/languages/xx.py`) holds one `LanguageData`: its most common short
words (to recognise it), whether the classifier has rules for it (`read`), and the words its
mail clients write around forwarded mail (the line that opens a forward, the labels of the
header block under it). pydantic checks each file when the package is imported; the tests
check every file's examples.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator


class HeaderLabels(BaseModel):
    """The labels a mail client writes in a forwarded message's header block, lower case.

    "From: Ann <ann@example.org> / Sent: ... / To: ... / Subject: ...": one tuple per field,
    every form the language's clients use ("Enviado", "Enviado el").
    """

    model_config = ConfigDict(frozen=True)

    sender: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    to: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()


class LanguageData(BaseModel):
    """One language: how to recognise it and how its mail clients mark a forward."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(pattern=r"^[a-z]{2,3}$")  # ISO 639-1 where there is one
    name: str
    # True when the classifier has rules for the language: a mail recognised as a language
    # that is not read gets no intents and says "language not read" (it goes to triage).
    read: bool
    # Very common short words, lower case, space separated (function words, greetings, the
    # word for "data"): the language whose words cover most of a text's words is its language.
    # Empty for languages recognised by their script.
    stopwords: str = ""
    # The line a mail client writes above a forwarded or earlier message, lower case, without
    # its dashes or colon ("forwarded message", "begin forwarded message").
    forward_markers: tuple[str, ...] = ()
    headers: HeaderLabels = HeaderLabels()
    # Texts in the language that must be recognised as it (checked by the tests).
    examples: tuple[str, ...] = ()

    @field_validator("stopwords")
    @classmethod
    def _lower_words(cls, value: str) -> str:
        if value != value.lower():
            raise ValueError("stop words are lower case")
        return " ".join(value.split())

    @field_validator("forward_markers")
    @classmethod
    def _lower_markers(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(m != m.lower() or not m.strip() for m in value):
            raise ValueError("forward markers are lower case and not empty")
        return value
