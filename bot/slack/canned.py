"""Canned replies the Reply modal offers: plain text files a team edits without a release.

    bot/templates/canned/<lang>/<name>.txt                 everyone's
    bot/templates/orgs/<org_id>/canned/<lang>/<name>.txt   one organisation's (same name wins)

The ticket's language is looked up first, then English. The label is the file name
(`which_account.txt` reads "Which account"); `{reference}` and `{organisation}` in the text
become the ticket's reference and the organisation's name. Files are read when the modal
opens, so an edit shows at once.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from bot.workflow.texts import TEMPLATES

MAX_CANNED = 50  # a static select holds at most 100 options
MAX_TEXT = 3000  # a plain_text_input's initial value


class Canned(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    label: str
    text: str


def _folders(root: Path, org_id: str, language: str | None) -> list[Path]:
    languages = list(dict.fromkeys([(language or "en").lower()[:2], "en"]))
    folders: list[Path] = []
    for lang in languages:
        folders.append(root / "orgs" / org_id / "canned" / lang)
        folders.append(root / "canned" / lang)
    return folders


def canned_replies(org_id: str, language: str | None, *, reference: str = "",
                   organisation: str = "", root: Path = TEMPLATES) -> list[Canned]:
    """The replies on offer for one ticket, by label; the first file of a name wins."""
    found: dict[str, Canned] = {}
    for folder in _folders(root, org_id, language):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            if path.stem in found or not path.stem.replace("_", "").replace("-", "").isalnum():
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            text = text.replace("{reference}", reference).replace("{organisation}", organisation)
            label = path.stem.replace("_", " ").replace("-", " ").strip().capitalize()
            found[path.stem] = Canned(name=path.stem, label=label, text=text.strip()[:MAX_TEXT])
    return sorted(found.values(), key=lambda item: item.label)[:MAX_CANNED]


def canned_text(org_id: str, language: str | None, name: str, *, reference: str = "",
                organisation: str = "", root: Path = TEMPLATES) -> str | None:
    """One canned reply's text by its name, or None."""
    for item in canned_replies(org_id, language, reference=reference,
                               organisation=organisation, root=root):
        if item.name == name:
            return item.text
    return None
