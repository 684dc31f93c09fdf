"""Which mails go back to a requester, decided from facts about a ticket; no I/O here.

Rules (the rights workflow in docs/tickets.md):
- never answer auto-replies, bounces or bulk mail;
- the suppression list is for MARKETING only: it never holds back the correspondence of a
  rights request (verification request, acknowledgement, reminder, closed-unverified
  notice, complaint acknowledgement, opt-out confirmation), so someone who once opted out
  can still verify an access or erasure request by mail; privacybot sends no marketing, so
  `SUPPRESSIBLE` is empty, and the rule stays here for any kind that ever is;
- at most `max_auto_replies_per_day` automatic replies per address per day, the most
  important first (opt-out confirmation, verification request, complaint acknowledgement,
  acknowledgement), the rest withheld and recorded;
- nothing about a data subject to an unverified address: before verification only the
  verification request (generic: reference and code) goes out; the acknowledgement with its
  due date follows verification.
Notices that follow a team member's decision (extension, refusal, done, clarification, fee
asked, fee received) are
the law's own correspondence (Art. 12(3)-(5)) and are not automatic replies: they are sent
whatever the suppression list and the daily limit say.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from bot.workflow.verification import needs_verification


class ReplyKind(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    VERIFICATION_REQUEST = "verification_request"
    OPT_OUT_CONFIRMATION = "opt_out_confirmation"
    COMPLAINT_ACK = "complaint_ack"
    EXTENSION_NOTICE = "extension_notice"
    CLARIFICATION_REQUEST = "clarification_request"
    REFUSAL = "refusal"
    DONE_NOTICE = "done_notice"
    UNVERIFIED_REMINDER = "unverified_reminder"
    CLOSED_UNVERIFIED = "closed_unverified"
    FEE_REQUEST = "fee_request"
    FEE_RECEIVED = "fee_received"
    # The code was locked after too many wrong tries; the owner denied making the request.
    VERIFICATION_LOCKED = "verification_locked"
    REQUEST_DISPUTED = "request_disputed"
    # A team member's own words to the requester (tickets reply, the Slack Reply modal).
    TEAM_REPLY = "team_reply"
    # The link to the requester's access pack (`tickets export --send`), sent by the team.
    PACK_LINK = "pack_link"


AUTOMATIC = frozenset({
    ReplyKind.ACKNOWLEDGEMENT, ReplyKind.VERIFICATION_REQUEST, ReplyKind.OPT_OUT_CONFIRMATION,
    ReplyKind.COMPLAINT_ACK, ReplyKind.UNVERIFIED_REMINDER, ReplyKind.CLOSED_UNVERIFIED,
    ReplyKind.VERIFICATION_LOCKED, ReplyKind.REQUEST_DISPUTED,
})
PRIORITY = (
    ReplyKind.OPT_OUT_CONFIRMATION, ReplyKind.VERIFICATION_REQUEST, ReplyKind.COMPLAINT_ACK,
    ReplyKind.ACKNOWLEDGEMENT, ReplyKind.UNVERIFIED_REMINDER, ReplyKind.CLOSED_UNVERIFIED,
    ReplyKind.VERIFICATION_LOCKED, ReplyKind.REQUEST_DISPUTED,
)
# Kinds the suppression list holds back: marketing only, which privacybot never sends.
SUPPRESSIBLE: frozenset[ReplyKind] = frozenset()
# Mails that carry a one-click unsubscribe (RFC 8058): everything but the confirmation of one.
UNSUBSCRIBE_HEADER = frozenset(ReplyKind) - {ReplyKind.OPT_OUT_CONFIRMATION}


class Withheld(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: ReplyKind
    reason: str


class ReplyPlan(BaseModel):
    """What to send, in order, and what was held back and why (for the audit trail)."""

    model_config = ConfigDict(frozen=True)

    send: tuple[ReplyKind, ...] = ()
    withheld: tuple[Withheld, ...] = ()


def replies_for_new_ticket(intents: Iterable[str], *,
                           identity_known: bool = False) -> list[ReplyKind]:
    """The mails a newly opened ticket wants, before the sending rules are applied.

    `identity_known`: the requester already proved their identity for this address on the
    ticket the new request came in reply to (a chaser from a verified requester); they are
    not asked to verify again, and get the acknowledgement once identity is carried over."""
    wanted = set(intents)
    kinds: list[ReplyKind] = []
    if "opt_out" in wanted:
        kinds.append(ReplyKind.OPT_OUT_CONFIRMATION)
    if needs_verification(wanted) and not identity_known:
        kinds.append(ReplyKind.VERIFICATION_REQUEST)
    if "complaint" in wanted:
        kinds.append(ReplyKind.COMPLAINT_ACK)
    others = wanted - {"opt_out", "complaint"}
    if others and not needs_verification(others):
        kinds.append(ReplyKind.ACKNOWLEDGEMENT)
    return kinds


def closing_subject(intents: Iterable[str]) -> str:
    """What a done notice speaks of: 'complaint' (a complaint, with at most the opt-out done
    at once), 'request_and_complaint', or 'request'."""
    wanted = set(intents) - {"opt_out"}
    if "complaint" not in wanted:
        return "request"
    return "complaint" if wanted == {"complaint"} else "request_and_complaint"


def plan(
    wanted: Iterable[ReplyKind],
    *,
    auto_reply: bool,
    suppressed: bool,
    sent_today: int,
    max_per_day: int,
) -> ReplyPlan:
    """Apply the never-reply, suppression and rate rules to the mails a ticket wants.

    The daily limit still holds for the verification request: it is the guard against a
    forged From making us mail a third party over and over; a verification request it holds
    back is flagged for the team (`manual_check_needed`), who can check identity by other
    means."""
    ordered = sorted(
        dict.fromkeys(wanted),
        key=lambda kind: PRIORITY.index(kind) if kind in PRIORITY else len(PRIORITY),
    )
    send: list[ReplyKind] = []
    withheld: list[Withheld] = []
    budget = max(0, max_per_day - sent_today)
    for kind in ordered:
        if auto_reply:
            withheld.append(Withheld(kind=kind, reason="auto-reply, bounce or bulk mail"))
        elif kind not in AUTOMATIC:
            send.append(kind)
        elif suppressed and kind in SUPPRESSIBLE:
            withheld.append(Withheld(kind=kind, reason="address is on the suppression list"))
        elif budget <= 0:
            withheld.append(Withheld(
                kind=kind, reason=f"daily limit of {max_per_day} automatic replies reached"))
        else:
            budget -= 1
            send.append(kind)
    return ReplyPlan(send=tuple(send), withheld=tuple(withheld))
