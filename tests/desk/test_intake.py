"""Receiving mail: tickets, threading, duplicates, never-reply rules and the replies queued."""

from __future__ import annotations

from datetime import date

import pytest

from bot.desk import Desk
from storage import Database
from tests.desk.conftest import ROUTE, Clock, body, code_in, outbox, parse, receive


async def test_erasure_request_then_reply_with_code(desk: Desk, clock: Clock) -> None:
    first = await receive(desk, subject="Delete my data", text="Please erase my account.",
                          intents=["erasure"])
    assert first.outcome == "created"
    assert first.reference == "AIM-2026-0001"
    assert first.state == "awaiting_identity"
    assert first.replies == ["verification_request"]
    [mail] = await outbox(desk, first.reference)
    message = parse(mail)
    assert message["To"] == "bob@example.com"
    assert "[AIM-2026-0001]" in message["Subject"]
    assert message["In-Reply-To"] == first.message_id
    assert message["Auto-Submitted"] == "auto-replied"
    assert str(message["From"]) == "Aimigos Studio <hello@aimigos.studio>"
    assert "erase" not in body(mail)  # nothing about the request to an unverified address
    view = await desk.get_ticket(first.reference)
    assert view.ticket.due_date is None  # the clock waits for identity

    clock.advance(days=2)
    reply = await receive(desk, subject=f"Re: {message['Subject']}",
                          text=f"My code is {code_in(mail)}", in_reply_to=message["Message-ID"],
                          sender="bob@example.com")
    assert reply.outcome == "joined"
    assert reply.verified
    assert reply.state == "in_progress"
    assert reply.replies == ["acknowledgement"]
    view = await desk.get_ticket(first.reference)
    assert view.ticket.clock_started_at is not None
    assert view.ticket.clock_started_at.date() == date(2026, 11, 26)
    assert view.ticket.due_date == date(2026, 12, 29)  # 26 Dec is Boxing Day (Sat) -> Tue 29
    ack = view.outbox[-1]
    assert "29 December 2026" in body(ack)
    kinds = [event.kind for event in view.events]
    assert kinds[0] == "ticket_opened"
    assert "identity_verified" in kinds
    assert all(event.at.tzinfo is not None for event in view.events)


async def test_same_message_id_twice_makes_one_ticket(desk: Desk, db: Database) -> None:
    first = await receive(desk, intents=["access"], message_id="<same@example.com>")
    again = await receive(desk, intents=["access"], message_id="<same@example.com>")
    assert again.outcome == "duplicate"
    assert again.reference == first.reference
    async with db.transaction() as tx:
        assert await tx.tickets.count() == 1
        assert len(await tx.outbox.for_ticket(1)) == 1


async def test_missing_message_id_is_made_from_the_bytes(desk: Desk) -> None:
    from tests.desk.conftest import mail

    raw, inbound, classification = mail(intents=["opt_out"], message_id=None)
    first = await desk.receive_mail("aimigos", raw, inbound, classification,
                                    envelope_from="bob@example.com")
    again = await desk.receive_mail("aimigos", raw, inbound, classification,
                                    envelope_from="bob@example.com")
    assert first.message_id.startswith("<sha256-")
    assert again.outcome == "duplicate"
    assert again.message_id == first.message_id


async def test_opt_out_is_automatic(desk: Desk) -> None:
    result = await receive(desk, sender="Bob <Bob+News@Example.com>", intents=["opt_out"],
                           subject="unsubscribe")
    assert result.outcome == "created"
    assert result.state == "done"
    assert result.suppressed
    assert result.replies == ["opt_out_confirmation"]
    check = await desk.suppression_check("aimigos", "bob@example.com")
    assert check.suppressed
    assert check.address == "bob@example.com"
    [confirmation] = await outbox(desk, result.reference or "")
    assert parse(confirmation)["List-Unsubscribe"] is None
    # Opting out again still gets the confirmation: the one mail a suppressed address gets.
    again = await receive(desk, sender="bob@example.com", intents=["opt_out"])
    assert again.replies == ["opt_out_confirmation"]


async def test_access_and_opt_out_in_one_mail(desk: Desk) -> None:
    result = await receive(desk, intents=["access", "opt_out"])
    assert result.state == "awaiting_identity"
    assert result.replies == ["opt_out_confirmation", "verification_request"]
    assert (await desk.suppression_check("aimigos", "bob@example.com")).suppressed


