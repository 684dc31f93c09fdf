"""Complaint routes come from the real policies through the real knowledge base."""

from __future__ import annotations

from bot.desk.routes import complaint_routes
from bot.organisations import Organisations
from knowledge import KnowledgeBase, read_policy_file


def test_routes_quote_the_policies(orgs: Organisations) -> None:
    kb = KnowledgeBase([read_policy_file(org.policy, policy_id=org.id) for org in orgs.items])
    routes = complaint_routes(kb, orgs)
    assert "imgn" in routes
    assert "ICO" in routes["imgn"]
    assert routes["imgn"].startswith("\u201c")
    assert "IMGN Studio privacy policy" in routes["imgn"]
    for route in routes.values():
        assert "complain" in route.lower() or "commissioner" in route.lower()
