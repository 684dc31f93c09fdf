"""The organisation's own complaint route, found in its policy by the knowledge base.

The complaint acknowledgement quotes it; the Desk takes the texts as `complaint_routes`
(org id -> text) when it is built, so mail handling never waits on a search. Where the policy
says nothing the knowledge base is sure of, the acknowledgement falls back to the ICO's
address (bot.desk.core.ICO_ROUTE).
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
