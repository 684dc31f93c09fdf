"""Identity: trying a code or link, recording a manual check, and starting the clock.

A requester's identity is complete when the emailed code or link was confirmed and, where
the organisation asks for it, a team member recorded a manual check; where it does not, a
manual check alone also completes it (the fallback when mail to the requester cannot be
used). Completion starts the clock: the due date counts from that day, the ticket moves to
in_progress and the requester gets the acknowledgement with the due date; unless a fee the
team asked for is still unpaid: then the ticket moves to awaiting_fee and the clock starts
when the fee arrives (bot/desk/fees.py). The last wrong code a challenge allows locks it:
the requester and the team are told, and only the team sends a new one (`resend_code`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.desk.core import Unit
from bot.organisations import Organisation
from bot.workflow import deadlines, tokens, verification
from bot.workflow.attention import VERIFICATION_LOCKED
from bot.workflow.fees import fee_status
from bot.workflow.replies import ReplyKind
from bot.workflow.states import FINAL, TicketState, transition
from bot.workflow.verification import Challenge, Outcome
from storage import TicketRecord, TicketUpdate, VerificationRecord

CODE = "code"
CARRIED = "carried over from"
CLOCK_WAITS_FOR_FEE = "identity_verified_fee_awaited"
MANUAL = "manual"


def methods(ticket: TicketRecord) -> list[str]:
    return [part for part in (ticket.verification_method or "").split("; ") if part]


def _settled(ticket: TicketRecord) -> Outcome | None:
    """Why no code or link can change this ticket's identity any more, or None."""
    if CODE in methods(ticket) or ticket.verified_at is not None:
        return Outcome.ALREADY
    if ticket.state != TicketState.AWAITING_IDENTITY:
        return Outcome.CLOSED
    return None


def _challenge(record: VerificationRecord, attempts: int) -> Challenge:
    return Challenge(code_hash=record.code_hash, link_hash=record.token_hash,
                     expires_at=record.expires_at, attempts=attempts,
                     max_attempts=record.max_attempts, verified_at=record.used_at)


async def _pending(unit: Unit, ticket: TicketRecord) -> tuple[VerificationRecord | None, Outcome]:
    """The challenge a try is counted against, or why there is none to try. Only the newest
    challenge counts: a newer one (a reminder, a code sent again) makes the older ones void."""
    latest = await unit.tx.verifications.latest_for_ticket(ticket.id)
    if latest is None:
        return None, Outcome.EXPIRED
    if latest.used_at is not None:
        return None, Outcome.ALREADY
    if latest.attempts >= latest.max_attempts:
        return None, Outcome.EXHAUSTED
    if unit.now >= latest.expires_at:
        return None, Outcome.EXPIRED
    return latest, Outcome.WRONG


async def try_code(unit: Unit, org: Organisation, ticket: TicketRecord,
                   candidates: list[str]) -> tuple[TicketRecord, Outcome, int]:
    """Try one or more codes (a reply may hold several numbers) as ONE counted attempt."""
    if (early := _settled(ticket)) is not None:
        return ticket, early, 0
    record, why = await _pending(unit, ticket)
    if record is None:
        unit.event("verification_failed", ticket, outcome=why.value)
        return ticket, why, 0
    counted = await unit.tx.verifications.record_attempt(record.id)
    if counted.attempts > counted.max_attempts:
        unit.event("verification_failed", ticket, outcome=Outcome.EXHAUSTED.value)
        return ticket, Outcome.EXHAUSTED, 0
    challenge = _challenge(counted, counted.attempts - 1)
    for code in candidates:
        outcome = verification.check_code(challenge, unit.config.secret, ticket.reference,
                                          code, now=unit.now)
        if outcome is Outcome.VERIFIED:
            await unit.tx.verifications.mark_used(record.id, unit.now)
            return await confirmed(unit, org, ticket, CODE, "requester"), outcome, 0
    left = counted.max_attempts - counted.attempts
    unit.event("verification_failed", ticket, outcome=Outcome.WRONG.value, attempts_left=left)
    if left == 0:
        await _locked(unit, org, ticket, counted.attempts)
    return ticket, Outcome.WRONG, left


async def _locked(unit: Unit, org: Organisation, ticket: TicketRecord, attempts: int) -> None:
    """The last allowed attempt was wrong: the code is locked (the link is not). Nobody may
    be left waiting in silence: the team gets a note (bot.workflow.attention) and a Slack
    line, and the requester a mail saying the team will send a new code. A new code is never
    sent automatically: a stranger guessing codes would get five more guesses each time."""
    unit.event(VERIFICATION_LOCKED, ticket, attempts=attempts,
               note="the team sends a new code (tickets resend-code) or checks identity "
                    "another way")
    await unit.send(org, ticket, [ReplyKind.VERIFICATION_LOCKED])


