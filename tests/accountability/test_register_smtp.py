"""A month of requests mailed to the running service over SMTP (a real client on loopback):
verified, extended, refused, late and never answered, the register's every row matches its
ticket's events, as when the requests reach the desk directly (test_register.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.desk import Desk
from tests.accountability.conftest import START, Send, Verify, month_of_requests
from tests.accountability.test_register import check_register
from tests.channels.harness import AIM, IMG, Harness, make_mail, running_service
from tests.desk.conftest import Clock

# What each kind of request says, in a client's own words: the classifier reads them.
WORDS = {
    "access": "Please send me a copy of all the personal data you hold about me.",
    "erasure": "Please delete my account and all the personal data you hold about me.",
    "complaint": "I want to make a formal complaint: you passed my personal data to another "
                 "company without my consent.",
    "opt_out": "Please unsubscribe me from your marketing emails, I no longer want them.",
}


def _confirmer(service: Harness) -> Verify:
    async def confirm(desk: Desk, reference: str) -> None:
        ticket = (await desk.get_ticket(reference)).ticket
        received = await service.mails_to(ticket.requester_address)
        codes = [found.group(1) for mail in received
                 if (found := re.search(r"code (\d{6})", mail.message.get_body(
                     ("plain",)).get_content())) is not None]  # type: ignore[union-attr]
        await desk.verify_code(reference, codes[-1], "alice", "cli")
    return confirm


def _mailer(service: Harness) -> Send:
    async def mail(desk: Desk, intents: list[str], sender: str, org: str) -> str:
        name, address = sender.split(" <")
        address = address.rstrip(">")
        raw = make_mail(" ".join(WORDS[i] for i in intents) + f"\n\n{name}",
                        sender=f"{name} <{address}>", to=AIM if org == "aimigos" else IMG)
        code, _ = await service.send(raw, mail_from=address,
                                     to=(AIM if org == "aimigos" else IMG,))
        assert code == 250
        for ticket in await desk.list_tickets():
            if ticket.requester_address == address:
                assert ticket.intents == intents, (intents, ticket.intents)
                return ticket.reference
        raise AssertionError(f"no ticket for {address}")
    return mail


@pytest.mark.usefixtures("premigrated")
async def test_a_month_mailed_over_smtp_gives_a_register_that_matches_the_events(
        database_url: str, tmp_path: Path) -> None:
    clock = Clock(now=START)
    # The service's own clock, moved by the scenario.
    async with running_service(database_url, tmp_path, clock=clock) as service:
        desk = service.services.desk
        refs = await month_of_requests(desk, clock, _mailer(service), _confirmer(service))
        await check_register(desk, clock, service.services.db, desk.config.orgs, refs)
