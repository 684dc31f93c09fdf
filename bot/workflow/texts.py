"""Reply texts from jinja2 templates, per language and per organisation.

A template is `bot/templates/<lang>/<kind>.txt.j2`; an organisation may override any of them in
`bot/templates/orgs/<org_id>/<lang>/<kind>.txt.j2`. The first line is `Subject: ...`, then a
blank line, then the body. Lookup: the org's text in the client's language, ours in that
language, the org's English, ours in English. Whatever a template says, the subject always
carries the ticket reference in brackets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path

import jinja2
from pydantic import BaseModel, ConfigDict

from bot.errors import ConfigError

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
FALLBACK_LANGUAGE = "en"
_MONTHS = {
    "en": "January February March April May June July August September October November "
          "December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
          "décembre",
}
_DATE_FORMATS = {"en": "{d} {m} {y}", "es": "{d} de {m} de {y}", "de": "{d}. {m} {y}",
                 "fr": "{d} {m} {y}"}


def format_date(day: date, language: str) -> str:
    """A date as people write it in that language (English where we do not know how)."""
    lang = language if language in _MONTHS else FALLBACK_LANGUAGE
    month = _MONTHS[lang].split()[day.month - 1]
    return _DATE_FORMATS[lang].format(d=day.day, m=month, y=day.year)


@lru_cache(maxsize=64)
def names_regulator(text: str, regulator: str) -> bool:
    """Whether `text` (a policy's words) names the regulator called `regulator`
    ("Information Commissioner's Office"), by that name or its initials ("ICO"). The
    complaint acknowledgement then names the regulator once, with its details, rather than
    quoting the policy saying it too."""
    name = regulator.replace("\u2019", "'").strip()
    if not name or not text:
        return False
    if name.casefold() in text.replace("\u2019", "'").casefold():
        return True
    initials = "".join(word[0] for word in name.split() if word[:1].isupper())
    return len(initials) >= 2 and re.search(rf"\b{re.escape(initials)}\b", text) is not None


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
        auto_reload=False,  # read once: a changed template needs a restart, as a policy does
    )


def _candidates(kind: str, language: str, org_id: str) -> list[tuple[str, str]]:
    languages = [language] if language == FALLBACK_LANGUAGE else [language, FALLBACK_LANGUAGE]
    names: list[tuple[str, str]] = []
    for lang in languages:
        names.append((f"orgs/{org_id}/{lang}/{kind}.txt.j2", lang))
        names.append((f"{lang}/{kind}.txt.j2", lang))
    return names


def available_languages(kind: str, root: Path = TEMPLATES) -> list[str]:
    return sorted(p.parent.name for p in root.glob(f"*/{kind}.txt.j2"))


def render(
    kind: str,
    *,
    language: str | None,
    org_id: str,
    reference: str,
    context: Mapping[str, object],
    root: Path = TEMPLATES,
) -> RenderedText:
    """The subject and body of one reply; English when the client's language has no text.
    `kind` names the template: a ReplyKind, or another text's name (bot.workflow.recipients)."""
    lang = (language or FALLBACK_LANGUAGE).lower()[:2]
    found = _template(root, str(kind), lang, org_id)
    if found is None:
        raise ConfigError(f"no reply template for {kind}")
    template, name, used = found
    # Dates are written in the language of the text actually used, not the client's.
    values = {key: format_date(value, used) if isinstance(value, date) else value
              for key, value in context.items()}
    try:
        text = template.render(**values, reference=reference)
    except jinja2.TemplateError as exc:
        raise ConfigError(f"reply template {name} failed: {exc}") from exc
    return _split(text, reference, used, name)


@lru_cache(maxsize=1024)
def _template(root: Path, kind: str, language: str,
              org_id: str) -> tuple[jinja2.Template, str, str] | None:
    """The first template of the lookup order that exists: (template, name, its language).
    Remembered, because every reply on the intake's hot path asked the file system again,
    missing overrides included (templates are read once per process, like the policies)."""
    env = _environment(root)
    for name, used in _candidates(kind, language, org_id):
        try:
            return env.get_template(name), name, used
        except jinja2.TemplateNotFound:
            continue
        except jinja2.TemplateError as exc:
            raise ConfigError(f"reply template {name} failed: {exc}") from exc
    return None


def _split(text: str, reference: str, language: str, name: str) -> RenderedText:
    first, _, body = text.lstrip("\n").partition("\n")
    if not first.lower().startswith("subject:"):
        raise ConfigError(f"reply template {name} must start with 'Subject: '")
    subject = " ".join(first[len("subject:"):].split())
    if f"[{reference}]" not in subject:
        subject = f"[{reference}] {subject}".strip()
    return RenderedText(subject=subject, body=body.strip("\n") + "\n", language=language)