async def try_link(unit: Unit, org: Organisation, ticket: TicketRecord,
                   token: str) -> tuple[TicketRecord, Outcome]:
    """The emailed link: its digest must match the ticket's newest challenge. Wrong codes
    do not lock the link (anyone can send a mail with guesses; only the address's owner
    has the link); a challenge replaced by a newer one is void."""
    if (early := _settled(ticket)) is not None:
        return ticket, early
    record = await unit.tx.verifications.by_token_hash(
        tokens.token_digest(unit.config.secret, token))
    if record is None or record.ticket_id != ticket.id:
        unit.event("verification_failed", ticket, outcome="unknown_link")
        return ticket, Outcome.WRONG
    latest = await unit.tx.verifications.latest_for_ticket(ticket.id)
    if latest is not None and latest.id != record.id and record.used_at is None:
        unit.event("verification_failed", ticket, outcome=Outcome.SUPERSEDED.value)
        return ticket, Outcome.SUPERSEDED
    outcome = verification.check_link(_challenge(record, record.attempts), record.token_hash,
                                      now=unit.now)
    if outcome is not Outcome.VERIFIED:
        unit.event("verification_failed", ticket, outcome=outcome.value)
        return ticket, outcome
    await unit.tx.verifications.mark_used(record.id, unit.now)
    return await confirmed(unit, org, ticket, CODE, "requester"), outcome


async def resend_code(unit: Unit, org: Organisation, ticket: TicketRecord) -> TicketRecord:
    """A team member sends a fresh code and link; every earlier challenge becomes void (a
    locked code too: the new one has its full attempts). It follows a person's decision, so
    the daily limit does not hold it back."""
    if (early := _settled(ticket)) is not None:
        raise verification.outcome_error(early, 0)
    await unit.send_now(org, ticket, ReplyKind.VERIFICATION_REQUEST)
    unit.event("verification_resent", ticket, by=unit.actor)
    return ticket


class PendingRequest(BaseModel):
    """What a verification link asks its reader to confirm (the confirm page shows it)."""

    model_config = ConfigDict(frozen=True)

    reference: str
    organisation: str
    intents: list[str]
    state: str
    confirmed: bool = False  # the requester has already confirmed (by code or link)


def pending_request(org: Organisation, ticket: TicketRecord) -> PendingRequest:
    """The request behind a link, or the error a closed one gets. Pure."""
    if ticket.state in FINAL:
        raise verification.outcome_error(Outcome.CLOSED, 0)
    return PendingRequest(reference=ticket.reference, organisation=org.name,
                          intents=list(ticket.intents), state=ticket.state,
                          confirmed=_settled(ticket) is Outcome.ALREADY)


async def confirmed(unit: Unit, org: Organisation, ticket: TicketRecord, method: str,
                    by: str) -> TicketRecord:
    """Record one proof of identity; start the clock when the proofs are complete."""
    done = [*methods(ticket), method]
    who = [part for part in (ticket.verified_by or "").split(", ") if part] + [by]
    ticket = await unit.tx.tickets.update(ticket.id, TicketUpdate(
        verification_method="; ".join(done), verified_by=", ".join(dict.fromkeys(who))),
        now=unit.now)
    has_code = CODE in done
    has_manual = any(part.startswith(MANUAL) for part in done)
    complete = (has_code and has_manual) if ticket.manual_check_required else (
        has_code or has_manual)
    unit.event("identity_proof", ticket, method=method, by=by, complete=complete)
    if not complete:
        return ticket
    return await start_clock(unit, org, ticket)


async def start_clock(unit: Unit, org: Organisation, ticket: TicketRecord) -> TicketRecord:
    history = await unit.tx.events.for_ticket(ticket.id)
    if fee_status((event.kind, event.at, event.data) for event in history).outstanding:
        return await _wait_for_fee(unit, ticket)
    target = transition(ticket.state, TicketState.IN_PROGRESS, reference=ticket.reference)
    start = unit.now.date()
    due = deadlines.due_date(start, org)
    ticket = await unit.tx.tickets.update(ticket.id, TicketUpdate(
        state=target.value, verified_at=unit.now, clock_started_at=unit.now, due_date=due),
        now=unit.now)
    unit.event("identity_verified", ticket, state_from=TicketState.AWAITING_IDENTITY.value,
               state_to=target.value, clock_started=start.isoformat(),
               due_date=due.isoformat(), methods=methods(ticket))
    await unit.send(org, ticket, [ReplyKind.ACKNOWLEDGEMENT])
    return ticket


async def _wait_for_fee(unit: Unit, ticket: TicketRecord) -> TicketRecord:
    """Identity is complete but the fee is not paid: the clock still waits (no due date)."""
    target = transition(ticket.state, TicketState.AWAITING_FEE, reference=ticket.reference)
    ticket = await unit.tx.tickets.update(ticket.id, TicketUpdate(
        state=target.value, verified_at=unit.now), now=unit.now)
    unit.event(CLOCK_WAITS_FOR_FEE, ticket, state_from=TicketState.AWAITING_IDENTITY.value,
               state_to=target.value, methods=methods(ticket))
    return ticket


async def carry_identity(unit: Unit, org: Organisation, ticket: TicketRecord,
                         source: TicketRecord) -> TicketRecord:
    """A new request that came in a proven reply (our signed Message-ID, the requester's
    address) to `source`, whose identity is complete: the requester already proved it for
    this address, so they are not asked again and the new ticket's clock starts now."""
    method = f"{CARRIED} {source.reference}"
    ticket = await unit.tx.tickets.update(ticket.id, TicketUpdate(
        verification_method=method, verified_by=source.verified_by), now=unit.now)
    unit.event("identity_proof", ticket, method=method, by="requester", complete=True,
               source=source.reference)
    return await start_clock(unit, org, ticket)
