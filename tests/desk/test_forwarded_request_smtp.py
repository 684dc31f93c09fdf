"""A colleague forwards a client's request over SMTP: the ticket's requester is the client,
who is asked to verify as any requester is, not the colleague who forwarded it.

Runs over SQLite and (with TEST_DATABASE_URL) PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.channels.harness import Harness, make_mail, running_service

COLLEAGUE = "laura@aimigos.studio"
CLIENT = "owen.price@example.com"
FORWARD = (
    "Hi privacy team,\n\nthis came to my inbox instead of yours, can you pick it up?\n\n"
    "Laura\n\n---------- Forwarded message ---------\n"
    f"From: Owen Price <{CLIENT}>\nDate: Thu, 3 Dec 2026 at 09:14\nSubject: my data\n"
    f"To: Laura Pinto <{COLLEAGUE}>\n\nHello Laura,\n\nCould you send me a copy of all the "
    "personal data you hold about me, including any photos?\n\nMany thanks,\nOwen")


@pytest.fixture
async def service(database_url: str, tmp_path: Path,
                  premigrated: None) -> AsyncIterator[Harness]:
    async with running_service(database_url, tmp_path) as harness:
        yield harness


async def test_a_forwarded_request_makes_the_original_sender_the_requester(
        service: Harness) -> None:
    raw = make_mail(FORWARD, sender=COLLEAGUE, subject="Fwd: my data")
    assert (await service.send(raw, mail_from=COLLEAGUE))[0] == 250
    [ticket] = await service.tickets()
    assert ticket.intents == ["access"]
    assert ticket.requester_address == CLIENT
    assert ticket.requester_name == "Owen Price"
    assert ticket.state == "awaiting_identity"
    [request] = await service.mails_to(CLIENT)
    assert str(request.message["Subject"]).startswith("Please confirm your request")
    assert service.relay.to(COLLEAGUE) == []
    # The client verifies as any requester does: the code comes back from the client.
    part = request.message.get_body(preferencelist=("plain",))
    assert part is not None
    code = re.search(r"(?<!\d)(\d{3}) ?(\d{3})(?!\d)", str(part.get_content()))
    assert code is not None
    reply = make_mail(f"{code.group(1)}{code.group(2)}", sender=CLIENT,
                      subject=f"Re: {request.message['Subject']}",
                      headers={"In-Reply-To": str(request.message["Message-ID"]),
                               "References": str(request.message["Message-ID"])})
    assert (await service.send(reply, mail_from=CLIENT))[0] == 250
    [after] = await service.tickets()
    assert after.state == "in_progress"


async def test_a_forward_with_nothing_asked_opens_no_ticket(service: Harness) -> None:
    body = FORWARD.replace("Could you send me a copy of all the personal data you hold about "
                           "me, including any photos?", "Thanks for the lovely workshop!")
    raw = make_mail(body, sender=COLLEAGUE, subject="Fwd: thanks")
    assert (await service.send(raw, mail_from=COLLEAGUE))[0] == 250
    assert await service.tickets() == []
