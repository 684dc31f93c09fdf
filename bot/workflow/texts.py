"""Reply texts from jinja2 templates, per language and per organisation.

A template is `bot/templates/<lang>/<kind>.txt.j2`; an organisation may override any of them in
`bot/templates/orgs/<org_id>/<lang>/<kind>.txt.j2`. The first line is `Subject: ...`, then a
blank line, then the body. Lookup: the org's text in the client's language, ours in that
language, the org's English, ours in English. Whatever a template says, the subject always
carries the ticket reference in brackets.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import jinja2
from pydantic import BaseModel, ConfigDict

from bot.errors import ConfigError
from bot.workflow.replies import ReplyKind

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
FALLBACK_LANGUAGE = "en"


class RenderedText(BaseModel):
    model_config = ConfigDict(frozen=True)

    subject: str
    body: str
    language: str


@lru_cache(maxsize=4)
def _environment(root: Path) -> jinja2.Environment:
    # Plain text mail: no HTML escaping; undefined variables are template bugs, so fail loudly.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(root)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # noqa: S701 - plain-text mail, never HTML
    )


def _candidates(kind: ReplyKind, language: str, org_id: str) -> list[tuple[str, str]]:
    languages = [language] if language == FALLBACK_LANGUAGE else [language, FALLBACK_LANGUAGE]
    names: list[tuple[str, str]] = []
    for lang in languages:
        names.append((f"orgs/{org_id}/{lang}/{kind.value}.txt.j2", lang))
        names.append((f"{lang}/{kind.value}.txt.j2", lang))
    return names


def available_languages(kind: ReplyKind, root: Path = TEMPLATES) -> list[str]:
    return sorted(p.parent.name for p in root.glob(f"*/{kind.value}.txt.j2"))


def render(
    kind: ReplyKind,
    *,
    language: str | None,
    org_id: str,
    reference: str,
    context: Mapping[str, object],
    root: Path = TEMPLATES,
) -> RenderedText:
    """The subject and body of one reply; English when the client's language has no text."""
    env = _environment(root)
    lang = (language or FALLBACK_LANGUAGE).lower()[:2]
    for name, used in _candidates(kind, lang, org_id):
        try:
            template = env.get_template(name)
        except jinja2.TemplateNotFound:
            continue
        try:
            text = template.render(**context, reference=reference)
        except jinja2.TemplateError as exc:
            raise ConfigError(f"reply template {name} failed: {exc}") from exc
        return _split(text, reference, used, name)
    raise ConfigError(f"no reply template for {kind.value}")


def _split(text: str, reference: str, language: str, name: str) -> RenderedText:
    first, _, body = text.lstrip("\n").partition("\n")
    if not first.lower().startswith("subject:"):
        raise ConfigError(f"reply template {name} must start with 'Subject: '")
    subject = " ".join(first[len("subject:"):].split())
    if f"[{reference}]" not in subject:
        subject = f"[{reference}] {subject}".strip()
    return RenderedText(subject=subject, body=body.strip("\n") + "\n", language=language)
