"""The requester's access pack: what privacybot itself holds about them, as one zip.

Pure: the desk gathers the pieces (bot/desk/export.py), this module decides what of a
ticket's history the requester sees and writes the zip. The zip holds

    index.txt          the whole pack in plain words, to read first
    index.json         the same, for a machine (mails' texts included)
    mails/NNN-...txt   each mail, theirs and ours, as text (theirs also as the original .eml)
    files/NAME         the documents the privacy team added to the ticket

The history keeps each event's date and what happened, in the requester's terms, for the
kinds in `SHOWN`; everything else (the team's internal notes, assignments, checklists, holds)
is the team's working record, not the requester's data, and is left out: the index says so.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

# What each history event the requester sees says; the others are left out.
SHOWN: Mapping[str, str] = {
    "ticket_opened": "Your request was received and given its reference",
    "linked_ticket_opened": "A related request of yours was opened",
    "reply_received": "A further mail of yours was added to the request",
    "verification_failed": "A verification code that did not match was entered",
    "verification_resent": "A new verification code was sent to you",
    "identity_verified": "Your identity was confirmed",
    "identity_proof": "Proof of identity was recorded",
    "clarification_requested": "We asked you to clarify the request",
    "clarification_received": "Your clarification was received",
    "extended": "The time to answer was extended",
    "fee_requested": "A fee was asked",
    "fee_received": "The fee was received",
    "rejected": "The request was refused",
    "closed_done": "The request was completed",
    "closed_unverified": "The request was closed because identity was not confirmed",
    "suppression_added": "Your address was added to the no-marketing list",
    "suppression_removed": "Your address was removed from the no-marketing list",
    "file_added": "The privacy team added a document for you",
    "pack_sent": "A link to this pack was sent to you",
    "pack_downloaded": "This pack was downloaded",
}
LEFT_OUT = ("The privacy team's internal notes and its own working steps (who handles the "
            "request, its checklist of systems, holds) are not included: they are the team's "
            "record of its work, not personal data about you. Mails of anyone else are never "
            "included.")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True)


class PackMail(_Value):
    """One mail: `direction` "in" is theirs, "out" ours."""

    direction: Literal["in", "out"]
    at: datetime
    from_address: str
    to_address: str
    subject: str
    text: str
    reference: str | None = None  # the ticket it belongs to, when it belongs to one
    original: bytes | None = None  # the requester's own mail as received (.eml)


class PackEvent(_Value):
    at: datetime
    kind: str
    what: str
    reference: str


class Quote(_Value):
    section: str
    heading: str
    quote: str


class PackInfo(_Value):
    """One item of the information Art. 15(1)-(2) GDPR requires, from the policy."""

    topic: str
    title: str
    quotes: tuple[Quote, ...] = ()
    note: str = ""  # said when the policy does not say, or what we add to it

    @property
    def answered(self) -> bool:
        return bool(self.quotes)


class PackFile(_Value):
    name: str
    mimetype: str
    data: bytes
    added_at: datetime


class Pack(_Value):
    reference: str
    organisation: str
    requester: str
    made_at: datetime
    mails: tuple[PackMail, ...]
    events: tuple[PackEvent, ...]
    info: tuple[PackInfo, ...]
    files: tuple[PackFile, ...]


def shown_events(events: Iterable[tuple[str, datetime, Mapping[str, Any], str]]
                 ) -> list[PackEvent]:
    """The history the requester sees: (kind, at, data, reference) of the kinds in SHOWN,
    with our replies named by their kind; nothing of any event's internal data."""
    found: list[PackEvent] = []
    for kind, at, data, reference in events:
        if kind == "reply_queued":
            what = f"We wrote to you ({str(data.get('reply', 'mail')).replace('_', ' ')})"
        elif kind in SHOWN:
            what = SHOWN[kind]
        else:
            continue
        found.append(PackEvent(at=at, kind=kind, what=what, reference=reference))
    return sorted(found, key=lambda event: event.at)


