"""A whole intake story in JSON logs: a mail over SMTP to the real intake, its ticket, the
verification mail, the link visited. With PII off no line names the requester's address,
the subject or a whole token; with PII on the same story's lines do name the address."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from structlog.contextvars import clear_contextvars

from bot.observability.logs import configure_logging
from tests.channels.harness import Harness, make_mail, running_service

SENDER = "zoe.requester@example.net"
SUBJECT = "Quokka-7 copy of everything you hold"
ACCESS = "Please send me a copy of the personal data you hold about me."


@pytest.fixture
def restore_root() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    clear_contextvars()
    root.handlers[:] = handlers
    root.setLevel(level)


async def _story(service: Harness) -> str:
    """Mail in over SMTP, verification mail out, link visited; the link's token."""
    raw = make_mail(ACCESS, sender=SENDER, subject=SUBJECT)
    code, _ = await service.send(raw, mail_from=SENDER)
    assert code == 250
    [request] = await service.mails_to(SENDER)
    part = request.message.get_body(preferencelist=("plain",))
    assert part is not None
    found = re.search(r"http://links\.test/verify/([A-Za-z0-9_.-]+)", str(part.get_content()))
    assert found, "no verification link in the mail"
    token = found.group(1)
    url = f"{service.http_url}/verify/{token}"
    async with aiohttp.ClientSession() as http:
        async with http.get(url) as resp:
            assert resp.status == 200
        async with http.post(url) as resp:
            assert resp.status == 200
        async with http.post(f"{service.http_url}/verify/{token[:-4]}AAAA") as resp:
            assert resp.status == 400  # a tampered link
    await service.mails_to(SENDER, 2)  # the acknowledgement after verification
    [ticket] = await service.tickets()
    assert ticket.verified_at is not None
    return token


async def _logged_story(database_url: str, tmp_path: Path, *, pii: bool) -> tuple[list[str], str]:
    stream = io.StringIO()
    configure_logging("json", pii=pii, stream=stream)
    async with running_service(database_url, tmp_path) as service:
        token = await _story(service)
    return stream.getvalue().splitlines(), token


async def test_no_personal_data_in_json_logs(database_url: str, tmp_path: Path,
                                             restore_root: None) -> None:
    lines, token = await _logged_story(database_url, tmp_path, pii=False)
    events = [json.loads(line) for line in lines]  # every line is one JSON object
    assert events
    for line in lines:
        assert SENDER not in line
        assert SUBJECT not in line
        assert "Quokka" not in line
        assert token not in line
        assert token.split(".")[1] not in line  # not even the whole signature
    # The lines that concern a mail say which: the intake names the mail and the ticket,
    # the outbox the mail it sent (our Message-ID, which carries the ticket reference).
    intake = [e for e in events if e["event"].startswith("smtp intake:")]
    assert intake
    assert all(e.get("message_id") and e.get("reference") for e in intake)
    sent = [e for e in events if " sent to " in e["event"]]
    assert len(sent) >= 2
    assert all(e["event"].count("[address]") == 1 for e in sent)
    reference = intake[0]["reference"]
    assert all(reference in e["message_id"] for e in sent)


async def test_with_pii_allowed_the_same_story_names_the_requester(
        database_url: str, tmp_path: Path, restore_root: None) -> None:
    lines, _ = await _logged_story(database_url, tmp_path, pii=True)
    assert any(SENDER in line for line in lines)
