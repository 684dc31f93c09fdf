"""The outbox folder: two databases writing into it never overwrite each other's files, and
the same message delivered twice is one file."""

from __future__ import annotations

from pathlib import Path

from bot.channels.sender import OutboxSender
from bot.channels.transports import DirectoryTransport, OutboundMail
from bot.organisations import Organisations
from storage import Database, open_database


def _raw(tag: str) -> bytes:
    return (f"From: Aimigos Studio <hello@aimigos.studio>\r\nTo: ann@example.org\r\n"
            f"Subject: [AIM-2026-0001] {tag}\r\nMessage-ID: <{tag}@aimigos.studio>\r\n"
            f"Auto-Submitted: auto-replied\r\n\r\nbody of {tag}\r\n").encode()


async def _one_reply(db: Database, tag: str) -> int:
    async with db.transaction() as tx:
        row = await tx.outbox.enqueue(organisation="aimigos", kind="ack",
                                      to_address="ann@example.org",
                                      message_id=f"<{tag}@aimigos.studio>", raw=_raw(tag))
    return row.id


async def test_two_databases_share_one_outbox_folder(tmp_path: Path,
                                                    orgs: Organisations) -> None:
    outbox = tmp_path / "outbox"
    written: list[bytes] = []
    for tag in ("first", "second"):  # e.g. a database lost and made anew: ids restart at 1
        db = await open_database(f"sqlite+aiosqlite:///{tmp_path / tag / 'privacybot.db'}")
        try:
            assert await _one_reply(db, tag) == 1
            assert await OutboxSender(db, DirectoryTransport(outbox), orgs).run_once() == 1
        finally:
            await db.close()
        written.append(_raw(tag))
    files = sorted(outbox.iterdir())
    assert len(files) == 2
    assert all(path.name.startswith("1-") and path.suffix == ".eml" for path in files)
    assert sorted(path.read_bytes() for path in files) == sorted(written)
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in files)


async def test_the_same_message_twice_is_one_file_and_nothing_is_replaced(
        tmp_path: Path) -> None:
    transport = DirectoryTransport(tmp_path / "outbox")
    mail = OutboundMail(outbox_id="7", envelope_from="hello@aimigos.studio",
                        recipients=("ann@example.org",), data=_raw("seven"))
    await transport.deliver(mail)  # a retry after a crash before the database heard of it
    await transport.deliver(mail)
    [path] = (tmp_path / "outbox").iterdir()
    assert path.read_bytes() == _raw("seven")
    other = mail.model_copy(update={"data": _raw("another seven")})
    await transport.deliver(other)  # same outbox id, other bytes: its own file
    assert sorted(p.read_bytes() for p in (tmp_path / "outbox").iterdir()) == sorted(
        [_raw("seven"), _raw("another seven")])
