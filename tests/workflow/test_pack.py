"""The access pack's pure rules: which history the requester sees, file names that stay in
their folder, the same zip for the same pack, and the policy quoted or said to be silent."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.workflow.pack import (
    LEFT_OUT,
    Pack,
    PackFile,
    PackMail,
    build_zip,
    index_text,
    safe_name,
    shown_events,
)
from bot.workflow.pack_info import NOT_SAID, TOPICS, supplementary_information
from knowledge import KnowledgeBase, read_policy_file

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def test_history_keeps_the_requesters_events_and_no_internal_data() -> None:
    events = shown_events([
        ("note_added", AT, {"text": "SECRET NOTE"}, "AIM-2026-0001"),
        ("assigned", AT, {"to": "alice"}, "AIM-2026-0001"),
        ("checklist_ticked", AT, {"system": "CRM"}, "AIM-2026-0001"),
        ("reply_queued", AT + timedelta(minutes=2), {"reply": "done_notice",
                                                     "subject": "SUBJECT"}, "AIM-2026-0001"),
        ("ticket_opened", AT, {"subject": "My data", "from": "ann@example.com"},
         "AIM-2026-0001"),
    ])
    assert [e.kind for e in events] == ["ticket_opened", "reply_queued"]
    assert events[1].what == "We wrote to you (done notice)"
    dumped = json.dumps([e.model_dump(mode="json") for e in events])
    for secret in ("SECRET NOTE", "alice", "CRM", "SUBJECT", "ann@example.com"):
        assert secret not in dumped


def test_file_names_stay_in_their_folder() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\Users\\x\\scan 1.pdf") == "scan_1.pdf"
    assert safe_name("..") == "file"
    assert safe_name("") == "file"
    assert len(safe_name("a" * 500 + ".pdf")) <= 120


def _pack() -> Pack:
    return Pack(reference="AIM-2026-0001", organisation="Aimigos Studio",
                requester="ann@example.com", made_at=AT,
                mails=(PackMail(direction="in", at=AT, from_address="ann@example.com",
                                to_address="hello@aimigos.studio", subject="My data",
                                text="Please.", original=b"raw"),),
                events=(), info=(), files=(PackFile(name="../x.pdf", mimetype="application/pdf",
                                                    data=b"%PDF", added_at=AT),))


def test_the_same_pack_gives_the_same_zip() -> None:
    first, second = build_zip(_pack()), build_zip(_pack())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert sorted(archive.namelist()) == [
            "files/01-x.pdf", "index.json", "index.txt", "mails/001-from-you.eml",
            "mails/001-from-you.txt"]
        assert archive.read("mails/001-from-you.eml") == b"raw"
    text = index_text(_pack())
    assert "[mails/001-from-you.txt]" in text
    assert LEFT_OUT in text


def test_a_silent_policy_is_said_to_be_silent(tmp_path: Path) -> None:
    policy = tmp_path / "tiny.md"
    policy.write_text("# Tiny Ltd privacy policy\n\n## 1. Purposes\n\nWe use your data to "
                      "deliver the services you ordered and to send invoices.\n",
                      encoding="utf-8")
    kb = KnowledgeBase.build([read_policy_file(policy, policy_id="tiny", title="Tiny Ltd")])
    info = {item.topic: item for item in supplementary_information(
        kb, "tiny", authority="ICO", authority_contact="ico.org.uk")}
    assert set(info) == {topic.key for topic in TOPICS}
    assert info["recipients"].note == NOT_SAID
    assert not info["recipients"].answered
    assert "ICO: ico.org.uk" in info["complaint"].note
    unknown = supplementary_information(kb, "nobody", authority="ICO", authority_contact="x")
    assert all(not item.answered for item in unknown)
