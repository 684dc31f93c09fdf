"""Turning other packages' values into the Slack view models in cards.py.

The only place that knows the shapes of storage records and knowledge answers, so that a
renamed field breaks one small function rather than every block builder.
"""

from __future__ import annotations

from typing import Any

from bot.organisations import Organisation, Organisations
from bot.slack.cards import AnswerView, EventLine, Source, TicketCard
from bot.workflow.checklist import Checklist
from bot.workflow.uncertainty import check_intents
from bot.workflow.verification import needs_verification
from knowledge.models import Answer, Citation
from storage.records import EventRecord, MessageRecord, TicketRecord


def requester_label(ticket: TicketRecord) -> str:
    name = (ticket.requester_name or "").strip()
    return f"{name} <{ticket.requester_address}>" if name else ticket.requester_address


def first_inbound(messages: list[MessageRecord]) -> MessageRecord | None:
    return next((m for m in messages if m.direction == "in"), None)


def ticket_card(ticket: TicketRecord, org: Organisation | None,
                messages: list[MessageRecord] | None = None,
                checklist: Checklist | None = None) -> TicketCard:
    """The card for a ticket; `messages` (its mail, oldest first) supplies the excerpt,
    `checklist` (bot/desk/checklist.py) the progress through the organisation's systems."""
    first = first_inbound(messages or [])
    return TicketCard(
        reference=ticket.reference,
        org_id=ticket.organisation,
        organisation=org.name if org else ticket.organisation,
        intents=tuple(ticket.intents),
        state=ticket.state,
        requester=requester_label(ticket),
        received_at=ticket.received_at,
        due_date=ticket.due_date,
        verified=ticket.verified_at is not None,
        needs_verification=needs_verification(ticket.intents) or ticket.manual_check_required,
        assignee=ticket.assigned_to,
        subject=ticket.subject or (first.subject if first and first.subject else ""),
        excerpt=first.excerpt if first else "",
        check_intents=tuple(check_intents(first.intents, first.scores,
                                          ticket_intents=ticket.intents)) if first else (),
        checklist=checklist.progress if checklist is not None else "",
        systems_left=tuple(checklist.missing) if checklist is not None else (),
    )


def event_line(event: EventRecord) -> EventLine:
    return EventLine(kind=event.kind, actor=event.actor, at=event.at, data=dict(event.data))


def _org_name(citation: Citation, orgs: Organisations) -> str:
    if citation.organisation:
        return citation.organisation
    known = next((org for org in orgs.items if org.id == citation.policy), None)
    return known.name if known else citation.policy


def source(citation: Citation, orgs: Organisations) -> Source:
    return Source(organisation=_org_name(citation, orgs), section=citation.section,
                  heading=citation.heading, path=citation.path, quote=citation.quote,
                  links=citation.links)


def answer_view(answer: Answer, *, question_id: int, orgs: Organisations,
                scope: Organisation | None) -> AnswerView:
    return AnswerView(
        question_id=str(question_id),
        question=answer.question,
        answered=answer.answered,
        answer=answer.answer,
        confidence=answer.confidence,
        citations=tuple(source(c, orgs) for c in answer.citations),
        pointers=tuple(source(c, orgs) for c in answer.pointers),
        scope=scope.name if scope else None,
    )


def acting_user(body: dict[str, Any]) -> str:
    """The Slack user id of whoever clicked or submitted, from an interaction's payload."""
    return str((body.get("user") or {}).get("id", ""))