async def test_suppressed_address_still_gets_its_rights_request_mail(desk: Desk,
                                                                      clock: Clock) -> None:
    # The suppression list is for marketing: someone who once opted out can still verify.
    await desk.suppression_add("aimigos", "bob@example.com", "alice", "cli")
    result = await receive(desk, intents=["access"])
    assert result.replies == ["verification_request"]
    assert result.withheld == []
    [verification] = await outbox(desk, result.reference or "")
    reply = await receive(desk, sender="bob@example.com", text=f"code {code_in(verification)}",
                          in_reply_to=parse(verification)["Message-ID"])
    assert reply.verified
    assert reply.replies == ["acknowledgement"]
    view = await desk.get_ticket(result.reference or "")
    assert "manual_check_needed" not in [event.kind for event in view.events]
    # the sweep's reminder and closed-unverified notice reach a suppressed address too
    late = await receive(desk, intents=["erasure"])
    clock.advance(days=7)
    assert (await desk.sweep()).reminded == [late.reference]
    clock.advance(days=30)
    assert (await desk.sweep()).closed == [late.reference]
    kinds = [mail.kind for mail in await outbox(desk, late.reference or "")]
    assert kinds == ["verification_request", "unverified_reminder", "closed_unverified"]
    complaint = await receive(desk, intents=["complaint"])
    assert complaint.replies == ["complaint_ack"]


async def test_complaint_quotes_the_policy_route(desk: Desk, orgs: object) -> None:
    result = await receive(desk, intents=["complaint"], subject="I am unhappy")
    assert result.state == "in_progress"
    assert result.replies == ["complaint_ack"]
    [ack] = await outbox(desk, result.reference or "")
    assert ROUTE in body(ack)
    assert "ico.org.uk" in body(ack)
    view = await desk.get_ticket(result.reference or "")
    assert view.ticket.due_date == date(2026, 12, 24)  # acknowledged within 30 days


async def test_no_intent_is_stored_for_the_team(desk: Desk, db: Database) -> None:
    result = await receive(desk, intents=[], subject="Do you sell gift cards?")
    assert result.outcome == "no_intent"
    assert result.reference is None
    async with db.transaction() as tx:
        assert await tx.tickets.count() == 0
        [stored] = await tx.messages.unticketed(organisation="aimigos")
        events = await tx.events.after(0)
        assert await tx.outbox.by_status() == []
    assert stored.subject == "Do you sell gift cards?"
    assert [event.kind for event in events] == ["mail_without_intent"]


async def test_auto_replies_and_bounces_get_nothing(desk: Desk, db: Database) -> None:
    ooo = await receive(desk, intents=["opt_out"], auto_reply=True, subject="Out of office")
    assert ooo.outcome == "ignored"
    from tests.desk.conftest import mail

    raw, inbound, classification = mail(sender="MAILER-DAEMON@example.com", intents=["access"])
    bounce = await desk.receive_mail("aimigos", raw, inbound, classification, envelope_from="")
    assert bounce.outcome == "ignored"
    async with db.transaction() as tx:
        assert await tx.tickets.count() == 0
        assert await tx.outbox.by_status() == []


async def test_subject_reference_from_stranger_opens_linked_ticket(desk: Desk) -> None:
    first = await receive(desk, intents=["access"])
    ref = first.reference or ""
    stranger = await receive(desk, sender="eve@evil.example", subject=f"Re: [{ref}]",
                             intents=["access"])
    assert stranger.outcome == "linked"
    assert stranger.reference != ref
    assert stranger.linked_reference == ref
    view = await desk.get_ticket(stranger.reference or "")
    assert view.linked_reference == ref
    assert view.ticket.requester_address == "eve@evil.example"
    original = await desk.get_ticket(ref)
    assert original.ticket.requester_address == "bob@example.com"
    assert "linked_ticket_opened" in [event.kind for event in original.events]


async def test_subject_reference_from_requester_joins(desk: Desk) -> None:
    first = await receive(desk, intents=["access"])
    joined = await receive(desk, sender="BOB+x@example.com",
                           subject=f"About {first.reference}", text="any news?", intents=[])
    assert joined.outcome == "joined"
    assert joined.reference == first.reference


async def test_forged_message_id_does_not_join(desk: Desk) -> None:
    first = await receive(desk, intents=["access"])
    forged = f"<pb.{first.reference}.0123456789abcdef.{'0' * 32}@aimigos.studio>"
    other = await receive(desk, sender="eve@evil.example", in_reply_to=forged,
                          intents=["erasure"])
    assert other.outcome == "created"
    assert other.reference != first.reference


async def test_daily_limit_on_automatic_replies(desk: Desk) -> None:
    results = [await receive(desk, intents=["complaint"]) for _ in range(6)]
    assert [len(result.replies) for result in results] == [1, 1, 1, 1, 1, 0]
    assert results[-1].withheld == ["complaint_ack"]


