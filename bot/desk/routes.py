"""The organisation's own complaint route: confirmed in the organisations file, suggested
from its policy by the knowledge base.

The complaint acknowledgement quotes the confirmed one (`complaint_route` in the file); the
Desk takes the texts as `complaint_routes` (org id -> text) when it is built, so mail
handling never waits on a search. The policy's complaint section is only a suggestion,
logged at start-up for the team to confirm: what a legal notice says is the team's choice.
Without a route, the acknowledgement names only the organisation's supervisory authority
(bot.authorities), which every such text names anyway.
"""

from __future__ import annotations

from typing import Protocol

from bot.organisations import Organisations
from knowledge import Answer

QUESTIONS = (
    "How do I make a complaint about how my data is handled?",
    "How can I complain about how you use my data?",
    "Who do I contact with a complaint?",
)


class AsksPolicies(Protocol):
    def ask(self, question: str, policy: str | None = None) -> Answer: ...


def complaint_route(kb: AsksPolicies, org_id: str, org_name: str) -> str | None:
    """The best-supported answer, quoted with its section, or None."""
    best: Answer | None = None
    for question in QUESTIONS:
        answer = kb.ask(question, policy=org_id)
        if answer.answered and answer.citations and (
                best is None or answer.confidence > best.confidence):
            best = answer
    if best is None:
        return None
    heading = best.citations[0].heading
    return f"\u201c{best.answer.strip()}\u201d\n({org_name} privacy policy, {heading})"


def complaint_routes(kb: AsksPolicies, orgs: Organisations) -> dict[str, str]:
    """org id -> quoted route, for every organisation whose policy has one."""
    found: dict[str, str] = {}
    for org in orgs.items:
        route = complaint_route(kb, org.id, org.name)
        if route:
            found[org.id] = route
    return found


def configured_routes(orgs: Organisations) -> dict[str, str]:
    """org id -> the route its entry in the organisations file confirms."""
    return {org.id: org.complaint_route.strip() for org in orgs.items
            if org.complaint_route.strip()}


def unconfirmed_suggestions(kb: AsksPolicies, orgs: Organisations) -> dict[str, str]:
    """org id -> the policy's route, for organisations that have not configured one."""
    confirmed = configured_routes(orgs)
    return {org_id: route for org_id, route in complaint_routes(kb, orgs).items()
            if org_id not in confirmed}
