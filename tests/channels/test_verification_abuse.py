"""What the tester did from outside (issue 16, items 1, 8 and 11), over SMTP and HTTP:

- a request forged in alice's name; alice answers "I never sent this, do NOT do anything",
  quoting our mail with its code: the ticket stops, it is never verified;
- a helpdesk's acknowledgement without Auto-Submitted that quotes our mail verifies nothing;
- the confirm page and the mail say what confirming means;
- five wrong codes lock the code and the requester is told by mail;
- mail with the reference in its subject from the requester's address (forgeable) does not
  restart a paused clock.
"""

from __future__ import annotations

import re
from email.message import EmailMessage

import aiohttp

from tests.channels.harness import Harness, make_mail

ERASURE = ("Hello, please delete all the personal data you hold about me and close my "
           "account. I want my data erased under Article 17. Thanks, Alice")
OWNER = "alice@example.org"


def _text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def _reply(ours: EmailMessage, body: str, *, sender: str = OWNER,
           threaded: bool = True) -> bytes:
    headers = ({"In-Reply-To": str(ours["Message-ID"]), "References": str(ours["Message-ID"])}
               if threaded else {})
    return make_mail(body, sender=sender, subject=f"Re: {ours['Subject']}", headers=headers)


def _quoted(ours: EmailMessage) -> str:
    lines = "\n".join(f"> {line}" for line in _text(ours).splitlines())
    return f"On Mon, 23 Nov 2026 at 10:00, Aimigos Studio <hello@aimigos.studio> wrote:\n{lines}"


async def _forged_request(service: Harness) -> EmailMessage:
    """Someone else sends an erasure request with From: alice (MAIL FROM is theirs)."""
    raw = make_mail(ERASURE, sender=OWNER, subject="Delete my data")
    assert (await service.send(raw, mail_from="mallory@example.net"))[0] == 250
    [request] = await service.mails_to(OWNER)
    return request.message


async def test_the_owners_denial_quoting_our_mail_stops_the_request(service: Harness) -> None:
    ours = await _forged_request(service)
    assert re.search(r"code \d{3} ?\d{3}", _text(ours))
    denial = _reply(ours, "I never sent this, do NOT do anything.\n\n" + _quoted(ours))
    assert (await service.send(denial))[0] == 250
    [ticket] = await service.tickets()
    assert ticket.state == "closed_unverified"
    assert ticket.verified_at is None
    mails = await service.mails_to(OWNER, 2)
    assert len(mails) == 2
    told = mails[1].message
    assert "stopped" in str(told["Subject"])
    assert ticket.reference in str(told["Subject"])
    view = await service.services.desk.get_ticket(ticket.reference)
    assert "request_disputed" in [e.kind for e in view.events]
    assert "identity_verified" not in [e.kind for e in view.events]
    assert "acknowledgement" not in [o.kind for o in view.outbox]
    # The link in the mail now says the request is closed, and confirms nothing.
    found = re.search(r"http://links\.test(/verify/\S+)", _text(ours))
    assert found
    async with aiohttp.ClientSession() as http:
        async with http.get(service.http_url + found.group(1)) as resp:
            assert resp.status == 400
            assert "This request is closed" in await resp.text()
        async with http.post(service.http_url + found.group(1)) as resp:
            assert resp.status == 400
    [after] = await service.tickets()
    assert after.verified_at is None


async def test_a_helpdesk_acknowledgement_quoting_our_mail_verifies_nothing(
        service: Harness) -> None:
    ours = await _forged_request(service)
    ack = _reply(ours, "Thank you for contacting Example Corp. This is an automatic "
                 "acknowledgement: your message has been received.\n\n"
                 "-----Original Message-----\nFrom: Aimigos Studio <hello@aimigos.studio>\n"
                 f"Sent: Monday\nSubject: {ours['Subject']}\n\n{_text(ours)}")
    assert (await service.send(ack))[0] == 250
    [ticket] = await service.tickets()
    assert ticket.state == "awaiting_identity"
    assert ticket.verified_at is None
    view = await service.services.desk.get_ticket(ticket.reference)
    assert "verification_failed" not in [e.kind for e in view.events]  # no attempt used up


async def test_the_mail_and_the_confirm_page_say_what_will_be_done(service: Harness) -> None:
    ours = await _forged_request(service)
    text = " ".join(_text(ours).split())
    assert "delete the personal data Aimigos Studio holds about you" in text
    assert "If you did not ask for this" in text
    found = re.search(r"http://links\.test(/verify/\S+)", _text(ours))
    assert found
    async with aiohttp.ClientSession() as http, http.get(
            service.http_url + found.group(1)) as resp:
        assert resp.status == 200
        page = " ".join((await resp.text()).split())
    assert "asking Aimigos Studio to delete the personal data it holds about you" in page
    assert "If you did not ask for this, do not press the button" in page
    [ticket] = await service.tickets()
    assert ticket.verified_at is None  # the GET changed nothing


async def test_five_wrong_codes_lock_and_the_requester_is_told(service: Harness) -> None:
    ours = await _forged_request(service)
    for _ in range(5):
        assert (await service.send(_reply(ours, "My code is 000000")))[0] == 250
    mails = await service.mails_to(OWNER, 2)
    locked = mails[1].message
    assert "locked" in str(locked["Subject"]).lower()
    assert "send you a new code" in " ".join(_text(locked).split())
    [ticket] = await service.tickets()
    notes = (await service.services.desk.attention([ticket]))[ticket.reference]
    assert any(note.startswith("code locked after 5 wrong tries") for note in notes)


async def test_a_forgeable_subject_reference_does_not_restart_the_clock(
        service: Harness) -> None:
    ours = await _forged_request(service)
    [ticket] = await service.tickets()
    desk = service.services.desk
    code = re.search(r"code (\d{3}) ?(\d{3})", _text(ours))
    assert code
    await desk.verify_code(ticket.reference, code.group(1) + code.group(2), "alice", "cli")
    await desk.request_clarification(ticket.reference, "Which account?", "alice", "cli")
    spoofed = _reply(ours, "The old one.", threaded=False)  # From alice, reference in subject
    assert (await service.send(spoofed, mail_from="mallory@example.net"))[0] == 250
    [after] = await service.tickets()
    assert after.state == "awaiting_clarification"
    view = await desk.get_ticket(ticket.reference)
    assert "clarification_unconfirmed" in [e.kind for e in view.events]
    question = (await service.mails_to(OWNER, 3))[-1].message
    assert (await service.send(_reply(question, "The old one.")))[0] == 250
    [resumed] = await service.tickets()
    assert resumed.state == "in_progress"