async def test_reply_in_the_clients_language(desk: Desk) -> None:
    result = await receive(desk, intents=["erasure"], language="es", text="Borren mis datos")
    [mail] = await outbox(desk, result.reference or "")
    assert "Confirme su solicitud" in parse(mail)["Subject"]
    fr = await receive(desk, intents=["access"], language="pt", sender="ana@example.com")
    [mail] = await outbox(desk, fr.reference or "")
    assert "Please confirm" in parse(mail)["Subject"]


async def test_unknown_organisation(desk: Desk) -> None:
    from bot.errors import UnknownOrganisationError
    from tests.desk.conftest import mail

    raw, inbound, classification = mail(intents=["access"])
    with pytest.raises(UnknownOrganisationError):
        await desk.receive_mail("nobody", raw, inbound, classification, envelope_from=None)


async def test_hostile_text_is_stored_safely(desk: Desk) -> None:
    from tests.desk.conftest import mail

    raw, inbound, classification = mail(intents=["complaint"], text="ok")
    hostile = inbound.model_copy(update={
        "subject": "Bad\x00subject \ud800", "text": "body\x00with NUL \udcff",
        "from_name": "Eve\x00", "message_id": "<evil\x00@example.com>"})
    result = await desk.receive_mail("aimigos", raw, hostile, classification,
                                     envelope_from="eve@example.com")
    assert result.outcome == "created"
    assert result.message_id.startswith("<sha256-")
    view = await desk.get_ticket(result.reference or "")
    assert view.ticket.subject == "Badsubject ?"
    assert view.ticket.requester_name == "Eve"


async def test_our_own_address_is_never_answered(desk: Desk, db: Database) -> None:
    looped = await receive(desk, sender="Aimigos Studio <hello@aimigos.studio>",
                           intents=["opt_out"])
    assert looped.outcome == "ignored"
    cross = await receive(desk, sender="studio@imgnstudio.com", intents=["access"])
    assert cross.outcome == "ignored"
    async with db.transaction() as tx:
        assert await tx.outbox.by_status() == []


async def test_subject_naming_several_references_joins_the_senders_own(desk: Desk) -> None:
    bobs = await receive(desk, intents=["access"])
    eves = await receive(desk, intents=["access"], sender="eve@example.org")
    reply = await receive(desk, sender="eve@example.org", intents=[],
                          subject=f"{bobs.reference} and {eves.reference}")
    assert reply.outcome == "joined"
    assert reply.reference == eves.reference


async def test_a_code_only_in_the_quoted_copy_does_not_verify(desk: Desk) -> None:
    """Issue 16.1: the owner who answers "that wasn't me" quotes our mail, code and all; a
    code counts only in the requester's own words, and never without our Message-ID."""
    from tests.desk.conftest import mail

    first = await receive(desk, intents=["access"])
    [verification] = await outbox(desk, first.reference or "")
    message = parse(verification)
    quoted = "\n".join(f"> {line}" for line in body(verification).splitlines())
    raw, inbound, classification = mail(text="Thanks.", sender="bob@example.com",
                                        in_reply_to=message["Message-ID"])
    reply = inbound.model_copy(update={"quoted": quoted})
    result = await desk.receive_mail("aimigos", raw, reply, classification,
                                     envelope_from="bob@example.com")
    assert result.outcome == "joined"
    assert not result.verified
    view = await desk.get_ticket(first.reference or "")
    [skipped] = [e for e in view.events if e.kind == "code_not_checked"]
    assert "copy of our mail" in skipped.data["reason"]
    assert not any(e.kind == "verification_failed" for e in view.events)  # no attempt used
    # the code typed in the reply itself still verifies
    raw, inbound, classification = mail(text=f"My code: {code_in(verification)}",
                                        sender="bob@example.com",
                                        in_reply_to=message["Message-ID"])
    typed = await desk.receive_mail("aimigos", raw, inbound.model_copy(
        update={"quoted": quoted}), classification, envelope_from="bob@example.com")
    assert typed.verified


async def test_complaint_without_a_policy_route_names_the_ico(desk: Desk) -> None:
    from tests.desk.conftest import mail

    raw, inbound, classification = mail(intents=["complaint"])
    result = await desk.receive_mail("imgn", raw, inbound, classification,
                                     envelope_from="bob@example.com")
    [ack] = await outbox(desk, result.reference or "")
    text = body(ack)
    assert "privacy policy's words" not in text
    assert text.count("Wycliffe House") == 1