def safe_name(name: str, fallback: str = "file") -> str:
    """A file name that stays inside its folder of the zip: no path, no odd characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).strip("._")[:120]
    return cleaned or fallback


def _stamp(at: datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M} UTC"


def _mail_names(pack: Pack) -> list[str]:
    return [f"mails/{number:03d}-{'from-you' if mail.direction == 'in' else 'from-us'}"
            for number, mail in enumerate(pack.mails, start=1)]


def _file_names(pack: Pack) -> list[str]:
    names: list[str] = []
    for number, item in enumerate(pack.files, start=1):
        names.append(f"files/{number:02d}-{safe_name(item.name)}")
    return names


def mail_text(mail: PackMail) -> str:
    return (f"From: {mail.from_address}\nTo: {mail.to_address}\nDate: {_stamp(mail.at)}\n"
            f"Subject: {mail.subject}\n\n{mail.text.rstrip()}\n")


def index_text(pack: Pack) -> str:
    """The pack in plain words: what we hold, what happened, the policy's answers."""
    lines = [f"The personal data {pack.organisation} holds about you in its privacy desk",
             "", f"Request {pack.reference}, for {pack.requester}; this pack was made on "
             f"{_stamp(pack.made_at)}.", "",
             "This pack holds: index.txt (this text), index.json (the same, for a computer), "
             "mails/ (each mail as text; yours also as the original .eml) and files/ "
             "(documents the privacy team added).", "",
             f"1. Your mails and ours ({len(pack.mails)})"]
    for name, mail in zip(_mail_names(pack), pack.mails, strict=True):
        who = "from you" if mail.direction == "in" else "from us"
        lines.append(f"   {_stamp(mail.at)}  {who:<8}  {mail.subject or '(no subject)'}  "
                     f"[{name}.txt]")
    lines += ["", "2. The history of your request"]
    lines += [f"   {_stamp(event.at)}  {event.reference}  {event.what}" for event in pack.events]
    lines += ["", "3. About the processing of your data (Art. 15(1) and (2) GDPR)"]
    for item in pack.info:
        lines.append(f"   {item.title}:")
        for quote in item.quotes:
            where = f"section {quote.section} " if quote.section else ""
            lines.append(f"     Our privacy policy, {where}\"{quote.heading}\", says:")
            lines += [f"       {row}" for row in quote.quote.splitlines() if row.strip()]
        if item.note:
            lines.append(f"     {item.note}")
    lines += ["", f"4. Documents added by the privacy team ({len(pack.files)})"]
    lines += [f"   {name}  ({item.mimetype}, {len(item.data)} bytes)"
              for name, item in zip(_file_names(pack), pack.files, strict=True)]
    lines += ["", "What is not here", f"   {LEFT_OUT}", ""]
    return "\n".join(lines)


def index_json(pack: Pack) -> dict[str, Any]:
    """The documented shape of index.json (docs/accountability.md)."""
    return {
        "reference": pack.reference, "organisation": pack.organisation,
        "requester": pack.requester, "made_at": pack.made_at.isoformat(),
        "mails": [{"file": f"{name}.txt", "direction": mail.direction,
                   "at": mail.at.isoformat(), "from": mail.from_address,
                   "to": mail.to_address, "subject": mail.subject, "text": mail.text,
                   "reference": mail.reference,
                   "original": f"{name}.eml" if mail.original is not None else None}
                  for name, mail in zip(_mail_names(pack), pack.mails, strict=True)],
        "history": [{"at": event.at.isoformat(), "kind": event.kind, "what": event.what,
                     "reference": event.reference} for event in pack.events],
        "information": [{"topic": item.topic, "title": item.title,
                         "answered": item.answered, "note": item.note,
                         "quotes": [quote.model_dump() for quote in item.quotes]}
                        for item in pack.info],
        "files": [{"file": name, "name": item.name, "mimetype": item.mimetype,
                   "size": len(item.data), "added_at": item.added_at.isoformat()}
                  for name, item in zip(_file_names(pack), pack.files, strict=True)],
        "left_out": LEFT_OUT,
    }


def build_zip(pack: Pack) -> bytes:
    """The pack as zip bytes; the same pack always gives the same bytes."""
    stamp = pack.made_at.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        def put(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)

        put("index.txt", index_text(pack).encode("utf-8"))
        put("index.json", json.dumps(index_json(pack), indent=2, ensure_ascii=False)
            .encode("utf-8"))
        for name, mail in zip(_mail_names(pack), pack.mails, strict=True):
            put(f"{name}.txt", mail_text(mail).encode("utf-8"))
            if mail.original is not None:
                put(f"{name}.eml", mail.original)
        for name, item in zip(_file_names(pack), pack.files, strict=True):
            put(name, item.data)
    return out.getvalue()


def pack_filename(reference: str) -> str:
    return f"{safe_name(reference, 'request')}-your-data.zip"