async def test_a_new_request_sent_as_a_reply_opens_a_linked_ticket(desk: Desk) -> None:
    optout = await receive(desk, intents=["opt_out"], subject="unsubscribe")
    assert optout.state == "done"
    [confirmation] = await outbox(desk, optout.reference or "")
    reply = await receive(desk, sender="bob@example.com", intents=["erasure"],
                          subject=f"Re: {parse(confirmation)['Subject']}",
                          text="Now please also delete all my personal data",
                          in_reply_to=parse(confirmation)["Message-ID"])
    assert reply.outcome == "linked"
    assert reply.reference not in (None, optout.reference)
    assert reply.linked_reference == optout.reference
    assert reply.state == "awaiting_identity"
    assert reply.replies == ["verification_request"]  # the opt-out does not hold it back
    new = await desk.get_ticket(reply.reference or "")
    assert new.ticket.intents == ["erasure"]
    assert new.linked_reference == optout.reference
    old = await desk.get_ticket(optout.reference or "")
    kinds = [event.kind for event in old.events]
    assert "reply_received" in kinds
    assert "linked_ticket_opened" in kinds
    assert old.ticket.state == "done"


async def test_an_access_request_added_to_a_complaint_gets_its_own_ticket(desk: Desk) -> None:
    complaint = await receive(desk, intents=["complaint"], subject="I am unhappy")
    reply = await receive(desk, sender="bob@example.com", intents=["complaint", "access"],
                          subject=f"Re: [{complaint.reference}]",
                          text="And send me a copy of my data")
    assert reply.outcome == "linked"
    assert reply.linked_reference == complaint.reference
    assert reply.replies == ["verification_request"]
    new = await desk.get_ticket(reply.reference or "")
    assert new.ticket.intents == ["access"]  # the complaint already has its ticket
    assert new.ticket.state == "awaiting_identity"
    assert [o.kind for o in new.outbox] == ["verification_request"]
    assert parse(new.outbox[0])["In-Reply-To"] == reply.message_id
    # a reply within what the ticket already covers still joins it
    more = await receive(desk, sender="bob@example.com", intents=["complaint"],
                         subject=f"Re: [{complaint.reference}]", text="Still unhappy")
    assert more.outcome == "joined"
    assert more.reference == complaint.reference


async def test_forged_subject_reference_cannot_use_up_the_code_attempts(desk: Desk) -> None:
    first = await receive(desk, intents=["erasure"])
    reference = first.reference or ""
    [verification] = await outbox(desk, reference)
    for guess in range(5):  # forged From, the reference in the subject, several codes each
        forged = await receive(desk, sender="bob@example.com", subject=f"Re: [{reference}]",
                               text=f"{guess}00000 {guess}11111 {guess}22222")
        assert forged.outcome == "joined"
        assert not forged.verified
    view = await desk.get_ticket(reference)
    kinds = [event.kind for event in view.events]
    assert "verification_failed" not in kinds
    assert kinds.count("code_not_checked") == 5
    genuine = await receive(desk, sender="bob@example.com", text=f"{code_in(verification)}",
                            subject=f"Re: {parse(verification)['Subject']}",
                            in_reply_to=parse(verification)["Message-ID"])
    assert genuine.verified


async def test_used_up_code_attempts_do_not_lock_the_link(desk: Desk) -> None:
    from bot.errors import VerificationError
    from tests.desk.conftest import link_token_in

    first = await receive(desk, intents=["access"])
    reference = first.reference or ""
    [verification] = await outbox(desk, reference)
    for _ in range(5):  # proven replies from the requester's address, all wrong
        await receive(desk, sender="bob@example.com", text="000000 999999",
                      in_reply_to=parse(verification)["Message-ID"])
    with pytest.raises(VerificationError, match="too many wrong codes"):
        await desk.verify_code(reference, code_in(verification), "alice", "cli")
    done = await desk.verify_token(link_token_in(verification))
    assert done.verified


async def test_resend_code_voids_the_old_challenge(desk: Desk) -> None:
    from bot.errors import VerificationError
    from tests.desk.conftest import link_token_in

    first = await receive(desk, intents=["erasure"])
    reference = first.reference or ""
    [old] = await outbox(desk, reference)
    for _ in range(5):
        with pytest.raises(VerificationError):
            await desk.verify_code(reference, "000000", "alice", "cli")
    resent = await desk.resend_code(reference, "alice", "cli")
    assert resent.replies == ["verification_request"]
    new = (await outbox(desk, reference))[-1]
    assert code_in(new) != code_in(old) or link_token_in(new) != link_token_in(old)
    with pytest.raises(VerificationError, match="replaced by a newer one"):
        await desk.verify_token(link_token_in(old))
    view = await desk.get_ticket(reference)
    assert [e.kind for e in view.events if e.kind == "verification_resent"] == [
        "verification_resent"]
    done = await desk.verify_code(reference, code_in(new), "alice", "cli")
    assert done.verified
    with pytest.raises(VerificationError, match="already verified"):
        await desk.resend_code(reference, "alice", "cli")
